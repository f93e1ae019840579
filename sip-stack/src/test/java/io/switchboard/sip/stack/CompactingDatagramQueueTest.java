package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;

import org.junit.jupiter.api.Test;

class CompactingDatagramQueueTest {

    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final CompactingDatagramQueue queue = new CompactingDatagramQueue(2, Duration.ofMillis(500),
            System::nanoTime, millis::get);

    @Test
    void aQueuedDatagramKeepsOnlyItsOwnBytes() throws InterruptedException {
        byte[] buffer = new byte[64 * 1024];
        byte[] request = "OPTIONS sip:localhost SIP/2.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(request, 0, buffer, 0, request.length);
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        packet.setLength(request.length);

        assertThat(queue.offer(new DatagramQueuedMessageDispatch(packet, millis.get()))).isTrue();

        DatagramPacket queued = queue.take().packet;
        assertThat(queued.getData()).hasSize(request.length).isEqualTo(request);
        assertThat(queued.getLength()).isEqualTo(request.length);
    }

    @Test
    void pastItsCapacityNewDatagramsAreDroppedAndCounted() {
        assertThat(queue.offer(dispatch())).isTrue();
        assertThat(queue.offer(dispatch())).isTrue();

        assertThat(queue.offer(dispatch())).isFalse();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.dropped()).isEqualTo(1);
    }

    @Test
    void aDatagramThatWaitedLongerThanT1IsSkipped() throws InterruptedException {
        DatagramQueuedMessageDispatch stale = dispatch();
        queue.offer(stale);
        millis.addAndGet(600);
        DatagramQueuedMessageDispatch fresh = dispatch();
        queue.offer(fresh);

        assertThat(queue.take()).isSameAs(fresh);
        assertThat(queue.dropped()).isEqualTo(1);
    }

    @Test
    void pollSkipsStaleDatagramsAndStillTimesOut() throws InterruptedException {
        queue.offer(dispatch());
        millis.addAndGet(501);

        assertThat(queue.poll(50, TimeUnit.MILLISECONDS)).isNull();
        assertThat(queue.dropped()).isEqualTo(1);
    }

    private DatagramQueuedMessageDispatch dispatch() {
        byte[] data = new byte[100];
        return new DatagramQueuedMessageDispatch(new DatagramPacket(data, data.length), millis.get());
    }
}
