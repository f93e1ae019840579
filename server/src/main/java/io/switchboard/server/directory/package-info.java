/**
 * The server's people directory: the embedded LDAP directory (the demo organisation, on loopback),
 * sign-in with directory passwords, and user synchronisation from a directory into the user store.
 */
package io.switchboard.server.directory;
