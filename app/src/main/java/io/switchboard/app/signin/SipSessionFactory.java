package io.switchboard.app.signin;

import io.switchboard.app.sip.LocalSipAddress;
import io.switchboard.app.sip.SipBuddyListKeeper;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ServiceException;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.client.SipPhoneLine;
import io.switchboard.sip.stack.SipStackException;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Production SIP sessions: a {@link SipClientSession} bound to the local address that routes to
 * the primary proxy, with the buddy list restored from disk and kept saved.
 */
public final class SipSessionFactory {

    private final SipStackFactory stacks;
    private final SipUserAgentSettings settings;
    private final Function<SipAccount, String> localHost;
    private final Clock clock;
    private final SipBuddyListKeeper buddies;

    /** Binds where the route to the primary proxy starts. */
    public SipSessionFactory(SipStackFactory stacks, SipUserAgentSettings settings, Clock clock,
                             SipBuddyListKeeper buddies) {
        this(stacks, settings, account -> LocalSipAddress.towards(account.primary()), clock, buddies);
    }

    /** @param localHost the address to bind for an account (tests: loopback) */
    public SipSessionFactory(SipStackFactory stacks, SipUserAgentSettings settings,
                             Function<SipAccount, String> localHost, Clock clock, SipBuddyListKeeper buddies) {
        this.stacks = Objects.requireNonNull(stacks, "stacks");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.localHost = Objects.requireNonNull(localHost, "localHost");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.buddies = Objects.requireNonNull(buddies, "buddies");
    }

    /** @throws ServiceException when the local SIP stack cannot start (no port to bind) */
    public ClientSession create(SipAccount account) throws ServiceException {
        SipClientSession session;
        try {
            session = new SipClientSession(stacks, account, settings.withLocalHost(localHost.apply(account)), clock);
        } catch (SipStackException e) {
            throw new ServiceException("SIP could not be started on this computer: " + e.getMessage(), e);
        }
        // the registration lives as long as the session's contact list: both end with the session
        buddies.restore(account.address(), session.contacts());
        return session;
    }

    /**
     * The phone line of an account signed in over XMPP: the same stack and settings as a SIP
     * sign-in, bound the same way, but only registered for calls (no presence, no buddy list).
     *
     * @throws ServiceException when the local SIP stack cannot start (no port to bind)
     */
    public SipPhoneLine phoneLine(SipAccount account) throws ServiceException {
        try {
            return new SipPhoneLine(stacks, account, settings.withLocalHost(localHost.apply(account)));
        } catch (SipStackException e) {
            throw new ServiceException("SIP could not be started on this computer: " + e.getMessage(), e);
        }
    }
}
