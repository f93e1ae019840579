package io.switchboard.app.signin;

import io.switchboard.core.service.ClientSession;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful sign-in, handed to the composition root.
 *
 * @param notice something the main window should tell the user (e.g. the password could not be remembered)
 */
public record SignedIn(ClientSession session, Optional<String> notice) {
    public SignedIn {
        Objects.requireNonNull(session, "session");
        notice = notice == null ? Optional.empty() : notice;
    }
}
