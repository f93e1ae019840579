package io.switchboard.media.sdp;

import gov.nist.javax.sdp.parser.SDPAnnounceParser;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Vector;
import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.Media;
import javax.sdp.MediaDescription;
import javax.sdp.SessionDescription;
import javax.sdp.SessionName;

/**
 * Turns a peer's session description into an {@link SdpDescription}: our limits and the lines we
 * rely on are checked first ({@link SdpPrecheck}), then javax.sdp splits the text into session
 * and media parts, whose values are checked again as we copy them. Stateless.
 *
 * <p>Every failure is a {@link MalformedSdpException}, including the exceptions javax.sdp throws
 * on input our checks let through.
 *
 * <p>NIST's parser is called directly rather than through {@code javax.sdp.SdpFactory}: libjitsi
 * brings org.opentelecoms' sdp-api, whose {@code javax.sdp} package comes first on the class
 * path and declares {@code SdpFactory} as an interface. The other {@code javax.sdp} types are
 * the same interfaces in both jars.
 */
final class SdpParser {

    SdpDescription parse(String text) throws MalformedSdpException {
        SdpPrecheck.Result checked = SdpPrecheck.check(text);
        SessionDescription parsed;
        try {
            parsed = new SDPAnnounceParser(checked.text()).parse();
            return convert(parsed, checked.origin());
        } catch (MalformedSdpException e) {
            throw e;
        } catch (ParseException | javax.sdp.SdpException | RuntimeException e) {
            throw new MalformedSdpException("the session description could not be parsed: " + e.getMessage(), e);
        }
    }

    private static SdpDescription convert(SessionDescription sdp, SdpOrigin origin)
            throws javax.sdp.SdpException, MalformedSdpException {
        SessionName name = sdp.getSessionName();
        Optional<SdpConnection> connection = connection(sdp.getConnection(), "the session's c= line");
        List<SdpAttribute> attributes = attributes(sdp.getAttributes(false), "session level");
        List<SdpMedia> media = new ArrayList<>();
        Vector<?> descriptions = sdp.getMediaDescriptions(false);
        if (descriptions != null) {
            for (Object item : descriptions) {
                media.add(media((MediaDescription) item, media.size()));
            }
        }
        SdpDescription description = new SdpDescription(origin, name == null ? "" : name.getValue(),
                connection, attributes, media);
        for (int i = 0; i < media.size(); i++) {
            SdpMedia stream = media.get(i);
            if (!stream.isRejected() && description.connectionOf(stream).isEmpty()) {
                throw new MalformedSdpException(SdpMedia.label(i, stream)
                        + " has no c= line and there is none at session level (RFC 4566 5.7)");
            }
        }
        return description;
    }

    private static SdpMedia media(MediaDescription description, int index)
            throws javax.sdp.SdpException, MalformedSdpException {
        Media media = description.getMedia();
        String where = "m-line " + (index + 1);
        Vector<?> formats = media.getMediaFormats(false);
        List<String> formatList = new ArrayList<>();
        if (formats != null) {
            for (Object format : formats) {
                formatList.add(String.valueOf(format));
            }
        }
        if (formatList.isEmpty()) {
            throw new MalformedSdpException(where + " has no formats");
        }
        int port = media.getMediaPort();
        if (port < 0 || port > 65_535) {
            throw new MalformedSdpException(where + ": port " + port + " is out of range 0..65535");
        }
        return new SdpMedia(media.getMediaType(), port, media.getProtocol(), formatList,
                connection(description.getConnection(), where + "'s c= line"),
                attributes(description.getAttributes(false), where));
    }

    private static Optional<SdpConnection> connection(Connection connection, String where)
            throws javax.sdp.SdpException, MalformedSdpException {
        if (connection == null) {
            return Optional.empty();
        }
        return Optional.of(SdpAddresses.parse(connection.getAddressType(), connection.getAddress(), where));
    }

    private static List<SdpAttribute> attributes(Vector<?> attributes, String where)
            throws javax.sdp.SdpException, MalformedSdpException {
        List<SdpAttribute> result = new ArrayList<>();
        if (attributes == null) {
            return result;
        }
        for (Object item : attributes) {
            Attribute attribute = (Attribute) item;
            String name = attribute.getName();
            if (name == null || name.isBlank()) {
                throw new MalformedSdpException(where + ": an a= line without an attribute name");
            }
            result.add(attribute.hasValue()
                    ? SdpAttribute.of(name, attribute.getValue() == null ? "" : attribute.getValue())
                    : SdpAttribute.property(name));
        }
        return result;
    }
}
