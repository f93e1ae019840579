package io.switchboard.sip.call;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipResponses;
import io.switchboard.sip.ua.transaction.IncomingRequest;
import io.switchboard.sip.ua.transaction.OutgoingRequest;

import java.text.ParseException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call: an INVITE dialog, placed or received (RFC 3261 13–15). Every method may be called from
 * any thread; the dialog's state changes only on the user agent's protocol thread, and listeners
 * hear of them on its event executor.
 */
public final class SipCall {

    private static final Logger LOG = LoggerFactory.getLogger(SipCall.class);

    private final SipContext context;
    private final String callId;
    private final Address remote;
    private final boolean outgoing;
    private final Listeners<CallListener> listeners;
    private final Consumer<SipCall> onEnded;
    private volatile CallState state;
    private volatile SessionOfferHandler offerHandler;

    // outgoing: the INVITE's current client transaction, whether a provisional response came
    // (CANCEL may only follow one, RFC 3261 9.1), whether the user hung up before the answer
    private ClientTransaction inviteTransaction;
    private boolean provisionalSeen;
    private boolean cancelRequested;
    // incoming: the INVITE to answer and the To tag of our side of the dialog
    private IncomingRequest incomingInvite;
    private String localTag;
    private Dialog dialog;
    private String remoteOffer;
    /** For an INVITE with Replaces: the call here it takes over (an attended transfer's target side). */
    private SipCall replacedCall;
    /** The session timer of the connected call (RFC 4028), or null when none was negotiated. */
    private SessionTimer sessionTimer;
    private java.util.concurrent.ScheduledFuture<?> sessionTask;
    /** The SDP we last sent (offer or answer): what a session refresh re-offers unchanged. */
    private String lastLocalSdp;
    /** Our REFER waiting for the transferee's final NOTIFY. */
    private CompletableFuture<Void> pendingTransfer;

    private SipCall(SipContext context, String callId, Address remote, boolean outgoing, CallState state,
                    Consumer<SipCall> onEnded) {
        this.context = context;
        this.callId = callId;
        this.remote = remote;
        this.outgoing = outgoing;
        this.state = state;
        this.onEnded = onEnded;
        this.listeners = new Listeners<>(context.events());
    }

    static SipCall outgoing(SipContext context, String callId, Address callee, Consumer<SipCall> onEnded) {
        return new SipCall(context, callId, callee, true, CallState.CALLING, onEnded);
    }

    static SipCall incoming(SipContext context, IncomingRequest invite, Address caller, Dialog dialog,
                            String offer, Consumer<SipCall> onEnded) {
        String callId = invite.request().getHeader("Call-ID") == null ? ""
                : ((javax.sip.header.CallIdHeader) invite.request().getHeader("Call-ID")).getCallId();
        SipCall call = new SipCall(context, callId, caller, false, CallState.INCOMING, onEnded);
        call.incomingInvite = invite;
        call.localTag = SipContext.newTag();
        call.dialog = dialog;
        call.remoteOffer = offer;
        return call;
    }

    public String callId() {
        return callId;
    }

    /** The other party: the callee of an outgoing call, the caller of an incoming one. */
    public Address remote() {
        return remote;
    }

    /**
     * For an incoming call that replaces one of ours (RFC 3891: the other party of that call
     * transferred its peer to us): the call it replaces; answer this one and hang that one up.
     */
    public SipCall replacedCall() {
        return replacedCall;
    }

    void replacing(SipCall call) {
        this.replacedCall = call;
    }

    /** Whether this call's dialog is the one {@code replaces} names, as the recipient sees it. */
    boolean matches(Replaces replaces) {
        Dialog current = dialog;
        return current != null && callId.equals(replaces.callId())
                && replaces.toTag().equals(current.getLocalTag()) && replaces.fromTag().equals(current.getRemoteTag());
    }

    /** The Replaces that names this call's dialog for the other party (RFC 3891 7.1). */
    Replaces replacesForRemote() {
        Dialog current = dialog;
        if (current == null) {
            throw new IllegalStateException("the call has no dialog yet");
        }
        return new Replaces(callId, current.getRemoteTag(), current.getLocalTag());
    }

