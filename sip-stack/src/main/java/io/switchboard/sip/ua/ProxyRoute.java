package io.switchboard.sip.ua;

import java.util.Objects;

/**
 * The proxy every request currently goes through: the primary, or the backup after a failover.
 * Switched by the registration manager, read by everyone who sends. Thread-safe.
 */
public final class ProxyRoute {

    private final SipProxy primary;
    private final SipProxy backup;
    private volatile SipProxy current;

    public ProxyRoute(SipProxy primary, SipProxy backup) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.backup = backup;
        this.current = primary;
    }

    public SipProxy current() {
        return current;
    }

    public SipProxy primary() {
        return primary;
    }

    /** The backup, or null when the account has none. */
    public SipProxy backup() {
        return backup;
    }

    public boolean onBackup() {
        return backup != null && current.equals(backup) && !backup.equals(primary);
    }

    /** The proxy to try when {@code failed} does not answer: the other one, or the same without a backup. */
    public SipProxy alternativeTo(SipProxy failed) {
        if (backup == null) {
            return primary;
        }
        return failed.equals(primary) ? backup : primary;
    }

    public void use(SipProxy proxy) {
        if (!proxy.equals(primary) && !proxy.equals(backup)) {
            throw new IllegalArgumentException(proxy + " is neither the primary nor the backup proxy");
        }
        current = proxy;
    }
}
