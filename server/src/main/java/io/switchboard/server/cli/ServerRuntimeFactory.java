package io.switchboard.server.cli;

import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.store.jdbc.Database;
import io.switchboard.server.tls.CertificateManager;

/**
 * Builds the server from the platform parts the launcher prepared. The production factory is
 * {@code SwitchboardServer::create}; tests pass their own.
 */
@FunctionalInterface
public interface ServerRuntimeFactory {

    ServerRuntime create(ServerConfig config, Database database, CertificateManager certificates) throws Exception;
}
