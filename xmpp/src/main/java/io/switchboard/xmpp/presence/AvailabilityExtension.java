package io.switchboard.xmpp.presence;

import io.switchboard.core.model.Availability;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javax.xml.namespace.QName;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * Switchboard's rich availability as a presence child:
 * {@code <availability xmlns='urn:switchboard:presence:0'>on-the-phone</availability>}.
 * XMPP's {@code <show/>} has only four values; two Switchboard clients read this element to
 * see each other's exact state, while every other client still sees the closest {@code show}.
 */
public final class AvailabilityExtension implements ExtensionElement {

    public static final String ELEMENT = "availability";
    public static final String NAMESPACE = "urn:switchboard:presence:0";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    /** The wire values; OFFLINE has none because it is unavailable presence, not a state. */
    public enum Value {
        AVAILABLE("available", Availability.AVAILABLE),
        AWAY("away", Availability.AWAY),
        IDLE("idle", Availability.IDLE),
        BUSY("busy", Availability.BUSY),
        ON_THE_PHONE("on-the-phone", Availability.ON_THE_PHONE),
        IN_A_MEETING("in-a-meeting", Availability.IN_A_MEETING),
        OUT_OF_OFFICE("out-of-office", Availability.OUT_OF_OFFICE),
        DO_NOT_DISTURB("dnd", Availability.DO_NOT_DISTURB);

        private final String wire;
        private final Availability availability;

        Value(String wire, Availability availability) {
            this.wire = wire;
            this.availability = availability;
        }

        public String wire() {
            return wire;
        }

        public Availability availability() {
            return availability;
        }

        public static Optional<Value> fromWire(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(v -> v.wire.equals(t)).findFirst();
        }

        public static Value of(Availability availability) {
            return Arrays.stream(values()).filter(v -> v.availability == availability).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(availability + " has no wire value"));
        }
    }

    private final String wire;
    private final Optional<Value> value;

    public AvailabilityExtension(Value value) {
        this.value = Optional.of(value);
        this.wire = value.wire();
    }

    /**
     * As received. A value this version does not know (a later Switchboard may add states) is
     * kept but ignored, so the peer's {@code show} still counts.
     */
    public static AvailabilityExtension parsed(String wireText) {
        return new AvailabilityExtension(wireText.strip());
    }

    private AvailabilityExtension(String wire) {
        this.wire = Objects.requireNonNull(wire, "wire");
        this.value = Value.fromWire(wire);
    }

    public static AvailabilityExtension of(Availability availability) {
        return new AvailabilityExtension(Value.of(availability));
    }

    /** The extension of a received presence, if it carried one we understood. */
    public static Optional<AvailabilityExtension> from(Presence presence) {
        return presence.getExtensionElement(ELEMENT, NAMESPACE) instanceof AvailabilityExtension a
                ? Optional.of(a) : Optional.empty();
    }

    public Optional<Value> value() {
        return value;
    }

    /** Empty when the peer sent a value this version does not know. */
    public Optional<Availability> availability() {
        return value.map(Value::availability);
    }

    public String wire() {
        return wire;
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
        return new XmlStringBuilder(this, enclosingNamespace).rightAngleBracket().escape(wire).closeElement(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvailabilityExtension other && other.wire.equals(wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return "AvailabilityExtension[" + wire + "]";
    }
}
