package io.switchboard.server.sip.registrar;

import io.switchboard.server.sip.ExpiryBounds;
import io.switchboard.server.sip.LimitExceededException;
import io.switchboard.server.sip.SipResponses;
import io.switchboard.server.sip.SipUsers;
import io.switchboard.server.sip.auth.SipDigestAuthenticator;
import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.sip.transport.RequestProcessor;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar (RFC 3261 §10.3): authenticates the REGISTER, checks that the user registers
 * their own address of record, and adds, refreshes, removes or lists bindings in the
 * {@link LocationService}. The 200 lists every current binding with its remaining time.
 */
public final class RegisterProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterProcessor.class);

    private final SipUsers users;
    private final SipDigestAuthenticator authenticator;
    private final LocationService locations;
    private final ExpiryBounds bounds;
    private final Clock clock;

    public RegisterProcessor(SipUsers users, SipDigestAuthenticator authenticator, LocationService locations,
                             ExpiryBounds bounds, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * REGISTER is answered without a server transaction, as Kamailio's registrar does: a server
     * transaction per REGISTER, kept 32 s after its 200, was most of the heap under load
     * (docs/benchmarks.md, 2026-12-03). A retransmission is processed again and gets the same
     * answer: a fresh challenge, or — same Call-ID and CSeq as the binding it made — the current
     * bindings without a change ({@link LocationService#update}). Nothing here forks or waits for
     * another party.
     */
    @Override
    public boolean stateless() {
        return true;
    }

    @Override
    public void process(IncomingRequest in) {
        Request request = in.request();
        // step 1: a REGISTER for another domain is not ours to answer with bindings
        if (!users.isLocalDomain(request.getRequestURI())) {
            in.respond(Response.NOT_FOUND);
            return;
        }
        // steps 3-5: who is asking, and for which address of record
        Optional<String> authenticated = authenticator.authenticate(in, SipDigestAuthenticator.Role.REGISTRAR);
        if (authenticated.isEmpty()) {
            return;
        }
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        Optional<String> aor = users.localUser(to.getAddress().getURI());
        if (aor.isEmpty()) {
            in.respond(Response.NOT_FOUND);
            return;
        }
        if (!aor.get().equals(authenticated.get())) {
            LOG.info("{} tried to register {} from {}", authenticated.get(), aor.get(), in.source());
            in.respond(Response.FORBIDDEN);
            return;
        }
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        ExpiresHeader expiresHeader = request.getExpires();
        long requestExpires = expiresHeader == null ? -1 : expiresHeader.getExpires();

        List<ContactHeader> contacts = contacts(request);
        List<Binding> result;
        if (contacts.stream().anyMatch(ContactHeader::isWildCard)) {
            // step 6: "*" only alone and only with Expires: 0
            if (contacts.size() != 1 || requestExpires != 0) {
                in.respond(Response.BAD_REQUEST);
                return;
            }
            result = locations.removeAll(aor.get(), callId, cseq);
        } else if (contacts.isEmpty()) {
            result = locations.bindings(aor.get());
        } else {
            List<BindingChange> changes = new ArrayList<>();
            for (ContactHeader contact : contacts) {
                long asked = contact.getExpires() >= 0 ? contact.getExpires() : requestExpires;
                if (bounds.tooBrief(asked)) {
                    SipResponses.tooBrief(in, bounds);
                    return;
                }
                float q = contact.getAddress() != null && contact.getQValue() >= 0 ? contact.getQValue() : 1.0f;
                changes.add(new BindingChange(contact.getAddress().getURI().toString(), q, bounds.grant(asked)));
            }
            try {
                result = locations.update(aor.get(), callId, cseq, changes);
                in.messaging().rememberTlsFlow(in.source(), contacts);
            } catch (OutOfOrderRegistrationException e) {
                LOG.debug("{} from {}: {}", request.getMethod(), in.source(), e.getMessage());
                in.respond(Response.SERVER_INTERNAL_ERROR);
                return;
            } catch (LimitExceededException e) {
                LOG.info("REGISTER of {} from {} refused: {}", aor.get(), in.source(), e.getMessage());
                SipResponses.limitExceeded(in, e);
                return;
            }
        }
        in.send(ok(in, result));
    }

    private static List<ContactHeader> contacts(Request request) {
        List<ContactHeader> contacts = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(ContactHeader.NAME);
        while (it != null && it.hasNext()) {
            contacts.add((ContactHeader) it.next());
        }
        return contacts;
    }

    private Response ok(IncomingRequest in, List<Binding> bindings) {
        Response response = in.createResponse(Response.OK);
        Instant now = clock.instant();
        try {
            for (Binding binding : bindings) {
                Address address = in.messaging().addresses().createAddress(
                        in.messaging().addresses().createURI(binding.contactUri()));
                ContactHeader contact = in.messaging().headers().createContactHeader(address);
                contact.setExpires((int) binding.secondsLeft(now));
                if (binding.q() < 1.0f) {
                    contact.setQValue(binding.q());
                }
                response.addHeader(contact);
            }
            Calendar date = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
            date.setTimeInMillis(now.toEpochMilli());
            response.addHeader(in.messaging().headers().createDateHeader(date));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot list the bindings of a REGISTER", e);
        }
        return response;
    }
}
