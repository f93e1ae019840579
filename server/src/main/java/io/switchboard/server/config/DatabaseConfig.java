package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.nio.file.Path;

/**
 * Where users, rosters and offline messages live. An empty {@code url} means the embedded H2
 * database file under the data directory, so a first start needs nothing installed; a
 * {@code jdbc:postgresql://...} URL switches to PostgreSQL with the same schema.
 *
 * @param url             JDBC URL, or empty for the embedded H2 file
 * @param username        database user
 * @param password        database password
 * @param maximumPoolSize connections kept open by the pool
 */
public record DatabaseConfig(String url, String username, String password, int maximumPoolSize) {

    /** File name (without H2's {@code .mv.db} suffix) of the embedded database in the data directory. */
    public static final String EMBEDDED_FILE_NAME = "switchboard";

    public DatabaseConfig {
        url = url == null ? "" : url.strip();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    public static DatabaseConfig defaults() {
        return new DatabaseConfig("", "sa", "", 8);
    }

    @JsonIgnore
    public boolean isEmbedded() {
        return url.isEmpty();
    }

    /**
     * The JDBC URL to connect to. For the embedded file: we close the database ourselves on
     * shutdown (DB_CLOSE_ON_EXIT=FALSE), otherwise H2's own shutdown hook may close it under
     * the server's feet while it is still stopping.
     */
    public String jdbcUrl(Path dataDirectory) {
        if (!isEmbedded()) {
            return url;
        }
        String file = dataDirectory.toAbsolutePath().resolve(EMBEDDED_FILE_NAME).toString().replace('\\', '/');
        return "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
