package io.switchboard.sip.directory;

import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.sip.presence.xcap.XcapClient;
import io.switchboard.sip.presence.xcap.XcapException;
import io.switchboard.sip.presence.xcap.XcapResponse;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the user's XCAP server where the company directory is (ADR 0030): the SIP counterpart of
 * the XMPP client's disco#info form. Blocking, bounded by the client's timeout; thread-safe.
 */
public final class DirectoryLocationManager {

    private static final int NOT_FOUND = 404;

    private final XcapClient client;
    private final URI xcapRoot;
    private final DirectoryDocumentParser parser;

    public DirectoryLocationManager(XcapClient client, URI xcapRoot, DirectoryDocumentParser parser) {
        this.client = Objects.requireNonNull(client, "client");
        this.xcapRoot = Objects.requireNonNull(xcapRoot, "xcapRoot");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    public DirectoryLocationManager(XcapClient client, URI xcapRoot) {
        this(client, xcapRoot, new DirectoryDocumentParser());
    }

    /**
     * The directory the server names; empty when it names none (404: no directory, or a server
     * that does not know this usage).
     *
     * @throws XcapException the server could not be reached, refused the credentials, answered
     *                       another failure, or sent a document that cannot be read
     */
    public Optional<DirectoryLocation> fetch() throws XcapException {
        XcapResponse response = client.get(DirectoryDocument.uri(xcapRoot));
        if (response.status() == NOT_FOUND) {
            return Optional.empty();
        }
        if (!response.isSuccess()) {
            throw new XcapException(response.status(), "reading where the company directory is failed: the XCAP "
                    + "server answered " + response.status());
        }
        try {
            return Optional.of(parser.parse(response.body()));
        } catch (DirectoryDocumentParseException e) {
            throw new XcapException(response.status(), "the XCAP server sent a directory document we cannot read: "
                    + e.getMessage());
        }
    }
}
