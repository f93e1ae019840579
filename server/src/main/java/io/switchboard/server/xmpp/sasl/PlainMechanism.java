package io.switchboard.server.xmpp.sasl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * SASL PLAIN (RFC 4616): {@code [authzid] NUL authcid NUL passwd}, the password checked by a
 * {@link PasswordVerifier} (the stored SCRAM credential, or a bind to the directory). The stream
 * layer offers it only on a TLS-protected stream.
 *
 * <p>One instance serves one exchange; see {@link SaslMechanism} for threading.
 */
public final class PlainMechanism implements SaslMechanism {

    public static final String NAME = "PLAIN";
    private static final int MAX_FIELD = 1024;

    private final CredentialLookup credentials;
    private final PasswordVerifier passwords;
    private boolean done;

    /** Checks passwords against the stored credentials. */
    public PlainMechanism(CredentialLookup credentials) {
        this(credentials, new StoredPasswordVerifier(credentials));
    }

    /** @param passwords decides whether a password is the user's (the store's, or the directory's) */
    public PlainMechanism(CredentialLookup credentials, PasswordVerifier passwords) {
        this.credentials = credentials;
        this.passwords = passwords;
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
            PasswordVerifier.Verdict verdict = user.isPresent() ? passwords.verify(username, given.password())
                    : PasswordVerifier.Verdict.REFUSED;
            return switch (verdict) {
                case ACCEPTED -> new SaslStep.Success(username, new byte[0]);
                case REFUSED -> new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED);
                case UNAVAILABLE -> new SaslStep.Failure(SaslFailure.TEMPORARY_AUTH_FAILURE);
            };
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
