package io.switchboard.server.cti.calls;

import io.switchboard.core.model.Address;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipTransport;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Third-party call control of desk lines (RFC 3725): the calls the CTI gateway makes and anchors
 * for desk phones, placed by the gateway's own user agent through the server's proxy. Callers
 * name calls by the ids this hands out (CSTA callIDs). Thread-safe.
 */
public final class ThirdPartyCallControl implements AutoCloseable {

    /** More anchored calls than this are refused: each holds two dialogs. */
    static final int MAX_CALLS = 10_000;

    private final SipUserAgent agent;
    private final LegFactory legs;
    private final String mediaHost;
    private final DeskCallListener listener;
    private final Map<String, DeskCall> calls = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();

    /**
     * @param agent    the gateway's user agent, routed through the server's own proxy, which trusts it
     * @param listener hears every desk call's events (the CTI sessions turn them into CSTA events)
     */
    public ThirdPartyCallControl(SipUserAgent agent, String domain, DeskCallListener listener) {
        this(agent, new AgentLegs(agent.calls(), domain), agent.context().endpoint().host(), listener);
    }

    ThirdPartyCallControl(SipUserAgent agent, LegFactory legs, String mediaHost, DeskCallListener listener) {
        this.agent = agent;
        this.legs = Objects.requireNonNull(legs, "legs");
        this.mediaHost = Objects.requireNonNull(mediaHost, "mediaHost");
        this.listener = Objects.requireNonNull(listener, "listener");
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
        agent.close();
    }
}
