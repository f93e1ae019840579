package io.switchboard.app.directory;

import io.switchboard.core.service.NoResponseException;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.PeerRefusedException;

/** What to tell the user when the company directory fails, by the kind of failure. */
public final class DirectoryErrors {

    private DirectoryErrors() {
    }

    /** A sentence for the search box or the contact card; never a stack trace. */
    public static String describe(Exception failure, String url) {
        if (failure instanceof NotConnectedException) {
            return "The directory at " + url + " cannot be reached.";
        }
        if (failure instanceof NoResponseException) {
            return "The directory at " + url + " did not answer in time.";
        }
        if (failure instanceof PeerRefusedException) {
            // the directory client's messages already say where and what ("The directory at host:port …")
            String message = String.valueOf(failure.getMessage());
            return message.startsWith("The directory") ? message
                    : "The directory at " + url + " refused the search: " + message;
        }
        return "The directory search failed: " + failure.getMessage();
    }
}
