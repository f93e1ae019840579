package io.switchboard.server.xmpp.im.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.xmpp.im.ImHarness;
import io.switchboard.server.xmpp.im.RecordingSession;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

/**
 * A client that sends a message and signs out at once: the stream layer reports the stanza and
 * then the close before any worker ran. The message was sent while the session was bound, so it
 * must still be routed (here: stored offline), not dropped because the session has ended since.
 */
class QueuedBeforeCloseTest {

    /** Runs queued work only when the test says so, to reproduce "closed before processed". */
    private static final class ManualExecutor implements Executor {
        private final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queue.add(task);
        }

        void runAll() {
            Runnable next;
            while ((next = queue.poll()) != null) {
                next.run();
            }
        }
    }

    @Test
    void aMessageSentJustBeforeSigningOutIsNotLost() throws Exception {
        ManualExecutor workers = new ManualExecutor();
        ImHarness im = new ImHarness(workers, 100);
        im.accounts("juliet", "romeo");
        im.friends("juliet", "romeo");
        RecordingSession orchard = im.connect("romeo", "orchard");
        im.send(orchard, "<presence/>");
        workers.runAll();

        im.send(orchard, "<message to='juliet@example.com' type='chat' id='bye1'><body>Good night!</body></message>");
        im.disconnect(orchard);
        workers.runAll();

        assertThat(im.offline.fetch("juliet")).singleElement()
                .satisfies(m -> assertThat(m.stanzaXml()).contains("Good night!"));
    }

    @Test
    void stanzasArrivingAfterTheCloseAreDropped() throws Exception {
        ManualExecutor workers = new ManualExecutor();
        ImHarness im = new ImHarness(workers, 100);
        im.accounts("juliet", "romeo");
        RecordingSession orchard = im.connect("romeo", "orchard");
        im.disconnect(orchard);

        im.send(orchard, "<message to='juliet@example.com' type='chat' id='late'><body>too late</body></message>");
        workers.runAll();

        assertThat(im.offline.fetch("juliet")).isEmpty();
    }
}
