package io.switchboard.directory;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.BindRequest;
import org.apache.directory.api.ldap.model.message.BindRequestImpl;
import org.apache.directory.api.ldap.model.message.BindResponse;
import org.apache.directory.api.ldap.model.message.LdapResult;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.SearchRequestImpl;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.ldap.client.api.LdapConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PeopleDirectory} over LDAP, on the Apache Directory LDAP API: searches on a bounded pool
 * of connections bound as the service account (anonymous without one), paged (RFC 2696), limited
 * in size and time, with filters built by the API so that user input is always escaped.
 *
 * <p>Signing in binds as the person on a dedicated connection opened for that bind and closed
 * right after, never on a pooled one. A pooled connection rebound as the user would have to be
 * rebound as the service account before going back; if that second bind failed or timed out, a
 * connection carrying the user's identity (and rights) could serve someone else's search. A
 * sign-in is rare next to type-ahead, so one more TCP (and TLS) handshake per sign-in is cheap.
 *
 * <p>The DN is found by an equality search on the username within the person filter; then a simple
 * bind with that DN and the password. An unknown user, an ambiguous one and a wrong password all
 * end in the same {@link DirectoryInvalidCredentialsException}. An empty password is refused
 * before anything is sent: LDAP reads a simple bind with a name and no password as an
 * unauthenticated bind (RFC 4513 §5.1.2), which many servers answer with success.
 */
