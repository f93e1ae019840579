package io.switchboard.sip.presence.pidf;

/** The XML namespaces of PIDF and the extensions this codec understands. */
public final class PidfNamespaces {

    /** RFC 3863. */
    public static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    /** RFC 4479 data model: person, device, deviceID. */
    public static final String DATA_MODEL = "urn:ietf:params:xml:ns:pidf:data-model";
    /** RFC 4480 rich presence. */
    public static final String RPID = "urn:ietf:params:xml:ns:pidf:rpid";
    /** Switchboard's exact availability, the namespace ADR 0009 uses for XMPP too. */
    public static final String SWITCHBOARD = "urn:switchboard:presence:0";

    private PidfNamespaces() {
    }
}
