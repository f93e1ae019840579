package io.switchboard.server.xcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.core.model.PhoneNumbering;
import io.switchboard.core.model.SubscriptionState;
import io.switchboard.server.config.XcapConfig;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.xmpp.im.ImHarness;
import io.switchboard.server.xmpp.im.InMemoryUserStore;
import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.DigestCredentials;
import io.switchboard.sip.auth.DigestNonces;
import io.switchboard.sip.auth.DigestResponder;
import io.switchboard.sip.auth.DigestVerifier;
import io.switchboard.sip.auth.Ha1;
import io.switchboard.sip.directory.DirectoryDocument;
import io.switchboard.sip.directory.DirectoryDocumentParser;
import io.switchboard.sip.directory.DirectoryDocumentWriter;
import io.switchboard.sip.directory.DirectoryLocationManager;
import io.switchboard.sip.presence.xcap.PresRule;
import io.switchboard.sip.presence.xcap.PresRules;
import io.switchboard.sip.presence.xcap.PresRulesManager;
import io.switchboard.sip.presence.xcap.PresRulesParser;
import io.switchboard.sip.presence.xcap.PresRulesWriter;
import io.switchboard.sip.presence.xcap.SubHandling;
import io.switchboard.sip.presence.xcap.XcapClient;
import io.switchboard.sip.presence.xcap.XcapException;
import io.switchboard.sip.presence.xcap.XcapResponse;
import io.switchboard.sip.presence.xcap.XcapUris;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The XCAP server over real HTTP on 127.0.0.1, with the real IM layer behind it (in-memory
 * stores): what a pres-rules write does to the roster is what an XMPP answer does.
 */
class XcapServerTest {

    private static final String DOMAIN = ImHarness.DOMAIN;
    private static final Address ALICE = ImHarness.address("alice");
    private static final Address BOB = ImHarness.address("bob");
    private static final Address CAROL = ImHarness.address("carol");

    private final ImHarness im = new ImHarness();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private XcapServer server;
    private URI root;
    private volatile Optional<DirectoryLocation> directory = Optional.empty();

    @BeforeEach
    void start() throws Exception {
        im.accounts("alice", "bob", "carol");
        DigestVerifier verifier = new DigestVerifier(DOMAIN,
                DigestNonces.withRandomSecret(Clock.systemUTC(), Duration.ofMinutes(5)), List.of(DigestAlgorithm.MD5));
        server = new XcapServer(XcapConfig.defaults().withPort(0).withMaxDocumentBytes(8_192), DOMAIN, verifier,
                new DigestUsers(im.users), im.rosters, im.router().watcherDecisions(), () -> directory, workers);
        server.start();
        root = URI.create("http://127.0.0.1:" + server.boundPort() + XcapConfig.ROOT_PATH);
    }

    @AfterEach
    void stop() {
        server.stop();
        workers.shutdownNow();
    }

    @Test
    void withoutCredentialsTheAnswerIsADigestChallengeInTheSipRealm() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(XcapUris.document(root, ALICE)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .singleElement().asString().startsWith("Digest ").contains("realm=\"example.com\"", "qop=\"auth\"");
    }

