package io.switchboard.server.xmpp.sasl;

import io.switchboard.server.auth.ScramCredential;
import io.switchboard.server.auth.ScramHash;
import io.switchboard.server.store.StoreException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server side of SCRAM-SHA-1 / SCRAM-SHA-256 (RFC 5802, RFC 7677) without channel binding:
 * a gs2 header of {@code n} or {@code y} is accepted, {@code p} is refused (no {@code -PLUS}
 * variant is offered). Unknown users get a stand-in credential so that the exchange runs to
 * the end and fails exactly like a wrong password does.
 *
 * <p>One instance serves one exchange; see {@link SaslMechanism} for threading.
 */
public final class ScramServerMechanism implements SaslMechanism {

    private static final Logger LOG = LoggerFactory.getLogger(ScramServerMechanism.class);

    private enum State { EXPECT_CLIENT_FIRST, EXPECT_CLIENT_FINAL, DONE }

    private final ScramHash hash;
    private final CredentialLookup credentials;
    private final Supplier<String> serverNonces;

    private State state = State.EXPECT_CLIENT_FIRST;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String username;
    private boolean userKnown;
    private ScramCredential credential;

    /**
     * @param serverNonces supplies the server's part of the nonce: printable ASCII without ','
     *                     (tests inject the RFC's value; production uses {@link ScramNonces#random()})
     */
    public ScramServerMechanism(ScramHash hash, CredentialLookup credentials, Supplier<String> serverNonces) {
        this.hash = hash;
        this.credentials = credentials;
        this.serverNonces = serverNonces;
    }

    @Override
    public String name() {
        return hash.mechanism();
    }

    @Override
    public SaslStep evaluate(byte[] clientMessage) {
        try {
            return switch (state) {
                case EXPECT_CLIENT_FIRST -> clientFirst(new String(clientMessage, StandardCharsets.UTF_8));
                case EXPECT_CLIENT_FINAL -> clientFinal(new String(clientMessage, StandardCharsets.UTF_8));
                case DONE -> fail(SaslFailure.MALFORMED_REQUEST);
            };
        } catch (MalformedScramException e) {
            LOG.debug("malformed {} message: {}", hash.mechanism(), e.getMessage());
            return fail(SaslFailure.MALFORMED_REQUEST);
        } catch (StoreException e) {
            LOG.warn("credential lookup failed", e);
            return fail(SaslFailure.TEMPORARY_AUTH_FAILURE);
        }
    }

    private SaslStep clientFirst(String message) throws MalformedScramException, StoreException {
        // gs2-header = gs2-cbind-flag "," [ authzid ] ","
        int firstComma = message.indexOf(',');
        int secondComma = firstComma < 0 ? -1 : message.indexOf(',', firstComma + 1);
        if (firstComma != 1 || secondComma < 0) {
            throw new MalformedScramException("no gs2 header");
        }
        char cbind = message.charAt(0);
        if (cbind == 'p') {
            // Channel binding is not offered (no -PLUS mechanism): a client asking for it is refused.
            return fail(SaslFailure.MALFORMED_REQUEST);
        }
        if (cbind != 'n' && cbind != 'y') {
            throw new MalformedScramException("bad channel binding flag");
        }
        String authzidPart = message.substring(firstComma + 1, secondComma);
        gs2Header = message.substring(0, secondComma + 1);
        clientFirstBare = message.substring(secondComma + 1);

        ScramAttributes attrs = ScramAttributes.parse(clientFirstBare);
        if (attrs.has('m')) {
            throw new MalformedScramException("mandatory extensions are not supported");
        }
        String rawUser = decodeSaslName(attrs.require('n'));
        String clientNonce = attrs.require('r');
        if (clientNonce.isEmpty() || !attrs.firstKeys("nr")) {
            throw new MalformedScramException("client-first-message must start with n= and r=");
        }
        Optional<String> normalised = credentials.normalise(rawUser);
        username = normalised.orElse(rawUser);
        if (!authzidPart.isEmpty()) {
            if (!authzidPart.startsWith("a=")) {
                throw new MalformedScramException("bad authzid");
            }
            String authzid = decodeSaslName(authzidPart.substring(2));
            if (!authzid.equals(username) && !authzid.equals(username + '@' + credentials.domain())) {
                return fail(SaslFailure.INVALID_AUTHZID);
            }
        }
        Optional<ScramCredential> found = normalised.isPresent()
                ? credentials.find(username, hash) : Optional.empty();
        userKnown = found.isPresent();
        credential = found.orElseGet(() -> credentials.standIn(username, hash));

        nonce = clientNonce + serverNonces.get();
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credential.salt())
                + ",i=" + credential.iterations();
        state = State.EXPECT_CLIENT_FINAL;
        return new SaslStep.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep clientFinal(String message) throws MalformedScramException {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new MalformedScramException("no proof");
        }
        String withoutProof = message.substring(0, proofAt);
        ScramAttributes attrs = ScramAttributes.parse(withoutProof);
        if (!attrs.firstKeys("cr")) {
            throw new MalformedScramException("client-final-message must start with c= and r=");
        }
        byte[] channelBinding = decodeBase64(attrs.require('c'));
        if (!MessageDigest.isEqual(channelBinding, gs2Header.getBytes(StandardCharsets.UTF_8))) {
            throw new MalformedScramException("channel binding does not repeat the gs2 header");
        }
        if (!attrs.require('r').equals(nonce)) {
            throw new MalformedScramException("nonce mismatch");
        }
        byte[] proof = decodeBase64(message.substring(proofAt + 3));
        if (proof.length != hash.length()) {
            throw new MalformedScramException("proof has the wrong length");
        }
        byte[] authMessage = (clientFirstBare + ',' + serverFirst + ',' + withoutProof).getBytes(StandardCharsets.UTF_8);
        // ClientKey = ClientProof XOR HMAC(StoredKey, AuthMessage); valid when H(ClientKey) == StoredKey
        byte[] clientSignature = ScramCredential.hmac(hash, credential.storedKey(), authMessage);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        boolean valid = MessageDigest.isEqual(ScramCredential.digest(hash, clientKey), credential.storedKey());
        if (!valid || !userKnown) {
            return fail(SaslFailure.NOT_AUTHORIZED);
        }
        byte[] serverSignature = ScramCredential.hmac(hash, credential.serverKey(), authMessage);
        state = State.DONE;
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return new SaslStep.Success(username, serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep fail(SaslFailure condition) {
        state = State.DONE;
        return new SaslStep.Failure(condition);
    }

    /** RFC 5802 saslname: ',' and '=' travel as "=2C" and "=3D"; any other '=' is malformed. */
    static String decodeSaslName(String value) throws MalformedScramException {
        if (value.indexOf('=') < 0) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '=') {
                b.append(c);
            } else if (value.startsWith("=2C", i)) {
                b.append(',');
                i += 2;
            } else if (value.startsWith("=3D", i)) {
                b.append('=');
                i += 2;
            } else {
                throw new MalformedScramException("bad escape in saslname");
            }
        }
        return b.toString();
    }

    private static byte[] decodeBase64(String value) throws MalformedScramException {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedScramException("bad base64");
        }
    }
}
