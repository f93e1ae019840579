package io.switchboard.e2e.interop.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends raw bytes (a torture message, exactly as given) to a SIP server on loopback over UDP or
 * TCP and collects what comes back, without any SIP stack in between that could "fix" them.
 * Responses are parsed only as far as the status line and Content-Length framing need.
 * <p>
 * UDP: a server answers to the port in the topmost Via (RFC 3261 18.2.2), 5060 when it has
 * none, unless the Via asks for rport. To receive the answer on the sending socket, send
 * {@link #withTopViaSentBy} of the message (which changes only the top Via's sent-by, and only
 * for messages whose Via is not what is being tortured). Over TCP answers come back on the
 * connection.
 */
public final class RawSipSender {

    private static final int MAX_RESPONSE = 65_535;
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3}) ");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:content-length|l)[ \\t]*:[ \\t]*(\\d+)");

    /** One response as received; {@code status} is -1 when the start line is not a status line. */
    public record Reply(byte[] bytes) {
        public int status() {
            Matcher m = STATUS.matcher(text());
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        public String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** What came back within the wait: every response, and whether a TCP peer closed. */
    public record Outcome(List<Reply> replies, boolean closedByPeer) {
        /** The first final (non-1xx) response, if any. */
        public java.util.Optional<Reply> finalReply() {
            return replies.stream().filter(r -> r.status() >= 200 || r.status() < 0).findFirst();
        }
    }

    private RawSipSender() {
    }

    public static Outcome sendUdp(InetSocketAddress target, byte[] message, Duration wait) throws IOException {
        requireLoopback(target);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return sendUdp(socket, target, message, wait);
        }
    }

    /** Sends from a socket the caller bound (e.g. on the port the message's Via names). */
    public static Outcome sendUdp(DatagramSocket socket, InetSocketAddress target, byte[] message, Duration wait)
            throws IOException {
        requireLoopback(target);
        socket.send(new DatagramPacket(message, message.length, target));
        List<Reply> replies = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] buffer = new byte[MAX_RESPONSE];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            socket.setSoTimeout((int) left);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            Reply reply = new Reply(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
            replies.add(reply);
            if (reply.status() >= 200) {
                break;
            }
        }
        return new Outcome(List.copyOf(replies), false);
    }

    public static Outcome sendTcp(InetSocketAddress target, byte[] message, Duration wait) throws IOException {
        requireLoopback(target);
        try (Socket socket = new Socket()) {
            socket.connect(target, (int) Math.max(1, wait.toMillis()));
            socket.getOutputStream().write(message);
            socket.getOutputStream().flush();
            List<Reply> replies = new ArrayList<>();
            long deadline = System.nanoTime() + wait.toNanos();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) left);
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (n < 0) {
                    closed = true;
                    break;
                }
                pending.write(buffer, 0, n);
                if (pending.size() > MAX_RESPONSE) {
                    throw new IOException("more than " + MAX_RESPONSE + " bytes of responses");
                }
                byte[] framed;
                while ((framed = nextFramed(pending)) != null) {
                    Reply reply = new Reply(framed);
                    replies.add(reply);
                    if (reply.status() >= 200) {
                        return new Outcome(List.copyOf(replies), false);
                    }
                }
            }
            return new Outcome(List.copyOf(replies), closed);
        }
    }

    /**
     * The message with the sent-by of its first Via header field replaced: for UDP sends whose
     * answers must reach the sending socket. Only plain one-line "Via: SIP/2.0/UDP host[:port]"
     * forms are rewritten; anything else is refused rather than guessed at.
     */
    public static byte[] withTopViaSentBy(byte[] message, String hostPort) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("(?im)^(via|v)([ \\t]*:[ \\t]*SIP/2\\.0/UDP[ \\t]+)([^;\\s,]+)").matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no simple UDP Via to rewrite");
        }
        String rewritten = text.substring(0, m.start(3)) + hostPort + ";rport" + text.substring(m.end(3));
        return rewritten.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Takes one complete message (headers + Content-Length body) off the front, or null. */
    private static byte[] nextFramed(ByteArrayOutputStream pending) {
        byte[] all = pending.toByteArray();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        Matcher cl = CONTENT_LENGTH.matcher(text.substring(0, end));
        int body = cl.find() ? Integer.parseInt(cl.group(1)) : 0;
        int total = end + 4 + body;
        if (all.length < total) {
            return null;
        }
        pending.reset();
        pending.write(all, total, all.length - total);
        return java.util.Arrays.copyOf(all, total);
    }

    private static void requireLoopback(InetSocketAddress target) {
        if (target.getAddress() == null || !target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("torture messages go to loopback only, not " + target);
        }
    }

}
