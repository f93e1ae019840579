/**
 * LDAP directory access on the Apache Directory LDAP API: sign-in by simple bind, people search,
 * user synchronisation and E.164 phone numbers. Depends on core only.
 */
package io.switchboard.directory;
