package io.switchboard.server.xmpp.stream;

import io.switchboard.server.xmpp.session.StreamErrorCondition;
import io.switchboard.server.xmpp.xml.StreamHeader;

import java.util.Locale;
import java.util.Optional;

/** Checks a client's stream header against RFC 6120 §4.7–4.8 for a c2s stream to our domain. */
final class StreamHeaderCheck {

    /** A refused header: the stream error to send and a human-readable reason. */
    record Refusal(StreamErrorCondition condition, String text) {
    }

    private final String domain;

    StreamHeaderCheck(String domain) {
        this.domain = domain;
    }

    Optional<Refusal> check(StreamHeader header) {
        if (!XmppNamespaces.STREAMS.equals(header.namespace())) {
            return refuse(StreamErrorCondition.INVALID_NAMESPACE, "stream namespace must be " + XmppNamespaces.STREAMS);
        }
        if (!"stream".equals(header.localName())) {
            return refuse(StreamErrorCondition.BAD_FORMAT, "root element must be stream");
        }
        if (!"stream".equals(header.prefix())) {
            return refuse(StreamErrorCondition.BAD_NAMESPACE_PREFIX, "the streams namespace must use the prefix 'stream'");
        }
        if (!XmppNamespaces.CLIENT.equals(header.contentNamespace())) {
            return refuse(StreamErrorCondition.INVALID_NAMESPACE, "content namespace must be " + XmppNamespaces.CLIENT);
        }
        String to = header.attr("to");
        if (to == null || !domain.equals(to.toLowerCase(Locale.ROOT))) {
            return refuse(StreamErrorCondition.HOST_UNKNOWN, "this server serves " + domain);
        }
        if (!supportedVersion(header.attr("version"))) {
            return refuse(StreamErrorCondition.UNSUPPORTED_VERSION, "version 1.0 is required");
        }
        return Optional.empty();
    }

    /** Major version 1 (RFC 6120 §4.7.5: minor versions are compatible). */
    private static boolean supportedVersion(String version) {
        if (version == null) {
            return false;
        }
        int dot = version.indexOf('.');
        return dot > 0 && version.substring(0, dot).equals("1") && version.substring(dot + 1).matches("[0-9]{1,3}");
    }

    private static Optional<Refusal> refuse(StreamErrorCondition condition, String text) {
        return Optional.of(new Refusal(condition, text));
    }
}
