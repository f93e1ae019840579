package io.switchboard.xmpp.presence;

import java.io.IOException;

import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Parses {@code <availability xmlns='urn:switchboard:presence:0'/>}. Stateless. The element
 * comes from any peer, so it is read strictly: text only, at most {@value #MAX_TEXT} characters;
 * anything else is a parsing error, and the session's parsing callback then drops that one
 * stanza rather than the connection. An unknown value is kept and ignored (forward compatible).
 */
public final class AvailabilityExtensionProvider extends ExtensionElementProvider<AvailabilityExtension> {

    static final int MAX_TEXT = 32;

    @Override
    public AvailabilityExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException, SmackParsingException {
        StringBuilder text = new StringBuilder();
        while (true) {
            XmlPullParser.Event event = parser.next();
            switch (event) {
                case TEXT_CHARACTERS -> {
                    text.append(parser.getText());
                    if (text.length() > MAX_TEXT) {
                        throw new SmackParsingException("<availability/> text is longer than " + MAX_TEXT + " characters");
                    }
                }
                case START_ELEMENT -> throw new SmackParsingException(
                        "<availability/> must contain only text, found <" + parser.getName() + "/>");
                case END_ELEMENT -> {
                    if (parser.getDepth() == initialDepth) {
                        return AvailabilityExtension.parsed(text.toString());
                    }
                }
                case END_DOCUMENT -> throw new SmackParsingException("document ended inside <availability/>");
                default -> {
                    // comments, processing instructions, whitespace-only events: ignored
                }
            }
        }
    }
}
