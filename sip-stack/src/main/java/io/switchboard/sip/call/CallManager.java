package io.switchboard.sip.call;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.transaction.IncomingRequest;
import io.switchboard.sip.ua.transaction.OutgoingRequest;
import io.switchboard.sip.ua.transaction.RequestProcessor;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls (INVITE dialogs) of one user agent: {@link #place} one, hear of incoming ones through
 * {@link #addIncomingCallListener}. SDP is opaque here: the media layer writes the offers and
 * answers. Requests in a call go end to end (the server does not Record-Route). Thread-safe.
 */
public final class CallManager {

    private static final Logger LOG = LoggerFactory.getLogger(CallManager.class);
    /** How long an outgoing call may ring before we give up (Cisco's default no-answer is ~3 min). */
    static final Duration RING_TIMEOUT = Duration.ofMinutes(3);
    /** At most this many calls at once (each holds a dialog and, above, an RTP port pair). */
    static final int MAX_CALLS = 16;

    private final SipContext context;
    private final Listeners<Consumer<SipCall>> incoming;
    private final Map<String, SipCall> calls = new ConcurrentHashMap<>();

    public CallManager(SipContext context) {
        this.context = context;
        this.incoming = new Listeners<>(context.events());
    }

    /** Told of each incoming call while it rings; answer or reject it. */
    public ListenerRegistration addIncomingCallListener(Consumer<SipCall> listener) {
        return incoming.add(listener);
    }

    /** The calls not yet ended. */
    public Collection<SipCall> activeCalls() {
        return List.copyOf(calls.values());
    }

    /**
     * Calls {@code callee} with {@code sdpOffer}. The call's listeners hear ringing, the answer or
     * why it failed; add them before the INVITE's outcome can arrive by passing {@code listener}.
     */
    public SipCall place(Address callee, String sdpOffer, CallListener listener) {
        return place(callee, sdpOffer, listener, (Replaces) null);
    }

    /**
     * As {@link #place(Address, String, CallListener)}, with a Replaces header when the call takes
     * over a dialog at the callee (the transferee's side of an attended transfer, RFC 3891).
     */
    public SipCall place(Address callee, String sdpOffer, CallListener listener, Replaces replaces) {
        return place(callee, sdpOffer, listener, replaces, CallOptions.DEFAULT);
    }

    /**
     * As {@link #place(Address, String, CallListener)}, with {@code options}: a From other than the
     * account (a third-party call controller acting for a user, RFC 3725) and extra headers such as
     * {@code Call-Info: <sip:...>;answer-after=0} asking the callee's phone to answer by itself.
     */
    public SipCall place(Address callee, String sdpOffer, CallListener listener, CallOptions options) {
        return place(callee, sdpOffer, listener, null, options);
    }

    private SipCall place(Address callee, String sdpOffer, CallListener listener, Replaces replaces,
                          CallOptions options) {
        Objects.requireNonNull(options, "options");
        CallIdHeader callId = context.newCallId();
        SipCall call = SipCall.outgoing(context, callId.getCallId(), callee, this::forget);
        call.offered(sdpOffer);
        call.addListener(listener);
        calls.put(call.callId(), call);
        String fromTag = SipContext.newTag();
        context.execute(() -> {
            SipProxy proxy = context.route().current();
            javax.sip.address.Address to = context.sipAddress(callee);
            URI target = to.getURI();
            OutgoingRequest invite = call.inviteHooks(new OutgoingRequest() {
                private long cseq;

                @Override
                public Request create() {
                    Request request = context.newRequest(Request.INVITE, target, to, null, callId, fromTag, ++cseq, proxy);
                    SdpBodies.attach(context, request, sdpOffer);
                    options.applyTo(context, request);
                    java.time.Duration sessionExpires = context.settings().sessionExpires();
                    if (!sessionExpires.isZero()) {
                        try {
                            request.addHeader(context.headers().createHeader("Supported", "timer"));
                            request.setHeader(context.headers().createHeader(SessionTimer.SESSION_EXPIRES,
                                    SessionTimer.value(sessionExpires, null)));
                        } catch (java.text.ParseException e) {
                            throw new IllegalStateException("cannot build Session-Expires", e);
                        }
                    }
                    if (replaces != null) {
                        try {
                            request.setHeader(context.headers().createHeader(Replaces.HEADER, replaces.value()));
                        } catch (java.text.ParseException e) {
                            throw new IllegalArgumentException("bad Replaces: " + replaces, e);
                        }
                    }
                    return request;
                }

                @Override
                public Duration finalTimeout() {
                    // past our own ring timeout, so the CANCEL it sends can still be answered
                    return RING_TIMEOUT.plusSeconds(32);
                }

                @Override
                public String hop() {
                    return SipContext.hop(proxy);
                }
            });
            context.send(invite).whenComplete(call::onInviteFinal);
            context.executor().schedule(call::ringTimeout, RING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        });
        return call;
    }

    private void forget(SipCall call) {
        calls.remove(call.callId(), call);
    }

    /** The INVITE processor: new calls and re-INVITEs in a call. */
    public RequestProcessor inviteProcessor() {
        return request -> {
            ToHeader to = (ToHeader) request.request().getHeader(ToHeader.NAME);
            SipCall existing = calls.get(callIdOf(request.request()));
            if (to.getTag() != null) {
                if (existing == null) {
                    request.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                } else {
                    context.execute(() -> existing.reinvited(request));
                }
                return;
            }
            if (existing != null) {
                return; // a retransmission or a second fork of a call already ringing here
            }
            newCall(request);
        };
    }

    private void newCall(IncomingRequest request) {
        String offer;
        try {
            offer = SdpBodies.read(request.request());
        } catch (SdpBodies.Refused e) {
            request.respond(e.status, e.getMessage());
            return;
        }
        if (offer == null) {
            request.respond(Response.NOT_ACCEPTABLE_HERE, "INVITE without SDP offer not supported");
            return;
        }
        if (calls.size() >= MAX_CALLS) {
            request.respond(Response.BUSY_HERE, "too many calls");
            return;
        }
        Address caller;
        try {
            caller = Address.fromSipUri(((FromHeader) request.request().getHeader(FromHeader.NAME))
                    .getAddress().getURI().toString());
        } catch (RuntimeException e) { // InvalidAddressException or a URI that is not SIP
            request.respond(Response.BAD_REQUEST, "unreadable From");
            return;
        }
        SipCall replaced = null;
        javax.sip.header.Header replacesHeader = request.request().getHeader(Replaces.HEADER);
        if (replacesHeader != null) {
            String value = replacesHeader.toString().substring(replacesHeader.toString().indexOf(':') + 1).trim();
            Replaces replaces = Replaces.parse(value).orElse(null);
            if (replaces == null) {
                request.respond(Response.BAD_REQUEST, "unreadable Replaces");
                return;
            }
            replaced = calls.values().stream().filter(c -> c.matches(replaces)
                    && c.state() == CallState.CONNECTED).findFirst().orElse(null);
            if (replaced == null) {
                // RFC 3891 3: no such confirmed dialog here
                request.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "nothing to replace");
                return;
            }
        }
        ServerTransaction transaction = request.serverTransactionOrNull();
        if (transaction == null) {
            return; // a retransmission the stack already holds
        }
        Dialog dialog = transaction.getDialog();
        SipCall call = SipCall.incoming(context, request, caller, dialog, offer, this::forget);
        call.replacing(replaced);
        if (calls.putIfAbsent(call.callId(), call) != null) {
            return;
        }
        context.execute(() -> {
            call.ring();
            LOG.info("Call {} from {} rings", call.callId(), caller);
            incoming.fire(listener -> listener.accept(call));
        });
    }

    /** REFER in a call: the other side transfers us (RFC 3515). */
    public RequestProcessor referProcessor() {
        return request -> {
            SipCall call = calls.get(callIdOf(request.request()));
            if (call == null) {
                request.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
            javax.sip.header.ReferToHeader referTo =
                    (javax.sip.header.ReferToHeader) request.request().getHeader(javax.sip.header.ReferToHeader.NAME);
            TransferRequest transfer = referTo == null ? null : transferRequest(call, referTo);
            if (transfer == null) {
                request.respond(Response.BAD_REQUEST, "missing or unreadable Refer-To");
                return;
            }
            context.execute(() -> call.referred(request, transfer));
        };
    }

    private static TransferRequest transferRequest(SipCall call, javax.sip.header.ReferToHeader referTo) {
        if (!(referTo.getAddress().getURI() instanceof javax.sip.address.SipURI uri) || uri.getUser() == null) {
            return null;
        }
        Replaces replaces = null;
        String escaped = uri.getHeader(Replaces.HEADER);
        if (escaped != null) {
            replaces = Replaces.parseEscaped(escaped).orElse(null);
            if (replaces == null) {
                return null;
            }
        }
        try {
            return new TransferRequest(call, Address.of(uri.getUser(), uri.getHost()), replaces);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** NOTIFYs of the implicit "refer" subscription: how the transfer we asked for goes. */
    public RequestProcessor referNotifyProcessor() {
        return request -> {
            SipCall call = calls.get(callIdOf(request.request()));
            if (call == null) {
                request.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
            context.execute(() -> call.transferNotified(request));
        };
    }

    /** CANCEL of a call ringing here: 200 to the CANCEL, 487 to the INVITE (RFC 3261 9.2). */
    public RequestProcessor cancelProcessor() {
        return request -> {
            SipCall call = calls.get(callIdOf(request.request()));
            if (call == null || call.isOutgoing()) {
                request.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
            request.respond(Response.OK);
            context.execute(call::cancelled);
        };
    }

    /** BYE: the other side hung up. */
    public RequestProcessor byeProcessor() {
        return request -> {
            SipCall call = calls.get(callIdOf(request.request()));
            if (call == null) {
                request.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
            request.respond(Response.OK);
            context.execute(call::remoteBye);
        };
    }

    private static String callIdOf(Request request) {
        CallIdHeader header = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return header == null ? "" : header.getCallId();
    }
}
