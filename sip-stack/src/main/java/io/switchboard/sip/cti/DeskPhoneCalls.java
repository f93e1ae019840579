package io.switchboard.sip.cti;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallState;
import io.switchboard.core.service.CallService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.sip.csta.AnswerCall;
import io.switchboard.sip.csta.ClearConnection;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.ConsultationCall;
import io.switchboard.sip.csta.ConsultationCallResponse;
import io.switchboard.sip.csta.CstaErrorCode;
import io.switchboard.sip.csta.CstaEvent;
import io.switchboard.sip.csta.CstaRequest;
import io.switchboard.sip.csta.CstaResponse;
import io.switchboard.sip.csta.DeviceId;
import io.switchboard.sip.csta.GenerateDigits;
import io.switchboard.sip.csta.HoldCall;
import io.switchboard.sip.csta.MakeCall;
import io.switchboard.sip.csta.MakeCallResponse;
import io.switchboard.sip.csta.MonitorStart;
import io.switchboard.sip.csta.RetrieveCall;
import io.switchboard.sip.csta.SingleStepTransferCall;
import io.switchboard.sip.csta.TransferCall;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls on the user's desk phone, driven through the server's CTI gateway (uaCSTA, ADR 0025)
 * instead of the client's own audio: the softphone's {@link CallService}, so every call screen
 * works unchanged in desk-phone mode. The line is monitored from the start; its CSTA events become
 * {@link Call} snapshots ({@link DeskPhoneCallStates}).
 *
 * <p>A desk phone has its own microphone: {@link #mute} cannot act on it (CSTA has no such
 * service for a third party) and does nothing; the client hides the button in desk-phone mode.
 * Only {@link #dial} waits for the gateway (it must learn the call's ID), so call it off the UI
 * thread; every other request is sent and its refusal, if any, reported to
 * {@link CallListener#requestFailed} or {@link CallListener#transferFailed}.
 */
public final class DeskPhoneCalls implements CallService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskPhoneCalls.class);
    /** The gateway answers MakeCall once the desk phone is being called: well within this. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final CstaSession session;
    private final DeviceId line;
    private final String lineName;
    private final Listeners<CallListener> listeners;
    /** Guarded by itself: events arrive on the event thread, requests on the UI thread and workers. */
    private final DeskPhoneCallStates states;
    private final ListenerRegistration events;

    private DeskPhoneCalls(CstaSession session, Address line, Executor eventThread, Clock clock) {
        this.session = session;
        this.line = device(line);
        this.lineName = line.local();
        this.listeners = new Listeners<>(eventThread);
        this.states = new DeskPhoneCallStates(this.line, clock);
        this.events = session.addListener(this::event);
    }

    /**
     * Opens a uaCSTA session with {@code gateway} and monitors desk line {@code line}. Completes
     * exceptionally with a {@link ServiceException} that says why in words (no gateway, a line not
     * assigned to this user...).
     *
     * @param eventThread where the call listeners are told, the session's event thread
     */
    public static CompletableFuture<DeskPhoneCalls> start(CstaSessions sessions, Address gateway, Address line,
                                                          Executor eventThread, Clock clock) {
        Objects.requireNonNull(line, "line");
        return sessions.open(gateway)
                .exceptionally(failure -> {
                    LOG.warn("No CTI session with {}: {}", gateway, cause(failure).toString());
                    throw new CompletionException(new ServiceException(
                            "the server's CTI gateway " + gateway + " did not accept a session: "
                                    + cause(failure).getMessage(), cause(failure)));
                })
                .thenCompose(session -> {
                    DeskPhoneCalls calls = new DeskPhoneCalls(session, line, eventThread, clock);
                    return session.request(new MonitorStart(device(line))).thenApply(response -> {
                        if (response instanceof CstaErrorCode refused) {
                            calls.close();
                            String why = CstaErrorTexts.describe(refused.error(), line.local());
                            LOG.warn("Monitoring desk line {} refused: {} ({})", line, why, refused.error());
                            throw new CompletionException(new ServiceException(why));
                        }
                        LOG.info("Desk-phone mode on line {} through {}", line, gateway);
                        return calls;
                    });
                });
    }

    /** The desk line's extension, e.g. "1001". */
    public String line() {
        return lineName;
    }

    @Override
    public Call dial(Address who) throws ServiceException {
        Objects.requireNonNull(who, "who");
        Optional<Call> existing = establishedCall();
        CstaRequest request = existing.<CstaRequest>map(call -> new ConsultationCall(connection(call.id()), device(who)))
                .orElseGet(() -> new MakeCall(line, device(who), true));
        CstaResponse response = await(request, "call " + who);
        String callId;
        if (response instanceof MakeCallResponse made && made.callingDevice().callId() != null) {
            callId = made.callingDevice().callId();
        } else if (response instanceof ConsultationCallResponse consulting
                && consulting.initiatedCall().callId() != null) {
            callId = consulting.initiatedCall().callId();
        } else {
            throw new ServiceException("the CTI gateway answered the call to " + who + " without a call ID");
        }
        Call placed;
        synchronized (states) {
            placed = states.placed(callId, who);
        }
        tell(List.of(placed));
        return placed;
    }

    @Override
    public void answer(String callId) {
        send(new AnswerCall(connection(callId)), callId, "answer");
    }

    @Override
    public void decline(String callId) {
        hangUp(callId);
    }

    @Override
    public void hangUp(String callId) {
        synchronized (states) {
            states.clearingByMe(callId);
        }
        session.request(new ClearConnection(connection(callId))).whenComplete((response, failure) -> {
            Optional<String> refusal = refusal(response, failure, "hang up");
            if (refusal.isEmpty()) {
                return;
            }
            // the user wants the call gone: one the gateway has lost, or a session that is gone, ends here
            Optional<Call> ended;
            synchronized (states) {
                ended = states.failed(callId, "Could not hang up on the desk phone: " + refusal.get());
            }
            ended.ifPresent(call -> tell(List.of(call)));
        });
    }

    @Override
    public void hold(String callId, boolean onHold) {
        CstaRequest request = onHold ? new HoldCall(connection(callId)) : new RetrieveCall(connection(callId));
        send(request, callId, onHold ? "hold" : "resume");
    }

    /** Does nothing: the desk phone's microphone is its own (see the class comment). */
    @Override
    public void mute(String callId, boolean muted) {
        LOG.debug("Mute asked for desk call {}: a desk phone is muted on the phone", callId);
    }

    @Override
    public void transfer(String callId, Address target) {
        session.request(new SingleStepTransferCall(connection(callId), device(target)))
                .whenComplete((response, failure) -> refusal(response, failure, "transfer to " + target)
                        .ifPresent(why -> listeners.fire(l -> l.transferFailed(callId, why))));
    }

    @Override
    public void transfer(String callId, String consultationCallId) {
        session.request(new TransferCall(connection(callId), connection(consultationCallId)))
                .whenComplete((response, failure) -> refusal(response, failure, "complete a transfer")
                        .ifPresent(why -> listeners.fire(l -> {
                            l.transferFailed(callId, why);
                            l.transferFailed(consultationCallId, why);
                        })));
    }

    @Override
    public void sendDtmf(String callId, char digit) throws ServiceException {
        GenerateDigits digits;
        try {
            digits = new GenerateDigits(connection(callId), String.valueOf(digit));
        } catch (IllegalArgumentException e) {
            throw new ServiceException("'" + digit + "' is no DTMF key");
        }
        send(digits, callId, "send " + digit);
    }

    @Override
    public List<Call> calls() {
        synchronized (states) {
            return states.live();
        }
    }

    @Override
    public ListenerRegistration addListener(CallListener listener) {
        return listeners.add(listener);
    }

    /** Ends the CTI session (the gateway stops the monitor); the desk phone's calls go on there. */
    @Override
    public void close() {
        events.close();
        session.close();
    }

    private void event(CstaEvent event) {
        List<Call> changed;
        synchronized (states) {
            changed = states.apply(event);
        }
        LOG.debug("Desk line {}: {} -> {}", lineName, event.getClass().getSimpleName(), changed);
        tell(changed);
    }

    private void tell(List<Call> changed) {
        for (Call call : changed) {
            listeners.fire(l -> l.callChanged(call));
        }
    }

    /** The call a new call consults from: the connected one, else the one most recently held. */
    private Optional<Call> establishedCall() {
        List<Call> live = calls();
        return live.stream().filter(c -> c.state() == CallState.CONNECTED).findFirst()
                .or(() -> live.stream().filter(c -> c.state() == CallState.ON_HOLD)
                        .max(Comparator.comparing(Call::startedAt)));
    }

    private void send(CstaRequest request, String callId, String what) {
        session.request(request).whenComplete((response, failure) -> refusal(response, failure, what)
                .ifPresent(why -> listeners.fire(l -> l.requestFailed(callId, why))));
    }

    /** Why the gateway did not do {@code what}, logged; empty when it did. */
    private Optional<String> refusal(CstaResponse response, Throwable failure, String what) {
        String why;
        if (failure != null) {
            why = "the CTI session failed: " + cause(failure).getMessage();
            LOG.warn("Desk line {}: could not {}: {}", lineName, what, cause(failure).toString());
        } else if (response instanceof CstaErrorCode refused) {
            why = CstaErrorTexts.describe(refused.error(), lineName);
            LOG.info("Desk line {}: could not {}: {} ({})", lineName, what, why, refused.error());
        } else {
            return Optional.empty();
        }
        return Optional.of(why);
    }

    private CstaResponse await(CstaRequest request, String what) throws ServiceException {
        CstaResponse response;
        try {
            response = session.request(request).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted while asking the desk phone to " + what);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? cause(e) : e;
            LOG.warn("Desk line {}: could not {}: {}", lineName, what, cause.toString());
            throw new ServiceException("the CTI gateway did not answer: " + cause.getMessage(), cause);
        }
        if (response instanceof CstaErrorCode refused) {
            String why = CstaErrorTexts.describe(refused.error(), lineName);
            LOG.info("Desk line {}: could not {}: {} ({})", lineName, what, why, refused.error());
            throw new ServiceException(why);
        }
        return response;
    }

    private ConnectionId connection(String callId) {
        return new ConnectionId(callId, line);
    }

    private static DeviceId device(Address who) {
        return new DeviceId(who.toSipUri());
    }

    private static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
