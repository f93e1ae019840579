package io.switchboard.sip.presence.xcap;

import java.util.List;
import java.util.Optional;

/**
 * A pres-rules document (RFC 5025): a {@code <cr:ruleset>} of {@link PresRule}s.
 *
 * <p>Namespaces and XCAP constants of the application usage (RFC 5025 §9) live here too.
 */
public record PresRules(List<PresRule> rules) {

    /** RFC 4745 common policy: ruleset, rule, conditions, identity, one, actions, transformations. */
    public static final String COMMON_POLICY = "urn:ietf:params:xml:ns:common-policy";
    /** RFC 5025: sub-handling and the provide-* transformations. */
    public static final String PRES_RULES = "urn:ietf:params:xml:ns:pres-rules";
    /** The XCAP application unique id (RFC 5025 §9). */
    public static final String AUID = "pres-rules";
    /** The MIME type of a whole document (RFC 5025 §9). */
    public static final String CONTENT_TYPE = "application/auth-policy+xml";
    /** The MIME type of one element addressed by a node selector. */
    public static final String ELEMENT_CONTENT_TYPE = "application/xcap-el+xml";

    public PresRules {
        rules = List.copyOf(rules);
    }

    public static PresRules empty() {
        return new PresRules(List.of());
    }

    public Optional<PresRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
