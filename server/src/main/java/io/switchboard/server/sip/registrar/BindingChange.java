package io.switchboard.server.sip.registrar;

/**
 * One Contact of a REGISTER: add or refresh it for {@code expiresSeconds}, or remove it (0).
 */
public record BindingChange(String contactUri, float q, long expiresSeconds) {
}
