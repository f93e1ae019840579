package io.switchboard.server.xmpp.stream;

import io.netty.channel.ChannelHandlerContext;
import io.switchboard.server.xmpp.sasl.SaslFailure;
import io.switchboard.server.xmpp.sasl.SaslMechanism;
import io.switchboard.server.xmpp.sasl.SaslStep;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SASL part of one connection (RFC 6120 §6): {@code <auth/>}, {@code <response/>} and
 * {@code <abort/>} in, {@code <challenge/>}, {@code <success/>} and {@code <failure/>} out.
 *
 * <p>Threading: called on the channel's event loop. Each mechanism step runs on the
 * authentication workers (it may block on the store and runs PBKDF2); its result comes back to
 * the event loop through {@code ctx.executor()}. Failure answers are delayed with the event
 * loop's scheduler, never by sleeping, and attempts from an address the
 * {@link io.switchboard.server.xmpp.sasl.AuthFailureLimiter} blocks are refused without evaluating them.
 */
final class SaslNegotiation {

    /** What the stream handler does with the outcome. */
    interface Outcome {
        void authenticated(String username);

        void tooManyFailures();
    }

    private static final Logger LOG = LoggerFactory.getLogger(SaslNegotiation.class);

    private final C2sDependencies deps;
    private final ChannelHandlerContext ctx;
    private final StreamWriter writer;
    private final InetAddress remote;
    private final Outcome outcome;
    private SaslMechanism current;
    private boolean busy;
    private int failures;

    SaslNegotiation(C2sDependencies deps, ChannelHandlerContext ctx, StreamWriter writer, InetAddress remote,
                    Outcome outcome) {
        this.deps = deps;
        this.ctx = ctx;
        this.writer = writer;
        this.remote = remote;
        this.outcome = outcome;
    }

    /** True while a step is being evaluated or a failure answer is pending: the client must wait. */
    boolean busy() {
        return busy;
    }

    void auth(XmlElement auth, boolean secure) {
        current = null;
        if (deps.limiter().isBlocked(remote)) {
            fail(SaslFailure.TEMPORARY_AUTH_FAILURE);
            return;
        }
        Optional<SaslMechanism> mechanism = deps.mechanisms().create(auth.attr("mechanism"), secure);
        if (mechanism.isEmpty()) {
            fail(SaslFailure.INVALID_MECHANISM);
            return;
        }
        current = mechanism.get();
        String text = auth.text().strip();
        if (text.isEmpty()) {
            // No initial response: ask for it with an empty challenge (RFC 6120 §6.4.2).
            writer.send(XmlElement.builder("challenge", XmppNamespaces.SASL).build());
            return;
        }
        decodeAndEvaluate(text);
    }

    void response(XmlElement response) {
        if (current == null) {
            fail(SaslFailure.MALFORMED_REQUEST);
            return;
        }
        decodeAndEvaluate(response.text().strip());
    }

    void abort() {
        current = null;
        fail(SaslFailure.ABORTED);
    }

    private void decodeAndEvaluate(String text) {
        byte[] data;
        try {
            // A single '=' is an empty response (RFC 6120 §6.4.2); the rest is strict base64.
            data = "=".equals(text) ? new byte[0] : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            current = null;
            fail(SaslFailure.INCORRECT_ENCODING);
            return;
        }
        SaslMechanism mechanism = current;
        busy = true;
        CompletableFuture<SaslStep> step;
        try {
            step = CompletableFuture.supplyAsync(() -> mechanism.evaluate(data), deps.authWorkers());
        } catch (RejectedExecutionException e) {
            LOG.warn("authentication workers are saturated");
            busy = false;
            current = null;
            fail(SaslFailure.TEMPORARY_AUTH_FAILURE);
            return;
        }
        step.whenCompleteAsync((result, error) -> onStep(mechanism, result, error), ctx.executor());
    }

    private void onStep(SaslMechanism mechanism, SaslStep result, Throwable error) {
        busy = false;
        if (!ctx.channel().isActive() || writer.isClosing() || mechanism != current) {
            return;
        }
        if (error != null) {
            LOG.warn("{} failed", mechanism.name(), error);
            current = null;
            fail(SaslFailure.TEMPORARY_AUTH_FAILURE);
        } else if (result instanceof SaslStep.Challenge c) {
            writer.send(XmlElement.builder("challenge", XmppNamespaces.SASL).text(base64(c.data())).build());
        } else if (result instanceof SaslStep.Success s) {
            current = null;
            writer.send(XmlElement.builder("success", XmppNamespaces.SASL).text(base64(s.additionalData())).build());
            LOG.debug("{} authenticated as {} with {}", remote, s.username(), mechanism.name());
            outcome.authenticated(s.username());
        } else if (result instanceof SaslStep.Failure f) {
            current = null;
            fail(f.condition());
        }
    }

    private void fail(SaslFailure condition) {
        if (condition == SaslFailure.NOT_AUTHORIZED) {
            deps.limiter().recordFailure(remote);
        }
        failures++;
        boolean last = failures >= deps.settings().maxAuthAttempts();
        busy = true;
        ctx.executor().schedule(() -> {
            busy = false;
            if (!ctx.channel().isActive() || writer.isClosing()) {
                return;
            }
            writer.send(XmlElement.builder("failure", XmppNamespaces.SASL).child(condition.element(), XmppNamespaces.SASL)
                    .build());
            if (last) {
                outcome.tooManyFailures();
            }
        }, deps.settings().authFailureDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String base64(byte[] data) {
        return data.length == 0 ? null : new String(Base64.getEncoder().encode(data), StandardCharsets.US_ASCII);
    }
}
