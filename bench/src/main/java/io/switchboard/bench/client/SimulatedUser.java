package io.switchboard.bench.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * One simulated XMPP user: a client state machine on one Netty channel that goes
 * TCP → stream → STARTTLS → TLS → SASL PLAIN → restart → bind → (session) → roster → presence,
 * then reports every presence it receives. No thread of its own, so thousands fit in a JVM.
 */
public final class SimulatedUser extends ChannelInboundHandlerAdapter {

    static final String NS_TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    static final String NS_SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String NS_BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String NS_SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    static final String NS_ROSTER = "jabber:iq:roster";
    static final String NS_PING = "urn:xmpp:ping";

    /** Where the login is; also names the phase in failure reports. */
    public enum Phase { CONNECTING, STREAM, STARTTLS, TLS_HANDSHAKE, AUTH, BIND, SESSION, ROSTER, ONLINE, CLOSED }

    private final Account account;
    private final SslContext sslContext;
    private final SessionListener listener;
    private final boolean sendInitialPresence;
    private final long connectStartNanos;
    private volatile Phase phase = Phase.CONNECTING;
    private volatile Channel channel;
    private boolean tlsDone;
    private boolean authenticated;
    private boolean sessionRequired;
    private boolean reportedEnd;

    public SimulatedUser(Account account, SslContext sslContext, SessionListener listener,
                         boolean sendInitialPresence, long connectStartNanos) {
        this.account = account;
        this.sslContext = sslContext;
        this.listener = listener;
        this.sendInitialPresence = sendInitialPresence;
        this.connectStartNanos = connectStartNanos;
    }

    public Account account() {
        return account;
    }

    public Phase phase() {
        return phase;
    }

    public boolean isOnline() {
        return phase == Phase.ONLINE;
    }

    /** Sends a presence stanza; safe from any thread (Netty queues it onto the channel's loop). */
    public void send(String xml) {
        Channel c = channel;
        if (c != null && phase == Phase.ONLINE) {
            c.writeAndFlush(xml, c.voidPromise());
        }
    }

    /** Ends the stream politely; the channel closes when the server answers or soon after. */
    public void close() {
        Channel c = channel;
        if (c != null && c.isActive()) {
            phase = Phase.CLOSED;
            c.writeAndFlush("</stream:stream>").addListener(f -> c.close());
        }
    }

    /** Fails the login if it is not online by now (called from the login timeout). */
    public void timeOut() {
        if (phase != Phase.ONLINE && phase != Phase.CLOSED) {
            fail("timeout");
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        openStream();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (phase != Phase.CLOSED) {
            fail("connection closed by server");
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg == StreamEvent.OPENED) {
            return;
        }
        if (msg == StreamEvent.CLOSED) {
            if (phase != Phase.CLOSED) {
                fail("server closed the stream");
            }
            return;
        }
        XmlNode stanza = (XmlNode) msg;
        switch (stanza.name()) {
            case "features" -> onFeatures(stanza);
            case "proceed" -> onProceed(ctx);
            case "success" -> onAuthenticated();
            case "failure" -> fail("server refused: " + firstChildName(stanza));
            case "error" -> fail("stream error: " + firstChildName(stanza));
            case "iq" -> onIq(stanza);
            case "presence" -> onPresence(stanza);
            default -> {
                // messages and anything else are not part of the measurement
            }
        }
    }

    private void openStream() {
        phase = Phase.STREAM;
        write("<?xml version='1.0'?><stream:stream to='" + account.domain()
                + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
    }

    private void onFeatures(XmlNode features) {
        if (!tlsDone) {
            if (features.child("starttls", NS_TLS).isEmpty()) {
                fail("server offers no STARTTLS");
                return;
            }
            phase = Phase.STARTTLS;
            write("<starttls xmlns='" + NS_TLS + "'/>");
        } else if (!authenticated) {
            boolean plain = features.child("mechanisms", NS_SASL)
                    .map(m -> m.children().stream().anyMatch(c -> "PLAIN".equals(c.text().strip())))
                    .orElse(false);
            if (!plain) {
                fail("server offers no SASL PLAIN");
                return;
            }
            phase = Phase.AUTH;
            // RFC 4616: authzid NUL authcid NUL password; sent only inside TLS.
            String response = "\0" + account.username() + "\0" + account.password();
            write("<auth xmlns='" + NS_SASL + "' mechanism='PLAIN'>"
                    + Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8)) + "</auth>");
        } else {
            // RFC 3921 session establishment is only needed where a server still marks it mandatory.
            sessionRequired = features.child("session", NS_SESSION)
                    .map(s -> s.child("optional").isEmpty())
                    .orElse(false);
            phase = Phase.BIND;
            write("<iq type='set' id='bind'><bind xmlns='" + NS_BIND + "'><resource>bench</resource></bind></iq>");
        }
    }

