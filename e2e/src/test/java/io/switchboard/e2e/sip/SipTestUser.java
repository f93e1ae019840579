package io.switchboard.e2e.sip;

import io.switchboard.sip.auth.DigestChallenge;
import io.switchboard.sip.auth.DigestCredentials;
import io.switchboard.sip.auth.DigestException;
import io.switchboard.sip.auth.DigestResponder;
import io.switchboard.sip.auth.DigestResponse;
import io.switchboard.sip.stack.SipEndpoint;
import io.switchboard.sip.stack.SipStackException;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipStackSettings;
import io.switchboard.sip.stack.SipTransport;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP user agent for the ITs, written with plain JAIN-SIP (the other side of the server under
 * test): builds requests, answers digest challenges with sip-stack's {@link DigestResponder}, and
 * records what the server sends it. Requests reach the server through a loose Route to its port;
 * incoming requests are answered with {@link #answerWith(String, int)}'s status (200 by default)
 * and kept in {@link #received()}.
 */
final class SipTestUser implements SipListener, AutoCloseable {

    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    private static final int NO_ANSWER = 0;

    final String user;
    private final String password;
    private final String domain;
    private final int serverPort;
    private final SipTransport transport;
    private final SipEndpoint endpoint;
    private final String fromTag;
    private final AtomicLong cseq = new AtomicLong(1);
    private final DigestResponder responder = new DigestResponder();
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private volatile String callIdForRegister;

    private SipTestUser(String user, String password, String domain, int serverPort, SipTransport transport)
            throws SipStackException {
        this.user = user;
        this.password = password;
        this.domain = domain;
        this.serverPort = serverPort;
        this.transport = transport;
        this.endpoint = new SipStackFactory().start(SipStackSettings.loopback("it-" + user)
                .withTransports(EnumSet.of(transport)), this);
        // NOTIFYs and MESSAGEs arrive outside any JAIN-SIP dialog: let them through to us
        endpoint.provider().setAutomaticDialogSupportEnabled(false);
        this.fromTag = Long.toHexString(System.nanoTime());
    }

    static SipTestUser udp(String user, String password, String domain, int serverPort) throws SipStackException {
        return new SipTestUser(user, password, domain, serverPort, SipTransport.UDP);
    }

    static SipTestUser tcp(String user, String password, String domain, int serverPort) throws SipStackException {
        return new SipTestUser(user, password, domain, serverPort, SipTransport.TCP);
    }

    /** Incoming requests of {@code method} are answered with {@code status} from now on. */
    void answerWith(String method, int status) {
        answers.put(method, status);
    }

    /**
     * Incoming requests of {@code method} are kept but never answered from now on, as by a device
     * that is gone; their retransmissions arrive again, until {@link #answerWith} answers them.
     */
    void neverAnswer(String method) {
        answers.put(method, NO_ANSWER);
    }

    BlockingQueue<Request> received() {
        return received;
    }

    /** The next received request of {@code method}, waiting up to {@code timeout}; null if none came. */
    Request next(String method, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Request> others = new ArrayList<>();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Request r = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (r == null) {
                    return null;
                }
                if (r.getMethod().equals(method)) {
                    return r;
                }
                others.add(r);
            }
        } finally {
            received.addAll(others);
        }
    }

    String contactUri() {
        return "sip:" + user + "@127.0.0.1:" + endpoint.port() + ";transport=" + transport.token().toLowerCase(Locale.ROOT);
    }

    SipURI aor(String name) throws ParseException {
        return endpoint.addressFactory().createSipURI(name, domain);
    }

    /** A new out-of-dialog request from this user to {@code target} with a fresh Call-ID. */
    Request request(String method, URI requestUri, URI to) throws Exception {
        return request(method, requestUri, to, endpoint.provider().getNewCallId().getCallId());
    }

    Request request(String method, URI requestUri, URI to, String callId) throws Exception {
        var af = endpoint.addressFactory();
        var hf = endpoint.headerFactory();
        FromHeader from = hf.createFromHeader(af.createAddress(aor(user)), fromTag);
        ToHeader toHeader = hf.createToHeader(af.createAddress(to), null);
        CallIdHeader callIdHeader = hf.createCallIdHeader(callId);
        CSeqHeader cseqHeader = hf.createCSeqHeader(cseq.getAndIncrement(), method);
        ViaHeader via = hf.createViaHeader("127.0.0.1", endpoint.port(), transport.token(), null);
        Request request = endpoint.messageFactory().createRequest(requestUri, method, callIdHeader, cseqHeader,
                from, toHeader, new ArrayList<>(List.of(via)), hf.createMaxForwardsHeader(70));
        request.addHeader(hf.createContactHeader(af.createAddress(af.createURI(contactUri()))));
        SipURI route = af.createSipURI(null, "127.0.0.1");
        route.setPort(serverPort);
        route.setLrParam();
        route.setTransportParam(transport.token().toLowerCase(Locale.ROOT));
        request.addHeader(hf.createRouteHeader(af.createAddress(route)));
        return request;
    }

    Request withBody(Request request, String type, String subType, String body) throws ParseException {
        request.setContent(body.getBytes(StandardCharsets.UTF_8), endpoint.headerFactory().createContentTypeHeader(type, subType));
        return request;
    }

    /** A pager-mode MESSAGE (RFC 3428) from this user to {@code toUser}: {@code text} as text/plain in UTF-8. */
    Request textMessage(String toUser, String text) throws Exception {
        Request message = request(Request.MESSAGE, aor(toUser), aor(toUser));
        withBody(message, "text", "plain", text);
        ((javax.sip.header.ContentTypeHeader) message.getHeader(javax.sip.header.ContentTypeHeader.NAME))
                .setParameter("charset", "UTF-8");
        return message;
    }

    Request withHeader(Request request, String name, String value) throws ParseException {
        request.setHeader(endpoint.headerFactory().createHeader(name, value));
        return request;
    }

    /** REGISTER this user's contact for {@code expires} seconds (same Call-ID every time, as RFC 3261 asks). */
    Response register(int expires) throws Exception {
        return register(expires, null);
    }

    Response register(int expires, Float q) throws Exception {
        Request register = registerRequest(expires);
        if (q != null) {
            ((ContactHeader) register.getHeader(ContactHeader.NAME)).setQValue(q);
        }
        return send(register);
    }

    /** The REGISTER {@link #register(int)} sends, not sent. */
    Request registerRequest(int expires) throws Exception {
        if (callIdForRegister == null) {
            callIdForRegister = endpoint.provider().getNewCallId().getCallId();
        }
        Request register = request(Request.REGISTER, endpoint.addressFactory().createSipURI(null, domain), aor(user),
                callIdForRegister);
        register.setHeader(endpoint.headerFactory().createExpiresHeader(expires));
        return register;
    }

    /**
     * Sends {@code request} again over UDP exactly as sent — Via branch, Call-ID and CSeq — as a
     * retransmission is on the wire, but from a socket of its own (its port in the Via's sent-by),
     * so that this agent's finished client transaction does not absorb the response; returns the
     * first final response.
     */
    Response retransmitOverUdp(Request request) throws Exception {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout((int) RESPONSE_TIMEOUT.toMillis());
            Request copy = (Request) request.clone();
            ((ViaHeader) copy.getHeader(ViaHeader.NAME)).setPort(socket.getLocalPort());
            byte[] bytes = copy.toString().getBytes(StandardCharsets.UTF_8);
            socket.send(new java.net.DatagramPacket(bytes, bytes.length, java.net.InetAddress.getLoopbackAddress(),
                    serverPort));
            byte[] buffer = new byte[65_535];
            while (true) {
                java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Response response = ((gov.nist.javax.sip.message.MessageFactoryImpl) endpoint.messageFactory())
                        .createResponse(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
                if (response.getStatusCode() >= 200) {
                    return response;
                }
            }
        }
    }

    /** Sends {@code request} and returns its final response, answering one digest challenge on the way. */
    Response send(Request request) throws Exception {
        Response response = sendOnce(request);
        int status = response.getStatusCode();
        if (status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) {
            Request again = authorised(request, response);
            return sendOnce(again);
        }
        return response;
    }

    /** Sends without answering challenges. */
    Response sendOnce(Request request) throws Exception {
        CompletableFuture<Response> finalResponse = new CompletableFuture<>();
        ClientTransaction transaction = endpoint.provider().getNewClientTransaction(request);
        transaction.setApplicationData(finalResponse);
        transaction.sendRequest();
        return finalResponse.get(RESPONSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code original} again, with the answer to {@code challengeResponse}'s challenge and the next CSeq. */
    Request authorised(Request original, Response challengeResponse) throws DigestException, ParseException,
            javax.sip.InvalidArgumentException {
        boolean proxy = challengeResponse.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        Header challengeHeader = challengeResponse.getHeader(proxy ? "Proxy-Authenticate" : "WWW-Authenticate");
        String value = ((gov.nist.javax.sip.header.SIPHeader) challengeHeader).getHeaderValue();
        DigestChallenge challenge = DigestChallenge.parse(value);
        Request again = (Request) original.clone();
        String uri = original.getRequestURI().toString();
        DigestResponse answer = responder.respond(challenge, new DigestCredentials(user, password),
                original.getMethod(), uri, 1);
        again.setHeader(endpoint.headerFactory().createHeader(proxy ? "Proxy-Authorization" : "Authorization",
                answer.toHeaderValue()));
        CSeqHeader cseqHeader = (CSeqHeader) again.getHeader(CSeqHeader.NAME);
        cseqHeader.setSeqNumber(cseq.getAndIncrement());
        ViaHeader via = (ViaHeader) again.getHeader(ViaHeader.NAME);
        via.removeParameter("branch");
        return again;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            received.add(request);
            return;
        }
        int status = answers.getOrDefault(request.getMethod(), Response.OK);
        if (status == NO_ANSWER) {
            received.add(request);
            return;
        }
        try {
            ServerTransaction st = event.getServerTransaction() != null ? event.getServerTransaction()
                    : endpoint.provider().getNewServerTransaction(request);
            Response response = endpoint.messageFactory().createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag("uas" + Long.toHexString(System.nanoTime()));
            }
            if (Request.INVITE.equals(request.getMethod()) && status == Response.OK) {
                response.addHeader(endpoint.headerFactory().createContactHeader(
                        endpoint.addressFactory().createAddress(endpoint.addressFactory().createURI(contactUri()))));
            }
            received.add(request);
            st.sendResponse(response);
        } catch (Exception e) {
            throw new IllegalStateException("test UA " + user + " could not answer " + request.getMethod(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction != null && event.getResponse().getStatusCode() >= 200
                && transaction.getApplicationData() instanceof CompletableFuture<?> future) {
            ((CompletableFuture<Response>) future).complete(event.getResponse());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction()
                && event.getClientTransaction().getApplicationData() instanceof CompletableFuture<?> future) {
            ((CompletableFuture<Response>) future).completeExceptionally(new IllegalStateException("SIP timeout"));
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    @Override
    public void close() {
        endpoint.close();
    }

    SipEndpoint endpoint() {
        return endpoint;
    }

    Address address(String uri) throws ParseException {
        return endpoint.addressFactory().createAddress(uri);
    }

    static String header(javax.sip.message.Message message, String name) {
        Header h = message.getHeader(name);
        return h == null ? null : ((gov.nist.javax.sip.header.SIPHeader) h).getHeaderValue().trim();
    }
}