    /** The caller's SDP offer of an incoming call (answer it with {@link #answer}); null for ours. */
    public String remoteOffer() {
        return remoteOffer;
    }

    /**
     * The values of header {@code name} in the INVITE of an incoming call, e.g. {@code Call-Info}
     * or {@code Alert-Info} asking the phone to answer by itself; empty for our own calls.
     */
    public java.util.List<String> inviteHeaders(String name) {
        IncomingRequest invite = incomingInvite;
        if (invite == null) {
            return java.util.List.of();
        }
        java.util.List<String> values = new java.util.ArrayList<>();
        java.util.ListIterator<?> headers = invite.request().getHeaders(name);
        while (headers != null && headers.hasNext()) {
            String line = headers.next().toString();
            int colon = line.indexOf(':');
            values.add((colon < 0 ? line : line.substring(colon + 1)).trim());
        }
        return values;
    }

    public boolean isOutgoing() {
        return outgoing;
    }

    public CallState state() {
        return state;
    }

    public ListenerRegistration addListener(CallListener listener) {
        return listeners.add(listener);
    }

    /** Who answers the other side's re-INVITEs (hold, resume); without one they get 488. */
    public void setOfferHandler(SessionOfferHandler handler) {
        this.offerHandler = handler;
    }

    // ---- outgoing ------------------------------------------------------------------------

    void offered(String sdp) {
        this.lastLocalSdp = sdp;
    }

    /** The INVITE's request builder hooks; called by {@link CallManager} once. */
    OutgoingRequest inviteHooks(OutgoingRequest base) {
        return new OutgoingRequest() {
            @Override
            public Request create() throws SipException {
                return base.create();
            }

            @Override
            public void sent(ClientTransaction transaction) {
                inviteTransaction = transaction;
            }

            @Override
            public void provisional(Response response) {
                onProvisional(response);
            }

            @Override
            public java.time.Duration finalTimeout() {
                return base.finalTimeout();
            }

            @Override
            public String hop() {
                return base.hop();
            }
        };
    }

    private void onProvisional(Response response) {
        if (state == CallState.ENDED) {
            return;
        }
        provisionalSeen = true;
        if (cancelRequested) {
            sendCancel();
            return;
        }
        int status = response.getStatusCode();
        if (status == Response.TRYING) {
            return;
        }
        String early = null;
        try {
            early = SdpBodies.read(response);
        } catch (SdpBodies.Refused e) {
            LOG.debug("early media body of {} ignored: {}", callId, e.getMessage());
        }
        boolean firstRing = state == CallState.CALLING;
        state = CallState.RINGING;
        if (early != null) {
            String sdp = early;
            listeners.fire(listener -> listener.earlyMedia(this, sdp));
        }
        if (firstRing) {
            listeners.fire(listener -> listener.ringing(this));
        }
    }

