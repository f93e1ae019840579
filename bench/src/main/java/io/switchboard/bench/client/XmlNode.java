package io.switchboard.bench.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deliberately small element tree for the load client: enough to read stream features, SASL
 * results, iq results, roster items and presence. Not the server's XmlElement on purpose: the
 * bench must measure any XMPP server without depending on ours.
 */
public final class XmlNode {

    private final String name;
    private final String namespace;
    private final Map<String, String> attributes;
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    public XmlNode(String name, String namespace, Map<String, String> attributes) {
        this.name = name;
        this.namespace = namespace == null ? "" : namespace;
        this.attributes = attributes.isEmpty() ? Map.of() : new HashMap<>(attributes);
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public String attribute(String attributeName) {
        return attributes.get(attributeName);
    }

    public List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    public String text() {
        return text.toString();
    }

    public Optional<XmlNode> child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public Optional<XmlNode> child(String childName, String childNamespace) {
        for (XmlNode c : children) {
            if (c.name.equals(childName) && c.namespace.equals(childNamespace)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public String childText(String childName) {
        return child(childName).map(XmlNode::text).orElse(null);
    }

    void addChild(XmlNode child) {
        children.add(child);
    }

    void appendText(char[] chars, int start, int length) {
        text.append(chars, start, length);
    }

    @Override
    public String toString() {
        return "<" + name + " xmlns='" + namespace + "' " + attributes + " children=" + children.size() + ">";
    }
}
