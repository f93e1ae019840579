package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.e2e.interop.sip.TortureMessages.Entry;
import io.switchboard.e2e.interop.sip.TortureMessages.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The RFC 4475 index is complete and consistent with the RFC's section layout. */
class TortureMessagesTest {

    private final List<Entry> all = TortureMessages.all();

    @Test
    void indexHasEveryMessageOfSection3Once() {
        assertThat(all).hasSize(49);
        assertThat(all.stream().map(Entry::name).distinct()).hasSize(49);
        assertThat(all.stream().map(Entry::section).distinct()).hasSize(49);
        Map<String, Long> perSubsection = all.stream().collect(Collectors.groupingBy(
                e -> e.section().replaceAll("^(3\\.\\d(?:\\.\\d)?).*", "$1").replaceAll("^(3\\.[234])\\..*", "$1"),
                Collectors.counting()));
        assertThat(perSubsection).containsEntry("3.1.1", 13L).containsEntry("3.1.2", 19L)
                .containsEntry("3.2", 1L).containsEntry("3.3", 15L).containsEntry("3.4", 1L);
    }

    @Test
    void invalidRequestsAreAnsweredWithAnErrorOrToleratedAndResponsesAreNeverAnswered() {
        for (Entry e : all) {
            if (!e.request()) {
                assertThat(e.expect().drop()).as(e.name()).isTrue();
                assertThat(e.expect().statuses()).as(e.name()).isEmpty();
            } else if (e.verdict() == Verdict.INVALID) {
                assertThat(e.expect().statuses()).as(e.name()).isNotEmpty()
                        .allMatch(code -> code >= 400 && code < 600);
            }
        }
    }

    @Test
    void availableMessagesStartAsTheIndexSays() {
        for (Entry e : all.stream().filter(Entry::available).toList()) {
            String start = new String(e.bytes(), 0, Math.min(16, e.bytes().length), StandardCharsets.ISO_8859_1);
            assertThat(start.startsWith("SIP/")).as(e.name()).isEqualTo(!e.request());
        }
    }
}
