package io.switchboard.server.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory a server brings along so that a demo or a lab needs no LDAP server of its own: an
 * in-memory LDAP server (UnboundID's, standard schema with inetOrgPerson) on loopback, holding
 * {@code ou=people} under the domain's base DN ({@code dc=localhost} for "localhost",
 * {@code dc=example,dc=com} for "example.com"). Its content is lost at stop: it is seeded again at
 * every start. Clients reach it as any directory (anonymous read of people, bind as a person);
 * passwords are compared by the server, never readable by anyone.
 */
public final class EmbeddedDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDirectory.class);

    private final InMemoryDirectoryServer server;
    private final String baseDn;
    private final String host;

    private EmbeddedDirectory(InMemoryDirectoryServer server, String baseDn, String host) {
        this.server = server;
        this.baseDn = baseDn;
        this.host = host;
    }

    /**
     * Starts the directory on {@code host:port} (0: a free port) with the base entries and {@code people}
     * under {@link #peopleBase()}.
     */
    public static EmbeddedDirectory start(String domain, String host, int port, List<Entry> people)
            throws DirectoryStartException {
        String base = baseDnOf(domain);
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(base);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName(host), port,
                    null));
            // userPassword is compared at bind, kept salted-hashed and never returned to a search
            config.setPasswordAttributes("userPassword");
            config.setPasswordEncoders(new SaltedMessageDigestInMemoryPasswordEncoder("{SSHA256}", Base64PasswordEncoderOutputFormatter.getInstance(),
                    MessageDigest.getInstance("SHA-256"), 16, true, true));
            config.addInMemoryOperationInterceptor(new PasswordsNotRead());
            config.setMaxSizeLimit(10_000);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add(baseEntry(base, domain));
            server.add(new Entry("ou=people," + base, new Attribute("objectClass", "top", "organizationalUnit"),
                    new Attribute("ou", "people")));
            for (Entry person : people) {
                server.add(person);
            }
            server.startListening();
            EmbeddedDirectory directory = new EmbeddedDirectory(server, base, host);
            LOG.info("Embedded directory on ldap://{}:{}/ with {} people under {}", host, directory.port(),
                    people.size(), directory.peopleBase());
            return directory;
        } catch (LDAPException | UnknownHostException | NoSuchAlgorithmException e) {
            throw new DirectoryStartException("The embedded directory cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + "). Change directory.embedded-port in server.yaml", e);
        }
    }

    /** {@code dc=} components of the domain: "example.com" → {@code dc=example,dc=com}. */
    public static String baseDnOf(String domain) {
        return java.util.Arrays.stream(domain.toLowerCase(Locale.ROOT).split("\\."))
                .map(part -> "dc=" + part).collect(Collectors.joining(","));
    }

    private static Entry baseEntry(String base, String domain) {
        String first = domain.toLowerCase(Locale.ROOT).split("\\.")[0];
        return new Entry(base, new Attribute("objectClass", "top", "domain"), new Attribute("dc", first));
    }

    public String host() {
        return host;
    }

    public int port() {
        return server.getListenPort();
    }

    public String baseDn() {
        return baseDn;
    }

    public String peopleBase() {
        return "ou=people," + baseDn;
    }

    /** For tests and the sync's tests: change the directory as an administrator would. */
    public InMemoryDirectoryServer server() {
        return Objects.requireNonNull(server);
    }

    /** Takes userPassword out of every search result, whoever asks (the in-memory server has no ACLs). */
    private static final class PasswordsNotRead extends InMemoryOperationInterceptor {
        @Override
        public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
            if (result.getSearchEntry().hasAttribute("userPassword")) {
                Entry copy = result.getSearchEntry().duplicate();
                copy.removeAttribute("userPassword");
                result.setSearchEntry(copy);
            }
        }
    }

    @Override
    public void close() {
        server.shutDown(true);
        LOG.info("Embedded directory stopped");
    }
}
