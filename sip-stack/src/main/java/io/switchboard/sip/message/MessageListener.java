package io.switchboard.sip.message;

/** Told about received instant messages, on the user agent's event executor. */
@FunctionalInterface
public interface MessageListener {

    void messageReceived(PagerMessage message);

    /** An RFC 3994 is-composing indication from {@code from}: the peer started or stopped typing. */
    default void composingReceived(io.switchboard.core.model.Address from, IsComposing indication) {
    }
}
