package io.switchboard.app.call;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.core.model.CallStatistics;
import io.switchboard.core.service.CallService;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.ServiceException;
import io.switchboard.media.AudioSession;
import io.switchboard.media.CallQuality;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaException;
import io.switchboard.media.NegotiatedAudio;
import io.switchboard.media.SrtpPolicy;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.media.sdp.SdpAnswer;
import io.switchboard.media.sdp.SdpException;
import io.switchboard.media.sdp.SdpSession;
import io.switchboard.media.sdp.UnacceptableSdpException;
import io.switchboard.sip.call.CallEnd;
import io.switchboard.sip.call.CallManager;
import io.switchboard.sip.call.SessionAnswer;
import io.switchboard.sip.call.SipCall;
import io.switchboard.sip.call.TransferRequest;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The softphone: core's {@link CallService} over SIP calls ({@link CallManager}) and RTP audio
 * ({@link MediaEngine}), joined by SDP offer/answer. Each call gets its own RTP port pair and SDP
 * session before its INVITE or 200 OK is written. Holding sends an {@code inactive} offer (no
 * audio either way); the other side's hold (sendonly or inactive) shows as {@link CallState#HELD}.
 * An incoming offer with nothing we can use is refused before it rings (488, or 400 when
 * malformed). Thread-safe; listeners are called on the events executor.
 */
