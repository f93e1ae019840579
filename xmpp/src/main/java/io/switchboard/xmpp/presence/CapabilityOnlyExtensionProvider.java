package io.switchboard.xmpp.presence;

import java.io.IOException;

import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code <capability-only xmlns='urn:switchboard:presence:0'/>}. Stateless. A marker: any
 * child element is a parsing error (the stanza is dropped, not the connection); text is ignored.
 * Registered so Smack does not fall back to its generic provider, which trips over the default
 * namespace declaration of an unknown element when assertions are on.
 */
public final class CapabilityOnlyExtensionProvider extends ExtensionElementProvider<CapabilityOnlyExtension> {

    @Override
    public CapabilityOnlyExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        while (true) {
            switch (parser.next()) {
                case START_ELEMENT -> throw new SmackParsingException(
                        "<capability-only/> must be empty, found <" + parser.getName() + "/>");
                case END_ELEMENT -> {
                    if (parser.getDepth() == initialDepth) {
                        return CapabilityOnlyExtension.INSTANCE;
                    }
                }
                case END_DOCUMENT -> throw new SmackParsingException("document ended inside <capability-only/>");
                default -> {
                    // text, comments, whitespace: a marker has no content worth reading
                }
            }
        }
    }
}
