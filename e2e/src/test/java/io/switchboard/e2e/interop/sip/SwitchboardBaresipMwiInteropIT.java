package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.e2e.BundledServerFixture;
import io.switchboard.e2e.interop.sip.SippRunner.Transport;
import io.switchboard.sip.mwi.MessageCounts;
import io.switchboard.sip.mwi.MessageSummary;
import io.switchboard.sip.mwi.MessageSummaryParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bundled server's message-summary notifier (RFC 3842) with baresip's {@code mwi} module, an
 * independent subscriber: baresip subscribes to its own mailbox after registering (digest, through
 * our proxy as outbound), receives the counts, and a change of the mailbox reaches it as a new
 * NOTIFY whose body our parser reads back.
 */
class SwitchboardBaresipMwiInteropIT {

    @RegisterExtension
    static final BundledServerFixture SERVER = new BundledServerFixture();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static BaresipFixture dave;

    @BeforeAll
    static void start() throws Exception {
        SERVER.register("dave", "baresip-dave");
        SERVER.register("erin", "baresip-erin");
        SERVER.server().setVoiceMailbox("dave", 2, 1);
        dave = BaresipFixture.startWithMessageWaiting(new BaresipFixture.Config("dave", SERVER.domain(),
                "baresip-dave", "127.0.0.1:" + SERVER.sipPort(), "erin", Transport.UDP));
        try {
            dave.awaitRegistered(WAIT);
        } catch (RuntimeException e) {
            throw new AssertionError("baresip did not register; its output:\n" + dave.output(), e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (dave != null) {
            dave.close(false);
        }
    }

    @Test
    void baresipSeesTheMailboxAndItsChanges() throws Exception {
        JsonNode first = awaitMwi(0);
        assertThat(summary(first).messagesWaiting()).isTrue();
        assertThat(summary(first).voice()).isEqualTo(MessageCounts.of(2, 1));

        int seen = dave.events().size();
        SERVER.server().setVoiceMailbox("dave", 0, 3);

        JsonNode changed = awaitMwi(seen);
        assertThat(summary(changed).messagesWaiting()).isFalse();
        assertThat(summary(changed).voice()).isEqualTo(MessageCounts.of(0, 3));
    }

    private static JsonNode awaitMwi(int skip) throws Exception {
        try {
            return dave.awaitEvent("MWI_NOTIFY", skip, WAIT);
        } catch (RuntimeException e) {
            throw new AssertionError("no MWI_NOTIFY from baresip; events " + dave.events() + "\noutput:\n"
                    + dave.output(), e);
        }
    }

    private static MessageSummary summary(JsonNode event) throws Exception {
        return new MessageSummaryParser().parse(event.path("param").asText().getBytes(StandardCharsets.UTF_8));
    }
}
