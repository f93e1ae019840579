package io.switchboard.server.store.jdbc;

import io.switchboard.server.store.StoreException;

import java.nio.file.Path;

/** Opens real H2 database files in a test's temporary directory. */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static Database open(Path dir) throws StoreException {
        return Database.open("jdbc:h2:file:" + dir.resolve("switchboard").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                "sa", "", 4);
    }
}
