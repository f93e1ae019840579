package io.switchboard.server.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work run by {@link Database#inTransaction} on one connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