    /** The INVITE's outcome; on the protocol thread. */
    void onInviteFinal(Response response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            end(cancelRequested ? CallEnd.of(CallEnd.Reason.HUNG_UP, "cancelled")
                    : CallEnd.of(CallEnd.Reason.FAILED, cause.getMessage()));
            return;
        }
        int status = response.getStatusCode();
        if (!SipResponses.isSuccess(response)) {
            CallEnd end = CallEnd.fromFinalResponse(status, response.getReasonPhrase());
            if (cancelRequested && status == Response.REQUEST_TERMINATED && noAnswer) {
                end = new CallEnd(CallEnd.Reason.NO_ANSWER, status, "no answer");
            }
            end(end);
            return;
        }
        dialog = inviteTransaction == null ? null : inviteTransaction.getDialog();
        if (dialog == null) {
            end(CallEnd.of(CallEnd.Reason.FAILED, "2xx without a dialog"));
            return;
        }
        acknowledge(response);
        String answer;
        try {
            answer = SdpBodies.read(response);
        } catch (SdpBodies.Refused e) {
            answer = null;
        }
        if (cancelRequested || answer == null) {
            // answered as we hung up, or answered without the SDP answer our offer needs
            sendBye();
            end(cancelRequested ? CallEnd.of(CallEnd.Reason.HUNG_UP, "hung up")
                    : CallEnd.of(CallEnd.Reason.NOT_ACCEPTABLE, "the answer carried no SDP"));
            return;
        }
        state = CallState.CONNECTED;
        String sdp = answer;
        // the answerer's Session-Expires settles the timer; without one there is none
        SessionTimer.read(response).ifPresent(offered ->
                startSessionTimer(new SessionTimer(offered.interval(), !"uas".equals(offered.refresher()))));
        listeners.fire(listener -> listener.connected(this, sdp));
    }

    private boolean noAnswer;

    /** Our ring timeout passed: cancel, and report "no answer" when the 487 comes. */
    void ringTimeout() {
        if (state == CallState.CALLING || state == CallState.RINGING) {
            noAnswer = true;
            hangUpNow();
        }
    }

    private void acknowledge(Response response) {
        try {
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = dialog.createAck(cseq);
            dialog.sendAck(ack);
        } catch (SipException | InvalidArgumentException e) {
            LOG.warn("Call {}: cannot acknowledge the answer: {}", callId, e.toString());
        }
    }

    private void sendCancel() {
        if (inviteTransaction == null) {
            return;
        }
        try {
            Request cancel = inviteTransaction.createCancel();
            context.endpoint().provider().getNewClientTransaction(cancel).sendRequest();
        } catch (SipException e) {
            LOG.debug("Call {}: CANCEL not sent: {}", callId, e.toString());
        }
    }

    private void sendBye() {
        Dialog current = dialog;
        if (current == null) {
            return;
        }
        context.send(OutgoingRequest.inDialog(current, Request.BYE, null, request -> { }))
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        LOG.debug("Call {}: BYE got no answer: {}", callId, failure.toString());
                    }
                });
    }

    // ---- incoming ------------------------------------------------------------------------

    /** Sends 180 Ringing; by {@link CallManager} when the INVITE arrives. */
    void ring() {
        Response ringing = incomingInvite.createResponse(Response.RINGING);
        tag(ringing);
        ringing.addHeader(context.contact(context.route().current()));
        incomingInvite.sendProvisional(ringing);
    }

    /**
     * Answers an incoming call with our SDP answer (200 OK).
     *
     * @throws IllegalStateException if the call is not ringing here
     */
    public void answer(String sdpAnswer) {
        Objects.requireNonNull(sdpAnswer, "sdpAnswer");
        context.execute(() -> {
            if (outgoing || state != CallState.INCOMING) {
                LOG.info("Call {}: not answered, it is {}", callId, state);
                return;
            }
            Response ok = incomingInvite.createResponse(Response.OK);
            tag(ok);
            ok.addHeader(context.contact(context.route().current()));
            SdpBodies.attach(context, ok, sdpAnswer);
            SessionTimer timer = answerSessionTimer(ok);
            incomingInvite.send(ok);
            lastLocalSdp = sdpAnswer;
            state = CallState.CONNECTED;
            if (timer != null) {
                startSessionTimer(timer);
            }
            listeners.fire(listener -> listener.connected(this, sdpAnswer));
        });
    }

    /** Refuses an incoming call: 486 Busy Here (in another call) or 603 Decline (the user said no). */
    public void reject(boolean busy) {
        context.execute(() -> rejectNow(busy ? Response.BUSY_HERE : Response.DECLINE));
    }

    /** Refuses an incoming call with {@code status}, e.g. 488 when its SDP offers nothing we can use. */
    public void reject(int status) {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("not a rejection status: " + status);
        }
        context.execute(() -> rejectNow(status));
    }

    private void rejectNow(int status) {
        if (outgoing || state != CallState.INCOMING) {
            return;
        }
        Response response = incomingInvite.createResponse(status);
        tag(response);
        incomingInvite.send(response);
        end(CallEnd.fromFinalResponse(status, response.getReasonPhrase()));
    }

    /** The caller gave up while it rang here (CANCEL): 487 to the INVITE. */
    void cancelled() {
        if (state != CallState.INCOMING) {
            return;
        }
        Response terminated = incomingInvite.createResponse(Response.REQUEST_TERMINATED);
        tag(terminated);
        incomingInvite.send(terminated);
        end(CallEnd.of(CallEnd.Reason.REMOTE_HUNG_UP, "the caller hung up"));
    }

    private void tag(Response response) {
        try {
            ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(localTag);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot tag the response", e);
        }
    }

    // ---- both ----------------------------------------------------------------------------

    /**
     * Ends the call: CANCEL while it rings there, 603 while it rings here, BYE when connected.
     * Listeners hear {@code ended} once.
     */
    public void hangUp() {
        context.execute(this::hangUpNow);
    }

    private void hangUpNow() {
        switch (state) {
            case CALLING, RINGING -> {
                cancelRequested = true;
                if (provisionalSeen) {
                    sendCancel();
                }
            }
            case INCOMING -> rejectNow(Response.DECLINE);
            case CONNECTED -> {
                sendBye();
                end(CallEnd.of(CallEnd.Reason.HUNG_UP, "hung up"));
            }
            case ENDED -> { }
        }
    }

    /** The other side sent BYE; on the protocol thread. */
    void remoteBye() {
        if (state != CallState.ENDED) {
            end(CallEnd.of(CallEnd.Reason.REMOTE_HUNG_UP, "the other side hung up"));
        }
    }

    /**
     * Sends a new offer in the call (re-INVITE): hold (a sendonly offer), resume, a new address.
     * Completes with the other side's SDP answer; exceptionally with {@code SipRejectedException}
     * (491 when both sides renegotiated at once; try again later), or a timeout.
     */
    public CompletableFuture<String> reoffer(String sdpOffer) {
        return context.onProtocolThread(() -> {
            if (state != CallState.CONNECTED || dialog == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("the call is not connected"));
            }
            Dialog current = dialog;
            return context.send(OutgoingRequest.inDialog(current, Request.INVITE, null, request -> {
                request.setHeader(context.contact(context.route().current()));
                SdpBodies.attach(context, request, sdpOffer);
            })).thenApply(response -> {
                if (!SipResponses.isSuccess(response)) {
                    throw new CompletionException(SipResponses.rejection(Request.INVITE, response));
                }
                try {
                    long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
                    current.sendAck(current.createAck(cseq));
                    String answer = SdpBodies.read(response);
                    if (answer == null) {
                        throw new CompletionException(new IllegalStateException("the re-INVITE's answer carried no SDP"));
                    }
                    lastLocalSdp = sdpOffer;
                    if (sessionTimer != null && sessionTimer.weRefresh()) {
                        startSessionTimer(sessionTimer); // our re-INVITE was a refresh too
                    }
                    return answer;
                } catch (SipException | InvalidArgumentException | SdpBodies.Refused e) {
                    throw new CompletionException(e);
                }
            });
        });
    }

    /** The other side's re-INVITE; on the protocol thread. */
    void reinvited(IncomingRequest request) {
        if (state != CallState.CONNECTED) {
            request.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        String offer;
        try {
            offer = SdpBodies.read(request.request());
        } catch (SdpBodies.Refused e) {
            request.respond(e.status, e.getMessage());
            return;
        }
        SessionOfferHandler handler = offerHandler;
        if (offer == null || handler == null) {
            request.respond(Response.NOT_ACCEPTABLE_HERE,
                    offer == null ? "re-INVITE without SDP not supported" : "no media to renegotiate");
            return;
        }
        SessionAnswer answer = handler.answer(offer);
        if (!answer.accepted()) {
            request.respond(answer.rejectStatus(), answer.reason());
            return;
        }
        Response ok = request.createResponse(Response.OK);
        ok.addHeader(context.contact(context.route().current()));
        SdpBodies.attach(context, ok, answer.sdp());
        SessionTimer timer = sessionTimer;
        if (timer != null) {
            // a re-INVITE refreshes the session (RFC 4028 9): confirm the interval, restart the clock
            addHeader(ok, SessionTimer.SESSION_EXPIRES,
                    SessionTimer.value(timer.interval(), timer.weRefresh() ? "uas" : "uac"));
            startSessionTimer(timer);
        }
        request.send(ok);
        lastLocalSdp = answer.sdp();
        listeners.fire(listener -> listener.renegotiated(this, offer, answer.sdp()));
    }

    // ---- session timer (RFC 4028) -------------------------------------------------------

    /** The timer for the 200 we are about to send, added to it; null when the caller asked for none. */
    private SessionTimer answerSessionTimer(Response ok) {
        var offered = SessionTimer.read(incomingInvite.request());
        if (offered.isEmpty()) {
            return null;
        }
        // RFC 4028 9: without a refresher named, the caller refreshes if it supports the timer
        String refresher = offered.get().refresher().isEmpty()
                ? (supportsTimer(incomingInvite.request()) ? "uac" : "uas") : offered.get().refresher();
        addHeader(ok, SessionTimer.SESSION_EXPIRES, SessionTimer.value(offered.get().interval(), refresher));
        if ("uac".equals(refresher)) {
            addHeader(ok, "Require", "timer");
        }
        return new SessionTimer(offered.get().interval(), "uas".equals(refresher));
    }

    private static boolean supportsTimer(Request request) {
        var supported = request.getHeaders(javax.sip.header.SupportedHeader.NAME);
        while (supported.hasNext()) {
            Object header = supported.next();
            if (header instanceof javax.sip.header.SupportedHeader tag && "timer".equalsIgnoreCase(tag.getOptionTag())) {
                return true;
            }
        }
        return false;
    }

    private void addHeader(javax.sip.message.Message message, String name, String value) {
        try {
            message.setHeader(context.headers().createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build " + name, e);
        }
    }

    private void startSessionTimer(SessionTimer timer) {
        sessionTimer = timer;
        if (sessionTask != null) {
            sessionTask.cancel(false);
        }
        java.time.Duration delay = timer.weRefresh() ? timer.refreshAfter() : timer.expiresAfter();
        sessionTask = context.executor().schedule(timer.weRefresh() ? this::refreshSession : this::sessionExpired,
                delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Our turn: re-offer the same SDP (no change, RFC 3264 8) with the timer, to keep the call. */
    private void refreshSession() {
        SessionTimer timer = sessionTimer;
        Dialog current = dialog;
        if (state != CallState.CONNECTED || current == null || timer == null || lastLocalSdp == null) {
            return;
        }
        String sdp = lastLocalSdp;
        context.send(OutgoingRequest.inDialog(current, Request.INVITE, null, request -> {
            request.setHeader(context.contact(context.route().current()));
            SdpBodies.attach(context, request, sdp);
            addHeader(request, SessionTimer.SESSION_EXPIRES, SessionTimer.value(timer.interval(), "uac"));
            addHeader(request, "Supported", "timer");
        })).whenComplete((response, failure) -> {
            if (state != CallState.CONNECTED) {
                return;
            }
            if (failure == null && SipResponses.isSuccess(response)) {
                try {
                    long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
                    current.sendAck(current.createAck(cseq));
                } catch (SipException | InvalidArgumentException e) {
                    LOG.debug("Call {}: refresh not acknowledged: {}", callId, e.toString());
                }
                startSessionTimer(SessionTimer.read(response)
                        .map(offered -> new SessionTimer(offered.interval(), !"uas".equals(offered.refresher())))
                        .orElse(timer));
                return;
            }
            // 481 or silence: the other side lost the call (RFC 4028 10)
            LOG.info("Call {}: session refresh failed ({}); ending the call", callId,
                    failure != null ? failure.toString() : response.getStatusCode());
            sendBye();
            end(CallEnd.of(CallEnd.Reason.FAILED, "the session refresh failed"));
        });
    }

    /** The other side's refresh did not come: the session is over (RFC 4028 10). */
    private void sessionExpired() {
        if (state != CallState.CONNECTED) {
            return;
        }
        LOG.info("Call {}: no session refresh within {}; ending the call", callId, sessionTimer.interval());
        sendBye();
        end(CallEnd.of(CallEnd.Reason.FAILED, "the session timer expired"));
    }

    // ---- transfer (RFC 3515, RFC 3891) --------------------------------------------------

    /**
     * Blind transfer: asks the other party to call {@code target} (REFER). Completes when the
     * other party reports the new call answered (NOTIFY 2xx); exceptionally when it refuses the
     * REFER or the new call fails. Hang this call up then.
     */
    public CompletableFuture<Void> transfer(io.switchboard.core.model.Address target) {
        return refer(context.sipAddress(target).getURI().toString());
    }

    /**
     * Attended transfer: asks the other party to call the party of {@code consultation} and take
     * that call over (REFER with Replaces). Both our calls end when it succeeds.
     */
    public CompletableFuture<Void> transfer(SipCall consultation) {
        return context.onProtocolThread(() -> {
            String uri = context.sipAddress(consultation.remote()).getURI().toString() + "?" + Replaces.HEADER + "="
                    + consultation.replacesForRemote().uriEscaped();
            return refer(uri);
        });
    }

    private CompletableFuture<Void> refer(String referTo) {
        return context.onProtocolThread(() -> {
            if (state != CallState.CONNECTED || dialog == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("the call is not connected"));
            }
            if (pendingTransfer != null && !pendingTransfer.isDone()) {
                return CompletableFuture.failedFuture(new IllegalStateException("a transfer is already under way"));
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            pendingTransfer = done;
            Dialog current = dialog;
            context.send(OutgoingRequest.inDialog(current, Request.REFER, null, request -> {
                try {
                    request.setHeader(context.headers().createReferToHeader(context.addresses().createAddress(referTo)));
                    request.setHeader(context.headers().createHeader("Referred-By", "<" + context.self().getURI() + ">"));
                    request.setHeader(context.contact(context.route().current()));
                } catch (ParseException e) {
                    throw new IllegalArgumentException("cannot build the REFER: " + e.getMessage(), e);
                }
            })).whenComplete((response, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else if (!SipResponses.isSuccess(response)) {
                    done.completeExceptionally(SipResponses.rejection(Request.REFER, response));
                }
                // 202: the outcome comes in NOTIFYs
            });
            return done;
        });
    }

    /** The other side's REFER (it transfers us); on the protocol thread. */
    void referred(IncomingRequest request, TransferRequest transfer) {
        if (state != CallState.CONNECTED) {
            request.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        request.respond(Response.ACCEPTED);
        notifyTransfer(Response.TRYING, "Trying");
        listeners.fire(listener -> listener.transferRequested(this, transfer));
    }

    /** Reports the transfer's new call to the transferor (NOTIFY, message/sipfrag, RFC 3515 2.4.5). */
    void notifyTransfer(int status, String phrase) {
        context.execute(() -> {
            Dialog current = dialog;
            if (current == null || state == CallState.ENDED) {
                return;
            }
            boolean last = status >= 200;
            context.send(OutgoingRequest.inDialog(current, Request.NOTIFY, null, notify -> {
                try {
                    notify.setHeader(context.headers().createEventHeader("refer"));
                    var subscription = context.headers().createSubscriptionStateHeader(last ? "terminated" : "active");
                    if (last) {
                        subscription.setReasonCode("noresource");
                    } else {
                        subscription.setExpires(60);
                    }
                    notify.setHeader(subscription);
                    notify.setHeader(context.contact(context.route().current()));
                    notify.setContent("SIP/2.0 " + status + " " + phrase + "\r\n",
                            context.headers().createContentTypeHeader("message", "sipfrag"));
                } catch (ParseException | InvalidArgumentException e) {
                    throw new IllegalStateException("cannot build the transfer NOTIFY", e);
                }
            })).whenComplete((response, failure) -> {
                if (failure != null) {
                    LOG.debug("Call {}: transfer NOTIFY got no answer: {}", callId, failure.toString());
                }
            });
        });
    }

    /** The transferee's NOTIFY about our REFER; on the protocol thread. */
    void transferNotified(IncomingRequest request) {
        request.respond(Response.OK);
        byte[] body = request.request().getRawContent();
        int status = SipFrag.status(body);
        CompletableFuture<Void> pending = pendingTransfer;
        if (pending == null || status < 200) {
            return;
        }
        if (status < 300) {
            pending.complete(null);
        } else {
            pending.completeExceptionally(new io.switchboard.sip.ua.SipRejectedException(Request.INVITE, status,
                    "the transfer target answered " + status, 0));
        }
    }

    private void end(CallEnd end) {
        if (state == CallState.ENDED) {
            return;
        }
        state = CallState.ENDED;
        if (sessionTask != null) {
            sessionTask.cancel(false);
        }
        LOG.info("Call {} with {} ended: {} {} {}", callId, remote, end.reason(), end.status(), end.phrase());
        onEnded.accept(this);
        listeners.fire(listener -> listener.ended(this, end));
    }
}
