package io.switchboard.sip.message;

/** Told about received instant messages, on the user agent's event executor. */
@FunctionalInterface
public interface MessageListener {

    void messageReceived(PagerMessage message);
}
