package io.switchboard.server.cti.calls;

import io.switchboard.core.model.Address;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipTransport;

import io.switchboard.sip.call.SipCall;
import io.switchboard.sip.csta.AnswerCall;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.CstaErrorCode;
import io.switchboard.sip.csta.CstaResponse;
import io.switchboard.sip.csta.DeviceId;
import io.switchboard.sip.csta.GenerateDigits;
import io.switchboard.sip.cti.CstaSessions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Third-party call control of desk lines (RFC 3725): the calls the CTI gateway makes and anchors
 * for desk phones, placed by the gateway's own user agent through the server's proxy. Callers
 * name calls by the ids this hands out (CSTA callIDs). Thread-safe.
 */
public final class ThirdPartyCallControl implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ThirdPartyCallControl.class);

    /** More anchored calls than this are refused: each holds two dialogs. */
    static final int MAX_CALLS = 10_000;

    private final SipUserAgent agent;
    private final LegFactory legs;
    private final String mediaHost;
    private final DeskCallListener listener;
    private final LineOwners owners;
    private final PhoneCsta phones;
    private final String domain;
    /** How long a phone asked to answer by itself may take before AnswerCall is refused. */
    static final Duration AUTO_ANSWER_WAIT = Duration.ofSeconds(4);

    private final Set<String> doNotDisturb = ConcurrentHashMap.newKeySet();
    private final LinesWithout linesWithoutAutoAnswer;
    private final Map<String, DeskCall> calls = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();

    /**
     * @param agent    the gateway's user agent, routed through the server's own proxy, which trusts it
     * @param listener hears every desk call's events (the CTI sessions turn them into CSTA events)
     */
    public ThirdPartyCallControl(SipUserAgent agent, String domain, LineOwners owners, DeskCallListener listener) {
        this(agent, domain, new AgentLegs(agent.calls(), domain), agent.context().endpoint().host(), owners, listener);
    }

    ThirdPartyCallControl(SipUserAgent agent, String domain, LegFactory legs, String mediaHost, LineOwners owners,
                          DeskCallListener listener) {
        this.agent = agent;
        this.domain = Objects.requireNonNull(domain, "domain");
        this.phones = new PhoneCsta(new CstaSessions(agent), domain, Clock.systemUTC());
        this.linesWithoutAutoAnswer = new LinesWithout(PhoneCsta.NOT_SPOKEN_KEPT, Clock.systemUTC());
        this.legs = Objects.requireNonNull(legs, "legs");
        this.mediaHost = Objects.requireNonNull(mediaHost, "mediaHost");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.listener = Objects.requireNonNull(listener, "listener");
        agent.calls().addIncomingCallListener(this::anchored);
    }

    /**
     * Where the proxy sends new calls to {@code line} so that they are anchored here: the
     * gateway's own contact, naming the line.
     */
    public String anchorContact(String line) {
        return "sip:" + line + "@" + agentSource();
    }

    /** A call to a desk line, sent here by the proxy: the phone rings, the call is the line's. */
    private void anchored(SipCall caller) {
        Optional<String> line = lineCalled(caller);
        Optional<Address> owner = line.flatMap(owners::ownerOf);
        if (owner.isEmpty()) {
            LOG.info("Call {} reached the CTI gateway for no desk line ({}); refused", caller.callId(),
                    caller.inviteHeaders("To"));
            caller.reject(404);
            return;
        }
        if (doNotDisturb.contains(line.get())) {
            LOG.info("Call {} from {} to desk line {} refused: do not disturb", caller.callId(), caller.remote(),
                    line.get());
            caller.reject(486);
            return;
        }
        if (calls.size() >= MAX_CALLS) {
            caller.reject(486);
            return;
        }
        String id = Long.toString(nextId.incrementAndGet());
        DeskCall call = new DeskCall(id, line.get(), owner.get(), caller.remote(), true, legs, mediaHost, listener,
                cleared -> calls.remove(cleared.id(), cleared));
        calls.put(id, call);
        LOG.info("Call {} from {} to desk line {} anchored as desk call {}", caller.callId(), caller.remote(),
                line.get(), id);
        call.startIncoming(caller);
    }

    /** The line an anchored call is for: the user part of its To (the proxy keeps To as dialled). */
    private static Optional<String> lineCalled(SipCall call) {
        return call.inviteHeaders("To").stream().findFirst().flatMap(ThirdPartyCallControl::userOf);
    }

    static Optional<String> userOf(String nameAddr) {
        int sip = nameAddr.indexOf("sip:");
        int at = nameAddr.indexOf('@', sip + 1);
        if (sip < 0 || at < 0) {
            return Optional.empty();
        }
        String user = nameAddr.substring(sip + 4, at);
        return user.isEmpty() || user.contains(":") ? Optional.empty() : Optional.of(user);
    }

    /** Where the gateway's user agent sends from ({@code host:port} over UDP): the proxy trusts this source. */
    public String agentSource() {
        return agent.context().endpoint().host() + ":" + agent.context().endpoint().port(SipTransport.UDP);
    }

    /**
     * MakeCall: the desk phone of {@code line} goes off-hook by itself and {@code destination} is
     * called as {@code owner}. Events follow on the listener.
     *
     * @return the new call's id
     */
    public String makeCall(String line, Address owner, Address destination) throws DeskCallRefusedException {
        if (calls.size() >= MAX_CALLS) {
            throw new DeskCallRefusedException(DeskCallRefusedException.Reason.RESOURCE_BUSY,
                    "The gateway holds " + MAX_CALLS + " calls already");
        }
        String id = Long.toString(nextId.incrementAndGet());
        DeskCall call = new DeskCall(id, line, owner, destination, legs, mediaHost, listener,
                cleared -> calls.remove(cleared.id(), cleared));
        calls.put(id, call);
        call.start();
        return id;
    }

    /**
     * AnswerCall: the ringing desk phone answers a call to the line — told so in uaCSTA when it
     * speaks it, else called again with auto-answer asked for. Completes when the phone said it
     * answers (uaCSTA) or did (auto-answer); fails with {@link DeskCallRefusedException.Reason#PHONE_CANNOT}
     * when the phone did not answer by itself within {@link #AUTO_ANSWER_WAIT} — it goes on ringing,
     * for its user to pick up — and at once for that line for {@link PhoneCsta#NOT_SPOKEN_KEPT} after.
     */
    public CompletableFuture<Void> answer(String line, String callId) throws DeskCallRefusedException {
        DeskCall call = call(line, callId);
        String phoneCall = call.phoneCallId(DeskCall.State.PHONE_RINGING, "be answered");
        return phones.forward(line, new AnswerCall(new ConnectionId(phoneCall, phoneDevice(line))))
                .thenCompose(answer -> {
                    if (answer.isPresent() && !(answer.get() instanceof CstaErrorCode)) {
                        return CompletableFuture.completedFuture(null); // its leg's 200 connects the call
                    }
                    return answerByAutoAnswer(line, call);
                });
    }

    private CompletableFuture<Void> answerByAutoAnswer(String line, DeskCall call) {
        if (linesWithoutAutoAnswer.contains(line)) {
            return CompletableFuture.failedFuture(cannotAnswer(line));
        }
        try {
            return call.answerByAutoAnswer().orTimeout(AUTO_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionallyCompose(failure -> {
                        if (!(failure instanceof TimeoutException)) {
                            return CompletableFuture.failedFuture(failure);
                        }
                        LOG.info("Desk phone of {} did not answer desk call {} by itself; it rings on", line, call.id());
                        linesWithoutAutoAnswer.note(line);
                        return CompletableFuture.failedFuture(cannotAnswer(line));
                    });
        } catch (DeskCallRefusedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static DeskCallRefusedException cannotAnswer(String line) {
        return new DeskCallRefusedException(DeskCallRefusedException.Reason.PHONE_CANNOT, "The desk phone of " + line
                + " speaks no uaCSTA and does not answer by itself (Call-Info answer-after); it must be picked up");
    }

    /**
     * GenerateDigits: the desk phone sends {@code digits} in the call (RFC 4733 from the phone: the
     * gateway has no media). Completes with the phone's response, or empty when the phone speaks
     * no uaCSTA and so cannot be asked.
     */
    public CompletableFuture<Optional<CstaResponse>> generateDigits(String line, String callId, String digits)
            throws DeskCallRefusedException {
        String phoneCall = call(line, callId).phoneCallId(DeskCall.State.CONNECTED, "send digits");
        return phones.forward(line, new GenerateDigits(new ConnectionId(phoneCall, phoneDevice(line)), digits));
    }

    private DeviceId phoneDevice(String line) {
        return new DeviceId("sip:" + line + "@" + domain);
    }

    /**
     * ConsultationCall: the line's call {@code existingId} is held and {@code consulted} is called
     * from the line, as with MakeCall. The two go on side by side: they are separate dialogs with
     * the phone, and nobody waits for the hold's re-INVITEs.
     *
     * @return the new call's id
     */
    public String consult(String line, String existingId, Address owner, Address consulted)
            throws DeskCallRefusedException {
        DeskCall existing = call(line, existingId);
        if (existing.state() != DeskCall.State.HELD) {
            existing.hold().whenComplete((ignored, failure) -> {
                if (failure != null) {
                    LOG.info("Desk call {}: not held for the consultation: {}", existingId, failure.toString());
                }
            });
        }
        return makeCall(line, owner, consulted);
    }

    /**
     * TransferCall: the far parties of the line's held call and its active call are connected to
     * each other (the gateway bridges them) and both calls end for the line.
     */
    public void transfer(String line, String heldId, String activeId) throws DeskCallRefusedException {
        DeskCall held = call(line, heldId);
        DeskCall active = call(line, activeId);
        if (held == active) {
            throw new DeskCallRefusedException(DeskCallRefusedException.Reason.INVALID_STATE,
                    "Call " + heldId + " cannot be transferred to itself");
        }
        if (held.state() != DeskCall.State.HELD || active.state() != DeskCall.State.CONNECTED) {
            throw new DeskCallRefusedException(DeskCallRefusedException.Reason.INVALID_STATE,
                    "Transfer needs call " + heldId + " held and call " + activeId + " connected");
        }
        DeskCall.FarParty first = held.handOver(DeskCallEvent.Cause.TRANSFER, DeskCall.State.HELD);
        DeskCall.FarParty second;
        try {
            second = active.handOver(DeskCallEvent.Cause.TRANSFER, DeskCall.State.CONNECTED);
        } catch (DeskCallRefusedException e) {
            first.leg().hangUp(); // the active call changed meanwhile: nobody left to join
            throw e;
        }
        Bridge.joining(first, second).start();
    }

    /** SetDoNotDisturb: calls to the line are refused (busy) while it is on. */
    public void doNotDisturb(String line, boolean on) {
        if (on) {
            doNotDisturb.add(line);
        } else {
            doNotDisturb.remove(line);
        }
    }

    public boolean isDoNotDisturb(String line) {
        return doNotDisturb.contains(line);
    }

    /** ClearConnection: the call ends for both parties. */
    public void clear(String line, String callId) throws DeskCallRefusedException {
        call(line, callId).clear();
    }

    public CompletableFuture<Void> hold(String line, String callId) throws DeskCallRefusedException {
        return call(line, callId).hold();
    }

    public CompletableFuture<Void> retrieve(String line, String callId) throws DeskCallRefusedException {
        return call(line, callId).retrieve();
    }

    /** SingleStepTransferCall: the other party is connected to {@code target}, the line drops out. */
    public void singleStepTransfer(String line, String callId, Address target) throws DeskCallRefusedException {
        call(line, callId).transferTo(target);
    }

    /** The ids of the line's calls now. */
    public List<String> callsOf(String line) {
        return calls.values().stream().filter(c -> c.line().equals(line)).map(DeskCall::id).sorted().toList();
    }

    public int activeCalls() {
        return calls.size();
    }

    private DeskCall call(String line, String callId) throws DeskCallRefusedException {
        DeskCall call = callId == null ? null : calls.get(callId);
        if (call == null || !call.line().equals(line)) {
            throw new DeskCallRefusedException(DeskCallRefusedException.Reason.NO_SUCH_CALL,
                    "Line " + line + " has no call " + callId);
        }
        return call;
    }

    /** Clears every call and stops the gateway's user agent. */
    @Override
    public void close() {
        calls.values().forEach(DeskCall::clear);
        phones.close();
        agent.close();
    }
}
