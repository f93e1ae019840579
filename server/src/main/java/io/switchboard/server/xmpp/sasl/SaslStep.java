package io.switchboard.server.xmpp.sasl;

import java.util.Objects;

/** What a {@link SaslMechanism} answers to one client message. */
public sealed interface SaslStep {

    /** Send a challenge and wait for the client's response. */
    record Challenge(byte[] data) implements SaslStep {
        public Challenge {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * Authenticated as {@code username} (the normalised local part); {@code additionalData}
     * goes into {@code <success/>} (SCRAM's server signature), empty for none.
     */
    record Success(String username, byte[] additionalData) implements SaslStep {
        public Success {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(additionalData, "additionalData");
        }
    }

    /** Authentication failed; the exchange is over. */
    record Failure(SaslFailure condition) implements SaslStep {
        public Failure {
            Objects.requireNonNull(condition, "condition");
        }
    }
}
