/**
 * Where the company directory is, for a SIP/SIMPLE sign-in: SIP has no service discovery, so the
 * server publishes the directory's location as a global XCAP document (RFC 4825 §6.2) of this
 * server's own application usage {@link io.switchboard.sip.directory.DirectoryDocument#AUID}, the
 * counterpart of the XEP-0128 form XMPP clients read (ADR 0030). The wire object is core's
 * {@link io.switchboard.core.model.DirectoryLocation}; here are its hardened stateless
 * {@link io.switchboard.sip.directory.DirectoryDocumentParser}, the
 * {@link io.switchboard.sip.directory.DirectoryDocumentWriter} the server uses, and the
 * {@link io.switchboard.sip.directory.DirectoryLocationManager} facade a client asks.
 */
package io.switchboard.sip.directory;
