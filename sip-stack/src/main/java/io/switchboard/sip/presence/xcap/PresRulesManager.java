package io.switchboard.sip.presence.xcap;

import io.switchboard.core.model.Address;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One user's presence authorisation rules on their XCAP server (RFC 5025 over RFC 4825): read
 * the document, and answer one watcher by writing the rule about them — {@code allow} to let them
 * see the user's presence, {@code block} to refuse — addressed by node selector, so the rest of
 * the document is never rewritten (two clients of one user answering different watchers cannot
 * overwrite each other). The rule id is {@link PresRule#idFor} of the watcher's URI.
 *
 * <pre>{@code
 * PresRulesManager rules = new PresRulesManager(xcapClient, URI.create("http://example.com:5062/xcap-root"),
 *         Address.of("alice", "example.com"));
 * rules.answer(Address.of("bob", "example.com"), SubHandling.ALLOW);
 * }</pre>
 *
 * Blocking calls, bounded by the client's timeout; thread-safe.
 */
public final class PresRulesManager {

    private final XcapClient client;
    private final URI xcapRoot;
    private final Address user;
    private final PresRulesParser parser;
    private final PresRulesWriter writer;

    public PresRulesManager(XcapClient client, URI xcapRoot, Address user, PresRulesParser parser,
                            PresRulesWriter writer) {
        this.client = Objects.requireNonNull(client, "client");
        this.xcapRoot = Objects.requireNonNull(xcapRoot, "xcapRoot");
        this.user = Objects.requireNonNull(user, "user");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    public PresRulesManager(XcapClient client, URI xcapRoot, Address user) {
        this(client, xcapRoot, user, new PresRulesParser(), new PresRulesWriter());
    }

    public URI xcapRoot() {
        return xcapRoot;
    }

    /** The user's whole document; an empty rule set when the server has none (404). */
    public PresRules fetch() throws XcapException {
        XcapResponse response = client.get(XcapUris.document(xcapRoot, user));
        if (response.status() == 404) {
            return PresRules.empty();
        }
        requireSuccess(response, "reading the presence rules");
        try {
            return parser.parse(response.body());
        } catch (PresRulesParseException e) {
            throw new XcapException(response.status(), "the XCAP server sent presence rules we cannot read: "
                    + e.getMessage());
        }
    }

    /**
     * Writes the rule about {@code watcher} with {@code handling}: {@link SubHandling#ALLOW} accepts
     * their watch request, {@link SubHandling#BLOCK} refuses it.
     */
    public void answer(Address watcher, SubHandling handling) throws XcapException {
        PresRule rule = PresRule.forWatcher(watcher.toSipUri(), handling);
        XcapResponse response = client.put(XcapUris.rule(xcapRoot, user, rule.id()), PresRules.ELEMENT_CONTENT_TYPE,
                writer.writeRule(rule));
        requireSuccess(response, (handling == SubHandling.ALLOW ? "accepting " : "refusing ") + watcher);
    }

    private static void requireSuccess(XcapResponse response, String what) throws XcapException {
        if (!response.isSuccess()) {
            String detail = new String(response.body(), 0, Math.min(response.body().length, 300),
                    StandardCharsets.UTF_8).strip();
            throw new XcapException(response.status(), what + " failed: the XCAP server answered "
                    + response.status() + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
    }
}
