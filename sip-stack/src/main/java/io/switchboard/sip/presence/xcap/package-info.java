/**
 * Presence authorisation rules (RFC 5025, on the common policy of RFC 4745) and their XCAP
 * channel (RFC 4825): the wire objects {@link io.switchboard.sip.presence.xcap.PresRules} and
 * {@link io.switchboard.sip.presence.xcap.PresRule}, a hardened stateless
 * {@link io.switchboard.sip.presence.xcap.PresRulesParser}, a
 * {@link io.switchboard.sip.presence.xcap.PresRulesWriter}, the HTTP
 * {@link io.switchboard.sip.presence.xcap.XcapClient} with digest authentication, and the
 * {@link io.switchboard.sip.presence.xcap.PresRulesManager} facade a client answers watch
 * requests with (ADR 0019). The server reuses the codec.
 */
package io.switchboard.sip.presence.xcap;
