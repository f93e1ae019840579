package io.switchboard.sip.testpeer;

import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.stack.SipEndpoint;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipStackSettings;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipProxy;
import java.text.ParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other side in the user agent's behaviour tests: a small registrar, presence agent and pager
 * peer on a real JAIN-SIP stack on 127.0.0.1 (UDP and TCP, ephemeral port). It challenges
 * out-of-dialog requests with digest through the production {@code DigestVerifier}, and can be
 * scripted: answer the next requests of a method with a given status, go silent, or be stopped.
 */
public final class TestSipServer implements SipListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestSipServer.class);

    private final SipEndpoint endpoint;
    private final DigestGate gate;
    private final TestClock clock = new TestClock();
    private final TestRegistrar registrar;
    private final TestPresenceAgent presence;
    private final TestMailbox mailbox;
    private final TestPager pager;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private volatile boolean silent;

    private TestSipServer(SipStackFactory stacks, String name, String domain, List<DigestAlgorithm> algorithms)
            throws Exception {
        this.gate = new DigestGate(domain, algorithms, clock);
        this.endpoint = stacks.start(SipStackSettings.loopback(name), this);
        this.registrar = new TestRegistrar(this);
        this.presence = new TestPresenceAgent(this);
        this.mailbox = new TestMailbox(this);
        this.pager = new TestPager(this);
    }

    /** A server for {@code domain} offering SHA-256 and MD5 challenges. */
    public static TestSipServer start(SipStackFactory stacks, String name, String domain) throws Exception {
        return start(stacks, name, domain, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
    }

    public static TestSipServer start(SipStackFactory stacks, String name, String domain,
                                      List<DigestAlgorithm> algorithms) throws Exception {
        return new TestSipServer(stacks, name, domain, algorithms);
    }

    public TestSipServer withUser(String user, String password) {
        gate.addUser(user, password);
        return this;
    }

    public SipProxy proxy(SipTransport transport) {
        return new SipProxy(endpoint.host(), endpoint.port(), transport);
    }

    public SipEndpoint endpoint() {
        return endpoint;
    }

    public TestRegistrar registrar() {
        return registrar;
    }

    public TestPresenceAgent presence() {
        return presence;
    }

    public TestMailbox mailbox() {
        return mailbox;
    }

    public TestPager pager() {
        return pager;
    }

    public TestClock clock() {
        return clock;
    }

    /** Switches digest challenges on or off (on by default). */
    public void requireAuthentication(boolean value) {
        gate.setEnabled(value);
    }

    public int challengesSent() {
        return gate.challengesSent();
    }

    public int staleChallengesSent() {
        return gate.staleChallengesSent();
    }

    /** Answers the next {@code count} requests of {@code method} with {@code status}, before any other logic. */
    public void answerNext(String method, int status, int count) {
        Deque<Integer> queue = scripted.computeIfAbsent(method, m -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.add(status);
            }
        }
    }

    /** A silent server receives but never answers: the client sees timeouts. */
    public void setSilent(boolean value) {
        silent = value;
    }

    /** Every request received, in order (retransmissions included). */
    public List<Request> received() {
        return received;
    }

    public List<Request> received(String method) {
        return received.stream().filter(r -> r.getMethod().equals(method)).toList();
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        received.add(request);
        if (silent || Request.ACK.equals(request.getMethod())) {
            return;
        }
        try {
            Integer status = nextScripted(request.getMethod());
            if (status != null) {
                respond(event, response(request, status));
                return;
            }
            Response challenge = gate.check(request, endpoint.headerFactory(), s -> response(request, s));
            if (challenge != null) {
                respond(event, challenge);
                return;
            }
            switch (request.getMethod()) {
                case Request.REGISTER -> registrar.handle(event);
                case Request.PUBLISH -> presence.handlePublish(event);
                case Request.SUBSCRIBE -> {
                    if (TestMailbox.isMessageSummary(event.getRequest())) {
                        mailbox.handleSubscribe(event);
                    } else {
                        presence.handleSubscribe(event);
                    }
                }
                case Request.MESSAGE -> pager.handle(event);
                case Request.OPTIONS -> respond(event, response(request, Response.OK));
                default -> respond(event, response(request, Response.NOT_IMPLEMENTED));
            }
        } catch (Exception e) {
            LOG.warn("test server failed on {}: {}", request.getMethod(), e.toString(), e);
        }
    }

    private Integer nextScripted(String method) {
        Deque<Integer> queue = scripted.get(method);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    Response response(Request request, int status) throws ParseException {
        return endpoint.messageFactory().createResponse(status, request);
    }

    ServerTransaction serverTransaction(RequestEvent event) throws Exception {
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return endpoint.provider().getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        }
    }

    void respond(RequestEvent event, Response response) throws Exception {
        ServerTransaction transaction = serverTransaction(event);
        if (transaction != null) {
            transaction.sendResponse(response);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        pager.onResponse(event);
        presence.onResponse(event);
        mailbox.onResponse(event);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        // a NOTIFY or MESSAGE the client did not answer: the tests look at what the client received
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        // the client went away
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing kept per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // subscriptions are tracked by TestPresenceAgent
    }

    /** Stops the stack: the client's requests go unanswered (UDP) or are refused (TCP). */
    @Override
    public void close() {
        endpoint.close();
    }
}
