package io.switchboard.e2e.interop.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
        // set once baresip is up: its subscription's first NOTIFY may come before the fixture
        // listens to its events, so each state is awaited by what it says, not by its place
        SERVER.server().setVoiceMailbox("dave", 2, 1);
        awaitMwi(true, MessageCounts.of(2, 1));

        SERVER.server().setVoiceMailbox("dave", 0, 3);
        awaitMwi(false, MessageCounts.of(0, 3));
    }

    /** Waits for baresip to report a message summary that says this. */
    private static void awaitMwi(boolean waiting, MessageCounts voice) throws java.io.IOException {
        try {
            await().atMost(WAIT).until(() -> dave.events().stream()
                    .filter(e -> "MWI_NOTIFY".equals(e.path("type").asText()))
                    .map(SwitchboardBaresipMwiInteropIT::summaryOrNull)
                    .anyMatch(s -> s != null && s.messagesWaiting() == waiting && voice.equals(s.voice())));
        } catch (RuntimeException e) {
            throw new AssertionError("no MWI_NOTIFY saying " + (waiting ? "yes " : "no ") + voice
                    + " from baresip; events " + dave.events() + "\noutput:\n" + dave.output(), e);
        }
    }

    private static MessageSummary summaryOrNull(JsonNode event) {
        try {
            return summary(event);
        } catch (Exception e) {
            return null;
        }
    }

    private static MessageSummary summary(JsonNode event) throws Exception {
        return new MessageSummaryParser().parse(event.path("param").asText().getBytes(StandardCharsets.UTF_8));
    }
}
