package io.switchboard.directory;

/** How the connection to the directory is protected. */
public enum DirectorySecurity {
    /** Plain LDAP (RFC 4511); only sensible on loopback or for an embedded directory. */
    NONE,
    /** LDAP, then the StartTLS extended operation (RFC 4513 §3) before anything else is sent. */
    START_TLS,
    /** LDAP over TLS from the first byte (ldaps://, port 636 by default). */
    LDAPS
}
