package io.switchboard.app.chat;

/** Opens a link of a message in the user's browser or XMPP handler. Injected so tests need no browser. */
@FunctionalInterface
public interface LinkOpener {

    /** May block; called off the UI thread. Throws when the desktop cannot open it. */
    void open(String url) throws Exception;
}
