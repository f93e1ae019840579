package io.switchboard.deskphone;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.event.SerialExecutor;
import io.switchboard.core.model.Address;
import io.switchboard.media.AudioSession;
import io.switchboard.media.MediaDirection;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaException;
import io.switchboard.media.NegotiatedAudio;
import io.switchboard.media.audio.ToneSource;
import io.switchboard.media.sdp.SdpAnswer;
import io.switchboard.media.sdp.SdpException;
import io.switchboard.media.sdp.SdpOffer;
import io.switchboard.media.sdp.SdpSession;
import io.switchboard.sip.call.CallEnd;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.SessionAnswer;
import io.switchboard.sip.call.SipCall;
import io.switchboard.sip.call.TransferRequest;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.cti.CstaDeviceSessions;
import io.switchboard.sip.register.RegistrationStatus;
import io.switchboard.sip.stack.SipStackException;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless SIP desk phone: one line ({@link SipUserAgent} account) registered and kept
 * registered, calls in and out with real RTP audio through the {@link MediaEngine} — a
 * {@link ToneSource} as its microphone and a listening sink as its speaker, so one can ask which
 * frequency each call hears and how loud ({@link DeskPhoneCall#hearing()}).
 *
 * <p>Incoming calls ring until {@link #answer()}, unless the {@link AutoAnswerPolicy} answers them:
 * {@code ALWAYS} at once, {@code WHEN_ASKED} when the INVITE asks ({@link AutoAnswerRequest}) after
 * the delay it asks for. Re-offers (re-INVITEs) are answered with the media module's offer/answer
 * and re-point the call's audio (another address, another direction); a sendonly or inactive
 * re-offer shows as {@link PhoneCallState#HELD}. Our own hold is an {@code inactive} re-offer, as
 * the softphone's (ADR 0020).
 *
 * <p>Thread-safe: state is kept under the phone's lock; listeners, like the user agent's, are
 * called one at a time on one serial event executor.
 */
public final class DeskPhone implements PhoneControls, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskPhone.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How many ended calls the status keeps showing. */
    static final int ENDED_KEPT = 10;
    /** Between two digits of {@link #sendDigits}: each is sent for at least 100 ms. */
    static final Duration DIGIT_GAP = Duration.ofMillis(250);
    static final Pattern DIGITS = Pattern.compile("[0-9*#A-Da-d]{1,32}");
    private static final int MAX_RECEIVED_DIGITS = 64;
    /**
     * Runs every phone's serial event executor. Not the common pool: answering starts the call's
     * audio, which can block half a second (the media module lets a new stream settle), and on two
     * cores the common pool has one thread — one phone answering held up every other phone of the
     * process (the demo runs 28), so a callee rang 0.5 s late.
     */
    private static final ExecutorService EVENT_THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "deskphone-events");
        thread.setDaemon(true);
        return thread;
    });

    private final DeskPhoneConfig config;
    private final MediaEngine media;
    private final SipUserAgent agent;
    private final Listeners<DeskPhoneListener> listeners;
    private final Executor events;
    private final ScheduledExecutorService timers;
    private final Map<String, PhoneCall> calls = new LinkedHashMap<>();
    private final Deque<DeskPhoneCall> ended = new ArrayDeque<>();
    private final ListenerRegistration incomingRegistration;
    private final CompletableFuture<RegistrationStatus> firstRegistration;
    private boolean closed;

    private DeskPhone(DeskPhoneConfig config, MediaEngine media, SipUserAgent agent, Executor events) {
        this.config = config;
        this.media = media;
        this.agent = agent;
        this.events = events;
        this.listeners = new Listeners<>(events);
        this.timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "deskphone-" + config.line());
            thread.setDaemon(true);
            return thread;
        });
        this.incomingRegistration = agent.calls().addIncomingCallListener(this::incoming);
        // like a CTI-capable desk phone, it takes AnswerCall and GenerateDigits from the gateway
        new CstaDeviceSessions(agent, new DeskPhoneCsta(this));
        agent.registration().addListener(status -> {
            LOG.info("Desk phone {}: line {}", config.line(), status.state());
            publish(null);
        });
        this.firstRegistration = agent.registration().register();
        firstRegistration.whenComplete((status, failure) -> {
            if (failure != null) {
                LOG.warn("Desk phone {}: registration failed (retried in the background unless refused): {}",
                        config.line(), failure.toString());
            }
        });
    }

    /** Starts the phone's SIP stack on the configured local address and registers its line. */
    public static DeskPhone start(DeskPhoneConfig config, MediaEngine media) throws SipStackException {
        return start(config, media, new SipStackFactory(),
                SipUserAgentSettings.defaults().withLocalHost(config.localAddress().getHostAddress()));
    }

    /**
     * Starts the phone with the given SIP stack factory and user-agent settings, and registers.
     *
     * @param media the shared media engine (one per process); the phone does not close it
     */
    public static DeskPhone start(DeskPhoneConfig config, MediaEngine media, SipStackFactory stacks,
                                  SipUserAgentSettings settings) throws SipStackException {
        Executor events = new SerialExecutor(EVENT_THREADS);
        SipAccount account = SipAccount.of(config.line(), config.password(), config.proxy());
        SipUserAgent agent = SipUserAgent.start(stacks, account, settings, events);
        try {
            return new DeskPhone(config, media, agent, events);
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
    }

    public DeskPhoneConfig config() {
        return config;
    }

    @Override
    public Address line() {
        return config.line();
    }

    /** The first REGISTER's outcome; the registration is kept up (and retried) either way. */
    public CompletableFuture<RegistrationStatus> firstRegistration() {
        return firstRegistration;
    }

    public ListenerRegistration addListener(DeskPhoneListener listener) {
        return listeners.add(listener);
    }

    /** The phone now: registration and calls, with what each call hears at this moment. */
    @Override
    public synchronized DeskPhoneStatus status() {
        List<DeskPhoneCall> snapshots = new ArrayList<>();
        calls.values().forEach(call -> snapshots.add(snapshot(call)));
        snapshots.addAll(ended);
        return new DeskPhoneStatus(config.line(), agent.registration().status().state(), config.toneHz(),
                config.autoAnswer(), snapshots);
    }

    // ---- operations ----------------------------------------------------------------------

    /**
     * Calls {@code callee} through the line's proxy.
     *
     * @throws DeskPhoneException if the call's audio cannot be set up (no free RTP port)
     */
    @Override
    public synchronized DeskPhoneCall dial(Address callee) throws DeskPhoneException {
        requireOpen();
        PhoneCall call = newCall(callee, false);
        call.offer = call.sdp.createOffer(MediaDirection.SENDRECV);
        call.state = PhoneCallState.DIALING;
        call.sip = agent.calls().place(callee, call.offer.sdp(), new SipEvents(call));
        call.sip.setOfferHandler(offer -> reoffered(call, offer));
        calls.put(call.sip.callId(), call);
        LOG.info("Desk phone {}: dialling {} (call {})", config.line(), callee, call.sip.callId());
        publish(call);
        return snapshot(call);
    }

    /**
     * Answers the call ringing here longest.
     *
     * @throws IllegalStateException if no call rings here
     * @throws DeskPhoneException    if its audio does not start
     */
    @Override
    public synchronized DeskPhoneCall answer() throws DeskPhoneException {
        PhoneCall call = calls.values().stream().filter(c -> c.ringingHere()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no call is ringing"));
        return answer(call);
    }

    /** Answers the call {@code callId}, which must ring here. */
    @Override
    public synchronized DeskPhoneCall answer(String callId) throws DeskPhoneException {
        PhoneCall call = live(callId);
        if (!call.ringingHere()) {
            throw new IllegalStateException("call " + callId + " is not ringing here");
        }
        return answer(call);
    }

    private DeskPhoneCall answer(PhoneCall call) throws DeskPhoneException {
        if (call.autoAnswerTask != null) {
            call.autoAnswerTask.cancel(false);
        }
        // the 200 first: starting the audio can take half a second (RtpAudioSession lets a new
        // libjitsi stream settle), and the caller should not wait for it — click-to-call rang the
        // callee 0.5 s late because of it (docs/benchmarks.md)
        call.sip.answer(call.pendingAnswer.sdp());
        call.answered = true;
        try {
            startAudio(call, call.pendingAnswer.audio());
        } catch (MediaException e) {
            call.sip.hangUp();
            end(call, "audio did not start: " + e.getMessage());
            throw new DeskPhoneException("The call's audio did not start: " + e.getMessage(), e);
        }
        LOG.info("Desk phone {}: answering {} from {}", config.line(), call.sip.callId(), call.remote);
        return snapshot(call);
    }

    /**
     * Hangs up the current call: the newest connected or held one, else the newest ringing or
     * dialling one (a call ringing here is declined with 603).
     *
     * @throws IllegalStateException if there is no call
     */
    @Override
    public synchronized DeskPhoneCall hangUp() {
        PhoneCall call = current(c -> c.state == PhoneCallState.CONNECTED || c.state == PhoneCallState.HELD)
                .or(() -> current(c -> true))
                .orElseThrow(() -> new IllegalStateException("no call to hang up"));
        return hangUp(call);
    }

    /** Hangs up the call {@code callId}. */
    @Override
    public synchronized DeskPhoneCall hangUp(String callId) {
        return hangUp(live(callId));
    }

    private DeskPhoneCall hangUp(PhoneCall call) {
        call.sip.hangUp();
        end(call, call.ringingHere() ? "declined" : "hung up");
        return snapshot(call);
    }

    /**
     * Puts the current connected call on hold (an {@code inactive} re-offer). The status shows
     * {@link PhoneCallState#HELD} once the other side accepted.
     *
     * @throws IllegalStateException if no call is connected and not held by us
     */
    @Override
    public synchronized DeskPhoneCall hold() {
        PhoneCall call = current(c -> (c.state == PhoneCallState.CONNECTED || c.state == PhoneCallState.HELD)
                && !c.heldHere).orElseThrow(() -> new IllegalStateException("no connected call to hold"));
        return reoffer(call, MediaDirection.INACTIVE);
    }

    /**
     * Takes the call we held off hold (a sendrecv re-offer).
     *
     * @throws IllegalStateException if we hold no call
     */
    @Override
    public synchronized DeskPhoneCall resume() {
        PhoneCall call = current(c -> c.heldHere && c.state != PhoneCallState.ENDED)
                .orElseThrow(() -> new IllegalStateException("no call on hold here"));
        return reoffer(call, MediaDirection.SENDRECV);
    }

    private DeskPhoneCall reoffer(PhoneCall call, MediaDirection direction) {
        call.wanted = direction;
        SdpOffer offer = call.sdp.createOffer(direction);
        call.offer = offer;
        call.sip.reoffer(offer.sdp()).whenComplete((answer, failure) -> renegotiated(call, offer, answer, failure));
        return snapshot(call);
    }

    private synchronized void renegotiated(PhoneCall call, SdpOffer offer, String answer, Throwable failure) {
        if (call.state == PhoneCallState.ENDED || call.offer != offer) {
            return;
        }
        if (failure != null) {
            LOG.info("Desk phone {}: {} of call {} refused: {}", config.line(),
                    offer.direction() == MediaDirection.INACTIVE ? "hold" : "resume", call.sip.callId(), failure.toString());
            call.wanted = call.heldHere ? MediaDirection.INACTIVE : MediaDirection.SENDRECV;
            return;
        }
        try {
            NegotiatedAudio negotiated = call.sdp.readAnswer(offer, answer);
            startAudio(call, negotiated);
            call.heldHere = offer.direction() == MediaDirection.INACTIVE;
            if (!call.heldHere) {
                // the other side answering recvonly/inactive to our sendrecv keeps its hold
                call.remoteHold = !negotiated.direction().receives();
            }
            showHold(call);
        } catch (SdpException | MediaException e) {
            LOG.warn("Desk phone {}: the answer to our re-offer in call {} is unusable: {}", config.line(),
                    call.sip.callId(), e.getMessage());
        }
    }

    /**
     * Sends {@code digits} as RFC 4733 telephone events in the current connected call, one every
     * {@link #DIGIT_GAP}.
     *
     * @throws IllegalArgumentException if {@code digits} is not 1–32 of 0–9, *, #, A–D
     * @throws IllegalStateException    if no call is connected, or its peer takes no RFC 4733 events
     */
    @Override
    public synchronized DeskPhoneCall sendDigits(String digits) {
        PhoneCall call = current(c -> c.state == PhoneCallState.CONNECTED)
                .orElseThrow(() -> new IllegalStateException("no connected call to send digits in"));
        return sendDigits(call, digits);
    }

    /** Sends {@code digits} in the call {@code callId}, as {@link #sendDigits(String)}. */
    @Override
    public synchronized DeskPhoneCall sendDigits(String callId, String digits) {
        PhoneCall call = live(callId);
        if (call.state != PhoneCallState.CONNECTED) {
            throw new IllegalStateException("call " + callId + " is not connected");
        }
        return sendDigits(call, digits);
    }

    private DeskPhoneCall sendDigits(PhoneCall call, String digits) {
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("digits must be 1 to 32 of 0-9, *, #, A-D");
        }
        if (call.negotiated == null || call.negotiated.telephoneEvent().isEmpty()) {
            throw new IllegalStateException("the other side does not take keypad digits (RFC 4733)");
        }
        AudioSession audio = call.audio;
        for (int i = 0; i < digits.length(); i++) {
            char digit = digits.charAt(i);
            timers.schedule(() -> {
                try {
                    audio.sendDtmf(digit);
                } catch (RuntimeException e) {
                    LOG.info("Desk phone {}: digit {} not sent: {}", config.line(), digit, e.getMessage());
                }
            }, i * DIGIT_GAP.toMillis(), TimeUnit.MILLISECONDS);
        }
        return snapshot(call);
    }

    // ---- incoming calls ------------------------------------------------------------------

    /** A call rings here (on the event executor): prepare the answer, or refuse it before it rings. */
    private void incoming(SipCall sip) {
        PhoneCall call;
        try {
            synchronized (this) {
                if (closed) {
                    sip.reject(503);
                    return;
                }
                call = newCall(sip.remote(), true);
            }
        } catch (DeskPhoneException e) {
            LOG.warn("Desk phone {}: call {} from {} refused: {}", config.line(), sip.callId(), sip.remote(),
                    e.getMessage());
            sip.reject(503);
            return;
        }
        try {
            call.pendingAnswer = call.sdp.answer(sip.remoteOffer(), MediaDirection.SENDRECV);
        } catch (SdpException e) {
            LOG.info("Desk phone {}: call {} from {} refused with {}: {}", config.line(), sip.callId(), sip.remote(),
                    e.sipStatusCode(), e.getMessage());
            call.audio.close();
            sip.reject(e.sipStatusCode());
            return;
        }
        Optional<Duration> asked = AutoAnswerRequest.requestedDelay(sip.inviteHeaders("Call-Info"),
                sip.inviteHeaders("Alert-Info"));
        synchronized (this) {
            call.sip = sip;
            call.autoAnswer = asked;
            call.state = PhoneCallState.RINGING;
            calls.put(sip.callId(), call);
            sip.addListener(new SipEvents(call));
            sip.setOfferHandler(offer -> reoffered(call, offer));
            if (sip.state() == io.switchboard.sip.call.CallState.ENDED) {
                end(call, "the caller hung up");
                return;
            }
            LOG.info("Desk phone {}: call {} from {} rings{}", config.line(), sip.callId(), sip.remote(),
                    asked.map(d -> " (asks to be answered after " + d.toSeconds() + " s)").orElse(""));
            publish(call);
            Optional<Duration> delay = switch (config.autoAnswer()) {
                case ALWAYS -> Optional.of(Duration.ZERO);
                case WHEN_ASKED -> asked;
                case NEVER -> Optional.empty();
            };
            if (delay.isEmpty()) {
                return;
            }
            if (delay.get().isZero()) {
                autoAnswer(call);
            } else {
                call.autoAnswerTask = timers.schedule(() -> autoAnswer(call), delay.get().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private synchronized void autoAnswer(PhoneCall call) {
        if (!call.ringingHere() || calls.get(call.sip.callId()) != call) {
            return;
        }
        try {
            LOG.info("Desk phone {}: answering call {} by itself", config.line(), call.sip.callId());
            answer(call);
        } catch (DeskPhoneException e) {
            LOG.warn("Desk phone {}: could not answer call {} by itself: {}", config.line(), call.sip.callId(),
                    e.getMessage());
        }
    }

    /** The other side's re-INVITE (hold, resume, another address), on the SIP protocol thread. */
    private synchronized SessionAnswer reoffered(PhoneCall call, String offer) {
        if (call.state == PhoneCallState.ENDED) {
            return SessionAnswer.notAcceptable("the call is over");
        }
        try {
            SdpAnswer answer = call.sdp.answer(offer, call.wanted);
            startAudio(call, answer.audio());
            if (!call.heldHere) {
                // RFC 3264 8.4: a sendonly or inactive offer (or c=0.0.0.0) holds us
                call.remoteHold = !answer.audio().direction().sends();
            }
            LOG.info("Desk phone {}: call {} re-offered, now {} to {}", config.line(), call.sip.callId(),
                    answer.audio().direction().attribute(), answer.audio().remoteRtp());
            showHold(call);
            publish(call);
            return SessionAnswer.accept(answer.sdp());
        } catch (SdpException e) {
            return e.sipStatusCode() == 400 ? SessionAnswer.malformed(e.getMessage())
                    : SessionAnswer.notAcceptable(e.getMessage());
        } catch (MediaException e) {
            return SessionAnswer.notAcceptable(e.getMessage());
        }
    }

    // ---- calls ---------------------------------------------------------------------------

    private PhoneCall newCall(Address remote, boolean incoming) throws DeskPhoneException {
        ListeningSink speaker = new ListeningSink();
        AudioSession audio;
        try {
            audio = media.openAudio(config.localAddress(), new ToneSource(config.toneHz(), config.toneLevel()),
                    speaker);
        } catch (MediaException e) {
            throw new DeskPhoneException("Cannot set up the call's audio: " + e.getMessage(), e);
        }
        long sessionId = RANDOM.nextLong() & Long.MAX_VALUE;
        SdpSession sdp = new SdpSession(config.localAddress(), audio.localRtp().getPort(), config.capabilities(),
                sessionId, 1);
        PhoneCall call = new PhoneCall(remote, incoming, audio, sdp, speaker);
        audio.onDtmf(digit -> {
            if (call.digits.length() < MAX_RECEIVED_DIGITS) {
                call.digits.append(digit);
            }
            // not under the phone's lock on a media thread: the event thread publishes
            events.execute(() -> {
                synchronized (DeskPhone.this) {
                    publish(call);
                }
            });
        });
        return call;
    }

    private void startAudio(PhoneCall call, NegotiatedAudio negotiated) throws MediaException {
        call.audio.start(negotiated);
        call.negotiated = negotiated;
    }

    private void showHold(PhoneCall call) {
        if (call.state != PhoneCallState.CONNECTED && call.state != PhoneCallState.HELD) {
            return;
        }
        PhoneCallState state = call.heldHere || call.remoteHold ? PhoneCallState.HELD : PhoneCallState.CONNECTED;
        if (state != call.state) {
            call.state = state;
            publish(call);
        }
    }

    private Optional<PhoneCall> current(java.util.function.Predicate<PhoneCall> which) {
        return calls.values().stream().filter(c -> c.state != PhoneCallState.ENDED).filter(which)
                .max(Comparator.comparing((PhoneCall c) -> c.startedAt));
    }

    private PhoneCall live(String callId) {
        PhoneCall call = calls.get(callId);
        if (call == null) {
            throw new IllegalStateException("no call " + callId);
        }
        return call;
    }

    private void end(PhoneCall call, String reason) {
        if (call.state == PhoneCallState.ENDED) {
            return;
        }
        if (call.autoAnswerTask != null) {
            call.autoAnswerTask.cancel(false);
        }
        call.audio.close();
        call.state = PhoneCallState.ENDED;
        call.endReason = reason;
        if (call.sip != null) {
            calls.remove(call.sip.callId(), call);
        }
        ended.addFirst(snapshot(call));
        while (ended.size() > ENDED_KEPT) {
            ended.removeLast();
        }
        LOG.info("Desk phone {}: call {} with {} ended: {}", config.line(),
                call.sip == null ? "?" : call.sip.callId(), call.remote, reason);
        publish(call);
    }

    private DeskPhoneCall snapshot(PhoneCall call) {
        NegotiatedAudio negotiated = call.negotiated;
        return new DeskPhoneCall(call.sip == null ? "" : call.sip.callId(), call.remote, call.incoming, call.state,
                call.heldHere, Optional.ofNullable(negotiated).map(NegotiatedAudio::direction),
                Optional.ofNullable(negotiated).map(n -> n.codec().name()), call.autoAnswer,
                call.state == PhoneCallState.ENDED ? Hearing.SILENCE : call.speaker.hearing(),
                call.digits.toString(), call.startedAt, call.endReason);
    }

    /** Tells listeners; called under the phone's lock (or for a registration change, takes it). */
    private void publish(PhoneCall call) {
        if (listeners.size() == 0) {
            return;
        }
        DeskPhoneStatus status = status();
        DeskPhoneCall changed = call == null ? null : snapshot(call);
        listeners.fire(listener -> listener.phoneChanged(status, changed));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the desk phone is closed");
        }
    }

    /** Hangs up every call, unregisters the line (waiting up to 2 s) and stops the SIP stack. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            incomingRegistration.close();
            for (PhoneCall call : List.copyOf(calls.values())) {
                hangUp(call);
            }
        }
        try {
            agent.registration().unregister().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Desk phone {}: unregistering did not complete: {}", config.line(), e.toString());
        }
        agent.close();
        timers.shutdownNow();
        LOG.info("Desk phone {} closed", config.line());
    }

    /** One call's state; guarded by the phone's lock (digits are appended on a media thread). */
    private static final class PhoneCall {
        final Address remote;
        final boolean incoming;
        final AudioSession audio;
        final SdpSession sdp;
        final ListeningSink speaker;
        final Instant startedAt = Instant.now();
        final StringBuffer digits = new StringBuffer();
        SipCall sip;
        PhoneCallState state = PhoneCallState.DIALING;
        SdpAnswer pendingAnswer;
        SdpOffer offer;
        NegotiatedAudio negotiated;
        MediaDirection wanted = MediaDirection.SENDRECV;
        boolean heldHere;
        boolean remoteHold;
        boolean answered;
        Optional<Duration> autoAnswer = Optional.empty();
        ScheduledFuture<?> autoAnswerTask;
        String endReason = "";

        PhoneCall(Address remote, boolean incoming, AudioSession audio, SdpSession sdp, ListeningSink speaker) {
            this.remote = remote;
            this.incoming = incoming;
            this.audio = audio;
            this.sdp = sdp;
            this.speaker = speaker;
        }

        boolean ringingHere() {
            return incoming && state == PhoneCallState.RINGING && !answered;
        }
    }

    /** One call's SIP events, on the event executor. */
    private final class SipEvents implements CallListener {
        private final PhoneCall call;

        SipEvents(PhoneCall call) {
            this.call = call;
        }

        @Override
        public void ringing(SipCall sip) {
            synchronized (DeskPhone.this) {
                if (call.state == PhoneCallState.DIALING) {
                    call.state = PhoneCallState.RINGING;
                    publish(call);
                }
            }
        }

        @Override
        public void earlyMedia(SipCall sip, String sdpAnswer) {
            synchronized (DeskPhone.this) {
                if (call.state == PhoneCallState.DIALING || call.state == PhoneCallState.RINGING) {
                    if (useAnswer(sdpAnswer)) {
                        call.state = PhoneCallState.RINGING;
                        publish(call);
                    }
                }
            }
        }

        @Override
        public void connected(SipCall sip, String sdpAnswer) {
            synchronized (DeskPhone.this) {
                if (call.state == PhoneCallState.ENDED) {
                    return;
                }
                if (sip.isOutgoing() && !useAnswer(sdpAnswer)) {
                    return;
                }
                call.state = PhoneCallState.CONNECTED;
                LOG.info("Desk phone {}: call {} with {} connected ({} {})", config.line(), sip.callId(), call.remote,
                        call.negotiated == null ? "?" : call.negotiated.codec(),
                        call.negotiated == null ? "?" : call.negotiated.direction().attribute());
                publish(call);
            }
        }

        /** Starts the audio as the callee's answer says; hangs up when it cannot be used. */
        private boolean useAnswer(String sdpAnswer) {
            try {
                startAudio(call, call.sdp.readAnswer(call.offer, sdpAnswer));
                return true;
            } catch (SdpException | MediaException e) {
                LOG.warn("Desk phone {}: the answer in call {} cannot be used, hanging up: {}", config.line(),
                        call.sip.callId(), e.getMessage());
                call.sip.hangUp();
                end(call, "no common media: " + e.getMessage());
                return false;
            }
        }

        @Override
        public void transferRequested(SipCall sip, TransferRequest request) {
            // a desk phone simulator does not place transferred calls (the CTI gateway transfers)
            request.progress(501, "Not Implemented");
        }

        @Override
        public void ended(SipCall sip, CallEnd end) {
            synchronized (DeskPhone.this) {
                String detail = end.status() == 0 ? end.phrase() : end.status() + " " + end.phrase();
                end(call, detail.trim());
            }
        }
    }
}
