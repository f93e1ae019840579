package io.switchboard.xmpp.presence;

import javax.xml.namespace.QName;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * {@code <capability-only xmlns='urn:switchboard:presence:0'/>}: the Switchboard server marks a
 * resource it relays from another protocol that only says the person can be called (a SIP phone
 * that is registered but publishes nothing, ADR 0014 step 4). Such a device must not speak for
 * the person's availability over a status they set elsewhere (core's {@code PresenceComposer}).
 */
public final class CapabilityOnlyExtension implements ExtensionElement {

    public static final String ELEMENT = "capability-only";
    public static final String NAMESPACE = AvailabilityExtension.NAMESPACE;
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);
    public static final CapabilityOnlyExtension INSTANCE = new CapabilityOnlyExtension();

    private CapabilityOnlyExtension() {
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        return new XmlStringBuilder(this, enclosingNamespace).closeEmptyElement();
    }
}
