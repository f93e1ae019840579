package io.switchboard.sip.directory;

import java.net.URI;

/**
 * The names of the directory-location XCAP usage: one global document, read-only, at
 * {@code <xcap root>/org.switchboard.directory/global/index}. The AUID is in the reverse-DNS form
 * RFC 4825 §5.1 asks of vendor usages.
 */
public final class DirectoryDocument {

    public static final String AUID = "org.switchboard.directory";
    public static final String NAMESPACE = "urn:switchboard:xml:ns:directory:0";
    public static final String CONTENT_TYPE = "application/vnd.switchboard.directory+xml";
    /** The one global document's name. */
    public static final String DOCUMENT_NAME = "index";
    /** The document's path below the XCAP root. */
    public static final String PATH = "/" + AUID + "/global/" + DOCUMENT_NAME;

    private DirectoryDocument() {
    }

    public static URI uri(URI xcapRoot) {
        String root = xcapRoot.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + PATH);
    }
}
