package io.switchboard.server.cti;

import io.switchboard.server.sip.transport.ResponseHandler;
import io.switchboard.server.sip.transport.SipMessaging;
import io.switchboard.sip.csta.CstaContentType;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Our side of a CTI session's INVITE dialog (RFC 3261 12), kept by hand because the server's stack
 * runs without JAIN-SIP's automatic dialogs: what the INVITE said (Call-ID, the client's tag and
 * Contact) and our tag and CSeq, enough to send the client INFOs carrying CSTA events and a BYE.
 */
final class CtiDialog {

    private final SipMessaging messaging;
    private final String callId;
    private final String localTag;
    private final Address localAddress;
    private final Address remoteAddress;
    private final String remoteTag;
    private final URI remoteTarget;
    private final AtomicLong cseq = new AtomicLong();

    private CtiDialog(SipMessaging messaging, String callId, String localTag, Address localAddress,
                      Address remoteAddress, String remoteTag, URI remoteTarget) {
        this.messaging = messaging;
        this.callId = callId;
        this.localTag = localTag;
        this.localAddress = localAddress;
        this.remoteAddress = remoteAddress;
        this.remoteTag = remoteTag;
        this.remoteTarget = remoteTarget;
    }

    /** The dialog an INVITE opens, with {@code localTag} on our 200; empty without a usable Contact or tag. */
    static java.util.Optional<CtiDialog> of(SipMessaging messaging, Request invite, String localTag) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) invite.getHeader(ToHeader.NAME);
        ContactHeader contact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
        CallIdHeader callId = (CallIdHeader) invite.getHeader(CallIdHeader.NAME);
        if (from == null || from.getTag() == null || to == null || contact == null || contact.getAddress() == null
                || callId == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CtiDialog(messaging, callId.getCallId(), localTag, to.getAddress(),
                from.getAddress(), from.getTag(), contact.getAddress().getURI()));
    }

    String callId() {
        return callId;
    }

    String localTag() {
        return localTag;
    }

    /** Whether {@code request} (INFO, BYE, ACK from the client) belongs to this dialog. */
    boolean matches(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return from != null && to != null && remoteTag.equals(from.getTag()) && localTag.equals(to.getTag());
    }

    /** Sends {@code method} in the dialog, with a CSTA body when {@code csta} is not null. */
    ClientTransaction send(String method, String csta, ResponseHandler handler) throws SipException {
        try {
            var headers = messaging.headers();
            Request request = messaging.messages().createRequest(remoteTarget, method,
                    headers.createCallIdHeader(callId), headers.createCSeqHeader(cseq.incrementAndGet(), method),
                    headers.createFromHeader(localAddress, localTag), headers.createToHeader(remoteAddress, remoteTag),
                    new ArrayList<>(List.of(messaging.newVia(messaging.transportFor(remoteTarget)))),
                    headers.createMaxForwardsHeader(70));
            if (csta != null) {
                request.setContent(csta.getBytes(StandardCharsets.UTF_8),
                        headers.createContentTypeHeader(CstaContentType.TYPE, CstaContentType.SUBTYPE));
            }
            return messaging.send(request, handler);
        } catch (ParseException | InvalidArgumentException e) {
            throw new SipException("cannot build " + method + " for CTI session " + callId, e);
        }
    }

    /** Puts a CSTA body on a response of ours. */
    static void attach(SipMessaging messaging, Response response, String csta) {
        try {
            response.setContent(csta.getBytes(StandardCharsets.UTF_8),
                    messaging.headers().createContentTypeHeader(CstaContentType.TYPE, CstaContentType.SUBTYPE));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot attach a CSTA body", e);
        }
    }

    static boolean isCsta(Request request) {
        var type = (javax.sip.header.ContentTypeHeader) request.getHeader(javax.sip.header.ContentTypeHeader.NAME);
        return type != null && CstaContentType.matches(type.getContentType(), type.getContentSubType());
    }

    @Override
    public String toString() {
        return "CTI session " + callId + " with " + Objects.toString(remoteAddress);
    }
}
