package io.switchboard.server.xmpp.stream;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A deliberately low-level XMPP client for tests: raw bytes over a socket, JDK TLS layered on
 * the same socket after {@code <proceed/>}, SCRAM computed with RFC 5802's formulas. It lets
 * tests send exactly the hostile input they need.
 */
final class RawXmppClient implements AutoCloseable {

    static final String DOMAIN = "example.com";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern SASL_RESULT = Pattern.compile(
            "<success[^>]*>([^<]*)</success>|<success[^>]*/>|<failure[^>]*><([a-z-]+)/>");

    private final Socket raw;
    private Socket socket;
    private InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private int consumed;

    RawXmppClient(int port) throws IOException {
        this(port, InetAddress.getLoopbackAddress());
    }

    /** Connects from {@code localAddress} (another 127.x address looks like another client). */
    RawXmppClient(int port, InetAddress localAddress) throws IOException {
        raw = new Socket();
        raw.bind(new InetSocketAddress(localAddress, 0));
        raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        raw.setSoTimeout(100);
        socket = raw;
        in = raw.getInputStream();
    }

    void send(String xml) throws IOException {
        socket.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    void openStream() throws IOException {
        send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams' to='" + DOMAIN + "' version='1.0'>");
    }

    /** Waits for the regex in what the server sent since the last match; returns the match. */
    Matcher await(String regex) throws IOException {
        Pattern p = Pattern.compile(regex, Pattern.DOTALL);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String text = text();
            Matcher m = p.matcher(text);
            if (m.find(consumed)) {
                consumed = m.end();
                return m;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no match for " + regex + " in: " + text.substring(consumed));
            }
            if (!readSome()) {
                throw new AssertionError("connection closed, no match for " + regex + " in: " + text.substring(consumed));
            }
        }
    }

    /** Reads until the server closes the connection; returns everything not matched yet. */
    String awaitClosed() throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (readSome()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("server did not close the connection; got: " + text().substring(consumed));
            }
        }
        return text().substring(consumed);
    }

    /** Reads what is available; false once the connection is closed (or reset) by the server. */
    private boolean readSome() throws IOException {
        byte[] buf = new byte[8192];
        try {
            int n = in.read(buf);
            if (n < 0) {
                return false;
            }
            received.write(buf, 0, n);
            return true;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            // reset by peer: the server dropped us
            return false;
        }
    }

    private String text() {
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Sends {@code <starttls/>}, expects {@code <proceed/>} and layers TLS on the socket. */
    void startTls(SSLContext tls) throws IOException {
        send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        await("<proceed[^>]*/>");
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(raw, "localhost", raw.getPort(), true);
        ssl.setUseClientMode(true);
        ssl.setSoTimeout(100);
        raw.setSoTimeout(0);
        ssl.startHandshake();
        socket = ssl;
        in = ssl.getInputStream();
    }

    /** Connects through STARTTLS to the SASL features. */
    void negotiateTls(SSLContext tls) throws IOException {
        openStream();
        await("<starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"><required/></starttls></stream:features>");
        startTls(tls);
        openStream();
        await("<mechanisms[^>]*>.*</mechanisms></stream:features>");
    }

    /**
     * A SCRAM-SHA-256 exchange; returns "success" (after checking the server's signature) or the
     * failure condition.
     */
    String scramSha256(String user, String password) throws IOException {
        String clientNonce = "cn" + System.nanoTime();
        String bare = "n=" + user + ",r=" + clientNonce;
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-256'>"
                + b64("n,," + bare) + "</auth>");
        Matcher challengeOrFailure = await("<challenge[^>]*>([^<]*)</challenge>|<failure[^>]*><([a-z-]+)/>");
        if (challengeOrFailure.group(2) != null) {
            return challengeOrFailure.group(2);
        }
        String serverFirst = new String(Base64.getDecoder().decode(challengeOrFailure.group(1)), StandardCharsets.UTF_8);
        String nonce = attr(serverFirst, 'r');
        byte[] salt = Base64.getDecoder().decode(attr(serverFirst, 's'));
        int iterations = Integer.parseInt(attr(serverFirst, 'i'));

        ScramHash h = ScramHash.SHA_256;
        byte[] salted = ScramCredential.saltedPassword(h, password.toCharArray(), salt, iterations);
        byte[] clientKey = ScramCredential.hmac(h, salted, bytes("Client Key"));
        byte[] storedKey = ScramCredential.digest(h, clientKey);
        String finalNoProof = "c=biws,r=" + nonce;
        byte[] authMessage = bytes(bare + "," + serverFirst + "," + finalNoProof);
        byte[] signature = ScramCredential.hmac(h, storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                + b64(finalNoProof + ",p=" + Base64.getEncoder().encodeToString(proof)) + "</response>");
        Matcher result = await(SASL_RESULT.pattern());
        if (result.group(2) != null) {
            return result.group(2);
        }
        byte[] serverKey = ScramCredential.hmac(h, salted, bytes("Server Key"));
        String expected = "v=" + Base64.getEncoder().encodeToString(ScramCredential.hmac(h, serverKey, authMessage));
        String serverFinal = new String(Base64.getDecoder().decode(result.group(1)), StandardCharsets.UTF_8);
        if (!serverFinal.equals(expected)) {
            throw new AssertionError("server signature does not verify: " + serverFinal);
        }
        return "success";
    }

    /** TLS, SCRAM-SHA-256, restart and bind; returns the bound JID. */
    String login(SSLContext tls, String user, String password, String resource) throws IOException {
        negotiateTls(tls);
        String outcome = scramSha256(user, password);
        if (!outcome.equals("success")) {
            throw new AssertionError("login failed: " + outcome);
        }
        openStream();
        await("<bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/>.*</stream:features>");
        send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + (resource == null ? "" : "<resource>" + resource + "</resource>") + "</bind></iq>");
        return await("<iq type=\"result\" id=\"bind1\"><bind[^>]*><jid>([^<]+)</jid></bind></iq>").group(1);
    }

    private static String attr(String message, char key) {
        for (String part : message.split(",")) {
            if (part.charAt(0) == key) {
                return part.substring(2);
            }
        }
        throw new AssertionError("no " + key + " in " + message);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(bytes(s));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
