package io.switchboard.e2e.interop.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.bench.ldap.DirectoryPeople;
import io.switchboard.bench.ldap.DirectoryPeople.Person;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedResult;
import com.unboundid.util.ssl.SSLUtil;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-test of the LDAP interop harness: a real slapd ({@link SlapdFixture}) seen through a
 * neutral client, UnboundID's LDAP SDK. When these pass, a failure of the same operation through
 * Switchboard's directory module is the module's.
 */
class SlapdInteropIT {

    private static final Logger LOG = LoggerFactory.getLogger(SlapdInteropIT.class);

    @RegisterExtension
    static final SlapdFixture SLAPD = new SlapdFixture(50);

    @Test
    void anonymousSearchFindsEveryoneSeededButNoPasswords() throws Exception {
        try (LDAPConnection connection = connect(SLAPD)) {
            SearchResult result = connection.search(SLAPD.peopleBase(), SearchScope.ONE,
                    "(objectClass=inetOrgPerson)", "*");

            assertThat(result.getEntryCount()).isEqualTo(SLAPD.people().size()).isEqualTo(51);
            assertThat(result.getSearchEntries()).noneMatch(entry -> entry.hasAttribute("userPassword"));
            Person first = SLAPD.people().get(0);
            SearchResultEntry entry = connection.getEntry(first.dn(SLAPD.peopleBase()));
            assertThat(entry.getAttributeValue("cn")).isEqualTo(first.cn()).isEqualTo("Ann Anders");
            assertThat(entry.getAttributeValue("mail")).isEqualTo("user00001@switchboard.test");
            assertThat(entry.getAttributeValue("telephoneNumber")).isEqualTo(first.telephoneNumber());
            assertThat(entry.getAttributeValue("ou")).isEqualTo("Sales");
        }
    }

    @Test
    void substringSearchOnIndexedNumbersFindsTheCaller() throws Exception {
        Person someone = SLAPD.people().get(7);
        try (LDAPConnection connection = connect(SLAPD)) {
            SearchResult result = connection.search(SLAPD.peopleBase(), SearchScope.ONE,
                    Filter.createSubstringFilter("telephoneNumber", null, null,
                            someone.telephoneNumber().substring(someone.telephoneNumber().length() - 5)),
                    "uid");

            assertThat(result.getSearchEntries()).extracting(e -> e.getAttributeValue("uid"))
                    .containsExactly(someone.uid());
        }
    }

    @Test
    void theRootDnSeesThePasswordHash() throws Exception {
        try (LDAPConnection connection = connect(SLAPD)) {
            connection.bind(SLAPD.adminDn(), SLAPD.adminPassword());

            SearchResultEntry entry = connection.getEntry(SLAPD.people().get(0).dn(SLAPD.peopleBase()), "userPassword");

            assertThat(entry.getAttributeValue("userPassword")).startsWith("{SSHA}");
        }
    }

