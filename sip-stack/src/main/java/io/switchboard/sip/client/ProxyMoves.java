package io.switchboard.sip.client;

import io.switchboard.sip.register.RegistrationListener;
import io.switchboard.sip.register.RegistrationState;
import io.switchboard.sip.register.RegistrationStatus;
import io.switchboard.sip.ua.SipProxy;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tells when the registration moved to another proxy — failover to the backup or failback to the
 * primary — so the features whose state lives at the presence server behind a proxy (publication,
 * subscriptions) can set it up again there. The first registration is no move. Called on the
 * user agent's events executor, one status at a time, so the field needs no lock.
 */
final class ProxyMoves implements RegistrationListener {

    private final Consumer<SipProxy> moved;
    /** The proxy of the last REGISTERED status, or null before the first. */
    private SipProxy registeredAt;

    ProxyMoves(Consumer<SipProxy> moved) {
        this.moved = Objects.requireNonNull(moved, "moved");
    }

    @Override
    public void registrationChanged(RegistrationStatus status) {
        if (status.state() == RegistrationState.UNREGISTERED) {
            registeredAt = null;
            return;
        }
        if (status.state() != RegistrationState.REGISTERED) {
            return;
        }
        SipProxy left = registeredAt;
        registeredAt = status.proxy();
        if (left != null && !left.equals(status.proxy())) {
            moved.accept(left);
        }
    }
}
