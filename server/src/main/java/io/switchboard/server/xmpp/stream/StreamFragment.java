package io.switchboard.server.xmpp.stream;

/**
 * Raw XML written by the stream layer itself (stream header, features, stream errors, closing tag),
 * which needs the {@code stream:} prefix that {@code XmlElement} does not model. Only ever built from
 * constants and escaped values, never from client input.
 */
record StreamFragment(String xml) {
}
