package io.switchboard.sip.presence.xcap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <cr:rule>} of a pres-rules document as far as this code acts on it: the watcher
 * identities it names ({@code <cr:identity><cr:one id="..."/>}), its sub-handling, and the
 * conditions it holds that are not plain identities ({@code <cr:many>}, {@code <cr:sphere>},
 * {@code <cr:validity>}, an {@code <cr:except>}...), by qualified name, so a server can refuse what
 * it cannot enforce instead of enforcing something else. Transformations are not kept: the
 * server gives an allowed watcher the whole presence (ADR 0019).
 *
 * @param id              the rule id (an XML ID, unique in the document)
 * @param identities      the watcher URIs of its {@code <one>} elements, as written
 * @param subHandling     the action, or empty when the rule has none (then it grants nothing)
 * @param otherConditions qualified names of conditions other than {@code identity/one}
 */
public record PresRule(String id, List<String> identities, Optional<SubHandling> subHandling,
                       List<String> otherConditions) {

    public PresRule {
        Objects.requireNonNull(id, "id");
        identities = List.copyOf(identities);
        Objects.requireNonNull(subHandling, "subHandling");
        otherConditions = List.copyOf(otherConditions);
    }

    /** A rule with one watcher identity and one action, under the id {@link #idFor} gives it. */
    public static PresRule forWatcher(String watcherUri, SubHandling subHandling) {
        return new PresRule(idFor(watcherUri), List.of(watcherUri), Optional.of(subHandling), List.of());
    }

    /**
     * The id of the rule about one watcher: {@code w} and 20 hex digits of the SHA-256 of the
     * lower-cased URI. A URI cannot be an XML ID itself (':' and '@'), and a derived id lets a
     * client address the rule of a watcher by node selector without reading the document first.
     */
    public static String idFor(String watcherUri) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(watcherUri.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "w" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
