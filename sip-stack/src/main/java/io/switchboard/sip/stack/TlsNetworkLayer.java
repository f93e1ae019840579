package io.switchboard.sip.stack;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * JAIN-SIP's socket factory for a stack that speaks TLS with an {@link SSLContext} of ours, so
 * that neither the server's key nor a client's trust decision goes through JVM-wide
 * {@code javax.net.ssl.*} system properties (which would also be shared by every other stack and
 * by Smack). Plain sockets are JAIN-SIP's defaults. Every socket is marked DSCP CS3
 * ({@link SignallingDscp}).
 *
 * <p>JAIN-SIP instantiates the class named by {@code gov.nist.javax.sip.NETWORK_LAYER} with its
 * no-argument constructor and then hands it the stack; the context is found by the stack's unique
 * name, registered by {@link SipStackFactory} just before the stack is built ({@link #offer}).
 */
public final class TlsNetworkLayer implements NetworkLayer {

    /** TLS 1.3 and 1.2 only: the stack's own default list still offers TLS 1.0 and 1.1. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static final Map<String, SipTlsSettings> OFFERED = new ConcurrentHashMap<>();

    /** Plain sockets as every other stack makes them, marked CS3. */
    private final NetworkLayer plain = new SignallingNetworkLayer();
    private volatile SSLContext context;
    private volatile TlsHandshakeObserver observer = TlsHandshakeObserver.NONE;

    /** Called by JAIN-SIP through reflection. */
    public TlsNetworkLayer() {
    }

    /** Makes {@code tls} what the stack named {@code stackName} will pick up while it is built. */
    static void offer(String stackName, SipTlsSettings tls) {
        OFFERED.put(stackName, tls);
    }

    /** Forgets an offer the stack did not take (its construction failed). */
    static void withdraw(String stackName) {
        OFFERED.remove(stackName);
    }

    /**
     * The cipher suites the stack enables: the context's defaults that are TLS 1.3 suites or
     * ECDHE/DHE (forward-secret) ones; JAIN-SIP's own list names RSA key exchange and anonymous suites.
     */
    static List<String> cipherSuites(SSLContext context) {
        List<String> suites = Arrays.stream(context.getDefaultSSLParameters().getCipherSuites())
                .filter(s -> s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_")
                        || s.startsWith("TLS_ECDHE_") || s.startsWith("TLS_DHE_"))
                .toList();
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("the SSL context offers no TLS 1.2+ forward-secret cipher suite");
        }
        return suites;
    }

    @Override
    public void setSipStack(SipStackImpl sipStack) {
        plain.setSipStack(sipStack);
        SipTlsSettings tls = OFFERED.remove(sipStack.getStackName());
        if (tls == null) {
            throw new IllegalStateException("no SSL context offered for SIP stack " + sipStack.getStackName());
        }
        context = tls.context();
        observer = tls.observer();
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(port, backlog, bindAddress);
        socket.setEnabledProtocols(PROTOCOLS.toArray(String[]::new));
        return SignallingDscp.mark(socket);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        observer.connecting(new InetSocketAddress(address, port));
        return restricted((SSLSocket) context.getSocketFactory().createSocket(address, port));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        observer.connecting(new InetSocketAddress(address, port));
        return restricted((SSLSocket) context.getSocketFactory().createSocket(address, port, myAddress, 0));
    }

    private SSLSocket restricted(SSLSocket socket) {
        SignallingDscp.mark(socket);
        socket.setEnabledProtocols(PROTOCOLS.toArray(String[]::new));
        InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        observer.connected(peer);
        // beside JAIN-SIP's own listener, which it adds after this returns
        socket.addHandshakeCompletedListener(event -> observer.handshakeCompleted(peer));
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return plain.createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return plain.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return plain.createSocket(address, port, myAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return plain.createSocket(address, port, myAddress, myPort);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return plain.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress bindAddress) throws SocketException {
        return plain.createDatagramSocket(port, bindAddress);
    }
}