public final class SoftphoneCalls implements CallService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SoftphoneCalls.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CallManager sip;
    private final MediaEngine media;
    private final AudioEndpoints endpoints;
    private final AudioCapabilities capabilities;
    private final InetAddress localAddress;
    private final Clock clock;
    private final Listeners<CallListener> listeners;
    private final Map<String, SoftphoneCall> calls = new LinkedHashMap<>();
    private final ListenerRegistration incomingRegistration;
    /** Cisco's default: a second call rings while I am in one (answering it holds the first). */
    private volatile boolean callWaiting = true;
    private final Supplier<SrtpPolicy> srtpPolicy;
    private final BooleanSupplier signallingSecure;

    /** A softphone whose calls are never encrypted (headless tools, tests of other things). */
    public SoftphoneCalls(CallManager sip, MediaEngine media, AudioEndpoints endpoints, AudioCapabilities capabilities,
                          InetAddress localAddress, Clock clock, Executor events) {
        this(sip, media, endpoints, capabilities, localAddress, clock, events, () -> SrtpPolicy.OFF, () -> false);
    }

    /**
     * @param srtpPolicy       the user's setting, read for every call
     * @param signallingSecure whether SIP goes over TLS now (SDES keys are only ever sent then)
     */
    public SoftphoneCalls(CallManager sip, MediaEngine media, AudioEndpoints endpoints, AudioCapabilities capabilities,
                          InetAddress localAddress, Clock clock, Executor events, Supplier<SrtpPolicy> srtpPolicy,
                          BooleanSupplier signallingSecure) {
        this.srtpPolicy = srtpPolicy;
        this.signallingSecure = signallingSecure;
        this.sip = sip;
        this.media = media;
        this.endpoints = endpoints;
        this.capabilities = capabilities;
        this.localAddress = localAddress;
        this.clock = clock;
        this.listeners = new Listeners<>(events);
        this.incomingRegistration = sip.addIncomingCallListener(this::ringing);
    }

    @Override
    public Call dial(Address who) throws ServiceException {
        return place(who, null, null);
    }

    /**
     * Places a call; {@code replaces} for the transferee's call of an attended transfer,
     * {@code transfer} to report the new call's progress to the transferor.
     */
    private Call place(Address who, io.switchboard.sip.call.Replaces replaces, TransferRequest transfer)
            throws ServiceException {
        AudioSession audio;
        try {
            audio = endpoints.open(media, localAddress);
        } catch (MediaException e) {
            throw new NotConnectedException("Cannot start the call's audio: " + e.getMessage(), e);
        }
        SoftphoneCall call;
        try {
            call = new SoftphoneCall(audio, newSdpSession(audio));
        } catch (UnacceptableSdpException e) {
            audio.close();
            throw new NotConnectedException("Calls must be encrypted, but the connection to the SIP server is not"
                    + " secure (TLS): " + e.getMessage(), e);
        }
        synchronized (this) {
            call.offer = call.sdp.createOffer(MediaDirection.SENDRECV);
            call.transfer = transfer;
            call.sip = sip.place(who, call.offer.sdp(), new SipEvents(call), replaces);
            call.sip.setOfferHandler(offer -> reoffered(call, offer));
            call.snapshot = Call.placed(call.sip.callId(), who, clock.instant());
            calls.put(call.id(), call);
            relayDigits(call);
            publish(call);
            return call.snapshot;
        }
    }

    private void relayDigits(SoftphoneCall call) {
        String id = call.id();
        call.audio.onDtmf(digit -> listeners.fire(listener -> listener.dtmfReceived(id, digit)));
    }

    /** @throws UnacceptableSdpException SRTP is required and the signalling is not TLS */
    private SdpSession newSdpSession(AudioSession audio) throws UnacceptableSdpException {
        long sessionId = RANDOM.nextLong() & Long.MAX_VALUE;
        return new SdpSession(localAddress, audio.localRtp().getPort(), capabilities, sessionId, 1, srtpPolicy.get(),
                signallingSecure.getAsBoolean());
    }

    /**
     * With call waiting off, a call that comes in while I am in another one is refused with
     * 486 Busy Here instead of ringing.
     */
    public void setCallWaiting(boolean enabled) {
        this.callWaiting = enabled;
    }

    private synchronized boolean busy() {
        return calls.values().stream().anyMatch(call -> call.snapshot.state().isLive());
    }

    /** A call rings here: prepare the answer to its offer, or refuse it before it rings. */
    private void ringing(SipCall incoming) {
        if (!callWaiting && incoming.replacedCall() == null && busy()) {
            LOG.info("Incoming call {} from {} refused: busy in another call", incoming.callId(), incoming.remote());
            incoming.reject(true);
            return;
        }
        AudioSession audio;
        try {
            audio = endpoints.open(media, localAddress);
        } catch (MediaException e) {
            LOG.warn("Incoming call {} from {} refused: {}", incoming.callId(), incoming.remote(), e.getMessage());
            incoming.reject(503);
            return;
        }
        SoftphoneCall call;
        try {
            call = new SoftphoneCall(audio, newSdpSession(audio));
            call.pendingAnswer = call.sdp.answer(incoming.remoteOffer(), MediaDirection.SENDRECV);
        } catch (SdpException e) {
            LOG.info("Incoming call {} from {} refused with {}: {}", incoming.callId(), incoming.remote(),
                    e.sipStatusCode(), e.getMessage());
            audio.close();
            incoming.reject(e.sipStatusCode());
            return;
        }
        synchronized (this) {
            call.sip = incoming;
            call.snapshot = Call.ringingHere(incoming.callId(), incoming.remote(), clock.instant());
            calls.put(call.id(), call);
            relayDigits(call);
            incoming.addListener(new SipEvents(call));
            incoming.setOfferHandler(offer -> reoffered(call, offer));
            publish(call);
            if (incoming.state() == io.switchboard.sip.call.CallState.ENDED) {
                // the caller gave up (CANCEL) while this call's audio was being prepared: the end was
                // reported before our listener was there, so it is handled here — a missed call, and
                // its port pair back in the range
                end(call, CallEndReason.REMOTE_HUNG_UP, "the caller hung up");
                return;
            }
            SipCall replaced = incoming.replacedCall();
            if (replaced != null) {
                // an attended transfer: the caller takes over a call we are in; no ringing
                SoftphoneCall old = calls.get(replaced.callId());
                try {
                    answer(call.id());
                } catch (ServiceException e) {
                    LOG.warn("Call {} replacing {} could not be answered: {}", call.id(), replaced.callId(), e.getMessage());
                    return;
                }
                if (old != null) {
                    old.sip.hangUp();
                    end(old, CallEndReason.REPLACED, "taken over by a transferred call");
                }
            }
        }
    }

    @Override
    public synchronized void answer(String callId) throws ServiceException {
        SoftphoneCall call = live(callId);
        if (call.snapshot.state() != CallState.INCOMING) {
            throw new IllegalStateException("call " + callId + " is not ringing here");
        }
        for (SoftphoneCall other : List.copyOf(calls.values())) {
            if (other != call && other.snapshot.state() == CallState.CONNECTED) {
                hold(other.id(), true);
            }
        }
        try {
            startAudio(call, call.pendingAnswer.audio());
        } catch (MediaException e) {
            call.sip.reject(500);
            end(call, CallEndReason.FAILED, "audio did not start: " + e.getMessage());
            throw new NotConnectedException("Cannot start the call's audio: " + e.getMessage(), e);
        }
        call.sip.answer(call.pendingAnswer.sdp());
    }

    @Override
    public synchronized void decline(String callId) {
        SoftphoneCall call = calls.get(callId);
        if (call != null && call.snapshot.state() == CallState.INCOMING) {
            call.sip.reject(false);
            end(call, CallEndReason.DECLINED_BY_ME, "declined");
        }
    }

    @Override
    public synchronized void hangUp(String callId) {
        SoftphoneCall call = calls.get(callId);
        if (call == null) {
            return;
        }
        if (call.snapshot.state() == CallState.INCOMING) {
            decline(callId);
            return;
        }
        call.sip.hangUp();
        end(call, CallEndReason.HUNG_UP, "");
    }

    @Override
    public synchronized void hold(String callId, boolean onHold) throws ServiceException {
        SoftphoneCall call = live(callId);
        if (!call.snapshot.state().isInProgress()) {
            throw new IllegalStateException("call " + callId + " is not connected");
        }
        call.wanted = onHold ? MediaDirection.INACTIVE : MediaDirection.SENDRECV;
        call.offer = call.sdp.createOffer(call.wanted);
        var offer = call.offer;
        call.sip.reoffer(offer.sdp()).whenComplete((answer, failure) -> renegotiated(call, offer, answer, failure));
    }

    private synchronized void renegotiated(SoftphoneCall call, io.switchboard.media.sdp.SdpOffer offer, String answer,
                                           Throwable failure) {
        if (call.snapshot.state() == CallState.ENDED || call.offer != offer) {
            return;
        }
        if (failure != null) {
            LOG.info("Call {}: {} refused: {}", call.id(), offer.direction() == MediaDirection.INACTIVE ? "hold" : "resume",
                    failure.toString());
            call.wanted = call.snapshot.state() == CallState.ON_HOLD ? MediaDirection.INACTIVE : MediaDirection.SENDRECV;
            return;
        }
        try {
            NegotiatedAudio negotiated = call.sdp.readAnswer(offer, answer);
            startAudio(call, negotiated);
            show(call, negotiated);
        } catch (SdpException | MediaException e) {
            LOG.warn("Call {}: the answer to our re-offer is unusable: {}", call.id(), e.getMessage());
        }
    }

    /** The other side's re-INVITE (its hold or resume), on the SIP protocol thread. */
    private synchronized SessionAnswer reoffered(SoftphoneCall call, String offer) {
        try {
            SdpAnswer answer = call.sdp.answer(offer, call.wanted);
            startAudio(call, answer.audio());
            show(call, answer.audio());
            return SessionAnswer.accept(answer.sdp());
        } catch (SdpException e) {
            return e.sipStatusCode() == 400 ? SessionAnswer.malformed(e.getMessage())
                    : SessionAnswer.notAcceptable(e.getMessage());
        } catch (MediaException e) {
            return SessionAnswer.notAcceptable(e.getMessage());
        }
    }

    /** Starts (or renegotiates) the call's audio as negotiated, and notes whether it is encrypted. */
    private static void startAudio(SoftphoneCall call, NegotiatedAudio negotiated) throws MediaException {
        call.audio.start(negotiated);
        call.encrypted = negotiated.srtp().isPresent();
    }

    /** The state a negotiated direction means for the user. */
    private void show(SoftphoneCall call, NegotiatedAudio negotiated) {
        CallState state;
        if (call.wanted == MediaDirection.INACTIVE) {
            state = CallState.ON_HOLD;
        } else if (!negotiated.direction().receives()) {
            state = CallState.HELD;
        } else {
            state = CallState.CONNECTED;
        }
        if (state != call.snapshot.state()) {
            call.snapshot = call.snapshot.withState(state);
            publish(call);
        }
    }

    @Override
    public synchronized void transfer(String callId, Address target) throws ServiceException {
        SoftphoneCall call = live(callId);
        call.sip.transfer(target).whenComplete((done, failure) -> transferred(call, null, failure));
    }

    @Override
    public synchronized void transfer(String callId, String consultationCallId) throws ServiceException {
        SoftphoneCall call = live(callId);
        SoftphoneCall consultation = live(consultationCallId);
        call.sip.transfer(consultation.sip).whenComplete((done, failure) -> transferred(call, consultation, failure));
    }

    private synchronized void transferred(SoftphoneCall call, SoftphoneCall consultation, Throwable failure) {
        if (failure != null) {
            LOG.info("Call {}: transfer failed: {}", call.id(), failure.toString());
            listeners.fire(listener -> listener.transferFailed(call.id(), String.valueOf(failure.getMessage())));
            return;
        }
        for (SoftphoneCall done : consultation == null ? List.of(call) : List.of(call, consultation)) {
            if (done.snapshot.state() != CallState.ENDED) {
                done.sip.hangUp();
                end(done, CallEndReason.TRANSFERRED, "transferred");
            }
        }
    }

    @Override
    public synchronized void mute(String callId, boolean muted) {
        SoftphoneCall call = calls.get(callId);
        if (call != null) {
            call.audio.setMuted(muted);
            call.snapshot = call.snapshot.withMuted(muted);
            publish(call);
        }
    }

    @Override
    public synchronized void sendDtmf(String callId, char digit) throws ServiceException {
        SoftphoneCall call = live(callId);
        try {
            call.audio.sendDtmf(digit);
        } catch (IllegalStateException e) {
            throw new NotConnectedException("The other side does not take keypad tones (RFC 4733)", e);
        }
    }

    @Override
    public synchronized Optional<CallStatistics> statistics(String callId) {
        SoftphoneCall call = calls.get(callId);
        if (call == null || !call.snapshot.state().isInProgress()) {
            return Optional.empty();
        }
        CallQuality quality = call.audio.quality();
        return Optional.of(new CallStatistics(quality.packetLossPercent(), quality.jitterMillis(),
                quality.roundTripMillis(), quality.meanOpinionScore(), quality.packetsReceived(), call.encrypted));
    }

    @Override
    public synchronized List<Call> calls() {
        List<Call> snapshots = new ArrayList<>();
        calls.values().forEach(call -> snapshots.add(call.snapshot));
        return snapshots;
    }

    @Override
    public ListenerRegistration addListener(CallListener listener) {
        return listeners.add(listener);
    }

    private SoftphoneCall live(String callId) throws ServiceException {
        SoftphoneCall call = calls.get(callId);
        if (call == null) {
            throw new NotConnectedException("No call " + callId);
        }
        return call;
    }

    private void end(SoftphoneCall call, CallEndReason reason, String detail) {
        if (call.snapshot.state() == CallState.ENDED) {
            return;
        }
        call.audio.close();
        calls.remove(call.id());
        call.snapshot = call.snapshot.ended(reason, detail);
        publish(call);
    }

    private void publish(SoftphoneCall call) {
        Call snapshot = call.snapshot;
        listeners.fire(listener -> listener.callChanged(snapshot));
    }

    /** Hangs up every call; the composition root calls it at sign-out. */
    @Override
    public synchronized void close() {
        incomingRegistration.close();
        for (SoftphoneCall call : List.copyOf(calls.values())) {
            hangUp(call.id());
        }
    }

    private static CallEndReason reasonOf(CallEnd end) {
        return switch (end.reason()) {
            case HUNG_UP -> CallEndReason.HUNG_UP;
            case REMOTE_HUNG_UP -> CallEndReason.REMOTE_HUNG_UP;
            case BUSY -> CallEndReason.BUSY;
            case DECLINED -> CallEndReason.DECLINED;
            case NOT_FOUND -> CallEndReason.NOT_FOUND;
            case UNAVAILABLE -> CallEndReason.UNAVAILABLE;
            case NO_ANSWER -> CallEndReason.NO_ANSWER;
            case NOT_ACCEPTABLE -> CallEndReason.NO_COMMON_MEDIA;
            case FAILED -> CallEndReason.FAILED;
        };
    }

    /** One call's SIP events, turned into media actions and snapshots. */
    private final class SipEvents implements io.switchboard.sip.call.CallListener {
        private final SoftphoneCall call;

        SipEvents(SoftphoneCall call) {
            this.call = call;
        }

        @Override
        public void ringing(SipCall sipCall) {
            synchronized (SoftphoneCalls.this) {
                if (call.snapshot != null && call.snapshot.state() == CallState.DIALING) {
                    call.snapshot = call.snapshot.withState(CallState.RINGING);
                    publish(call);
                }
            }
        }

        @Override
        public void earlyMedia(SipCall sipCall, String sdpAnswer) {
            synchronized (SoftphoneCalls.this) {
                CallState state = call.snapshot == null ? CallState.ENDED : call.snapshot.state();
                boolean early = state == CallState.DIALING || state == CallState.RINGING || state == CallState.EARLY_MEDIA;
                if (early && startAudio(sdpAnswer) && state != CallState.EARLY_MEDIA) {
                    call.snapshot = call.snapshot.withState(CallState.EARLY_MEDIA);
                    publish(call);
                }
            }
        }

        @Override
        public void connected(SipCall sipCall, String sdpAnswer) {
            synchronized (SoftphoneCalls.this) {
                if (call.snapshot == null || call.snapshot.state() == CallState.ENDED) {
                    return;
                }
                if (sipCall.isOutgoing() && !startAudio(sdpAnswer)) {
                    return;
                }
                call.snapshot = call.snapshot.connected(clock.instant());
                publish(call);
                if (call.transfer != null) {
                    call.transfer.progress(200, "OK");
                }
            }
        }

        /** Starts our audio as the callee's answer says; hangs up when it cannot be used. */
        private boolean startAudio(String sdpAnswer) {
            try {
                SoftphoneCalls.this.startAudio(call, call.sdp.readAnswer(call.offer, sdpAnswer));
                return true;
            } catch (SdpException | MediaException e) {
                LOG.warn("Call {}: the answer cannot be used, hanging up: {}", call.sip.callId(), e.getMessage());
                call.sip.hangUp();
                end(call, CallEndReason.NO_COMMON_MEDIA, e.getMessage());
                return false;
            }
        }

        @Override
        public void transferRequested(SipCall sipCall, TransferRequest request) {
            synchronized (SoftphoneCalls.this) {
                try {
                    place(request.target(), request.replaces().orElse(null), request);
                } catch (ServiceException e) {
                    request.progress(503, "Service Unavailable");
                }
            }
        }

        @Override
        public void ended(SipCall sipCall, CallEnd end) {
            synchronized (SoftphoneCalls.this) {
                if (call.transfer != null && call.snapshot != null && call.snapshot.connectedAt().isEmpty()) {
                    call.transfer.progress(end.status() >= 300 ? end.status() : 487, end.phrase());
                }
                if (call.snapshot != null) {
                    String detail = end.status() == 0 ? end.phrase() : end.status() + " " + end.phrase();
                    end(call, reasonOf(end), detail.trim());
                }
            }
        }
    }
}
