package io.switchboard.sip.stack;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.LinkedList;
import java.util.concurrent.locks.LockSupport;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's UDP listener with its waiting datagrams in a {@link CompactingDatagramQueue}
 * instead of its own unbounded queue of 64 KiB buffers. The message threads read the queue
 * field on every take, so replacing it before the listener starts is enough.
 *
 * <p>Its reading loop is ours too: JAIN-SIP's allocates a new buffer of the largest message size
 * (64 KiB) for every datagram, zeroed, to keep a few hundred bytes of it. Under 3,000 MESSAGE/s
 * that was 770 MB/s of allocation, 70 % of all the server's, and a young collection every 100 ms
 * (docs/benchmarks.md, 2026-12-08). Here one buffer per listener is reused and each datagram gets
 * a copy of exactly its own bytes.
 */
final class CompactUdpMessageProcessor extends UDPMessageProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(CompactUdpMessageProcessor.class);
    /** Socket errors logged one by one before only every {@code ERRORS_LOGGED_EVERY}th is. */
    private static final int ERRORS_LOGGED_FIRST = 10;
    private static final int ERRORS_LOGGED_EVERY = 1_000;

    /**
     * About a second of work for the message threads at their saturation rate; memory stays
     * near {@code QUEUE_CAPACITY} x 2 KiB.
     */
    static final int QUEUE_CAPACITY = 4_096;
    /** RFC 3261's T1: by then a UDP sender has retransmitted what still waits here. */
    static final Duration MAX_WAIT = Duration.ofMillis(500);
    private static final int STOP_ATTEMPTS = 100;

    private final int messageThreads;
    private long socketErrors;

    /** @param messageThreads JAIN-SIP's thread pool size: the threads that parse and dispatch datagrams */
    CompactUdpMessageProcessor(InetAddress address, SIPTransactionStack stack, int port, int messageThreads)
            throws IOException {
        super(address, stack, port);
        this.messageThreads = messageThreads;
        this.messageQueue = new CompactingDatagramQueue(QUEUE_CAPACITY, MAX_WAIT, System::nanoTime,
                System::currentTimeMillis);
    }

    /**
     * JAIN-SIP's loop — start the message threads, then receive and queue datagrams until stopped —
     * with one reused receive buffer. Without a thread pool (JAIN-SIP then makes a thread per
     * datagram) JAIN-SIP's own loop runs.
     */
    @Override
    public void run() {
        if (messageThreads < 1) {
            super.run();
            return;
        }
        String stackName = ((SipStackImpl) sipStack).getStackName();
        LinkedList<UDPMessageChannel> channels = new LinkedList<>();
        for (int i = 0; i < messageThreads; i++) {
            channels.add(new MessageThread(sipStack, this, stackName + "-UDPMessageChannelThread-" + i));
        }
        this.messageChannels = channels;
        // JAIN-SIP's size: the stack's largest message, so a longer datagram is cut there as before
        int largest = sipStack.getMaxMessageSize() > 0 ? sipStack.getMaxMessageSize() : SipStackImpl.MAX_DATAGRAM_SIZE;
        byte[] buffer = new byte[largest];
        DatagramPacket received = new DatagramPacket(buffer, buffer.length);
        while (isRunning) {
            try {
                received.setData(buffer);
                sock.receive(received);
                DatagramPacket own = new DatagramPacket(Arrays.copyOf(buffer, received.getLength()),
                        received.getLength(), received.getSocketAddress());
                messageQueue.offer(new DatagramQueuedMessageDispatch(own, System.currentTimeMillis()));
            } catch (SocketException e) {
                if (!isRunning) {
                    return;   // stop() closed the socket
                }
                socketError(e);
            } catch (IOException | RuntimeException e) {
                socketError(e);
            }
        }
    }

    private void socketError(Exception e) {
        socketErrors++;
        if (socketErrors <= ERRORS_LOGGED_FIRST || socketErrors % ERRORS_LOGGED_EVERY == 0) {
            LOG.warn("SIP UDP listener on port {}: {} (error {} since start)", getPort(), e.toString(), socketErrors);
        }
    }

    /** JAIN-SIP's message thread; a subclass only because its constructor is protected. */
    private static final class MessageThread extends UDPMessageChannel {

        MessageThread(SIPTransactionStack stack, UDPMessageProcessor processor, String threadName) {
            super(stack, processor, threadName);
        }
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
