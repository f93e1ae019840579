package io.switchboard.server.xcap;

import io.switchboard.sip.presence.xcap.PresRules;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an XCAP request URI names (RFC 4825 §6): {@code <root>/pres-rules/users/<xui>/index}, the
 * whole document, optionally followed by {@code /~~/} and a node selector. This server's node
 * selectors are the ones a pres-rules client needs: the ruleset, and one rule by id,
 * {@code ruleset/rule[@id="..."]}. Unprefixed names are the usage's default namespace, common policy
 * (RFC 5025 §9); a prefix must be bound to it in the query ({@code ?xmlns(cr=...)}, RFC 4825
 * §6.4), except {@code cr}, accepted unbound because clients commonly send it so.
 *
 * @param xui          the XCAP user identifier, percent-decoded ({@code sip:alice@example.com})
 * @param documentName the document name ({@code index})
 * @param ruleId       the rule a node selector picks, or empty for the document (or the ruleset)
 */
record XcapTarget(String xui, String documentName, Optional<String> ruleId) {

    /** A request URI that names nothing this server serves, or is malformed. */
    static final class TargetException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        TargetException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static final String SELECTOR_SEPARATOR = "/~~";
    private static final Pattern XMLNS = Pattern.compile("xmlns\\(([A-Za-z_][A-Za-z0-9_.-]*)=([^)]*)\\)");
    private static final Pattern NAME = Pattern.compile("(?:([A-Za-z_][A-Za-z0-9_.-]*):)?([A-Za-z_][A-Za-z0-9_.-]*)");
    private static final Pattern RULE_STEP = Pattern.compile(
            "(?:([A-Za-z_][A-Za-z0-9_.-]*):)?rule\\[@id=(?:\"([^\"]*)\"|'([^']*)')\\]");

    XcapTarget {
        Objects.requireNonNull(xui, "xui");
        Objects.requireNonNull(documentName, "documentName");
        Objects.requireNonNull(ruleId, "ruleId");
    }

    /**
     * @param target   the raw request-target
     * @param rootPath the path of the XCAP root, e.g. {@code /xcap-root}
     * @throws TargetException 404 for what is not served here, 400 for what is malformed
     */
    static XcapTarget parse(String target, String rootPath) throws TargetException {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String rawQuery = query < 0 ? "" : target.substring(query + 1);
        if (!path.startsWith(rootPath + "/")) {
            throw new TargetException(404, "not under the XCAP root " + rootPath);
        }
        String rest = path.substring(rootPath.length() + 1);
        int selector = rest.indexOf(SELECTOR_SEPARATOR);
        String documentPath = selector < 0 ? rest : rest.substring(0, selector);
        String[] segments = documentPath.split("/", -1);
        if (segments.length != 4) {
            throw new TargetException(404, "expected " + rootPath + "/pres-rules/users/<xui>/index");
        }
        String auid = decode(segments[0]);
        if (!PresRules.AUID.equals(auid)) {
            throw new TargetException(404, "this XCAP server serves the pres-rules application usage only, not "
                    + auid);
        }
        if (!"users".equals(decode(segments[1]))) {
            throw new TargetException(404, "pres-rules has no global documents (RFC 5025 §9)");
        }
        String xui = decode(segments[2]);
        String documentName = decode(segments[3]);
        if (xui.isEmpty() || documentName.isEmpty()) {
            throw new TargetException(404, "empty XCAP user identifier or document name");
        }
        if (selector < 0) {
            if (!rawQuery.isEmpty()) {
                throw new TargetException(400, "a query is only meaningful with a node selector");
            }
            return new XcapTarget(xui, documentName, Optional.empty());
        }
        String node = decode(rest.substring(selector + SELECTOR_SEPARATOR.length()));
        return new XcapTarget(xui, documentName, ruleOf(node, namespaces(decode(rawQuery))));
    }

    private static Map<String, String> namespaces(String query) throws TargetException {
        Map<String, String> bindings = new HashMap<>();
        Matcher m = XMLNS.matcher(query);
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            bindings.put(m.group(1), m.group(2));
            end = m.end();
        }
        if (end != query.length()) {
            throw new TargetException(400, "the query must be xmlns(prefix=namespace) bindings (RFC 4825 §6.4)");
        }
        return bindings;
    }

    private static Optional<String> ruleOf(String node, Map<String, String> bindings) throws TargetException {
        if (node.isEmpty() || node.equals("/")) {
            throw new TargetException(404, "empty node selector");
        }
        if (!node.startsWith("/")) {
            throw new TargetException(404, "a node selector starts with /");
        }
        // rule ids are XML NCNames: no '/' inside a predicate this server could match
        String[] steps = node.substring(1).split("/", -1);
        Matcher root = NAME.matcher(steps[0]);
        if (!root.matches() || !root.group(2).equals("ruleset") || !isCommonPolicy(root.group(1), bindings)) {
            throw new TargetException(404, "no such element: the document's root is <ruleset> of common policy");
        }
        if (steps.length == 1) {
            return Optional.empty();
        }
        Matcher rule = RULE_STEP.matcher(steps[1]);
        if (steps.length != 2 || !rule.matches() || !isCommonPolicy(rule.group(1), bindings)) {
            throw new TargetException(404, "this server selects the ruleset or one rule[@id=\"...\"] only");
        }
        return Optional.of(rule.group(2) != null ? rule.group(2) : rule.group(3));
    }

    private static boolean isCommonPolicy(String prefix, Map<String, String> bindings) throws TargetException {
        if (prefix == null) {
            return true; // the usage's default namespace
        }
        String namespace = bindings.get(prefix);
        if (namespace == null) {
            if ("cr".equals(prefix)) {
                return true;
            }
            throw new TargetException(400, "prefix " + prefix + " is not bound; add ?xmlns(" + prefix + "=...)");
        }
        return PresRules.COMMON_POLICY.equals(namespace);
    }

    /** Strict percent-decoding to UTF-8 ('+' stays '+': it is a path, not a form). */
    static String decode(String raw) throws TargetException {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new TargetException(400, "truncated percent-escape in the request URI");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new TargetException(400, "bad percent-escape in the request URI");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new TargetException(400, "the request URI is not UTF-8");
        }
    }
}
