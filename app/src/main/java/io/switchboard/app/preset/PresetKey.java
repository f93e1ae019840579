package io.switchboard.app.preset;

import java.util.Arrays;
import java.util.Optional;

/** A setting IT can preset (and lock) in the system-wide client configuration file, by its key there. */
public enum PresetKey {
    /** XMPP server: a domain or host:port, as in the sign-in form. */
    SERVER("server"),
    /** The users' domain: a bare user name in the form means user@domain. */
    DOMAIN("domain"),
    /** xmpp or sip. */
    ACCOUNT_TYPE("account-type"),
    /** SIP primary proxy: host[:port][;transport=udp|tcp|tls]. */
    SIP_PROXY("sip.proxy"),
    /** softphone or desk-phone. */
    CALL_MODE("call-mode"),
    /** The desk phone's line, e.g. 1001. */
    DESK_LINE("desk-line"),
    /** XMPP accounts' phone server: host[:port][;transport=udp|tcp|tls]. */
    PHONE_PROXY("phone-proxy"),
    /** SHA-256 fingerprint of the preset server's certificate, which IT vouches for. */
    TRUST_FINGERPRINT("trust-fingerprint");

    private final String key;

    PresetKey(String key) {
        this.key = key;
    }

    /** As written in the file. */
    public String key() {
        return key;
    }

    public static Optional<PresetKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
