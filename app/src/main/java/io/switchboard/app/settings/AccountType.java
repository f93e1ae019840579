package io.switchboard.app.settings;

/** The protocol of the account the user signs in with. */
public enum AccountType {
    /** XMPP (RFC 6120/6121): roster and presence kept by the server. */
    XMPP("XMPP"),
    /** SIP/SIMPLE (RFC 3261, 3856, 3428): registrar/proxy, presence by PUBLISH/SUBSCRIBE, pager-mode IM. */
    SIP("SIP/SIMPLE");

    private final String label;

    AccountType(String label) {
        this.label = label;
    }

    /** The name shown to the user. */
    public String label() {
        return label;
    }
}
