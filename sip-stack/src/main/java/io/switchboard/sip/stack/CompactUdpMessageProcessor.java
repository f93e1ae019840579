package io.switchboard.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

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

    CompactUdpMessageProcessor(InetAddress address, SIPTransactionStack stack, int port) throws IOException {
        super(address, stack, port);
        this.messageQueue = new CompactingDatagramQueue(QUEUE_CAPACITY, MAX_WAIT, System::nanoTime,
                System::currentTimeMillis);
    }
}
