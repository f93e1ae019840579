package io.switchboard.directory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.unboundidds.controls.IgnoreNoUserModificationRequestControl;
import com.unboundid.ldif.LDIFException;
import com.unboundid.util.StaticUtils;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;

/**
 * A real LDAP server for a test class: UnboundID's in-memory directory on 127.0.0.1 (ephemeral
 * ports), seeded with {@link #PEOPLE} inetOrgPerson entries under {@link #PEOPLE_BASE}, each with a
 * password, plus a few odd ones. With a certificate it also speaks StartTLS on its LDAP port and
 * has an LDAPS port. A search can be made to stall mid-way ({@link #stallSearchesAfter}).
 */
final class TestDirectory implements BeforeAllCallback, AfterAllCallback {

    static final String BASE = "dc=switchboard,dc=test";
    static final String PEOPLE_BASE = "ou=people," + BASE;
    static final String READER_DN = "cn=reader," + BASE;
    static final String READER_PASSWORD = "reader-secret";
    /** Regular people: user0001 .. user1200 with password secret-0001 .. secret-1200. */
    static final int REGULAR = 1_200;
    /** Every entry that maps to a person: the regular ones and the odd ones below. */
    static final int PEOPLE = REGULAR + 3;
    /** Regular people whose modifyTimestamp is {@link #RECENT_CHANGE}; the others changed on {@link #OLD_CHANGE}. */
    static final int RECENTLY_CHANGED = 7;
    static final Instant OLD_CHANGE = Instant.parse("2024-01-15T10:00:00Z");
    static final Instant RECENT_CHANGE = Instant.parse("2025-06-01T12:30:00Z");

    private final List<String> dnsNames;
    private final List<String> ipAddresses;
    private final MisbehavingInterceptor stalling = new MisbehavingInterceptor();
    private final RequestLog requests = new RequestLog();
    private Path temporary;
    private InMemoryDirectoryServer server;
    private TestCertificates.Identity identity;

    private TestDirectory(List<String> dnsNames, List<String> ipAddresses) {
        this.dnsNames = dnsNames;
        this.ipAddresses = ipAddresses;
    }

    /** Plain LDAP only. */
    static TestDirectory plain() {
        return new TestDirectory(List.of(), List.of());
    }

