package io.switchboard.server.auth;

/** The hash functions SCRAM is offered with, strongest first. */
public enum ScramHash {
    SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 32),
    SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1", "PBKDF2WithHmacSHA1", 20);

    private final String mechanism;
    private final String digestAlgorithm;
    private final String hmacAlgorithm;
    private final String pbkdf2Algorithm;
    private final int length;

    ScramHash(String mechanism, String digestAlgorithm, String hmacAlgorithm, String pbkdf2Algorithm, int length) {
        this.mechanism = mechanism;
        this.digestAlgorithm = digestAlgorithm;
        this.hmacAlgorithm = hmacAlgorithm;
        this.pbkdf2Algorithm = pbkdf2Algorithm;
        this.length = length;
    }

    /** The SASL mechanism name. */
    public String mechanism() {
        return mechanism;
    }

    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    public String hmacAlgorithm() {
        return hmacAlgorithm;
    }

    public String pbkdf2Algorithm() {
        return pbkdf2Algorithm;
    }

    public int length() {
        return length;
    }
}
