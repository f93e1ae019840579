package io.switchboard.server.cti;

import io.switchboard.core.model.Address;
import io.switchboard.server.cti.calls.ThirdPartyCallControl;
import io.switchboard.server.sip.SipUsers;
import io.switchboard.server.sip.proxy.CallAnchor;
import io.switchboard.server.sip.proxy.ProxyProcessor;
import io.switchboard.server.sip.proxy.TrustedSources;
import io.switchboard.server.sip.registrar.LocationService;
import io.switchboard.server.sip.transport.RequestProcessor;
import io.switchboard.server.sip.transport.SipMessaging;
import io.switchboard.server.store.DeskLineStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.stack.SipStackException;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipAccount;
import io.switchboard.sip.ua.SipProxy;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CTI gateway (ECMA TR/87 uaCSTA over SIP, RFC 3725 third-party call control): clients'
 * sessions on the server's SIP port, and the gateway's own user agent on loopback that places and
 * anchors desk lines' calls through the server's proxy, which trusts it. Composed by SipServices;
 * started once the SIP listener runs.
 */
public final class CtiGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CtiGateway.class);

    private final String domain;
    private final TrustedSources trusted;
    private final CstaService service;
    private final CtiSessions sessions;
    private final ProxyProcessor proxy;
    private final DeskLineStore lines;
    private final LocationService locations;
    private volatile ThirdPartyCallControl calls;

    private CtiGateway(String domain, TrustedSources trusted, CstaService service, CtiSessions sessions,
                       ProxyProcessor proxy, DeskLineStore lines, LocationService locations) {
        this.domain = domain;
        this.trusted = trusted;
        this.service = service;
        this.sessions = sessions;
        this.proxy = proxy;
        this.lines = lines;
        this.locations = locations;
    }

    public static CtiGateway create(SipMessaging messaging, SipUsers sipUsers, ProxyProcessor proxy,
                                    TrustedSources trusted, DeskLineStore lines, LocationService locations,
                                    String domain) {
        DeskDevices devices = new DeskDevices(domain);
        CstaService service = new CstaService(lines, locations, devices);
        CtiSessions sessions = new CtiSessions(messaging, sipUsers, proxy, service, new CstaEvents(devices),
                CtiLimits.DEFAULTS);
        return new CtiGateway(domain, Objects.requireNonNull(trusted, "trusted"), service, sessions, proxy, lines,
                locations);
    }

    /** INVITEs to {@code sip:cti@domain} open sessions; others go on to {@code next}. */
    public RequestProcessor invites(RequestProcessor next) {
        return sessions.invites(next);
    }

    /** Requests in CTI sessions are taken here; others go on to {@code next}. */
    public RequestProcessor inDialog(RequestProcessor next) {
        return sessions.inDialog(next);
    }

    /**
     * Starts the gateway's user agent on loopback, routed through the proxy at {@code sipHost:sipPort}
     * over UDP, and trusts it there.
     */
    public void start(String sipHost, int sipPort) throws SipStackException {
        // the agent never registers or authenticates: a password nobody knows keeps it that way
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        SipAccount account = SipAccount.of(Address.of(CtiSessions.GATEWAY_USER, domain),
                Base64.getEncoder().encodeToString(secret), new SipProxy(proxyHost(sipHost), sipPort, SipTransport.UDP));
        SipUserAgent agent = SipUserAgent.start(new SipStackFactory(), account,
                SipUserAgentSettings.defaults().withLocalHost("127.0.0.1"));
        ThirdPartyCallControl control = new ThirdPartyCallControl(agent, domain, this::ownerOf, sessions);
        trusted.trust(control.agentSource());
        service.callControl(control);
        calls = control;
        proxy.anchorCallsWith(line -> anchorFor(control, line));
        LOG.info("CTI gateway at sip:{}@{}, its call control on {}", CtiSessions.GATEWAY_USER, domain,
                control.agentSource());
    }

    /**
     * Calls to a desk line are anchored here while a user monitors it (or its do-not-disturb is
     * on), so that they can be answered and driven from the client; a line nobody monitors rings
     * its phone directly, and a phone that is not registered gets the proxy's usual 480.
     */
    private Optional<String> anchorFor(ThirdPartyCallControl control, String line) {
        boolean controlled = sessions.isMonitored(line) || control.isDoNotDisturb(line);
        return controlled && !locations.bindings(line).isEmpty() ? Optional.of(control.anchorContact(line))
                : Optional.empty();
    }

    private Optional<Address> ownerOf(String line) {
        try {
            return lines.owner(line).map(owner -> Address.of(owner, domain));
        } catch (StoreException e) {
            LOG.warn("Cannot look up the owner of desk line {}: {}", line, e.getMessage());
            return Optional.empty();
        }
    }

    /** The server listens on every address: its own agent reaches it on loopback. */
    private static String proxyHost(String sipHost) {
        return "0.0.0.0".equals(sipHost) || "::".equals(sipHost) ? "127.0.0.1" : sipHost;
    }

    public int sessionCount() {
        return sessions.sessionCount();
    }

    public int monitorCount() {
        return sessions.monitorCount();
    }

    public int activeCalls() {
        ThirdPartyCallControl current = calls;
        return current == null ? 0 : current.activeCalls();
    }

    @Override
    public void close() {
        sessions.closeAll();
        ThirdPartyCallControl current = calls;
        calls = null;
        proxy.anchorCallsWith(CallAnchor.NONE);
        if (current != null) {
            trusted.forget(current.agentSource());
            current.close();
        }
    }
}
