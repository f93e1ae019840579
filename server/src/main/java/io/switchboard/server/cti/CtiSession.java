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
    /** A client this far behind is not reading its events: the session ends. */
    static final int MAX_QUEUED_EVENTS = 256;

    private final String user;
    private final CtiDialog dialog;
    private final CstaWriter writer;
    private final Consumer<CtiSession> onGone;
    /** crossRefID → monitored line. */
    private final Map<String, String> monitors = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** Events not yet answered by the client; the head is in flight. */
    private final java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();

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

    boolean monitors(String line) {
        return monitors.containsValue(line);
    }

    /** The session's monitors, crossRefID → line. */
    Map<String, String> monitors() {
        return Map.copyOf(monitors);
    }

    boolean closed() {
        return closed;
    }

    /**
     * Sends {@code event} in an INFO once the events before it are answered — one INFO at a time,
     * so the client sees them in order whatever the transport does. The session ends if the client
     * no longer has it, or lets {@link #MAX_QUEUED_EVENTS} pile up.
     */
    void send(CstaEvent event) {
        String body = writer.write(event);
        synchronized (queue) {
            if (closed) {
                return;
            }
            if (queue.size() >= MAX_QUEUED_EVENTS) {
                gone("more than " + MAX_QUEUED_EVENTS + " events unanswered");
                return;
            }
            queue.add(body);
            if (queue.size() > 1) {
                return; // the one in flight sends the next when it is answered
            }
        }
        sendHead(body);
    }

    private void sendHead(String body) {
        try {
            dialog.send(Request.INFO, body, new ResponseHandler() {
                @Override
                public void onResponse(ClientTransaction transaction, Response response) {
                    int status = response.getStatusCode();
                    if (status < 200) {
                        return;
                    }
                    if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
                        gone("answered " + status);
                        return;
                    }
                    if (status >= 300) {
                        LOG.debug("{}: event refused with {}", dialog, status);
                    }
                    next();
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

    private void next() {
        String body;
        synchronized (queue) {
            queue.poll();
            body = closed ? null : queue.peek();
        }
        if (body != null) {
            sendHead(body);
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
        synchronized (queue) {
            queue.clear();
        }
    }

    private void gone(String why) {
        if (!closed) {
            LOG.info("{} of {} ended: {}", dialog, user, why);
            ended();
            onGone.accept(this);
        }
    }
}
