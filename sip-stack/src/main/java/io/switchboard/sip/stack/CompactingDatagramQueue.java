package io.switchboard.sip.stack;

import java.net.DatagramPacket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue between JAIN-SIP's UDP reader and its message threads, bounded and compact.
 * JAIN-SIP reads every datagram into a fresh buffer of the largest message size (64 KiB) and
 * queues it, unbounded: under a call storm a few thousand waiting datagrams filled a 512 MB heap
 * and the reader died of OutOfMemoryError, deaf for good. Here each datagram keeps only its own
 * bytes (a SIP request is 0.5–2 KiB), and past {@code capacity} new datagrams are dropped the way
 * a full socket buffer drops them — UDP senders retransmit — with a WARN at most once a minute.
 * A datagram that waited longer than {@code maxAge} is dropped when its turn comes: its sender has
 * retransmitted it by then (RFC 3261's T1 is 500 ms), and working through stale copies is what
 * made the server's goodput collapse under overload.
 */
final class CompactingDatagramQueue extends LinkedBlockingQueue<DatagramQueuedMessageDispatch> {

    private static final Logger LOG = LoggerFactory.getLogger(CompactingDatagramQueue.class);
    private static final long serialVersionUID = 1L;
    private static final long REPORT_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final transient LongSupplier nanoTime;
    private final long maxAgeMillis;
    private final transient LongSupplier millisNow;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceReport = new AtomicLong();
    private final AtomicLong lastReport;

    /**
     * @param millisNow the clock JAIN-SIP stamps datagrams with ({@code System.currentTimeMillis})
     */
    CompactingDatagramQueue(int capacity, Duration maxAge, LongSupplier nanoTime, LongSupplier millisNow) {
        super(capacity);
        this.nanoTime = nanoTime;
        this.maxAgeMillis = maxAge.toMillis();
        this.millisNow = millisNow;
        this.lastReport = new AtomicLong(nanoTime.getAsLong() - REPORT_INTERVAL_NANOS);
    }

    @Override
    public boolean offer(DatagramQueuedMessageDispatch dispatch) {
        compact(dispatch.packet);
        if (super.offer(dispatch)) {
            return true;
        }
        dropped.incrementAndGet();
        droppedSinceReport.incrementAndGet();
        report();
        return false;
    }

    @Override
    public DatagramQueuedMessageDispatch take() throws InterruptedException {
        while (true) {
            DatagramQueuedMessageDispatch next = super.take();
            if (fresh(next)) {
                return next;
            }
        }
    }

    @Override
    public DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            DatagramQueuedMessageDispatch next = super.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null || fresh(next)) {
                return next;
            }
        }
    }

    private boolean fresh(DatagramQueuedMessageDispatch dispatch) {
        if (millisNow.getAsLong() - dispatch.getReceptionTime() <= maxAgeMillis) {
            return true;
        }
        dropped.incrementAndGet();
        droppedSinceReport.incrementAndGet();
        report();
        return false;
    }

    /** Gives the packet a buffer of its own length; the 64 KiB one becomes garbage at once. */
    private static void compact(DatagramPacket packet) {
        byte[] data = packet.getData();
        if (data.length > packet.getLength()) {
            packet.setData(Arrays.copyOfRange(data, packet.getOffset(), packet.getOffset() + packet.getLength()));
        }
    }

    private void report() {
        long now = nanoTime.getAsLong();
        long last = lastReport.get();
        if (now - last >= REPORT_INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
            LOG.warn("SIP over UDP overloaded: {} datagram(s) dropped (queue full or older than {} ms) since "
                    + "the last report, {} waiting (at most {}); senders retransmit", droppedSinceReport.getAndSet(0),
                    maxAgeMillis, size(), size() + remainingCapacity());
        }
    }

    /** Datagrams dropped because the queue was full or they waited too long, since the stack started. */
    long dropped() {
        return dropped.get();
    }
}
