package io.switchboard.bench.client;

import java.util.Objects;

/** One simulated user's credentials on the server under test. */
public record Account(int index, String username, String domain, String password) {

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(password, "password");
    }

    public String bareJid() {
        return username + "@" + domain;
    }
}
