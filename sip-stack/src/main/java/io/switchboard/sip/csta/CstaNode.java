package io.switchboard.sip.csta;

import java.util.List;
import java.util.Optional;

/**
 * One CSTA element as {@link CstaTreeReader} keeps it: its local name, its own text (stripped) and its
 * child elements in the document's CSTA namespace. CSTA messages are a few dozen elements, so reading them
 * into this small tree first keeps the per-service code in {@link CstaParser} declarative.
 */
record CstaNode(String name, String text, List<CstaNode> children) {

    CstaNode {
        children = List.copyOf(children);
    }

    /** The first child of that name. */
    Optional<CstaNode> child(String childName) {
        for (CstaNode child : children) {
            if (child.name.equals(childName)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** The first child of that name, or a {@link CstaParseException.Kind#MISSING_PARAMETER} naming it. */
    CstaNode required(String childName) throws CstaParseException {
        Optional<CstaNode> child = child(childName);
        if (child.isEmpty()) {
            throw new CstaParseException(CstaParseException.Kind.MISSING_PARAMETER,
                    name + " without " + childName, childName);
        }
        return child.get();
    }
}