    private void onProceed(ChannelHandlerContext ctx) {
        phase = Phase.TLS_HANDSHAKE;
        XmppFrameDecoder decoder = ctx.pipeline().get(XmppFrameDecoder.class);
        SslHandler ssl = sslContext.newHandler(ctx.alloc(), "127.0.0.1", 0);
        ctx.pipeline().addFirst("tls", ssl);
        decoder.restart();
        ssl.handshakeFuture().addListener(f -> {
            if (f.isSuccess()) {
                tlsDone = true;
                openStream();
            } else {
                fail("TLS handshake: " + f.cause());
            }
        });
    }

    private void onAuthenticated() {
        authenticated = true;
        channel.pipeline().get(XmppFrameDecoder.class).restart();
        openStream();
    }

    private void onIq(XmlNode iq) {
        String type = iq.attribute("type");
        String id = iq.attribute("id");
        if ("get".equals(type) || "set".equals(type)) {
            answerServerIq(iq, id);
            return;
        }
        if ("error".equals(type)) {
            fail("iq " + id + " error: " + iq.child("error").map(SimulatedUser::firstChildName).orElse("?"));
            return;
        }
        if ("bind".equals(id)) {
            if (sessionRequired) {
                phase = Phase.SESSION;
                write("<iq type='set' id='session'><session xmlns='" + NS_SESSION + "'/></iq>");
            } else {
                requestRoster();
            }
        } else if ("session".equals(id)) {
            requestRoster();
        } else if ("roster".equals(id)) {
            int items = iq.child("query", NS_ROSTER).map(q -> q.children().size()).orElse(0);
            if (sendInitialPresence) {
                write("<presence/>");
            }
            phase = Phase.ONLINE;
            listener.online(this, items, connectStartNanos, System.nanoTime());
        }
    }

    private void answerServerIq(XmlNode iq, String id) {
        String from = iq.attribute("from");
        String to = from == null ? "" : " to='" + from + "'";
        if (iq.child("ping", NS_PING).isPresent() || iq.child("query", NS_ROSTER).isPresent()) {
            // pings and roster pushes are acknowledged with an empty result (RFC 6121 §2.1.6)
            write("<iq type='result' id='" + id + "'" + to + "/>");
        } else {
            write("<iq type='error' id='" + id + "'" + to + "><error type='cancel'>"
                    + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        }
    }

    private void requestRoster() {
        phase = Phase.ROSTER;
        write("<iq type='get' id='roster'><query xmlns='" + NS_ROSTER + "'/></iq>");
    }

    private void onPresence(XmlNode presence) {
        if (phase != Phase.ONLINE) {
            return;
        }
        String from = presence.attribute("from");
        if (from == null) {
            return;
        }
        int slash = from.indexOf('/');
        String bare = slash < 0 ? from : from.substring(0, slash);
        listener.presence(this, bare, presence.childText("status"), System.nanoTime());
    }

    private static String firstChildName(XmlNode node) {
        return node.children().isEmpty() ? "(none)" : node.children().get(0).name();
    }

    private void write(String xml) {
        channel.writeAndFlush(xml, channel.voidPromise());
    }

    private void fail(String reason) {
        Phase failedIn = phase;
        phase = Phase.CLOSED;
        if (!reportedEnd) {
            reportedEnd = true;
            listener.failed(this, failedIn.name(), reason);
        }
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }
}
