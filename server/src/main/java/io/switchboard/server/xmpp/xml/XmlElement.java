package io.switchboard.server.xmpp.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An XML element as the server handles it: a stanza or one of its children, parsed from the
 * client's stream or built for sending. Immutable; build with {@link #builder}. Children are
 * elements and text in document order. Namespaces are resolved: {@link #namespace()} is the
 * element's namespace URI whether it was declared on the element or inherited; serialisation
 * writes {@code xmlns} only where it differs from the parent's.
 */
public final class XmlElement {

    private final String name;
    private final String namespace;
    private final Map<String, String> attributes;
    private final List<Object> children;

    private XmlElement(String name, String namespace, Map<String, String> attributes, List<Object> children) {
        this.name = name;
        this.namespace = namespace;
        this.attributes = attributes;
        this.children = children;
    }

    public static Builder builder(String name, String namespace) {
        return new Builder(name, namespace);
    }

    /** Local name, e.g. {@code message}. */
    public String name() {
        return name;
    }

    /** Namespace URI, e.g. {@code jabber:client}; empty string for none. */
    public String namespace() {
        return namespace;
    }

    public boolean is(String elementName, String elementNamespace) {
        return name.equals(elementName) && namespace.equals(elementNamespace);
    }

    /** Attributes by qualified name ({@code to}, {@code xml:lang}), in document order. */
    public Map<String, String> attributes() {
        return attributes;
    }

    public String attr(String attributeName) {
        return attributes.get(attributeName);
    }

    public Optional<String> optAttr(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    /** Child elements and text strings in document order. */
    public List<Object> nodes() {
        return children;
    }

    public List<XmlElement> elements() {
        List<XmlElement> out = new ArrayList<>();
        for (Object c : children) {
            if (c instanceof XmlElement e) {
                out.add(e);
            }
        }
        return out;
    }

    public Optional<XmlElement> child(String childName, String childNamespace) {
        for (Object c : children) {
            if (c instanceof XmlElement e && e.is(childName, childNamespace)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** First child with this name in this element's own namespace. */
    public Optional<XmlElement> child(String childName) {
        return child(childName, namespace);
    }

    public Optional<String> childText(String childName) {
        return child(childName).map(XmlElement::text);
    }

    /** The concatenated text directly inside this element. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Object c : children) {
            if (c instanceof String s) {
                b.append(s);
            }
        }
        return b.toString();
    }

    /** A copy with one attribute set (or removed when {@code value} is null). */
    public XmlElement withAttribute(String attributeName, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        if (value == null) {
            copy.remove(attributeName);
        } else {
            copy.put(attributeName, value);
        }
        return new XmlElement(name, namespace, Collections.unmodifiableMap(copy), children);
    }

    /** A builder pre-filled with this element, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(name, namespace);
        b.attributes.putAll(attributes);
        b.children.addAll(children);
        return b;
    }

    /** Serialises as it would stand inside a parent of namespace {@code parentNamespace}. */
    public String toXml(String parentNamespace) {
        StringBuilder b = new StringBuilder(64);
        writeTo(b, parentNamespace);
        return b.toString();
    }

    /** Serialises with its namespace declared (a standalone document fragment). */
    public String toXml() {
        return toXml(null);
    }

    public void writeTo(StringBuilder out, String parentNamespace) {
        out.append('<').append(name);
        if (!namespace.equals(parentNamespace)) {
            out.append(" xmlns=\"");
            XmlEscape.attribute(namespace, out);
            out.append('"');
        }
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            out.append(' ').append(a.getKey()).append("=\"");
            XmlEscape.attribute(a.getValue(), out);
            out.append('"');
        }
        if (children.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Object c : children) {
            if (c instanceof XmlElement e) {
                e.writeTo(out, namespace);
            } else {
                XmlEscape.text((String) c, out);
            }
        }
        out.append("</").append(name).append('>');
    }

    @Override
    public String toString() {
        return toXml();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XmlElement e && e.name.equals(name) && e.namespace.equals(namespace)
                && e.attributes.equals(attributes) && e.children.equals(children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace, attributes, children);
    }

    /** Builds one element. Not thread-safe; the built element is. */
    public static final class Builder {
        private final String name;
        private final String namespace;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Object> children = new ArrayList<>();

        private Builder(String name, String namespace) {
            this.name = Objects.requireNonNull(name, "name");
            this.namespace = namespace == null ? "" : namespace;
        }

        /** Sets an attribute; a null value is ignored, so optional attributes chain cleanly. */
        public Builder attr(String attributeName, String value) {
            if (value != null) {
                attributes.put(attributeName, value);
            }
            return this;
        }

        public Builder child(XmlElement child) {
            children.add(Objects.requireNonNull(child, "child"));
            return this;
        }

        /** Adds an empty child element in the given namespace. */
        public Builder child(String childName, String childNamespace) {
            return child(new Builder(childName, childNamespace).build());
        }

        /** Adds a child element with text, in this element's namespace. */
        public Builder textChild(String childName, String text) {
            return child(new Builder(childName, namespace).text(text).build());
        }

        public Builder text(String text) {
            if (text != null && !text.isEmpty()) {
                children.add(text);
            }
            return this;
        }

        public Builder removeChildren(String childName, String childNamespace) {
            children.removeIf(c -> c instanceof XmlElement e && e.is(childName, childNamespace));
            return this;
        }

        public XmlElement build() {
            return new XmlElement(name, namespace,
                    Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
                    List.copyOf(children));
        }
    }
}
