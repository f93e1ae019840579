package io.switchboard.server.xcap;

import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.sip.directory.DirectoryDocument;
import io.switchboard.sip.directory.DirectoryDocumentWriter;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The directory-location document (ADR 0030): where the company directory is, as the XMPP
 * disco#info form says it, for SIP clients. Read-only and the same for every user; 404 while the
 * server names no directory. Thread-safe.
 */
final class DirectoryDocuments {

    private final Supplier<Optional<DirectoryLocation>> directory;
    private final DirectoryDocumentWriter writer;

    DirectoryDocuments(Supplier<Optional<DirectoryLocation>> directory, DirectoryDocumentWriter writer) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    XcapResult get() {
        Optional<DirectoryLocation> location = directory.get();
        if (location.isEmpty()) {
            return XcapResult.text(404, "this server names no company directory");
        }
        byte[] body = writer.write(location.get());
        return XcapResult.ok(200, DirectoryDocument.CONTENT_TYPE, body, EntityTags.of(body));
    }
}