    @Test
    void aPersonBindsWithTheKnownPasswordAndIsRefusedWithAWrongOne() throws Exception {
        String dn = SLAPD.people().get(1).dn(SLAPD.peopleBase());
        try (LDAPConnection connection = connect(SLAPD)) {
            assertThat(connection.bind(dn, SLAPD.userPassword()).getResultCode()).isEqualTo(ResultCode.SUCCESS);
            var whoAmI = (WhoAmIExtendedResult) connection.processExtendedOperation(new WhoAmIExtendedRequest());
            assertThat(whoAmI.getAuthorizationID()).isEqualTo("dn:" + dn);
            SearchResult colleagues = connection.search(SLAPD.peopleBase(), SearchScope.ONE, "(uid=user*)", "cn",
                    "userPassword");
            assertThat(colleagues.getEntryCount()).isEqualTo(50);
            assertThat(colleagues.getSearchEntries()).noneMatch(entry -> entry.hasAttribute("userPassword"));

            assertThatThrownBy(() -> connection.bind(dn, "wrong-" + SLAPD.userPassword()))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode().intValue()).isEqualTo(49));
        }
    }

    @Test
    void metacharactersInACnMatchOnlyWhenEscaped() throws Exception {
        try (LDAPConnection connection = connect(SLAPD)) {
            Filter escaped = Filter.createEqualityFilter("cn", DirectoryPeople.ODD_ONE_CN);
            assertThat(escaped.toString()).isEqualTo("(cn=Zed \\28x\\2a\\29 Test)");

            SearchResult result = connection.search(SLAPD.peopleBase(), SearchScope.ONE, escaped, "uid");

            assertThat(result.getSearchEntries()).extracting(e -> e.getAttributeValue("uid"))
                    .containsExactly(DirectoryPeople.ODD_ONE_UID);
            assertThatThrownBy(() -> Filter.create("(cn=" + DirectoryPeople.ODD_ONE_CN + ")"))
                    .isInstanceOf(LDAPException.class);
        }
    }

    @Test
    void startTlsOnTheLdapPortWorksWithTheCertificateTrusted() throws Exception {
        try (LDAPConnection connection = connect(SLAPD)) {
            var result = connection.processExtendedOperation(new StartTLSExtendedRequest(
                    new SSLUtil(trusting(SLAPD.certificate())).createSSLContext()));
            assertThat(result.getResultCode()).isEqualTo(ResultCode.SUCCESS);

            connection.bind(SLAPD.people().get(2).dn(SLAPD.peopleBase()), SLAPD.userPassword());
            assertThat(connection.getEntry(SLAPD.baseDn())).isNotNull();
        }
    }

    @Test
    void startTlsFailsWhenTheCertificateIsNotTrusted() throws Exception {
        try (LDAPConnection connection = connect(SLAPD)) {
            assertThatThrownBy(() -> {
                connection.processExtendedOperation(new StartTLSExtendedRequest(
                        new SSLUtil(jdkDefaultTrust()).createSSLContext()));
                connection.getEntry(SLAPD.baseDn());
            }).isInstanceOf(LDAPException.class);
        }
    }

    @Test
    void ldapsWorksWithTheCertificateTrusted() throws Exception {
        try (LDAPConnection connection = new LDAPConnection(
                new SSLUtil(trusting(SLAPD.certificate())).createSSLSocketFactory(), options(),
                SLAPD.host(), SLAPD.ldapsPort())) {
            connection.bind(SLAPD.people().get(3).dn(SLAPD.peopleBase()), SLAPD.userPassword());

            assertThat(connection.getEntry(SLAPD.baseDn())).isNotNull();
        }
    }

    @Test
    void ldapsFailsWhenTheCertificateIsNotTrusted() {
        assertThatThrownBy(() -> {
            try (LDAPConnection connection = new LDAPConnection(
                    new SSLUtil(jdkDefaultTrust()).createSSLSocketFactory(), options(),
                    SLAPD.host(), SLAPD.ldapsPort())) {
                connection.getEntry(SLAPD.baseDn());
            }
        }).isInstanceOf(LDAPException.class);
    }

    /**
     * The certificate is valid for the names a client dials, checked the JDK's way (endpoint
     * identification "LDAPS", RFC 6125). UnboundID's HostNameSSLSocketVerifier cannot prove
     * it here: it accepts any certificate on a loopback address.
     */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void theCertificateNamesTheLoopbackAddressAndLocalhost(String name) throws Exception {
        assertThat(handshakeAs(name)).isEqualTo(SLAPD.certificate());
    }

    /** ...and the check is real: another name is refused although the certificate is trusted. */
    @Test
    void theCertificateNamesNoOtherHost() {
        assertThatThrownBy(() -> handshakeAs("directory.example")).isInstanceOf(SSLHandshakeException.class);
    }

    /** A TLS handshake on the ldaps:// port as if {@code name} had been dialled; returns the server's certificate. */
    private static Certificate handshakeAs(String name) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trusting(SLAPD.certificate())}, null);
        try (Socket plain = new Socket(SLAPD.host(), SLAPD.ldapsPort());
             SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, name, SLAPD.ldapsPort(), true)) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("LDAPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls.getSession().getPeerCertificates()[0];
        }
    }

    /** The directory sync's scale: seeding costs seconds, so only this class pays for it. */
    @Nested
    class ThirtyThousandPeople {

        @RegisterExtension
        static final SlapdFixture BIG = new SlapdFixture(30_000);

        @Test
        void slapaddLoadsThemWellWithinCisBudget() {
            LOG.info("slapadd of {} people took {} ms; slapd answered {} ms after launch",
                    BIG.people().size(), BIG.seedDuration().toMillis(), BIG.startDuration().toMillis());

            assertThat(BIG.seedDuration()).isLessThan(Duration.ofMinutes(2));
        }

        @Test
        void aPagedSearchCountsEveryone() throws Exception {
            try (LDAPConnection connection = connect(BIG)) {
                assertThat(PagedCount.count(connection, BIG.peopleBase(), Filter.create("(uid=user*)"), 1_000))
                        .isEqualTo(30_000);
                assertThat(PagedCount.count(connection, BIG.peopleBase(), Filter.create("(objectClass=inetOrgPerson)"),
                        1_000)).isEqualTo(BIG.people().size());
            }
        }

        @Test
        void aPlainSearchStopsAtTheSizeLimitLikeARealServer() throws Exception {
            try (LDAPConnection connection = connect(BIG)) {
                SearchRequest request = new SearchRequest(BIG.peopleBase(), SearchScope.ONE, "(uid=*)", "uid");

                assertThatThrownBy(() -> connection.search(request)).isInstanceOfSatisfying(LDAPSearchException.class,
                        e -> {
                            assertThat(e.getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED);
                            assertThat(e.getEntryCount()).isEqualTo(BIG.sizeLimit());
                        });
            }
        }
    }

    private static LDAPConnectionOptions options() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(5_000);
        options.setResponseTimeoutMillis(30_000);
        return options;
    }

    private static LDAPConnection connect(SlapdFixture slapd) throws LDAPException {
        return new LDAPConnection(options(), slapd.host(), slapd.ldapPort());
    }

    /** A trust manager that trusts exactly {@code certificate}, as a client's trusted list would. */
    private static TrustManager trusting(X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("slapd", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers()[0];
    }

    /** The JDK's own CAs: the self-signed certificate is not among them. */
    private static TrustManager jdkDefaultTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return factory.getTrustManagers()[0];
    }
}
