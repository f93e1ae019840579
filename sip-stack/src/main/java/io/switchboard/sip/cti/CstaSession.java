package io.switchboard.sip.cti;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.event.Listeners;
import io.switchboard.core.model.Address;
import io.switchboard.sip.csta.CstaContentType;
import io.switchboard.sip.csta.CstaEvent;
import io.switchboard.sip.csta.CstaMessage;
import io.switchboard.sip.csta.CstaParseException;
import io.switchboard.sip.csta.CstaParser;
import io.switchboard.sip.csta.CstaRequest;
import io.switchboard.sip.csta.CstaResponse;
import io.switchboard.sip.csta.CstaWriter;
import io.switchboard.sip.csta.RequestSystemStatus;
import io.switchboard.sip.ua.SipContext;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipResponses;
import io.switchboard.sip.ua.transaction.OutgoingRequest;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One uaCSTA session with a CTI gateway (ECMA TR/87): the INVITE dialog, requests sent in INFOs
 * (the response comes in the INFO's 200), events from the gateway to the listeners on the user
 * agent's event executor.
 */
public final class CstaSession implements AutoCloseable {

    private final SipContext context;
    private final Address gateway;
    private final CstaWriter writer;
    private final CstaParser parser;
    private final Consumer<CstaSession> onClosed;
    private final Listeners<Consumer<CstaEvent>> listeners;
    private final CallIdHeader callId;
    private volatile ClientTransaction inviteTransaction;
    private volatile Dialog dialog;
    private volatile boolean closed;

    CstaSession(SipContext context, Address gateway, CstaWriter writer, CstaParser parser,
                Consumer<CstaSession> onClosed) {
        this.context = context;
        this.gateway = gateway;
        this.writer = writer;
        this.parser = parser;
        this.onClosed = onClosed;
        this.listeners = new Listeners<>(context.events());
        this.callId = context.newCallId();
    }

    public String callId() {
        return callId.getCallId();
    }

    public Address gateway() {
        return gateway;
    }

    /** Hears the events of the session's monitors, in order. */
    public ListenerRegistration addListener(Consumer<CstaEvent> listener) {
        return listeners.add(listener);
    }

    CompletableFuture<CstaSession> open() {
        String fromTag = SipContext.newTag();
        return context.onProtocolThread(() -> {
            SipProxy proxy = context.route().current();
            javax.sip.address.Address to = context.sipAddress(gateway);
            return context.send(new OutgoingRequest() {
                private long cseq;

                @Override
                public Request create() {
                    Request request = context.newRequest(Request.INVITE, to.getURI(), to, null, callId, fromTag,
                            ++cseq, proxy);
                    attach(request, writer.write(new RequestSystemStatus()));
                    return request;
                }

                @Override
                public void sent(ClientTransaction transaction) {
                    inviteTransaction = transaction;
                }

                @Override
                public String hop() {
                    return SipContext.hop(proxy);
                }
            });
        }).thenApply(response -> {
            if (!SipResponses.isSuccess(response)) {
                throw new CompletionException(SipResponses.rejection(Request.INVITE, response));
            }
            Dialog established = inviteTransaction == null ? null : inviteTransaction.getDialog();
            if (established == null) {
                throw new CompletionException(new IllegalStateException("the gateway's 200 made no dialog"));
            }
            try {
                long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
                established.sendAck(established.createAck(cseq));
            } catch (SipException | InvalidArgumentException e) {
                throw new CompletionException(e);
            }
            dialog = established;
            return this;
        });
    }

    /**
     * Sends {@code request}; completes with the gateway's CSTA response — a {@code CstaErrorCode}
     * when the gateway refused it — or exceptionally when the session is gone or the answer is
     * unreadable.
     */
    public CompletableFuture<CstaResponse> request(CstaRequest request) {
        java.util.Objects.requireNonNull(request, "request");
        String body = writer.write(request);
        return context.onProtocolThread(() -> {
            Dialog current = dialog;
            if (current == null || closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the CTI session is closed"));
            }
            return context.send(OutgoingRequest.inDialog(current, Request.INFO, null, info -> attach(info, body)));
        }).thenApply(response -> {
            if (!SipResponses.isSuccess(response)) {
                throw new CompletionException(SipResponses.rejection(Request.INFO, response));
            }
            if (!CstaSessions.isCsta(response) || response.getRawContent() == null) {
                throw new CompletionException(new CstaParseException(CstaParseException.Kind.MALFORMED,
                        "the gateway's answer carried no CSTA body"));
            }
            try {
                CstaMessage message = parser.parse(response.getRawContent());
                if (message instanceof CstaResponse answer) {
                    return answer;
                }
                throw new CompletionException(new CstaParseException(CstaParseException.Kind.MALFORMED,
                        "the gateway answered with a " + message.getClass().getSimpleName()));
            } catch (CstaParseException e) {
                throw new CompletionException(e);
            }
        });
    }

    void event(CstaEvent event) {
        listeners.fire(listener -> listener.accept(event));
    }

    /** Ends the session (BYE); the gateway stops its monitors. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClosed.accept(this);
        context.execute(() -> {
            Dialog current = dialog;
            if (current != null) {
                context.send(OutgoingRequest.inDialog(current, Request.BYE, null, bye -> { }));
            }
        });
    }

    private void attach(Request request, String csta) {
        try {
            request.setContent(csta.getBytes(StandardCharsets.UTF_8),
                    context.headers().createContentTypeHeader(CstaContentType.TYPE, CstaContentType.SUBTYPE));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot attach a CSTA body", e);
        }
    }
}
