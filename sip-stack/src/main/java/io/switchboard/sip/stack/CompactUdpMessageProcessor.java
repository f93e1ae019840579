package io.switchboard.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.concurrent.locks.LockSupport;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;

/**
 * JAIN-SIP's UDP listener with its waiting datagrams in a {@link CompactingDatagramQueue}
 * instead of its own unbounded queue of 64 KiB buffers. The message threads read the queue
 * field on every take, so replacing it before the listener starts is enough.
 */
final class CompactUdpMessageProcessor extends UDPMessageProcessor {

    /**
     * About a second of work for the message threads at their saturation rate; memory stays
     * near {@code QUEUE_CAPACITY} x 2 KiB.
     */
    static final int QUEUE_CAPACITY = 4_096;
    /** RFC 3261's T1: by then a UDP sender has retransmitted what still waits here. */
    static final Duration MAX_WAIT = Duration.ofMillis(500);
    private static final int STOP_ATTEMPTS = 100;

    CompactUdpMessageProcessor(InetAddress address, SIPTransactionStack stack, int port) throws IOException {
        super(address, stack, port);
        this.messageQueue = new CompactingDatagramQueue(QUEUE_CAPACITY, MAX_WAIT, System::nanoTime,
                System::currentTimeMillis);
    }

    /**
     * JAIN-SIP's stop, made safe right after start: its reader thread creates and fills the list
     * of message threads as it starts, unguarded, and a stop in that moment (a server whose other
     * port turned out taken) met no list yet (NullPointerException) or a growing one
     * (ConcurrentModificationException), leaving threads running. Stopping again once the list
     * has settled closes every one; closing the socket or a thread twice does no harm.
     */
    @Override
    public void stop() {
        for (int attempt = 1; ; attempt++) {
            try {
                super.stop();
                return;
            } catch (ConcurrentModificationException | NullPointerException e) {
                if (attempt == STOP_ATTEMPTS) {
                    throw e;
                }
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        }
    }
}
