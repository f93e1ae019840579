package io.switchboard.server.xcap;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.server.presence.PresenceAuthorization;
import io.switchboard.server.presence.WatcherDecisions;
import io.switchboard.server.store.RosterItem;
import io.switchboard.server.store.RosterStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.sip.presence.xcap.PresRule;
import io.switchboard.sip.presence.xcap.PresRules;
import io.switchboard.sip.presence.xcap.PresRulesParseException;
import io.switchboard.sip.presence.xcap.PresRulesParser;
import io.switchboard.sip.presence.xcap.PresRulesWriter;
import io.switchboard.sip.presence.xcap.SubHandling;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pres-rules application usage (RFC 5025 §9) over the roster store: a user's document is not
 * stored as written but is a view of the one authorisation the server keeps for both protocols
 * (ADR 0017, 0019) — one {@code allow} rule per watcher who may see the user (roster subscription
 * "from"/"both", or pre-approved), with id {@link PresRule#idFor}. Writing rules is answering
 * watchers through {@link WatcherDecisions}, the code path of an XMPP client's answer:
 * {@code allow} approves (or pre-approves), {@code block} and {@code polite-block} refuse,
 * {@code confirm} — and a watcher left out of a whole document — withdraws an approval. A refusal
 * leaves no rule behind: the server keeps no block list, a later request is asked again.
 *
 * <p>Writes of one owner are serialised, so an If-Match check and the write it guards are one step.
 */
final class PresRulesDocuments {

    private static final int LOCK_STRIPES = 64;

    private final RosterStore rosters;
    private final WatcherDecisions decisions;
    private final PresRulesParser parser;
    private final PresRulesWriter writer;
    private final Object[] locks = new Object[LOCK_STRIPES];

    PresRulesDocuments(RosterStore rosters, WatcherDecisions decisions, PresRulesParser parser,
                       PresRulesWriter writer) {
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.writer = Objects.requireNonNull(writer, "writer");
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** The owner's document as the roster allows it now. */
    PresRules current(Address owner) throws StoreException {
        List<PresRule> rules = rosters.items(owner.local()).stream()
                .filter(item -> PresenceAuthorization.allows(item) || item.preApproved())
                .map(RosterItem::contact)
                .sorted(Comparator.naturalOrder())
                .map(watcher -> PresRule.forWatcher(watcher.toSipUri(), SubHandling.ALLOW))
                .toList();
        return new PresRules(rules);
    }

    XcapResult get(Address owner, Optional<String> ruleId, boolean elementSelected) throws StoreException {
        PresRules rules = current(owner);
        String etag = etag(rules);
        if (ruleId.isEmpty()) {
            return XcapResult.ok(200, elementSelected ? PresRules.ELEMENT_CONTENT_TYPE : PresRules.CONTENT_TYPE,
                    writer.write(rules), etag);
        }
        return rules.rule(ruleId.get())
                .map(rule -> XcapResult.ok(200, PresRules.ELEMENT_CONTENT_TYPE, writer.writeRule(rule), etag))
                .orElseGet(() -> XcapResult.text(404, "no rule with id " + ruleId.get()));
    }

    /** PUT of the whole document (or of the ruleset element): the answers it gives, applied. */
    XcapResult putDocument(Address owner, byte[] body, Optional<String> ifMatch) throws StoreException {
        PresRules wanted;
        try {
            wanted = parser.parse(body);
        } catch (PresRulesParseException e) {
            return parseFailure(e);
        }
        Map<Address, SubHandling> answers = new LinkedHashMap<>();
        for (PresRule rule : wanted.rules()) {
            Optional<XcapResult> refused = unsupported(rule);
            if (refused.isPresent()) {
                return refused.get();
            }
            SubHandling handling = rule.subHandling().orElse(SubHandling.CONFIRM);
            for (String identity : rule.identities()) {
                // RFC 4745 §10: of several matching rules, the most permissive sub-handling wins
                answers.merge(watcher(identity).orElseThrow(), handling,
                        (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        synchronized (lockOf(owner)) {
            PresRules before = current(owner);
            Optional<XcapResult> precondition = precondition(before, ifMatch);
            if (precondition.isPresent()) {
                return precondition.get();
            }
            for (PresRule allowed : before.rules()) {
                Address watcher = watcher(allowed.identities().get(0)).orElseThrow();
                if (!answers.containsKey(watcher)) {
                    decisions.deny(owner, watcher);   // left out of the new document: no longer allowed
                }
            }
            for (Map.Entry<Address, SubHandling> answer : answers.entrySet()) {
                apply(owner, answer.getKey(), answer.getValue(), before);
            }
            return XcapResult.noBody(200, etag(current(owner)));
        }
    }

    /** PUT of one rule by node selector: the answer to its one watcher. */
    XcapResult putRule(Address owner, String selectedId, byte[] body, Optional<String> ifMatch) throws StoreException {
        PresRule rule;
        try {
            rule = parser.parseRule(body);
        } catch (PresRulesParseException e) {
            return parseFailure(e);
        }
        if (!rule.id().equals(selectedId)) {
            return XcapResult.conflict(XcapErrors.cannotInsert("the rule's id " + rule.id()
                    + " differs from the id " + selectedId + " in the node selector"));
        }
        Optional<XcapResult> refused = unsupported(rule);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (rule.identities().size() != 1) {
            return XcapResult.conflict(XcapErrors.constraintFailure("a rule written by node selector names exactly "
                    + "one watcher (<one id=...>)"));
        }
        String identity = rule.identities().get(0);
        Address watcher = watcher(identity).orElseThrow();
        String expectedId = PresRule.idFor(watcher.toSipUri());
        if (!expectedId.equals(rule.id())) {
            return XcapResult.conflict(XcapErrors.constraintFailure("this server names the rule about "
                    + watcher.toSipUri() + " " + expectedId + "; write it under that id"));
        }
        synchronized (lockOf(owner)) {
            PresRules before = current(owner);
            Optional<XcapResult> precondition = precondition(before, ifMatch);
            if (precondition.isPresent()) {
                return precondition.get();
            }
            apply(owner, watcher, rule.subHandling().orElse(SubHandling.CONFIRM), before);
            return XcapResult.noBody(before.rule(rule.id()).isPresent() ? 200 : 201, etag(current(owner)));
        }
    }

    /** DELETE of one rule (the watcher is no longer allowed) or of the document (nobody is). */
    XcapResult delete(Address owner, Optional<String> ruleId, Optional<String> ifMatch) throws StoreException {
        synchronized (lockOf(owner)) {
            PresRules before = current(owner);
            Optional<XcapResult> precondition = precondition(before, ifMatch);
            if (precondition.isPresent()) {
                return precondition.get();
            }
            List<PresRule> gone = ruleId.isEmpty() ? before.rules() : before.rule(ruleId.get()).stream().toList();
            if (ruleId.isPresent() && gone.isEmpty()) {
                return XcapResult.text(404, "no rule with id " + ruleId.get());
            }
            for (PresRule rule : gone) {
                decisions.deny(owner, watcher(rule.identities().get(0)).orElseThrow());
            }
            return XcapResult.noBody(200, etag(current(owner)));
        }
    }

    private void apply(Address owner, Address watcher, SubHandling handling, PresRules before)
            throws StoreException {
        if (watcher.equals(owner)) {
            return; // a user always sees themself
        }
        boolean allowedBefore = before.rule(PresRule.idFor(watcher.toSipUri())).isPresent();
        switch (handling) {
            case ALLOW -> {
                if (!allowedBefore) {
                    decisions.allow(owner, watcher);
                }
            }
            // polite-block would need a fake presence for the watcher: refused like block (ADR 0019)
            case BLOCK, POLITE_BLOCK -> decisions.deny(owner, watcher);
            case CONFIRM -> {
                if (allowedBefore) {
                    decisions.deny(owner, watcher);
                }
            }
        }
    }

    /** Rules this usage cannot enforce are refused, not half-enforced. */
    private Optional<XcapResult> unsupported(PresRule rule) {
        if (!rule.otherConditions().isEmpty()) {
            return Optional.of(XcapResult.conflict(XcapErrors.constraintFailure("rule " + rule.id()
                    + ": only <identity><one id=.../></identity> conditions are supported, not "
                    + String.join(", ", rule.otherConditions()))));
        }
        if (rule.identities().isEmpty()) {
            return Optional.of(XcapResult.conflict(XcapErrors.constraintFailure("rule " + rule.id()
                    + " names no watcher; this server answers watchers one by one")));
        }
        for (String identity : rule.identities()) {
            if (watcher(identity).isEmpty()) {
                return Optional.of(XcapResult.conflict(XcapErrors.constraintFailure("rule " + rule.id() + ": "
                        + identity + " is not a user address (sip:user@domain)")));
            }
        }
        return Optional.empty();
    }

    private static Optional<Address> watcher(String identity) {
        try {
            return Optional.of(Address.parse(identity));
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }

    private static XcapResult parseFailure(PresRulesParseException e) {
        return XcapResult.conflict(e.notWellFormed() ? XcapErrors.notWellFormed(e.getMessage())
                : XcapErrors.schemaValidationError(e.getMessage()));
    }

    private Optional<XcapResult> precondition(PresRules before, Optional<String> ifMatch) {
        if (ifMatch.isEmpty()) {
            return Optional.empty();
        }
        String current = etag(before);
        for (String tag : ifMatch.get().split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(current)) {
                return Optional.empty();
            }
        }
        return Optional.of(XcapResult.text(412, "the document changed (ETag now " + current + ")"));
    }

    /** A strong entity tag over the served bytes: equal documents, equal tags. */
    String etag(PresRules rules) {
        return EntityTags.of(writer.write(rules));
    }

    private Object lockOf(Address owner) {
        return locks[Math.floorMod(owner.hashCode(), locks.length)];
    }
}
