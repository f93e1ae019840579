package io.switchboard.sip.presence.winfo;

/** A watcher information body that is not acceptable: malformed, too large, with a DTD, or with values RFC 3858 does not define. */
public class WatcherInfoParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public WatcherInfoParseException(String message) {
        super(message);
    }

    public WatcherInfoParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
