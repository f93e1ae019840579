/**
 * The server's side of the dialog event package (RFC 4235, ADR 0026): the bodies of dialog
 * NOTIFYs, from the calls the proxy tracks. Subscriptions, refreshes and expiry are the presence
 * agent's ({@code io.switchboard.server.sip.presence}).
 */
package io.switchboard.server.sip.dialog;
