package io.switchboard.server.xcap;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.server.store.StoreException;
import io.switchboard.sip.directory.DirectoryDocument;
import io.switchboard.sip.presence.xcap.PresRules;
import io.switchboard.sip.presence.xcap.XcapUris;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One XCAP request, from authentication to the answer: digest first (nothing is revealed to an
 * unauthenticated client), then what the URI names, then whose document it is — a user reads
 * and writes only their own (403 otherwise) — then the pres-rules usage. Blocking (store access):
 * runs on a worker, never on a Netty event loop. Thread-safe.
 */
final class XcapService {

    private static final Logger LOG = LoggerFactory.getLogger(XcapService.class);
    private static final List<String> ALLOWED = List.of("GET, PUT, DELETE");

    private final String domain;
    private final String rootPath;
    private final HttpDigestAuthenticator authenticator;
    private final PresRulesDocuments documents;
    private final DirectoryDocuments directory;

    XcapService(String domain, String rootPath, HttpDigestAuthenticator authenticator, PresRulesDocuments documents,
                DirectoryDocuments directory) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.rootPath = Objects.requireNonNull(rootPath, "rootPath");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    XcapResult handle(XcapRequest request) {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("PUT") && !method.equals("DELETE")) {
            return XcapResult.text(405, method + " is not an XCAP operation").withHeader("Allow", ALLOWED);
        }
        HttpDigestAuthenticator.Outcome outcome = authenticator.authenticate(request);
        if (outcome instanceof HttpDigestAuthenticator.Refused refused) {
            return refused.result();
        }
        String username = ((HttpDigestAuthenticator.Authenticated) outcome).username();
        if (isDirectoryDocument(request.target())) {
            // the one global document: where the company directory is, read-only (ADR 0030)
            return method.equals("GET") ? directory.get()
                    : XcapResult.text(405, "the directory document is read-only").withHeader("Allow", List.of("GET"));
        }
        XcapTarget target;
        try {
            target = XcapTarget.parse(request.target(), rootPath);
        } catch (XcapTarget.TargetException e) {
            return XcapResult.text(e.status(), e.getMessage());
        }
        Address user = Address.of(username, domain);
        if (!isUser(target.xui(), user)) {
            LOG.info("XCAP {} from {}: {} asked for the document of {}", method, request.source(), user, target.xui());
            return XcapResult.text(403, "a user may read and write only their own presence rules ("
                    + XcapUris.xui(user) + ")");
        }
        if (!XcapUris.DOCUMENT_NAME.equals(target.documentName())) {
            return XcapResult.text(404, "pres-rules documents are called " + XcapUris.DOCUMENT_NAME
                    + " (RFC 5025 §9)");
        }
        try {
            return dispatch(request, target, user);
        } catch (StoreException e) {
            LOG.warn("XCAP {} of {}'s presence rules failed in the store: {}", method, user, e.getMessage());
            return XcapResult.text(500, "the server cannot read or write its store; try again");
        }
    }

    private XcapResult dispatch(XcapRequest request, XcapTarget target, Address user) throws StoreException {
        boolean element = target.ruleId().isPresent() || request.target().contains("/~~");
        switch (request.method()) {
            case "GET" -> {
                return documents.get(user, target.ruleId(), element);
            }
            case "DELETE" -> {
                return documents.delete(user, target.ruleId(), request.ifMatch());
            }
            default -> {
                String expected = element ? PresRules.ELEMENT_CONTENT_TYPE : PresRules.CONTENT_TYPE;
                if (!request.contentType().map(expected::equals).orElse(false)) {
                    return XcapResult.text(415, "a PUT here carries " + expected);
                }
                return target.ruleId().isPresent()
                        ? documents.putRule(user, target.ruleId().get(), request.body(), request.ifMatch())
                        : documents.putDocument(user, request.body(), request.ifMatch());
            }
        }
    }

    private boolean isDirectoryDocument(String target) {
        int query = target.indexOf('?');
        return (query < 0 ? target : target.substring(0, query)).equals(rootPath + DirectoryDocument.PATH);
    }

    private static boolean isUser(String xui, Address user) {
        if (!xui.regionMatches(true, 0, "sip:", 0, 4) && !xui.regionMatches(true, 0, "sips:", 0, 5)) {
            return false;
        }
        try {
            return Address.parse(xui).equals(user);
        } catch (InvalidAddressException e) {
            return false;
        }
    }
}
