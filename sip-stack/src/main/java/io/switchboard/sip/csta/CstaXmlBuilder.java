package io.switchboard.sip.csta;

/**
 * Appends CSTA XML: the declaration, a root in the ECMA-323 edition 3 namespace, and elements whose
 * text is always escaped. Small on purpose: CSTA documents have no attributes and no mixed content.
 */
final class CstaXmlBuilder {

    private final StringBuilder xml = new StringBuilder(256);
    private final String root;

    CstaXmlBuilder(String root) {
        this.root = root;
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root)
                .append(" xmlns=\"").append(CstaNamespaces.WRITTEN).append("\">");
    }

    CstaXmlBuilder open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    CstaXmlBuilder close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    CstaXmlBuilder empty(String name) {
        xml.append('<').append(name).append("/>");
        return this;
    }

    CstaXmlBuilder text(String name, String text) {
        open(name);
        escape(text);
        return close(name);
    }

    /** The finished document; an empty root is written as {@code <Root ...></Root>}. */
    String end() {
        return xml.append("</").append(root).append(">").toString();
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> xml.append(c);
            }
        }
    }
}
