package io.switchboard.server.xmpp.im.presence;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.DevicePresence;
import io.switchboard.core.model.Presence;
import io.switchboard.server.store.StoreException;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.im.StanzaException;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows devices that other protocols feed into the {@link PresenceEngine} (a SIP phone's PUBLISH)
 * to XMPP contacts, as resources of their user ({@code alice@example.com/sip:deskphone}), so an
 * XMPP watcher sees the same devices the one composed presence is made of. Listens to the engine
 * (called on its serial executor, off the network threads) and hands the current set to
 * {@link PresenceManager#foreignDevices}, which sends what changed.
 */
public final class ForeignDeviceRelay implements ComposedPresenceListener {

    private static final Logger LOG = LoggerFactory.getLogger(ForeignDeviceRelay.class);

    private final PresenceManager presence;
    private final XmppPresenceMapper mapper = new XmppPresenceMapper();

    public ForeignDeviceRelay(PresenceManager presence) {
        this.presence = Objects.requireNonNull(presence, "presence");
    }

    @Override
    public void composedPresenceChanged(Address user, Presence composed) {
        Map<String, XmlElement> devices = new LinkedHashMap<>();
        for (DevicePresence device : composed.devices()) {
            if (PresenceEngine.isForeignDevice(device.deviceId())) {
                devices.put(device.deviceId(), mapper.toStanza(Jid.of(user, device.deviceId()), device));
            }
        }
        try {
            presence.foreignDevices(user, devices);
        } catch (StoreException | StanzaException | RuntimeException e) {
            LOG.warn("Could not show {}'s devices of other protocols to XMPP contacts: {}", user, e.toString());
        }
    }
}
