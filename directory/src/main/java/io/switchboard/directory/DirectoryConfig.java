package io.switchboard.directory;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the directory is and how to use it.
 *
 * @param host              the directory's host name (checked against its certificate with TLS)
 * @param port              389 for NONE/START_TLS, 636 for LDAPS by default
 * @param trusted           certificates trusted for TLS besides the JDK's own (e.g. a company CA,
 *                          or a test's self-signed one); empty: the JDK's trust store only
 * @param peopleBase        where people are found, e.g. {@code ou=people,dc=example,dc=com}
 * @param serviceAccount    a read-only account for search and sync; empty: anonymous search
 * @param operationTimeout  our limit for one operation, and the time limit sent with searches
 * @param sizeLimit         at most this many entries from one type-ahead search
 * @param pageSize          entries per page of a paged search (RFC 2696)
 * @param poolSize          at most this many connections held open
 */
public record DirectoryConfig(String host, int port, DirectorySecurity security, List<X509Certificate> trusted,
                              String peopleBase, AttributeProfile profile, Optional<ServiceAccount> serviceAccount,
                              Duration connectTimeout, Duration operationTimeout, int sizeLimit, int pageSize,
                              int poolSize) {

    /** A bind DN and its password, for search and sync. */
    public record ServiceAccount(String bindDn, char[] password) {
        public ServiceAccount {
            Objects.requireNonNull(bindDn, "bindDn");
            password = password.clone();
        }

        @Override
        public String toString() {
            return "ServiceAccount[" + bindDn + "]";
        }
    }

    public DirectoryConfig {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port);
        }
        Objects.requireNonNull(security, "security");
        trusted = List.copyOf(trusted);
        Objects.requireNonNull(peopleBase, "peopleBase");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        if (sizeLimit <= 0 || pageSize <= 0 || poolSize <= 0) {
            throw new IllegalArgumentException("sizeLimit, pageSize and poolSize must be positive");
        }
    }

    /** Plain LDAP to {@code host:port}, anonymous search, the usual limits. */
    public static DirectoryConfig of(String host, int port, String peopleBase, AttributeProfile profile) {
        return new DirectoryConfig(host, port, DirectorySecurity.NONE, List.of(), peopleBase, profile,
                Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10), 200, 500, 8);
    }

    public DirectoryConfig withSecurity(DirectorySecurity newSecurity, List<X509Certificate> newTrusted) {
        return new DirectoryConfig(host, port, newSecurity, newTrusted, peopleBase, profile, serviceAccount,
                connectTimeout, operationTimeout, sizeLimit, pageSize, poolSize);
    }

    public DirectoryConfig withServiceAccount(ServiceAccount account) {
        return new DirectoryConfig(host, port, security, trusted, peopleBase, profile, Optional.of(account),
                connectTimeout, operationTimeout, sizeLimit, pageSize, poolSize);
    }

    public DirectoryConfig withTimeouts(Duration connect, Duration operation) {
        return new DirectoryConfig(host, port, security, trusted, peopleBase, profile, serviceAccount, connect,
                operation, sizeLimit, pageSize, poolSize);
    }

    public DirectoryConfig withLimits(int newSizeLimit, int newPageSize, int newPoolSize) {
        return new DirectoryConfig(host, port, security, trusted, peopleBase, profile, serviceAccount,
                connectTimeout, operationTimeout, newSizeLimit, newPageSize, newPoolSize);
    }
}
