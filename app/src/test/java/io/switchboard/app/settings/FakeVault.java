package io.switchboard.app.settings;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A password store in memory, which can be told to fail. */
public final class FakeVault implements CredentialVault {

    public final Map<String, String> stored = new ConcurrentHashMap<>();
    public volatile CredentialVaultException failure;

    @Override
    public String description() {
        return "the test vault";
    }

    @Override
    public void store(String account, char[] password) throws CredentialVaultException {
        failIfTold();
        stored.put(account, new String(password));
    }

    @Override
    public Optional<char[]> load(String account) throws CredentialVaultException {
        failIfTold();
        return Optional.ofNullable(stored.get(account)).map(String::toCharArray);
    }

    @Override
    public void delete(String account) throws CredentialVaultException {
        failIfTold();
        stored.remove(account);
    }

    private void failIfTold() throws CredentialVaultException {
        if (failure != null) {
            throw failure;
        }
    }
}
