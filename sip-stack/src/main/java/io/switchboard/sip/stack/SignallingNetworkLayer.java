package io.switchboard.sip.stack;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * JAIN-SIP's default sockets, marked DSCP CS3 ({@link SignallingDscp}): the network layer of a
 * stack without TLS (one with TLS uses {@link TlsNetworkLayer}, which marks its sockets too).
 * Named by {@code gov.nist.javax.sip.NETWORK_LAYER}; JAIN-SIP creates it reflectively.
 */
public final class SignallingNetworkLayer implements NetworkLayer {

    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;

    /** Called by JAIN-SIP through reflection. */
    public SignallingNetworkLayer() {
    }

    @Override
    public void setSipStack(SipStackImpl sipStack) {
        plain.setSipStack(sipStack);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return SignallingDscp.mark(plain.createServerSocket(port, backlog, bindAddress));
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return SignallingDscp.mark(plain.createSSLServerSocket(port, backlog, bindAddress));
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return SignallingDscp.mark(plain.createSocket(address, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return SignallingDscp.mark(plain.createSocket(address, port, myAddress));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return SignallingDscp.mark(plain.createSocket(address, port, myAddress, myPort));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return SignallingDscp.mark(plain.createSSLSocket(address, port));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return SignallingDscp.mark(plain.createSSLSocket(address, port, myAddress));
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return SignallingDscp.mark(plain.createDatagramSocket());
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress bindAddress) throws SocketException {
        return SignallingDscp.mark(plain.createDatagramSocket(port, bindAddress));
    }
}
