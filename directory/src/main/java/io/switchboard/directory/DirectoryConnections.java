package io.switchboard.directory;

import java.time.Duration;
import java.util.NoSuchElementException;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapOperationException;
import org.apache.directory.ldap.client.api.DefaultLdapConnectionFactory;
import org.apache.directory.ldap.client.api.DefaultLdapConnectionValidator;
import org.apache.directory.ldap.client.api.LdapConnection;
import org.apache.directory.ldap.client.api.LdapConnectionConfig;
import org.apache.directory.ldap.client.api.LdapConnectionPool;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;
import org.apache.directory.ldap.client.api.ValidatingPoolableLdapConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections to one directory: a bounded pool bound as the service account (or anonymous) for
 * searches, and short-lived unpooled ones for signing people in. Every connection has the same
 * protection (StartTLS or LDAPS with {@link DirectoryTrustManager}) and our operation timeout, so
 * that a directory that stops answering ends in a timeout rather than a hung thread.
 *
 * <p>A borrowed connection is validated locally (connected and bound, no request): the API's
 * default validator reads the root DSE on every borrow, a round trip as long as the search itself.
 * A connection that passes but turns out closed by the directory (it dropped it while idle, and we
 * have not read the close yet) fails its request with {@link ConnectionLostException}; {@link
 * #exchange} then discards it and runs the request once more on a new connection. See decision
 * 0028.
 */
final class DirectoryConnections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryConnections.class);

    private static final Duration MAX_CLOSE_WAIT = Duration.ofMillis(300);

    private final DirectoryConfig config;
    private final LdapErrors errors;
    private final LdapConnectionPool pool;

    DirectoryConnections(DirectoryConfig config, LdapErrors errors) {
        this.config = config;
        this.errors = errors;
        LdapConnectionConfig searching = connectionConfig(config);
        config.serviceAccount().ifPresent(account -> {
            searching.setName(account.bindDn());
            searching.setCredentials(new String(account.password()));
        });
        GenericObjectPoolConfig<LdapConnection> limits = new GenericObjectPoolConfig<>();
        limits.setMaxTotal(config.poolSize());
        limits.setMaxIdle(config.poolSize());
        limits.setMinIdle(0);
        limits.setBlockWhenExhausted(true);
        // a caller waits for a free connection no longer than for an answer
        limits.setMaxWait(config.connectTimeout().plus(config.operationTimeout()));
        limits.setTestOnBorrow(true);
        limits.setJmxEnabled(false);
        ValidatingPoolableLdapConnectionFactory factory =
                new ValidatingPoolableLdapConnectionFactory(new SearchConnectionFactory(searching));
        // connected and bound, without asking the directory: a dead one that passes is retried in exchange
        factory.setValidator(new DefaultLdapConnectionValidator());
        this.pool = new LdapConnectionPool(factory, limits);
    }

    /** One request and its answer on a pooled connection: may be run twice, so it keeps no state between runs. */
    @FunctionalInterface
    interface Exchange<T> {
        T on(LdapConnection connection) throws LdapException;
    }

    /** What an exchange answered, and the connection it came on, still borrowed: give it back or discard it. */
    record Answered<T>(LdapConnection connection, T answer) {
    }

    /**
     * Runs {@code exchange} on {@code borrowed}. When that connection turns out lost, and only then,
     * it is discarded, with the pool's idle ones, and the exchange runs once more on a new
     * connection: nothing was answered, so nothing was handed to anyone. An answer from the
     * directory, an error result included, is never retried, nor is a timeout (a directory that
     * stalls would make the caller wait twice). On failure the connection is discarded.
     */
    <T> Answered<T> exchange(LdapConnection borrowed, String what, Exchange<T> exchange) throws DirectoryException {
        try {
            return new Answered<>(borrowed, exchange.on(borrowed));
        } catch (ConnectionLostException lost) {
            discard(borrowed);
            // the directory closed one idle connection: it most likely closed the others idle as long
            // (a restart, an idle timeout), and another of those would fail the retry too
            pool.clear();
            LOG.debug("A pooled connection to {} was closed ({}); {} on a new one", errors.where(),
                    lost.getMessage(), what);
        } catch (LdapException | RuntimeException e) {
            discard(borrowed);
            throw errors.map(what, e);
        }
        LdapConnection fresh = borrow(what);
        try {
            return new Answered<>(fresh, exchange.on(fresh));
        } catch (LdapException | RuntimeException e) {
            discard(fresh);
            throw errors.map(what, e);
        }
    }

    /** What every connection to the directory shares: where, how protected, how patient. */
    static LdapConnectionConfig connectionConfig(DirectoryConfig config) {
        LdapConnectionConfig ldap = new LdapConnectionConfig();
        ldap.setLdapHost(config.host());
        ldap.setLdapPort(config.port());
        ldap.setConnectTimeout(config.connectTimeout().toMillis());
        // our timeout on every response (and the StartTLS handshake): no operation waits longer
        ldap.setTimeout(config.operationTimeout().toMillis());
        // closing drops the socket at once; the API then waits this long for MINA to confirm, which a
        // connection stuck behind a stalled directory never does: the caller should not wait on that
        ldap.setCloseTimeout(Math.min(config.operationTimeout().toMillis(), MAX_CLOSE_WAIT.toMillis()));
        ldap.setUseSsl(config.security() == DirectorySecurity.LDAPS);
        ldap.setUseTls(config.security() == DirectorySecurity.START_TLS);
        if (config.security() != DirectorySecurity.NONE) {
            ldap.setTrustManagers(DirectoryTrustManager.forDirectory(config.host(), config.trusted()));
            ldap.setEnabledProtocols("TLSv1.3", "TLSv1.2");
        }
        return ldap;
    }

    /** A pooled connection, bound for searching; give it back or discard it. */
    LdapConnection borrow(String what) throws DirectoryException {
        try {
            return pool.getConnection();
        } catch (LdapException | RuntimeException e) {
            if (isPoolExhausted(e)) {
                throw new DirectoryTimeoutException("All " + config.poolSize() + " connections to the directory at "
                        + errors.where() + " stayed busy while " + what + " (searches left open?)", e);
            }
            throw errors.map(what, e);
        }
    }

    /** The pool's "no connection came free within the wait", however deep the API wrapped it. */
    private static boolean isPoolExhausted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoSuchElementException) {
                return true;
            }
        }
        return false;
    }

    /** Back to the pool, for the next search. */
    void giveBack(LdapConnection connection) {
        try {
            pool.releaseConnection(connection);
        } catch (LdapException | RuntimeException e) {
            LOG.debug("Could not give a connection to {} back to the pool", errors.where(), e);
        }
    }

    /** Out of the pool and closed: after a timeout or a lost connection it may be in any state. */
    void discard(LdapConnection connection) {
        try {
            pool.invalidateObject(connection);
        } catch (Exception e) {
            LOG.debug("Could not discard a connection to {}", errors.where(), e);
        }
    }

    /** A new connection outside the pool, connected and protected but not bound; the caller closes it. */
    LdapConnection openUnpooled(String what) throws DirectoryException {
        LdapNetworkConnection connection = new LdapNetworkConnection(connectionConfig(config));
        try {
            connect(connection, config.security() == DirectorySecurity.START_TLS);
            return connection;
        } catch (LdapException | RuntimeException e) {
            closeQuietly(connection);
            throw errors.map(what, e);
        }
    }

    static void closeQuietly(LdapConnection connection) {
        try {
            connection.close();
        } catch (Exception e) {
            LOG.debug("Closing a directory connection failed", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * Connects (and so sends StartTLS when configured, the API does it in connect), marking a
     * StartTLS the directory refuses.
     */
    private static void connect(LdapConnection connection, boolean startTls) throws LdapException {
        try {
            connection.connect();
        } catch (LdapOperationException refused) {
            // connect sends no request but StartTLS: a result code here is the answer to it
            if (startTls) {
                throw new ConnectionSetupException(ConnectionSetupException.Stage.START_TLS, refused);
            }
            throw refused;
        }
    }

    /** Connects pooled connections and binds them as the service account, or anonymously when there is none. */
    private static final class SearchConnectionFactory extends DefaultLdapConnectionFactory {

        private final LdapConnectionConfig config;

        SearchConnectionFactory(LdapConnectionConfig config) {
            super(config);
            this.config = config;
        }

        @Override
        public LdapConnection configureConnection(LdapConnection connection) {
            // the connection read each timeout from the config when it was made; the inherited
            // configuration would set them all, the close timeout too, to the operation timeout
            return connection;
        }

        @Override
        public LdapConnection bindConnection(LdapConnection connection) throws LdapException {
            try {
                connect(connection, config.isUseTls());
                if (config.getName() == null) {
                    connection.anonymousBind();
                } else {
                    bindServiceAccount(connection);
                }
                return connection;
            } catch (LdapException | RuntimeException e) {
                // a new connection is ours to close; a pooled one (rebound on activation) is wrapped,
                // its close would hand it back to the pool, which destroys it on this failure anyway
                if (connection instanceof LdapNetworkConnection) {
                    closeQuietly(connection);
                }
                throw e;
            }
        }

        private void bindServiceAccount(LdapConnection connection) throws LdapException {
            try {
                connection.bind(config.getName(), config.getCredentials());
            } catch (LdapOperationException refused) {
                throw new ConnectionSetupException(ConnectionSetupException.Stage.SERVICE_ACCOUNT_BIND, refused);
            }
        }
    }
}
