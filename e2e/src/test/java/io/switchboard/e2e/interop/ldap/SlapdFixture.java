package io.switchboard.e2e.interop.ldap;

import io.switchboard.bench.ldap.DirectoryPeople;
import io.switchboard.bench.ldap.DirectoryPeople.Person;
import io.switchboard.bench.ldap.Slapd;
import io.switchboard.bench.ldap.SlapdConfig;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A throwaway slapd ({@link Slapd}, shared with {@code bench directory}) for one test class: seeded
 * with {@link DirectoryPeople} and started before the class's tests, stopped after them. Its
 * directory is kept, and its path logged, when a test of the class failed, so slapd's log can be
 * read afterwards.
 *
 * <p>The interop profile requires slapd ({@code .ci/run} installs it): when it is missing the
 * fixture fails loudly rather than skipping.
 */
public final class SlapdFixture implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private final int peopleCount;
    private Slapd slapd;
    private volatile boolean failed;
    /** The JUnit container that started slapd, which alone stops it. */
    private String owner;

    /** A slapd holding {@code peopleCount} generated users plus the odd one (see {@link DirectoryPeople}). */
    public SlapdFixture(int peopleCount) {
        this.peopleCount = peopleCount;
    }

    /**
     * Starts slapd for the class that registered the fixture. JUnit hands a static extension of
     * a class to its {@code @Nested} classes as well: those calls find it running and leave it
     * alone, else a second slapd would replace (and leak) the first.
     */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (owner != null) {
            return;
        }
        owner = context.getUniqueId();
        slapd = Slapd.start(peopleCount);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (context.getUniqueId().equals(owner)) {
            owner = null;
            if (slapd != null) {
                slapd.stop(failed || context.getExecutionException().isPresent());
            }
        }
    }

    private Slapd slapd() {
        if (slapd == null) {
            throw new IllegalStateException("slapd is not started: register the fixture with @RegisterExtension");
        }
        return slapd;
    }

    /** What slapd printed (its stderr at debug level "none": start, stop and fatal errors). */
    public String output() throws IOException {
        return slapd == null ? "" : slapd.output();
    }

    /** Whether a test of the class using this fixture failed (then files are kept). */
    public boolean failed() {
        return failed;
    }

    public String host() {
        return Slapd.HOST;
    }

    public int ldapPort() {
        return slapd().ldapPort();
    }

    public int ldapsPort() {
        return slapd().ldapsPort();
    }

    /** {@code ldap://127.0.0.1:port} (plain, StartTLS offered). */
    public String ldapUrl() {
        return slapd().ldapUrl();
    }

    /** {@code ldaps://127.0.0.1:port} (TLS from the first byte). */
    public String ldapsUrl() {
        return slapd().ldapsUrl();
    }

    /** The suffix, {@code dc=switchboard,dc=test}. */
    public String baseDn() {
        return Slapd.BASE_DN;
    }

    /** Where the people are, {@code ou=people,dc=switchboard,dc=test}. */
    public String peopleBase() {
        return Slapd.PEOPLE_BASE;
    }

    /** The rootdn: no ACL and no size limit applies to it. */
    public String adminDn() {
        return Slapd.ADMIN_DN;
    }

    public String adminPassword() {
        return Slapd.ADMIN_PASSWORD;
    }

    /** The password every person binds with. */
    public String userPassword() {
        return DirectoryPeople.PASSWORD;
    }

    /** How many entries a plain (unpaged) search may return to anyone but the rootdn. */
    public int sizeLimit() {
        return SlapdConfig.SIZE_LIMIT;
    }

    /** The self-signed certificate slapd presents, to be put in a client's trusted list. */
    public X509Certificate certificate() {
        return slapd().certificate();
    }

    /** The same certificate as a PEM file (for the server's trusted-certificates setting). */
    public Path certificatePem() {
        return slapd().certificatePem();
    }

    /** A connection bound as the rootdn, to change the directory as its administrator would. */
    public LDAPConnection connectAsAdmin() throws LDAPException {
        return slapd().connectAsAdmin();
    }

    /** Everyone seeded below {@link #peopleBase()}, in LDIF order. */
    public List<Person> people() {
        return slapd().people();
    }

    /** How long slapadd took to load the people. */
    public Duration seedDuration() {
        return slapd().seedDuration();
    }

    /** From launching slapd to its first answered search. */
    public Duration startDuration() {
        return slapd().startDuration();
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(slapd).map(Slapd::directory);
    }
}
