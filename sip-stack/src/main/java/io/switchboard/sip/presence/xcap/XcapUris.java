package io.switchboard.sip.presence.xcap;

import io.switchboard.core.model.Address;
import java.net.URI;

/**
 * The URIs of a user's pres-rules document and of one rule in it (RFC 4825 §6, RFC 5025 §9:
 * {@code <root>/pres-rules/users/<xui>/index}, the XUI being the user's SIP URI). A rule is
 * addressed by the node selector {@code ~~/cr:ruleset/cr:rule[@id="..."]} with the {@code cr}
 * prefix bound in the query ({@code ?xmlns(cr=...)}, RFC 4825 §6.4). Stateless.
 */
public final class XcapUris {

    /** The document name RFC 5025 §9 gives every user's pres-rules. */
    public static final String DOCUMENT_NAME = "index";

    private XcapUris() {
    }

    /** {@code sip:alice@example.com}: the XCAP user identifier of an address of record. */
    public static String xui(Address user) {
        return user.toSipUri();
    }

    public static URI document(URI xcapRoot, Address user) {
        return URI.create(base(xcapRoot) + "/" + PresRules.AUID + "/users/" + xui(user) + "/" + DOCUMENT_NAME);
    }

    /** The rule with {@code ruleId}; the id must be an XML NCName such as {@link PresRule#idFor}'s. */
    public static URI rule(URI xcapRoot, Address user, String ruleId) {
        if (!ruleId.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("not a rule id this client writes: " + ruleId);
        }
        return URI.create(document(xcapRoot, user) + "/~~/cr:ruleset/cr:rule%5b@id=%22" + ruleId + "%22%5d"
                + "?xmlns(cr=" + PresRules.COMMON_POLICY + ")");
    }

    private static String base(URI xcapRoot) {
        String root = xcapRoot.toString();
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }
}
