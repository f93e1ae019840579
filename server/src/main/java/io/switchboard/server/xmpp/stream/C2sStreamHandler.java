package io.switchboard.server.xmpp.stream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.session.StreamErrorCondition;
import io.switchboard.server.xmpp.xml.StreamEnd;
import io.switchboard.server.xmpp.xml.StreamHeader;
import io.switchboard.server.xmpp.xml.XmlElement;
import io.switchboard.server.xmpp.xml.XmlStreamDecoder;
import io.switchboard.server.xmpp.xml.XmlStreamException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 6120 stream negotiation for one client connection, as a state machine over the events of
 * {@link XmlStreamDecoder}: stream header → STARTTLS → (restart) → SASL → (restart) → resource
 * binding → stanzas. Once bound, every {@code iq}/{@code message}/{@code presence} gets its
 * {@code from} stamped with the bound full JID (RFC 6120 §8.1.2.1) and goes to the
 * {@link io.switchboard.server.xmpp.session.StanzaRouter}; {@code sessionClosed} is called exactly
 * once when the connection ends.
 *
 * <p>Protocol violations end the stream with the matching stream error: a stanza before
 * authentication or binding is {@code not-authorized}, any other negotiation element out of turn
 * is {@code policy-violation}, an unknown top-level element is {@code unsupported-stanza-type}.
 * A connection that has not authenticated within {@code preAuthTimeout} is closed with
 * {@code connection-timeout}, as is an authenticated one silent for {@code idleTimeout}.
 *
 * <p>Threading: one instance per channel, used only on that channel's event loop (Netty's
 * guarantee); blocking work (SASL) is handed to the authentication workers by {@link SaslNegotiation}.
 */
final class C2sStreamHandler extends ChannelInboundHandlerAdapter {

    static final String TLS = "tls";
    static final String IDLE = "idle";
    static final String DECODER = "xml-decoder";