    /** Also StartTLS and LDAPS, with a self-signed certificate for these names. */
    static TestDirectory withCertificate(List<String> dnsNames, List<String> ipAddresses) {
        return new TestDirectory(dnsNames, ipAddresses);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(READER_DN, READER_PASSWORD);
        config.addInMemoryOperationInterceptor(requests);
        config.addInMemoryOperationInterceptor(stalling);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, null));
        } else {
            temporary = Files.createTempDirectory("switchboard-directory-test");
            identity = TestCertificates.selfSigned(temporary, dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0),
                    dnsNames, ipAddresses);
            SSLUtil tls = new SSLUtil(new KeyStoreKeyManager(identity.keyStore().toFile(), identity.password(),
                    "PKCS12", TestCertificates.ALIAS), new TrustAllTrustManager());
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, tls.createSSLSocketFactory()),
                    InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0, tls.createSSLServerSocketFactory(),
                            tls.createSSLSocketFactory()));
        }
        server = new InMemoryDirectoryServer(config);
        seed();
        server.startListening();
    }

    private void seed() throws LDAPException, LDIFException {
        server.add("dn: " + BASE, "objectClass: domain", "dc: switchboard");
        server.add("dn: " + PEOPLE_BASE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: cn=operators," + BASE, "objectClass: organizationalRole", "cn: operators");
        for (int i = 1; i <= REGULAR; i++) {
            String n = String.format("%04d", i);
            Instant changed = i <= RECENTLY_CHANGED ? RECENT_CHANGE : OLD_CHANGE;
            Entry entry = new Entry("uid=user" + n + "," + PEOPLE_BASE,
                    new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "person", "organizationalPerson",
                            "inetOrgPerson"),
                    new com.unboundid.ldap.sdk.Attribute("uid", "user" + n),
                    new com.unboundid.ldap.sdk.Attribute("cn", "Person " + n),
                    new com.unboundid.ldap.sdk.Attribute("sn", "Person"),
                    new com.unboundid.ldap.sdk.Attribute("givenName", "Given" + n),
                    new com.unboundid.ldap.sdk.Attribute("displayName", "Person Number " + n),
                    new com.unboundid.ldap.sdk.Attribute("mail", "user" + n + "@switchboard.test"),
                    new com.unboundid.ldap.sdk.Attribute("telephoneNumber", "+1 408 555 01" + n.substring(2)),
                    new com.unboundid.ldap.sdk.Attribute("userPassword", "secret-" + n),
                    new com.unboundid.ldap.sdk.Attribute("modifyTimestamp", StaticUtils.encodeGeneralizedTime(
                            java.util.Date.from(changed))));
            // our own modifyTimestamp: a test cannot wait for the clock; entryUUID stays the server's
            server.add(new AddRequest(entry, new Control[] {new IgnoreNoUserModificationRequestControl()}));
        }
        server.add("dn: uid=robin," + PEOPLE_BASE, "objectClass: inetOrgPerson", "uid: Robin",
                "cn: Robin (x*) Hood", "sn: Hood", "userPassword: sherwood",
                "mobile: +44 7700 900123");
        server.add("dn: uid=slash," + PEOPLE_BASE, "objectClass: inetOrgPerson", "uid: slash",
                "cn: Back\\slash Person", "sn: Slash");
        server.add("dn: uid=zoe," + PEOPLE_BASE, "objectClass: inetOrgPerson", "uid: zoe",
                "cn: Zoë Müller", "sn: Müller", "mail: zoe@switchboard.test");
        // an inetOrgPerson without uid: found by the person filter, skipped by the mapper
        server.add("dn: cn=No Username," + PEOPLE_BASE, "objectClass: inetOrgPerson", "cn: No Username",
                "sn: Username");
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stalling.release();
        requests.letReleasesGo();
        if (server != null) {
            server.shutDown(true);
        }
        if (temporary != null) {
            try (Stream<Path> files = Files.walk(temporary)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    int ldapPort() {
        return server.getListenPort("ldap");
    }

    int ldapsPort() {
        return server.getListenPort("ldaps");
    }

    X509Certificate certificate() {
        return identity.certificate();
    }

    InMemoryDirectoryServer server() {
        return server;
    }

    /** What the server has received (since the last reset). */
    RequestLog requests() {
        return requests;
    }

    /** Plain LDAP on loopback, searching as the reader, short timeouts. */
    DirectoryConfig config() {
        return DirectoryConfig.of("127.0.0.1", ldapPort(), PEOPLE_BASE, AttributeProfile.OPENLDAP)
                .withServiceAccount(new DirectoryConfig.ServiceAccount(READER_DN, READER_PASSWORD.toCharArray()))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** From now on, every search stalls after sending {@code entries} entries, until {@link #release()}. */
    void stallSearchesAfter(int entries) {
        stalling.arm(entries);
    }

    /** Lets stalled searches go on and stops stalling new ones. */
    void release() {
        stalling.release();
        requests.letReleasesGo();
    }

    /** From now on, every search ends with {@code code} instead of its own result, until {@link #release()}. */
    void endSearchesWith(ResultCode code) {
        stalling.endWith(code);
    }

    /**
     * Holds a search's thread in the server after some entries, as a directory that stopped
     * answering; or ends searches with a result code of our choosing.
     */
    private static final class MisbehavingInterceptor extends InMemoryOperationInterceptor {

        private final AtomicInteger remaining = new AtomicInteger(-1);
        private volatile CountDownLatch released = new CountDownLatch(0);

        void arm(int entries) {
            released = new CountDownLatch(1);
            remaining.set(entries);
        }

        private volatile ResultCode forcedResult;

        void endWith(ResultCode code) {
            forcedResult = code;
        }

        void release() {
            remaining.set(-1);
            forcedResult = null;
            released.countDown();
        }

        @Override
        public void processSearchResult(InMemoryInterceptedSearchResult result) {
            ResultCode forced = forcedResult;
            if (forced != null) {
                result.setResult(new LDAPResult(-1, forced, "forced by the test", null, (String[]) null, (Control[]) null));
            }
        }

        @Override
        public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
            if (remaining.get() >= 0 && remaining.getAndDecrement() == 0) {
                try {
                    // bounded, so that a forgotten release cannot keep the server from shutting down
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static List<String> usernames(List<DirectoryPerson> people) {
        List<String> names = new ArrayList<>();
        people.forEach(p -> names.add(p.username()));
        return names;
    }

    static Optional<DirectoryConfig.ServiceAccount> reader() {
        return Optional.of(new DirectoryConfig.ServiceAccount(READER_DN, READER_PASSWORD.toCharArray()));
    }
}