    @Test
    void aWrongPasswordIsRefused() {
        XcapClient wrong = client("alice", "not-the-password");

        assertThatThrownBy(() -> wrong.get(XcapUris.document(root, ALICE)))
                .isInstanceOfSatisfying(XcapException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void aUserCannotReadOrWriteAnotherUsersRules() throws Exception {
        XcapClient bob = client("bob", "pw");

        assertThat(bob.get(XcapUris.document(root, ALICE)).status()).isEqualTo(403);
        assertThat(bob.put(XcapUris.rule(root, ALICE, PresRule.idFor(BOB.toSipUri())), PresRules.ELEMENT_CONTENT_TYPE,
                new PresRulesWriter().writeRule(PresRule.forWatcher(BOB.toSipUri(), SubHandling.ALLOW))).status())
                .isEqualTo(403);
        assertThat(im.item("alice", "bob")).isEmpty();
    }

    @Test
    void theDocumentListsTheWatchersTheRosterAllows() throws Exception {
        im.rosters.put("alice", new RosterItem(CAROL, "Carol", SubscriptionState.FROM, false, false, Set.of()));
        im.rosters.put("alice", new RosterItem(BOB, "Bob", SubscriptionState.TO, false, false, Set.of()));

        XcapResponse response = client("alice", "pw").get(XcapUris.document(root, ALICE));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains(PresRules.CONTENT_TYPE);
        assertThat(response.etag()).hasValueSatisfying(tag -> assertThat(tag).matches("\"[0-9a-f]{32}\""));
        PresRules rules = new PresRulesParser().parse(response.body());
        assertThat(rules.rules()).containsExactly(PresRule.forWatcher(CAROL.toSipUri(), SubHandling.ALLOW));
    }

    @Test
    void allowingAPendingWatcherApprovesTheRequestAsAnXmppAnswerWould() throws Exception {
        im.router().watcherRequests().requested(ALICE, BOB);
        assertThat(im.rosters.pendingIn("alice")).hasSize(1);

        manager("alice").answer(BOB, SubHandling.ALLOW);

        assertThat(im.item("alice", "bob")).hasValueSatisfying(
                item -> assertThat(item.subscription()).isEqualTo(SubscriptionState.FROM));
        assertThat(im.rosters.pendingIn("alice")).isEmpty();
        XcapResponse rule = client("alice", "pw").get(XcapUris.rule(root, ALICE, PresRule.idFor(BOB.toSipUri())));
        assertThat(rule.status()).isEqualTo(200);
        assertThat(rule.contentType()).contains(PresRules.ELEMENT_CONTENT_TYPE);
        assertThat(new PresRulesParser().parseRule(rule.body()).subHandling()).contains(SubHandling.ALLOW);
    }

    @Test
    void blockingAPendingWatcherRefusesTheRequest() throws Exception {
        im.router().watcherRequests().requested(ALICE, BOB);

        manager("alice").answer(BOB, SubHandling.BLOCK);

        assertThat(im.rosters.pendingIn("alice")).isEmpty();
        assertThat(im.item("alice", "bob").map(i -> i.subscription().theySeeMine()).orElse(false)).isFalse();
        assertThat(manager("alice").fetch().rules()).isEmpty();
    }

    @Test
    void aWholeDocumentAllowsWhoItNamesAndWithdrawsWhoItLeavesOut() throws Exception {
        im.rosters.put("alice", new RosterItem(BOB, "Bob", SubscriptionState.FROM, false, false, Set.of()));
        im.router().watcherRequests().requested(ALICE, CAROL);
        PresRules document = new PresRules(List.of(PresRule.forWatcher(CAROL.toSipUri(), SubHandling.ALLOW)));

        XcapResponse response = client("alice", "pw").put(XcapUris.document(root, ALICE), PresRules.CONTENT_TYPE,
                new PresRulesWriter().write(document));

        assertThat(response.status()).isEqualTo(200);
        assertThat(im.item("alice", "carol").orElseThrow().subscription()).isEqualTo(SubscriptionState.FROM);
        assertThat(im.item("alice", "bob").orElseThrow().subscription()).isEqualTo(SubscriptionState.NONE);
        assertThat(manager("alice").fetch()).isEqualTo(document);
        assertThat(response.etag()).isEqualTo(client("alice", "pw").get(XcapUris.document(root, ALICE)).etag());
    }

    @Test
    void deletingARuleWithdrawsTheApproval() throws Exception {
        im.rosters.put("alice", new RosterItem(BOB, "Bob", SubscriptionState.FROM, false, false, Set.of()));
        URI rule = XcapUris.rule(root, ALICE, PresRule.idFor(BOB.toSipUri()));

        assertThat(client("alice", "pw").delete(rule).status()).isEqualTo(200);
        assertThat(client("alice", "pw").delete(rule).status()).isEqualTo(404);
        assertThat(im.item("alice", "bob").orElseThrow().subscription()).isEqualTo(SubscriptionState.NONE);
    }

    @Test
    void anUnprefixedNodeSelectorUsesTheDefaultNamespace() throws Exception {
        im.rosters.put("alice", new RosterItem(BOB, "Bob", SubscriptionState.FROM, false, false, Set.of()));
        URI unprefixed = URI.create(XcapUris.document(root, ALICE) + "/~~/ruleset/rule%5b@id=%22"
                + PresRule.idFor(BOB.toSipUri()) + "%22%5d");
        URI unboundCr = URI.create(XcapUris.document(root, ALICE) + "/~~/cr:ruleset/cr:rule%5b@id=%22"
                + PresRule.idFor(BOB.toSipUri()) + "%22%5d");
        URI otherNamespace = URI.create(XcapUris.document(root, ALICE) + "/~~/x:ruleset?xmlns(x=urn:example)");

        assertThat(client("alice", "pw").get(unprefixed).status()).isEqualTo(200);
        assertThat(client("alice", "pw").get(unboundCr).status()).isEqualTo(200);
        assertThat(client("alice", "pw").get(otherNamespace).status()).isEqualTo(404);
    }

    @Test
    void badDocumentsGet409WithTheRfc4825ErrorCondition() throws Exception {
        XcapClient alice = client("alice", "pw");
        URI document = XcapUris.document(root, ALICE);

        assertConflict(alice.put(document, PresRules.CONTENT_TYPE, utf8("<ruleset")), "not-well-formed");
        assertConflict(alice.put(document, PresRules.CONTENT_TYPE,
                utf8("<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x 'y'>]><r/>")), "schema-validation-error");
        assertConflict(alice.put(document, PresRules.CONTENT_TYPE, utf8(
                "<ruleset xmlns='urn:ietf:params:xml:ns:common-policy'><rule id='a'><conditions><sphere value='work'/>"
                        + "<identity><one id='sip:bob@example.com'/></identity></conditions></rule></ruleset>")),
                "constraint-failure");
        assertConflict(alice.put(document, PresRules.CONTENT_TYPE, utf8(
                "<ruleset xmlns='urn:ietf:params:xml:ns:common-policy'><rule id='a'><actions><sub-handling "
                        + "xmlns='urn:ietf:params:xml:ns:pres-rules'>allow</sub-handling></actions></rule></ruleset>")),
                "constraint-failure");
        byte[] bobRule = new PresRulesWriter().writeRule(PresRule.forWatcher(BOB.toSipUri(), SubHandling.ALLOW));
        assertConflict(alice.put(XcapUris.rule(root, ALICE, "other"), PresRules.ELEMENT_CONTENT_TYPE, bobRule),
                "cannot-insert");
        byte[] oddId = new PresRulesWriter().writeRule(new PresRule("mine", List.of(BOB.toSipUri()),
                Optional.of(SubHandling.ALLOW), List.of()));
        assertConflict(alice.put(XcapUris.rule(root, ALICE, "mine"), PresRules.ELEMENT_CONTENT_TYPE, oddId),
                "constraint-failure");
        assertThat(im.item("alice", "bob")).isEmpty();
    }

    @Test
    void wrongTypesSizesMethodsAndPlacesGetTheirHttpStatus() throws Exception {
        XcapClient alice = client("alice", "pw");
        URI document = XcapUris.document(root, ALICE);

        assertThat(alice.put(document, "text/plain", utf8("x")).status()).isEqualTo(415);
        assertThat(alice.put(document, PresRules.CONTENT_TYPE, new byte[9_000]).status()).isEqualTo(413);
        assertThat(alice.get(URI.create(root + "/resource-lists/users/sip:alice@example.com/index")).status())
                .isEqualTo(404);
        assertThat(alice.get(URI.create(root + "/pres-rules/users/sip:alice@example.com/other")).status())
                .isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(document)
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, PUT, DELETE");
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() throws Exception {
        XcapClient alice = client("alice", "pw");
        URI document = XcapUris.document(root, ALICE);
        String etag = alice.get(document).etag().orElseThrow();
        im.rosters.put("alice", new RosterItem(BOB, "Bob", SubscriptionState.FROM, false, false, Set.of()));
        byte[] empty = new PresRulesWriter().write(PresRules.empty());

        assertThat(alice.put(document, PresRules.CONTENT_TYPE, empty, etag).status()).isEqualTo(412);
        assertThat(im.item("alice", "bob").orElseThrow().subscription()).isEqualTo(SubscriptionState.FROM);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        String path = XcapConfig.ROOT_PATH + "/pres-rules/users/sip:alice@example.com/index";
        String requests = ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").repeat(3)
                + "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.boundPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answers.lines().filter(line -> line.startsWith("HTTP/1.1 ")).toList())
                    .containsExactly("HTTP/1.1 405 Method Not Allowed", "HTTP/1.1 405 Method Not Allowed",
                            "HTTP/1.1 405 Method Not Allowed", "HTTP/1.1 401 Unauthorized");
        }
    }

    @Test
    void aMalformedRequestGets400() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.boundPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /" + "x".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 4");
        }
    }

    @Test
    void aSignedInUserReadsWhereTheCompanyDirectoryIs() throws Exception {
        directory = Optional.of(new DirectoryLocation("ldap://127.0.0.1:10389", false, "ou=people,dc=example,dc=com",
                "openldap", Optional.of("uid={username},ou=people,dc=example,dc=com"),
                Optional.of(new PhoneNumbering("GB", 4, Optional.of("+44207946")))));

        XcapResponse response = client("bob", "pw").get(DirectoryDocument.uri(root));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains(DirectoryDocument.CONTENT_TYPE);
        assertThat(response.etag()).hasValueSatisfying(tag -> assertThat(tag).matches("\"[0-9a-f]{32}\""));
        assertThat(new DirectoryDocumentParser().parse(response.body())).isEqualTo(directory.get());
        assertThat(new DirectoryLocationManager(client("bob", "pw"), root).fetch()).isEqualTo(directory);
    }

    @Test
    void withoutADirectoryTheDocumentIsNotFoundAndTheClientHearsNone() throws Exception {
        assertThat(client("alice", "pw").get(DirectoryDocument.uri(root)).status()).isEqualTo(404);
        assertThat(new DirectoryLocationManager(client("alice", "pw"), root).fetch()).isEmpty();
    }

    @Test
    void theDirectoryDocumentIsReadOnlyAndNotForStrangers() throws Exception {
        directory = Optional.of(new DirectoryLocation("ldap://127.0.0.1:10389", false, "dc=example", "openldap",
                Optional.empty()));

        XcapResponse put = client("alice", "pw").put(DirectoryDocument.uri(root), DirectoryDocument.CONTENT_TYPE,
                new DirectoryDocumentWriter().write(directory.get()));
        HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(DirectoryDocument.uri(root)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(put.status()).isEqualTo(405);
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.body()).doesNotContain("ldap://");
    }

    private static void assertConflict(XcapResponse response, String condition) {
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).contains("application/xcap-error+xml");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("urn:ietf:params:xml:ns:xcap-error").contains("<" + condition);
    }

    private XcapClient client(String user, String password) {
        return new XcapClient(http, new DigestCredentials(user, password), new DigestResponder(), Duration.ofSeconds(5));
    }

    private PresRulesManager manager(String user) {
        return new PresRulesManager(client(user, "pw"), root, ImHarness.address(user));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The in-memory users with the HA1s a SIP-enabled store keeps ("pw" for everyone). */
    private static final class DigestUsers extends DelegatingUserStore {
        DigestUsers(InMemoryUserStore users) {
            super(users);
        }

        @Override
        public Optional<Ha1> digestCredential(String username, String realm, DigestAlgorithm algorithm)
                throws StoreException {
            return exists(username) && DOMAIN.equals(realm)
                    ? Optional.of(Ha1.compute(algorithm, username, realm, "pw")) : Optional.empty();
        }
    }
}
