package io.switchboard.server.xmpp.sasl;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.store.StoreException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SASL PLAIN (RFC 4616): {@code [authzid] NUL authcid NUL passwd}, checked against the stored SCRAM
 * credential. The stream layer offers it only on a TLS-protected stream. Unknown users are checked
 * against a stand-in credential, so the answer takes as long as for a wrong password.
 *
 * <p>One instance serves one exchange; see {@link SaslMechanism} for threading.
 */
public final class PlainMechanism implements SaslMechanism {

    public static final String NAME = "PLAIN";
    private static final Logger LOG = LoggerFactory.getLogger(PlainMechanism.class);
    private static final int MAX_FIELD = 1024;

    private final CredentialLookup credentials;
    private boolean done;

    public PlainMechanism(CredentialLookup credentials) {
        this.credentials = credentials;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SaslStep evaluate(byte[] clientMessage) {
        if (done) {
            return new SaslStep.Failure(SaslFailure.MALFORMED_REQUEST);
        }
        done = true;
        Optional<PlainCredentials> parsed = parse(clientMessage);
        if (parsed.isEmpty()) {
            return new SaslStep.Failure(SaslFailure.MALFORMED_REQUEST);
        }
        PlainCredentials given = parsed.get();
        try {
            Optional<String> user = credentials.normalise(given.authcid());
            String username = user.orElse(given.authcid());
            if (!given.authzid().isEmpty() && !given.authzid().equals(username)
                    && !given.authzid().equals(username + '@' + credentials.domain())) {
                return new SaslStep.Failure(SaslFailure.INVALID_AUTHZID);
            }
            Optional<ScramCredential> stored = user.isPresent()
                    ? credentials.find(username, ScramHash.SHA_256) : Optional.empty();
            ScramCredential credential = stored.orElseGet(() -> credentials.standIn(username, ScramHash.SHA_256));
            boolean matches = credential.matches(given.password());
            return matches && stored.isPresent()
                    ? new SaslStep.Success(username, new byte[0])
                    : new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED);
        } catch (StoreException e) {
            LOG.warn("credential lookup failed", e);
            return new SaslStep.Failure(SaslFailure.TEMPORARY_AUTH_FAILURE);
        } finally {
            Arrays.fill(given.password(), '\0');
        }
    }

    /** The three fields of a PLAIN message; the password as chars so it can be wiped. */
    record PlainCredentials(String authzid, String authcid, char[] password) {
    }

    /** Parses a PLAIN message: exactly two NULs, strict UTF-8, non-empty authcid and password. */
    static Optional<PlainCredentials> parse(byte[] message) {
        int first = indexOf(message, 0);
        int second = first < 0 ? -1 : indexOf(message, first + 1);
        if (first < 0 || second < 0 || indexOf(message, second + 1) >= 0) {
            return Optional.empty();
        }
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            String authzid = decoder.decode(ByteBuffer.wrap(message, 0, first)).toString();
            String authcid = decoder.decode(ByteBuffer.wrap(message, first + 1, second - first - 1)).toString();
            CharBuffer pw = decoder.decode(ByteBuffer.wrap(message, second + 1, message.length - second - 1));
            char[] password = new char[pw.remaining()];
            pw.get(password);
            if (authcid.isEmpty() || password.length == 0 || authcid.length() > MAX_FIELD
                    || authzid.length() > MAX_FIELD || password.length > MAX_FIELD) {
                return Optional.empty();
            }
            return Optional.of(new PlainCredentials(authzid, authcid, password));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