public final class LdapPeopleDirectory implements PeopleDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(LdapPeopleDirectory.class);

    private final DirectoryConfig config;
    private final Dn peopleBase;
    private final LdapErrors errors;
    private final PeopleFilters filters;
    private final PersonMapper mapper;
    private final DirectoryConnections connections;

    private LdapPeopleDirectory(DirectoryConfig config) {
        this.config = config;
        try {
            this.peopleBase = new Dn(config.peopleBase());
        } catch (LdapInvalidDnException e) {
            throw new IllegalArgumentException("peopleBase is not a DN: " + config.peopleBase(), e);
        }
        this.errors = new LdapErrors(config.host(), config.port());
        this.filters = new PeopleFilters(config.profile());
        this.mapper = new PersonMapper(config.profile());
        this.connections = new DirectoryConnections(config, errors);
    }

    /** A directory client for {@code config}; connects lazily, on the first operation. */
    public static LdapPeopleDirectory create(DirectoryConfig config) {
        return new LdapPeopleDirectory(config);
    }

    @Override
    public DirectoryPerson authenticate(String username, char[] password) throws DirectoryException {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            throw invalidCredentials();
        }
        List<DirectoryPerson> found = findByUsername(username, "looking up " + username + " to sign in");
        if (found.size() != 1) {
            if (found.size() > 1) {
                LOG.warn("Username {} names {} people in the directory at {}: refusing to sign in as any",
                        username, found.size(), errors.where());
            }
            throw invalidCredentials();
        }
        DirectoryPerson person = found.get(0);
        bindAs(person.dn(), password);
        return person;
    }

    private void bindAs(String dn, char[] password) throws DirectoryException {
        String what = "signing in as " + dn;
        byte[] secret = utf8(password);
        LdapConnection connection = connections.openUnpooled(what);
        try {
            BindRequest bind = new BindRequestImpl().setName(dn).setCredentials(secret).setSimple(true);
            BindResponse response = connection.bind(bind);
            LdapResult result = response.getLdapResult();
            // the code decides: slapd sends an empty diagnostic message with invalidCredentials
            if (result.getResultCode() == ResultCodeEnum.INVALID_CREDENTIALS) {
                throw invalidCredentials();
            }
            if (result.getResultCode() != ResultCodeEnum.SUCCESS) {
                throw errors.forResult(what, result);
            }
        } catch (LdapException | RuntimeException e) {
            DirectoryException mapped = errors.map(what, e);
            throw mapped instanceof DirectoryInvalidCredentialsException ? invalidCredentials() : mapped;
        } finally {
            Arrays.fill(secret, (byte) 0);
            DirectoryConnections.closeQuietly(connection);
        }
    }

    private DirectoryInvalidCredentialsException invalidCredentials() {
        // one message for unknown user, wrong password and empty password: nobody learns who exists
        return new DirectoryInvalidCredentialsException("Wrong username or password (directory at "
                + errors.where() + ")");
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    @Override
    public Optional<DirectoryPerson> byUsername(String username) throws DirectoryException {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        List<DirectoryPerson> found = findByUsername(username, "looking up " + username);
        if (found.size() > 1) {
            LOG.warn("Username {} names {} people in the directory at {}; using {}", username, found.size(),
                    errors.where(), found.get(0).dn());
        }
        return found.stream().findFirst();
    }

    /** At most two: enough to tell one from ambiguous. */
    private List<DirectoryPerson> findByUsername(String username, String what) throws DirectoryException {
        ExprNode filter = filters.byUsername(username.strip());
        SearchRequest request = new SearchRequestImpl()
                .setBase(peopleBase)
                .setScope(SearchScope.SUBTREE)
                .setDerefAliases(AliasDerefMode.NEVER_DEREF_ALIASES)
                .setFilter(filter)
                .setSizeLimit(2)
                .setTimeLimit(timeLimitSeconds())
                .addAttributes(mapper.attributes());
        DirectoryConnections.Answered<SearchExchange.Answer> answered = connections.exchange(
                connections.borrow(what), what, connection -> SearchExchange.run(connection, request,
                        config.operationTimeout()));
        LdapResult result = answered.answer().done().getLdapResult();
        // an answer, an error result too: the connection is fine
        connections.giveBack(answered.connection());
        if (result.getResultCode() != ResultCodeEnum.SUCCESS
                && result.getResultCode() != ResultCodeEnum.SIZE_LIMIT_EXCEEDED) {
            throw errors.forResult(what, result);
        }
        List<DirectoryPerson> found = new ArrayList<>(2);
        try {
            for (Entry entry : answered.answer().entries()) {
                mapper.toPerson(entry).ifPresent(found::add);
            }
        } catch (RuntimeException e) {
            throw errors.map(what, e);
        }
        return found;
    }

    @Override
    public PagedSearch search(String text, int pageSize) throws DirectoryException {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize " + pageSize);
        }
        return people(filters.typeAhead(text), pageSize, "searching for people");
    }

    @Override
    public PagedSearch searchByPhone(String number, int pageSize) throws DirectoryException {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize " + pageSize);
        }
        return people(filters.byPhone(number), pageSize, "looking up a phone number");
    }

    private PagedSearch people(Optional<ExprNode> filter, int pageSize, String what) throws DirectoryException {
        if (filter.isEmpty()) {
            return PeopleSearch.empty();
        }
        PeopleSearch.Query query = new PeopleSearch.Query(peopleBase, filter.get(), mapper.attributes(),
                config.sizeLimit(), timeLimitSeconds(), config.operationTimeout(), what);
        return new PeopleSearch(connections, errors, mapper, query, Math.min(pageSize, config.sizeLimit()));
    }

    @Override
    public void forEachPerson(Optional<Instant> changedSince, Consumer<DirectoryPerson> each)
            throws DirectoryException {
        PeopleSearch.Query query = new PeopleSearch.Query(peopleBase, filters.everyone(changedSince),
                mapper.attributes(), 0, timeLimitSeconds(), config.operationTimeout(), "reading every person");
        try (PeopleSearch search = new PeopleSearch(connections, errors, mapper, query, config.pageSize())) {
            while (search.hasMore()) {
                search.nextPage().forEach(each);
            }
        }
    }

    /** The time limit sent with a search, in whole seconds (RFC 4511 §4.5.1.5), at least one. */
    private int timeLimitSeconds() {
        long millis = config.operationTimeout().toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
    }

    @Override
    public void close() {
        connections.close();
    }
}
