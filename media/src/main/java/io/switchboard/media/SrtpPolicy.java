package io.switchboard.media;

/**
 * Whether a call's audio is encrypted with SRTP (RFC 3711), keyed by SDES (RFC 4568): the user's
 * setting, applied per call together with whether the call's signalling is TLS. SDES carries the
 * keys in the SDP itself, so they are only ever sent over TLS (RFC 4568 8.3).
 */
public enum SrtpPolicy {
    /** Plain RTP/AVP: no keys offered, crypto lines in offers ignored, RTP/SAVP offers refused (488). */
    OFF,
    /**
     * Best-effort SRTP as many phones do it (Cisco, baresip's {@code mediaenc=srtp}): our offers
     * are RTP/AVP with {@code a=crypto} lines, and we encrypt whenever the peer takes a key;
     * a peer that ignores the keys gets plain RTP.
     */
    OPTIONAL,
    /** RTP/SAVP only: an offer or answer without a usable key fails the call (488). */
    REQUIRED;
}
