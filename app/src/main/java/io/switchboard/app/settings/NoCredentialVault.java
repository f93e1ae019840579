package io.switchboard.app.settings;

import java.util.Optional;

/** No secure store on this system: nothing is remembered, rather than anything in plain text. */
public final class NoCredentialVault implements CredentialVault {

    @Override
    public String description() {
        return "no secure password store";
    }

    @Override
    public boolean canRemember() {
        return false;
    }

    @Override
    public void store(String account, char[] password) {
        // deliberately nothing: a password is never kept unprotected
    }

    @Override
    public Optional<char[]> load(String account) {
        return Optional.empty();
    }

    @Override
    public void delete(String account) {
        // nothing was stored
    }
}
