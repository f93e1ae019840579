package io.switchboard.server.cti.calls;

import io.switchboard.core.model.Address;
import io.switchboard.sip.csta.CstaRequest;
import io.switchboard.sip.csta.CstaResponse;
import io.switchboard.sip.cti.CstaSession;
import io.switchboard.sip.cti.CstaSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desk phones that speak uaCSTA themselves (ECMA TR/87 on the phone): what plain SIP cannot ask of
 * a phone — answer a ringing call now, send digits in a call — is forwarded to it. Whether a
 * phone speaks it is found out by asking: the gateway opens a uaCSTA session with the line (an
 * INVITE with a CSTA body through the proxy), which a phone that does not refuses. The answer is
 * kept per line: an open session until a request in it fails, a refusal for {@link #NOT_SPOKEN_KEPT}
 * (a phone does not learn CSTA by itself, but it may be replaced by one that speaks it).
 */
final class PhoneCsta implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneCsta.class);
    static final Duration NOT_SPOKEN_KEPT = Duration.ofMinutes(5);

    private final CstaSessions sessions;
    private final String domain;
    private final Clock clock;
    private final Map<String, Probe> lines = new ConcurrentHashMap<>();

    PhoneCsta(CstaSessions sessions, String domain, Clock clock) {
        this.sessions = sessions;
        this.domain = domain;
        this.clock = clock;
    }

    /**
     * Sends {@code request} to the desk phone of {@code line}. Completes with the phone's response,
     * or empty when the phone speaks no uaCSTA or the session failed; never exceptionally.
     */
    CompletableFuture<Optional<CstaResponse>> forward(String line, CstaRequest request) {
        return session(line).thenCompose(session -> {
            if (session.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<CstaResponse>empty());
            }
            return session.get().request(request).thenApply(Optional::of).exceptionally(failure -> {
                LOG.info("Desk phone of {}: {} not carried out, its uaCSTA session failed: {}", line,
                        request.getClass().getSimpleName(), failure.toString());
                forget(line, session.get());
                return Optional.empty();
            });
        });
    }

    private CompletableFuture<Optional<CstaSession>> session(String line) {
        Instant now = clock.instant();
        return lines.compute(line, (key, known) -> known != null && known.stillGood(now) ? known
                : new Probe(probe(key), now)).session;
    }

    private CompletableFuture<Optional<CstaSession>> probe(String line) {
        return sessions.open(Address.of(line, domain)).thenApply(session -> {
            LOG.info("Desk phone of {} speaks uaCSTA: AnswerCall and GenerateDigits are forwarded to it", line);
            return Optional.of(session);
        }).exceptionally(refused -> {
            LOG.info("Desk phone of {} speaks no uaCSTA ({}): plain SIP only", line, refused.toString());
            return Optional.empty();
        });
    }

    private void forget(String line, CstaSession session) {
        lines.computeIfPresent(line, (key, known) -> known.is(session) ? null : known);
        session.close();
    }

    @Override
    public void close() {
        lines.values().forEach(Probe::close);
        lines.clear();
    }

    /** What asking the phone of a line found, and when. */
    private record Probe(CompletableFuture<Optional<CstaSession>> session, Instant at) {

        boolean stillGood(Instant now) {
            if (!session.isDone()) {
                return true;
            }
            Optional<CstaSession> found = session.getNow(Optional.empty());
            return found.isPresent() || at.plus(NOT_SPOKEN_KEPT).isAfter(now);
        }

        boolean is(CstaSession candidate) {
            return session.isDone() && session.getNow(Optional.empty()).filter(s -> s == candidate).isPresent();
        }

        void close() {
            session.thenAccept(found -> found.ifPresent(CstaSession::close));
        }
    }
}
