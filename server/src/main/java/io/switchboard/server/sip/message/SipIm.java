package io.switchboard.server.sip.message;

import io.switchboard.sip.message.IsComposing;

import java.util.Objects;
import java.util.Optional;

/**
 * What the IM gateway carries between SIP and XMPP (ADR 0016): either a text message
 * (text/plain, RFC 7572 §5) with an optional subject, or an is-composing indication (RFC 3994,
 * a chat state on the XMPP side). Nothing else crosses.
 */
public record SipIm(Optional<String> text, Optional<String> subject, Optional<IsComposing> composing) {

    public SipIm {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(composing, "composing");
        if (text.isPresent() == composing.isPresent()) {
            throw new IllegalArgumentException("either a text or an is-composing indication");
        }
    }

    public static SipIm text(String text, Optional<String> subject) {
        return new SipIm(Optional.of(text), subject, Optional.empty());
    }

    public static SipIm composing(IsComposing indication) {
        return new SipIm(Optional.empty(), Optional.empty(), Optional.of(indication));
    }

    /** A text message: worth storing when nobody takes it; an indication is not. */
    public boolean isText() {
        return text.isPresent();
    }
}
