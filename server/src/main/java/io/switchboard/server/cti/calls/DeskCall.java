package io.switchboard.server.cti.calls;

import io.switchboard.core.model.Address;
import io.switchboard.server.cti.calls.DeskCallEvent.Cause;
import io.switchboard.server.cti.calls.DeskCallEvent.Kind;
import io.switchboard.sip.call.CallEnd;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.SessionAnswer;
import io.switchboard.sip.call.SipCall;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of a desk line, anchored at the gateway as a signalling-only back-to-back user agent:
 * the phone leg (the gateway calls the desk phone, which answers by itself) and the far leg (the
 * gateway calls the other party as the line's owner). Media flows phone to phone: each leg is
 * offered the other phone's description (RFC 3725 third-party call control, the phone first
 * answering a placeholder offer, then re-INVITEd with the far end's answer once it answers).
 * Because the gateway is in both dialogs it can hold, retrieve, clear and transfer calls of phones
 * that know nothing of CTI.
 *
 * <p>Thread-safety: every method and leg callback synchronises on the call; legs are driven
 * through {@link SipCall}'s asynchronous methods, so no lock is held while waiting for a phone.
 */
final class DeskCall {

    private static final Logger LOG = LoggerFactory.getLogger(DeskCall.class);

    enum State {
        /** A call to the line rings the desk phone; the caller hears ringing. */
        PHONE_RINGING,
        /** The desk phone is being called and should answer by itself. */
        PHONE_ANSWERING,
        /** The phone is off-hook; the far party is being called. */
        DIALLING,
        /** The far party rings. */
        FAR_RINGING,
        CONNECTED,
        HELD,
        /** Over for the line (cleared, failed or transferred away). */
        CLEARED
    }

    private final String id;
    private final String line;
    private final Address lineOwner;
    private final LegFactory legs;
    private final DeskCallListener listener;
    private final Consumer<DeskCall> onCleared;
    private final SdpOrigin phoneOrigin;
    private SdpOrigin farOrigin;
    private Address far;
    private SipCall phoneLeg;
    private SipCall farLeg;
    /** The phone's latest description of its media, and the far party's. */
    private String phoneSdp;
    private String farSdp;
    private State state = State.PHONE_ANSWERING;
    private boolean farAnswered;
    private final boolean incoming;
    /** Incoming calls: the phone was shown ringing; AnswerCall asked it to answer by itself. */
    private boolean delivered;
    private boolean answerRequested;
    private boolean answeringLegPlaced;
    /** Incoming calls: completes when the desk phone picked up. */
    private final CompletableFuture<Void> answered = new CompletableFuture<>();

    DeskCall(String id, String line, Address lineOwner, Address far, LegFactory legs, String mediaHost,
             DeskCallListener listener, Consumer<DeskCall> onCleared) {
        this(id, line, lineOwner, far, false, legs, mediaHost, listener, onCleared);
    }

    /** @param incoming whether {@code far} called the line (else the line calls {@code far}) */
    DeskCall(String id, String line, Address lineOwner, Address far, boolean incoming, LegFactory legs,
             String mediaHost, DeskCallListener listener, Consumer<DeskCall> onCleared) {
        this.incoming = incoming;
        this.id = Objects.requireNonNull(id, "id");
        this.line = Objects.requireNonNull(line, "line");
        this.lineOwner = Objects.requireNonNull(lineOwner, "lineOwner");
        this.far = Objects.requireNonNull(far, "far");
        this.legs = Objects.requireNonNull(legs, "legs");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.onCleared = Objects.requireNonNull(onCleared, "onCleared");
        this.phoneOrigin = new SdpOrigin(mediaHost);
        this.farOrigin = new SdpOrigin(mediaHost);
    }

    String id() {
        return id;
    }

    String line() {
        return line;
    }

    synchronized State state() {
        return state;
    }

    synchronized Address far() {
        return far;
    }

    /** MakeCall: rings (auto-answers) the desk phone; the far party is called once it is off-hook. */
    synchronized void start() {
        phoneLeg = legs.callPhone(line, far, SessionDescriptions.placeholderOffer(phoneOrigin), new PhoneLeg(), true);
        phoneLeg.setOfferHandler(offer -> relayOffer(offer, true));
    }

    /**
     * A call to the line that the proxy anchored here: the desk phone rings, offered the caller's
     * media, and the caller is answered with the phone's answer when it picks up.
     */
    synchronized void startIncoming(SipCall caller) {
        farLeg = caller;
        farSdp = caller.remoteOffer();
        farAnswered = true; // the caller is in the call from the start: its leg ending clears it
        state = State.PHONE_RINGING;
        caller.addListener(new CallerLeg());
        caller.setOfferHandler(offer -> relayOffer(offer, false));
        ringPhone(false);
    }

    private void ringPhone(boolean autoAnswer) {
        phoneLeg = legs.callPhone(line, far, SessionDescriptions.asOffer(farSdp, phoneOrigin,
                SessionDescriptions.direction(farSdp)), new RingingPhoneLeg(), autoAnswer);
        phoneLeg.setOfferHandler(offer -> relayOffer(offer, true));
    }

    /**
     * The SIP Call-ID of the desk phone's leg while the call is {@code required}: a phone that
     * speaks uaCSTA knows the call by it.
     */
    synchronized String phoneCallId(State required, String what) throws DeskCallRefusedException {
        requireState(required, what);
        return phoneLeg.callId();
    }

    /**
     * AnswerCall on a phone that speaks no uaCSTA: phones answer by themselves only when the INVITE
     * asks, so the ringing INVITE is cancelled and the phone called again asking it to answer; the
     * caller hears ringing throughout. Completes when the phone answered; fails when the call ends first.
     */
    synchronized CompletableFuture<Void> answerByAutoAnswer() throws DeskCallRefusedException {
        requireState(State.PHONE_RINGING, "be answered");
        if (!answerRequested) {
            answerRequested = true;
            phoneLeg.hangUp(); // RingingPhoneLeg rings it again once the CANCEL is through
        }
        return answered.copy();
    }

    synchronized void clear() {
        if (state == State.CLEARED) {
            return;
        }
        endBothLegs();
        finish(Cause.NORMAL_CLEARING);
    }

    /** Holds the far party: both phones are re-offered sendonly, so neither sends to the other. */
    synchronized CompletableFuture<Void> hold() throws DeskCallRefusedException {
        requireState(State.CONNECTED, "hold");
        state = State.HELD;
        return renegotiate("sendonly").whenComplete((done, failure) -> settled(failure, Kind.HELD, State.HELD,
                State.CONNECTED));
    }

    synchronized CompletableFuture<Void> retrieve() throws DeskCallRefusedException {
        requireState(State.HELD, "retrieve");
        state = State.CONNECTED;
        return renegotiate("sendrecv").whenComplete((done, failure) -> settled(failure, Kind.RETRIEVED,
                State.CONNECTED, State.HELD));
    }

    /**
     * A hold or retrieve is over: reported when both phones took it. When one refused, the call is
     * back in the state it was, and both phones are offered that state's direction again: the one
     * that accepted the change would otherwise send (or hold) one way.
     */
    private synchronized void settled(Throwable failure, Kind done, State wanted, State before) {
        if (failure == null) {
            fire(done, Cause.NORMAL);
            return;
        }
        LOG.info("Desk call {}: {} not done, a phone refused: {}", id, done, failure.toString());
        if (state != wanted || phoneLeg == null || farLeg == null) {
            return;
        }
        state = before;
        renegotiate(before == State.HELD ? "sendonly" : "sendrecv").whenComplete((restored, again) -> {
            if (again != null) {
                LOG.info("Desk call {}: the phones' media not restored after the refused {}: {}", id, done,
                        again.toString());
            }
        });
    }

    /**
     * SingleStepTransferCall: the line drops out and the far party is connected to {@code target}
     * instead (the gateway goes on bridging them). Done once {@code target} is being called.
     */
    void transferTo(Address target) throws DeskCallRefusedException {
        FarParty remaining = handOver(Cause.SINGLE_STEP_TRANSFER, State.CONNECTED, State.HELD);
        Bridge.toNewParty(legs, remaining, lineOwner, target, phoneOrigin.host()).start();
    }

    /** The far party's leg as a transfer hands it to a bridge, with what we last told it. */
    record FarParty(SipCall leg, String sdp, SdpOrigin origin) {
    }

    /**
     * A transfer takes the far party out of this call: the desk phone's leg ends and the call is
     * over for the line (Transferred, then ConnectionCleared).
     */
    synchronized FarParty handOver(Cause cause, State... allowed) throws DeskCallRefusedException {
        if (!java.util.List.of(allowed).contains(state)) {
            throw new DeskCallRefusedException(DeskCallRefusedException.Reason.INVALID_STATE,
                    "Call " + id + " cannot be transferred while " + state);
        }
        FarParty party = new FarParty(farLeg, farSdp, farOrigin);
        SipCall oldPhone = phoneLeg;
        phoneLeg = null;
        farLeg = null;
        fire(Kind.TRANSFERRED, cause);
        finish(cause);
        oldPhone.hangUp();
        return party;
    }

    private void requireState(State required, String what) throws DeskCallRefusedException {
        if (state != required) {
            throw new DeskCallRefusedException(DeskCallRefusedException.Reason.INVALID_STATE,
                    "Call " + id + " cannot " + what + " while " + state);
        }
    }

    private CompletableFuture<Void> renegotiate(String direction) {
        SipCall phone = phoneLeg;
        SipCall other = farLeg;
        CompletableFuture<String> toPhone = phone.reoffer(SessionDescriptions.asOffer(farSdp, phoneOrigin, direction));
        CompletableFuture<String> toFar = other.reoffer(SessionDescriptions.asOffer(phoneSdp, farOrigin, direction));
        return toPhone.thenCombine(toFar, (phoneAnswer, farAnswer) -> {
            synchronized (this) {
                phoneSdp = phoneAnswer;
                farSdp = farAnswer;
            }
            return null;
        });
    }

    /**
     * A phone renegotiates by itself (its own hold key, a new address): it is answered at once
     * with the other phone's media in the complementary direction, and the other phone is
     * re-offered what it asked for.
     */
    private synchronized SessionAnswer relayOffer(String offer, boolean fromPhone) {
        String otherSdp = fromPhone ? farSdp : phoneSdp;
        SipCall otherLeg = fromPhone ? farLeg : phoneLeg;
        if (otherSdp == null || otherLeg == null) {
            return SessionAnswer.notAcceptable("the call is not connected yet");
        }
        String direction = SessionDescriptions.direction(offer);
        String answer = SessionDescriptions.asOffer(otherSdp, fromPhone ? phoneOrigin : farOrigin,
                SessionDescriptions.complement(direction));
        if (fromPhone) {
            phoneSdp = offer;
        } else {
            farSdp = offer;
        }
        otherLeg.reoffer(SessionDescriptions.asOffer(offer, fromPhone ? farOrigin : phoneOrigin, direction))
                .whenComplete((otherAnswer, failure) -> {
                    if (failure != null) {
                        LOG.info("Desk call {}: the other phone refused the renegotiation: {}", id, failure.toString());
                        return;
                    }
                    synchronized (this) {
                        if (fromPhone) {
                            farSdp = otherAnswer;
                        } else {
                            phoneSdp = otherAnswer;
                        }
                    }
                });
        return SessionAnswer.accept(answer);
    }

    private void endBothLegs() {
        if (phoneLeg != null) {
            phoneLeg.hangUp();
        }
        if (farLeg != null) {
            farLeg.hangUp();
        }
    }

    private void finish(Cause cause) {
        state = State.CLEARED;
        answered.completeExceptionally(new DeskCallRefusedException(DeskCallRefusedException.Reason.NO_SUCH_CALL,
                "Call " + id + " ended before the desk phone answered it"));
        fire(Kind.CLEARED, cause);
        onCleared.accept(this);
    }

    private void fire(Kind kind, Cause cause) {
        listener.deskCallEvent(incoming ? new DeskCallEvent(kind, line, id, far, lineOwner, cause, true)
                : new DeskCallEvent(kind, line, id, lineOwner, far, cause, false));
    }

    private static Cause causeOf(CallEnd end) {
        return switch (end.reason()) {
            case BUSY -> Cause.BUSY;
            case DECLINED -> Cause.CALL_REJECTED;
            case NO_ANSWER -> Cause.NO_ANSWER;
            case NOT_FOUND, UNAVAILABLE -> Cause.DESTINATION_NOT_OBTAINABLE;
            case NOT_ACCEPTABLE, FAILED -> Cause.NETWORK_NOT_OBTAINABLE;
            case HUNG_UP, REMOTE_HUNG_UP -> Cause.NORMAL_CLEARING;
        };
    }

    /** The status a caller is refused with when the desk phone did not take the call. */
    private static int refusalFor(CallEnd end) {
        return switch (end.reason()) {
            case BUSY -> 486;
            case DECLINED -> 603;
            default -> 480;
        };
    }

    /** The desk phone's leg of a call to the line. */
    private final class RingingPhoneLeg implements CallListener {

        @Override
        public void ringing(SipCall call) {
            synchronized (DeskCall.this) {
                if (call == phoneLeg && state == State.PHONE_RINGING && !delivered) {
                    delivered = true;
                    fire(Kind.DELIVERED, Cause.NEW_CALL);
                }
            }
        }

        @Override
        public void connected(SipCall call, String sdpAnswer) {
            synchronized (DeskCall.this) {
                if (call != phoneLeg || state != State.PHONE_RINGING) {
                    call.hangUp();
                    return;
                }
                phoneSdp = sdpAnswer;
                farLeg.answer(SessionDescriptions.asOffer(sdpAnswer, farOrigin, SessionDescriptions.direction(sdpAnswer)));
                if (!delivered) {
                    delivered = true;
                    fire(Kind.DELIVERED, Cause.NEW_CALL);
                }
                state = State.CONNECTED;
                fire(Kind.ESTABLISHED, Cause.NORMAL);
                answered.complete(null);
            }
        }

        @Override
        public void ended(SipCall call, CallEnd end) {
            synchronized (DeskCall.this) {
                if (state == State.CLEARED || call != phoneLeg) {
                    return;
                }
                if (state == State.PHONE_RINGING && answerRequested && !answeringLegPlaced) {
                    // our own CANCEL of the ringing INVITE went through: call again, answering
                    answeringLegPlaced = true;
                    ringPhone(true);
                    return;
                }
                LOG.debug("Desk call {}: the phone's leg ended: {}", id, end);
                phoneLeg = null;
                if (state == State.PHONE_RINGING) {
                    fire(Kind.FAILED, causeOf(end));
                    farLeg.reject(refusalFor(end));
                    farLeg = null;
                    finish(causeOf(end));
                    return;
                }
                endBothLegs();
                finish(Cause.NORMAL_CLEARING);
            }
        }
    }

    /** The caller's leg of a call to the line. */
    private final class CallerLeg implements CallListener {

        @Override
        public void ended(SipCall call, CallEnd end) {
            synchronized (DeskCall.this) {
                if (state == State.CLEARED || call != farLeg) {
                    return;
                }
                LOG.debug("Desk call {}: the caller's leg ended: {}", id, end);
                farLeg = null;
                endBothLegs();
                finish(Cause.NORMAL_CLEARING);
            }
        }
    }

    /** The desk phone's leg. */
    private final class PhoneLeg implements CallListener {

        @Override
        public void connected(SipCall call, String sdpAnswer) {
            synchronized (DeskCall.this) {
                if (state != State.PHONE_ANSWERING) {
                    call.hangUp();
                    return;
                }
                phoneSdp = sdpAnswer;
                state = State.DIALLING;
                fire(Kind.SERVICE_INITIATED, Cause.MAKE_CALL);
                farLeg = legs.callFar(lineOwner, far,
                        SessionDescriptions.asOffer(sdpAnswer, farOrigin, "sendrecv"), new FarLeg());
                farLeg.setOfferHandler(offer -> relayOffer(offer, false));
                fire(Kind.ORIGINATED, Cause.MAKE_CALL);
            }
        }

        @Override
        public void ended(SipCall call, CallEnd end) {
            synchronized (DeskCall.this) {
                if (state == State.CLEARED || call != phoneLeg) {
                    return;
                }
                LOG.debug("Desk call {}: the phone's leg ended: {}", id, end);
                if (state == State.PHONE_ANSWERING) {
                    fire(Kind.FAILED, causeOf(end));
                }
                phoneLeg = null;
                endBothLegs();
                finish(state == State.PHONE_ANSWERING ? causeOf(end) : Cause.NORMAL_CLEARING);
            }
        }
    }

    /** The far party's leg. */
    private final class FarLeg implements CallListener {

        @Override
        public void ringing(SipCall call) {
            synchronized (DeskCall.this) {
                if (state == State.DIALLING) {
                    state = State.FAR_RINGING;
                    fire(Kind.DELIVERED, Cause.NEW_CALL);
                }
            }
        }

        @Override
        public void connected(SipCall call, String sdpAnswer) {
            SipCall phone;
            synchronized (DeskCall.this) {
                if (state != State.DIALLING && state != State.FAR_RINGING) {
                    call.hangUp();
                    return;
                }
                farSdp = sdpAnswer;
                farAnswered = true;
                phone = phoneLeg;
            }
            // the phone answered a placeholder: now it learns where the far party's media is
            phone.reoffer(SessionDescriptions.asOffer(sdpAnswer, phoneOrigin, "sendrecv"))
                    .whenComplete((phoneAnswer, failure) -> farAnswered(call, phoneAnswer, failure));
        }

        private void farAnswered(SipCall call, String phoneAnswer, Throwable failure) {
            synchronized (DeskCall.this) {
                if (state == State.CLEARED) {
                    return;
                }
                if (failure != null) {
                    LOG.info("Desk call {}: the desk phone refused the far party's media: {}", id, failure.toString());
                    fire(Kind.FAILED, Cause.NETWORK_NOT_OBTAINABLE);
                    endBothLegs();
                    finish(Cause.NETWORK_NOT_OBTAINABLE);
                    return;
                }
                String before = phoneSdp;
                phoneSdp = phoneAnswer;
                if (!SessionDescriptions.mediaAddress(phoneAnswer).equals(SessionDescriptions.mediaAddress(before))) {
                    // the phone receives elsewhere now: tell the far party
                    call.reoffer(SessionDescriptions.asOffer(phoneAnswer, farOrigin, "sendrecv"))
                            .thenAccept(answer -> {
                                synchronized (DeskCall.this) {
                                    farSdp = answer;
                                }
                            });
                }
                state = State.CONNECTED;
                fire(Kind.ESTABLISHED, Cause.NORMAL);
            }
        }

        @Override
        public void ended(SipCall call, CallEnd end) {
            synchronized (DeskCall.this) {
                if (state == State.CLEARED || call != farLeg) {
                    return;
                }
                LOG.debug("Desk call {}: the far leg ended: {}", id, end);
                boolean failed = !farAnswered;
                if (failed) {
                    fire(Kind.FAILED, causeOf(end));
                }
                farLeg = null;
                endBothLegs();
                finish(failed ? causeOf(end) : Cause.NORMAL_CLEARING);
            }
        }
    }
}
