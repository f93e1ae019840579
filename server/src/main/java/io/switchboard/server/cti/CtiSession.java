package io.switchboard.server.cti;

import io.switchboard.server.sip.transport.ResponseHandler;
import io.switchboard.sip.csta.CstaEvent;
import io.switchboard.sip.csta.CstaWriter;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's uaCSTA session (ECMA TR/87): the signed-in user, the INVITE dialog and the monitors
 * started in it. Events go to the client in INFOs; a client that stops answering them (481, a
 * timeout) has gone and the session ends.
 */
final class CtiSession {

    private static final Logger LOG = LoggerFactory.getLogger(CtiSession.class);
    private static final AtomicLong CROSS_REFS = new AtomicLong();

    private final String user;
    private final CtiDialog dialog;
    private final CstaWriter writer;
    private final Consumer<CtiSession> onGone;
    /** crossRefID → monitored line. */
    private final Map<String, String> monitors = new ConcurrentHashMap<>();
    private volatile boolean closed;

    CtiSession(String user, CtiDialog dialog, CstaWriter writer, Consumer<CtiSession> onGone) {
        this.user = Objects.requireNonNull(user, "user");
        this.dialog = Objects.requireNonNull(dialog, "dialog");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.onGone = Objects.requireNonNull(onGone, "onGone");
    }

    String user() {
        return user;
    }

    CtiDialog dialog() {
        return dialog;
    }

    /** Starts a monitor on {@code line}; the crossRefID names it in the events. */
    String monitor(String line) {
        String crossRef = Long.toString(CROSS_REFS.incrementAndGet());
        monitors.put(crossRef, line);
        return crossRef;
    }

    Optional<String> stopMonitor(String crossRef) {
        return Optional.ofNullable(crossRef == null ? null : monitors.remove(crossRef));
    }

    int monitorCount() {
        return monitors.size();
    }

    /** The session's monitors, crossRefID → line. */
    Map<String, String> monitors() {
        return Map.copyOf(monitors);
    }

    boolean closed() {
        return closed;
    }

    /** Sends {@code event} in an INFO; the session ends if the client no longer has it. */
    void send(CstaEvent event) {
        if (closed) {
            return;
        }
        try {
            dialog.send(Request.INFO, writer.write(event), new ResponseHandler() {
                @Override
                public void onResponse(ClientTransaction transaction, Response response) {
                    int status = response.getStatusCode();
                    if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
                        gone("answered " + status);
                    } else if (status >= 300) {
                        LOG.debug("{}: event refused with {}", dialog, status);
                    }
                }

                @Override
                public void onTimeout(ClientTransaction transaction) {
                    gone("no answer to an event");
                }
            });
        } catch (SipException | RuntimeException e) {
            gone("event not sent: " + e.getMessage());
        }
    }

    /** Ends the session from our side (server stopping, user deleted): BYE to the client. */
    void hangUp() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            dialog.send(Request.BYE, null, new ResponseHandler() {
                @Override
                public void onResponse(ClientTransaction transaction, Response response) {
                }

                @Override
                public void onTimeout(ClientTransaction transaction) {
                }
            });
        } catch (SipException | RuntimeException e) {
            LOG.debug("{}: BYE not sent: {}", dialog, e.toString());
        }
    }

    /** The client ended the session (BYE) or is gone. */
    void ended() {
        closed = true;
        monitors.clear();
    }

    private void gone(String why) {
        if (!closed) {
            LOG.info("{} of {} ended: {}", dialog, user, why);
            ended();
            onGone.accept(this);
        }
    }
}
