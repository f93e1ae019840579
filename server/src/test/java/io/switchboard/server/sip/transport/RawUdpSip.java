package io.switchboard.server.sip.transport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.server.config.SipConfig;
import io.switchboard.server.sip.SipServer;
import io.switchboard.sip.stack.SipStackFactory;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import javax.sip.message.Response;

import org.slf4j.LoggerFactory;

/**
 * What the dispatcher's retransmission tests share: a real SIP server with only the given
 * processors, raw UDP datagrams to it, and a watch on the dispatcher's log for dropped copies.
 */
final class RawUdpSip implements AutoCloseable {

    private final ListAppender<ILoggingEvent> dispatcherLines = new ListAppender<>();
    private final Logger dispatcherLog = (Logger) LoggerFactory.getLogger(SipRequestDispatcher.class);
    private final Level levelBefore;
    private SipServer server;

    RawUdpSip() {
        levelBefore = dispatcherLog.getLevel();
        dispatcherLog.setLevel(Level.DEBUG);   // a dropped copy is one DEBUG line
        dispatcherLines.start();
        dispatcherLog.addAppender(dispatcherLines);
    }

    /** Starts the server with {@code processors}; other methods get 405. */
    void start(Map<String, RequestProcessor> processors) throws Exception {
        SipConfig config = SipConfig.defaults().withPort(0).withTls(false, 0);
        server = new SipServer(config, new SipMessaging("example.com", config.transports(),
                new PendingRequests(config.maxPendingRequests())), new SipStackFactory(),
                Clock.systemUTC(), SipServer.newWorkerPool(), SipServer.newTimer(), processors,
                request -> request.respond(Response.METHOD_NOT_ALLOWED));
        server.start();
    }

    /** Whether the dispatcher has dropped a copy of a request it was still processing. */
    boolean droppedACopy() {
        return dispatcherLines.list.stream()
                .anyMatch(e -> e.getFormattedMessage().contains("retransmission of one not answered yet"));
    }

    static DatagramSocket socket() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5000);
        return socket;
    }

    void send(DatagramSocket socket, byte[] bytes) throws Exception {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), server.port()));
    }

    /** The next datagram as text; {@link SocketTimeoutException} when none comes in the socket's timeout. */
    static String receive(DatagramSocket socket) throws Exception {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
    }

    /**
     * Sends {@code bytes} again every 500 ms until an answer comes, as a UDP client does (Timer E):
     * JAIN-SIP itself drops a copy that arrives while the one before it is still being dispatched,
     * and the dispatcher one whose first copy it is still processing.
     */
    String retransmitUntilAnswered(DatagramSocket socket, byte[] bytes) throws Exception {
        int timeoutBefore = socket.getSoTimeout();
        socket.setSoTimeout(500);
        try {
            for (int attempt = 0; attempt < 10; attempt++) {
                send(socket, bytes);
                try {
                    return receive(socket);
                } catch (SocketTimeoutException dropped) {
                    // no answer to this copy: the next one gets it
                }
            }
            throw new AssertionError("no answer to 10 copies sent 500 ms apart");
        } finally {
            socket.setSoTimeout(timeoutBefore);
        }
    }

    @Override
    public void close() {
        dispatcherLog.detachAppender(dispatcherLines);
        dispatcherLog.setLevel(levelBefore);
        if (server != null) {
            server.close();
        }
    }
}
