/**
 * The client side of desk-phone control: uaCSTA sessions (ECMA TR/87) with a CTI gateway, over
 * which the user agent sends CSTA requests ({@link io.switchboard.sip.csta}) and receives the
 * events of the lines it monitors.
 */
package io.switchboard.sip.cti;
