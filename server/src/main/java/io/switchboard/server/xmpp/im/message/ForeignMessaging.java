package io.switchboard.server.xmpp.im.message;

import io.switchboard.core.model.Address;
import io.switchboard.server.xmpp.xml.XmlElement;

/**
 * A user's devices on another protocol (SIP) as seen by XMPP message routing: the IM gateway
 * (ADR 0016) implements it, so this package needs nothing of SIP. Implementations are
 * thread-safe and never block on the network.
 */
public interface ForeignMessaging {

    /** No other protocol: XMPP routing stays as RFC 6121 has it. */
    ForeignMessaging NONE = new ForeignMessaging() {
        @Override
        public boolean reachable(Address user) {
            return false;
        }

        @Override
        public void deliver(Address recipient, XmlElement message, Runnable undelivered) {
            undelivered.run();
        }
    };

    /** Whether {@code user} has devices that take messages there now. */
    boolean reachable(Address user);

    /**
     * Sends {@code message} (a stamped chat or normal message, or a standalone chat state) to
     * every such device of {@code recipient}. When none takes a message with a body (refusals,
     * timeout), {@code undelivered} runs once, on some other thread, so the caller can store it
     * instead of losing it; chat states are best effort and never handed back.
     */
    void deliver(Address recipient, XmlElement message, Runnable undelivered);
}