    private static final Logger LOG = LoggerFactory.getLogger(C2sStreamHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> STANZAS = Set.of("iq", "message", "presence");
    private static final Set<String> NEGOTIATION_NAMESPACES = Set.of(XmppNamespaces.TLS, XmppNamespaces.SASL);

    private final C2sDependencies deps;
    private final StreamHeaderCheck headerCheck;
    private ChannelHandlerContext ctx;
    private StreamWriter writer;
    private SaslNegotiation sasl;
    private ScheduledFuture<?> authDeadline;
    private String streamId = newStreamId();
    private boolean awaitingHeader = true;
    private boolean tls;
    private String username;
    private ChannelC2sSession session;
    private boolean sessionClosedReported;

    C2sStreamHandler(C2sDependencies deps) {
        this.deps = deps;
        this.headerCheck = new StreamHeaderCheck(deps.settings().domain());
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        ctx = context;
        writer = new StreamWriter(ctx.channel(), deps.settings().domain());
        sasl = new SaslNegotiation(deps, ctx, writer,
                ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress(), new SaslOutcome());
        authDeadline = ctx.executor().schedule(
                () -> streamError(StreamErrorCondition.CONNECTION_TIMEOUT, "authentication took too long"),
                deps.settings().preAuthTimeout().toMillis(), TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (writer.isClosing()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof StreamHeader header) {
            onHeader(header);
        } else if (msg instanceof XmlElement element) {
            onElement(element);
        } else if (msg == StreamEnd.INSTANCE) {
            writer.close(streamId);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHeader(StreamHeader header) {
        awaitingHeader = false;
        streamId = newStreamId();
        Optional<StreamHeaderCheck.Refusal> refusal = headerCheck.check(header);
        if (refusal.isPresent()) {
            streamError(refusal.get().condition(), refusal.get().text());
            return;
        }
        writer.header(streamId);
        if (username != null) {
            writer.features(StreamFeatures.afterAuthentication());
        } else if (!tls && deps.sslContext() != null) {
            writer.features(StreamFeatures.beforeTls(deps.settings().tlsRequired(), deps.mechanisms().offered(false)));
        } else {
            writer.features(StreamFeatures.authentication(deps.mechanisms().offered(tls)));
        }
    }

    private void onElement(XmlElement element) {
        if (awaitingHeader) {
            streamError(StreamErrorCondition.NOT_WELL_FORMED, "stream header expected");
        } else if (username == null) {
            beforeAuthentication(element);
        } else if (session == null) {
            beforeBinding(element);
        } else {
            bound(element);
        }
    }

    private void beforeAuthentication(XmlElement element) {
        if (element.is("starttls", XmppNamespaces.TLS) && !tls && deps.sslContext() != null) {
            startTls();
        } else if (deps.settings().tlsRequired() && !tls) {
            refuseOutOfTurn(element, "STARTTLS is required first");
        } else if (sasl.busy()) {
            streamError(StreamErrorCondition.POLICY_VIOLATION, "wait for the answer to the last SASL message");
        } else if (element.is("auth", XmppNamespaces.SASL)) {
            sasl.auth(element, tls);
        } else if (element.is("response", XmppNamespaces.SASL)) {
            sasl.response(element);
        } else if (element.is("abort", XmppNamespaces.SASL)) {
            sasl.abort();
        } else {
            refuseOutOfTurn(element, "authenticate first");
        }
    }

    private void beforeBinding(XmlElement element) {
        if (ResourceBinding.isBindRequest(element)) {
            bind(element);
        } else {
            refuseOutOfTurn(element, "bind a resource first");
        }
    }

    private void bound(XmlElement element) {
        if (ResourceBinding.isSessionRequest(element)) {
            writer.send(ResourceBinding.emptyResult(element, deps.settings().domain()));
        } else if (isStanza(element)) {
            XmlElement stamped = element.withAttribute("from", session.jid().toString());
            try {
                deps.router().stanzaReceived(session, stamped);
            } catch (RuntimeException e) {
                LOG.error("router failed on a stanza from {}", session.jid(), e);
            }
        } else {
            refuseOutOfTurn(element, "not expected now");
        }
    }

    /** RFC 6120: stanzas too early are not-authorized; known negotiation elements out of turn violate policy. */
    private void refuseOutOfTurn(XmlElement element, String text) {
        if (isStanza(element)) {
            streamError(StreamErrorCondition.NOT_AUTHORIZED, text);
        } else if (NEGOTIATION_NAMESPACES.contains(element.namespace())) {
            streamError(StreamErrorCondition.POLICY_VIOLATION, text);
        } else {
            streamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "unsupported element " + element.name() + " in " + element.namespace());
        }
    }

    private void startTls() {
        SslHandler ssl = new SslHandler(deps.sslContext().newEngine(ctx.alloc()), true);
        // startTls=true: the <proceed/> written next still goes out in the clear, everything after is TLS.
        ctx.pipeline().addFirst(TLS, ssl);
        writer.send(XmlElement.builder("proceed", XmppNamespaces.TLS).build());
        // Only bytes decrypted by the completed handshake can reach the decoder from now on.
        tls = true;
        restartStream();
        ssl.handshakeFuture().addListener(f -> {
            if (!f.isSuccess()) {
                LOG.debug("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), f.cause().toString());
                ctx.close();
            }
        });
    }

    private void restartStream() {
        ((XmlStreamDecoder) ctx.pipeline().get(DECODER)).reset();
        writer.restart();
        awaitingHeader = true;
    }

    private void bind(XmlElement iq) {
        Optional<Jid> jid = ResourceBinding.jidFor(iq, new Jid(username, deps.settings().domain(), null));
        if (jid.isEmpty()) {
            writer.send(ResourceBinding.badRequest(iq));
            return;
        }
        session = new ChannelC2sSession(ctx.channel(), jid.get(), streamId, deps.settings().maxPendingWriteBytes(),
                this::closeStream);
        writer.send(ResourceBinding.result(iq, jid.get()));
        LOG.debug("{} bound {}", ctx.channel().remoteAddress(), jid.get());
        try {
            deps.router().sessionBound(session);
        } catch (RuntimeException e) {
            LOG.error("router failed to take session {}", jid.get(), e);
            streamError(StreamErrorCondition.INTERNAL_SERVER_ERROR, null);
        }
    }

    /** Called by the session (through the event loop) when the IM layer ends it. */
    private void closeStream(StreamErrorCondition condition, String text) {
        if (condition == null) {
            writer.close(streamId);
        } else {
            streamError(condition, text);
        }
    }

    /** Ends the stream for a server shutdown; call on the event loop. */
    void shutdown() {
        streamError(StreamErrorCondition.SYSTEM_SHUTDOWN, "the server is shutting down");
    }

    private void streamError(StreamErrorCondition condition, String text) {
        if (writer == null || writer.isClosing()) {
            return;
        }
        LOG.debug("stream error {} to {}: {}", condition.element(), ctx.channel().remoteAddress(), text);
        writer.error(condition, text, streamId);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            streamError(StreamErrorCondition.CONNECTION_TIMEOUT, "idle for too long");
            return;
        }
        super.userEventTriggered(context, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof XmlStreamException x) {
            streamError(x.condition(), x.getMessage());
        } else if (cause instanceof DecoderException && cause.getCause() instanceof SSLException
                || cause instanceof SSLException || cause instanceof IOException) {
            LOG.debug("connection {} failed: {}", context.channel().remoteAddress(), cause.toString());
            context.close();
        } else {
            LOG.warn("unexpected failure on {}", context.channel().remoteAddress(), cause);
            streamError(StreamErrorCondition.INTERNAL_SERVER_ERROR, null);
            if (writer == null) {
                context.close();
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (authDeadline != null) {
            authDeadline.cancel(false);
        }
        if (session != null && !sessionClosedReported) {
            sessionClosedReported = true;
            try {
                deps.router().sessionClosed(session);
            } catch (RuntimeException e) {
                LOG.error("router failed to close session {}", session.jid(), e);
            }
        }
        super.channelInactive(context);
    }

    private static boolean isStanza(XmlElement element) {
        return XmppNamespaces.CLIENT.equals(element.namespace()) && STANZAS.contains(element.name());
    }

    private static String newStreamId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** SASL results, delivered on the event loop. */
    private final class SaslOutcome implements SaslNegotiation.Outcome {
        @Override
        public void authenticated(String user) {
            username = user;
            authDeadline.cancel(false);
            ctx.pipeline().addBefore(DECODER, IDLE,
                    new IdleStateHandler(deps.settings().idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
            restartStream();
        }

        @Override
        public void tooManyFailures() {
            streamError(StreamErrorCondition.POLICY_VIOLATION, "too many failed authentication attempts");
        }
    }
}
