-- SIP digest credentials (RFC 3261 §22, RFC 8760): HA1 = H(username ":" realm ":" password) per
-- algorithm, computed wherever a password is set. Never the password itself. The realm is the
-- server domain at the time the password was set: after a domain change the stored HA1 no longer
-- matches and the user must set the password again (the registrar says so in its log).
-- Users created before this migration have no rows here: SIP refuses them with 403 until then.
CREATE TABLE sip_digest_credentials (
    username    VARCHAR(1023) NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    algorithm   VARCHAR(16)   NOT NULL,
    realm       VARCHAR(1023) NOT NULL,
    ha1         VARCHAR(128)  NOT NULL,
    PRIMARY KEY (username, algorithm)
);
