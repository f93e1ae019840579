package io.switchboard.server.xmpp.sasl;

/**
 * The server side of one SASL exchange (RFC 4422) for one connection attempt.
 *
 * <p>Threading: {@link #evaluate} may block (it reads credentials from the store and runs
 * PBKDF2), so the stream layer calls it on an authentication worker, never on the event loop.
 * The calls of one exchange are made one after the other, each after the previous returned
 * (hand-offs through a {@code CompletableFuture} make the state visible to the next thread),
 * so implementations need no locking.
 */
public interface SaslMechanism {

    /** The registered mechanism name, e.g. {@code SCRAM-SHA-256}. */
    String name();

    /** Evaluates the client's next message (the initial response first; may be empty). */
    SaslStep evaluate(byte[] clientMessage);
}
