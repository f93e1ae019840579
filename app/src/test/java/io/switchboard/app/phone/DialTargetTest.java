package io.switchboard.app.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;

import org.junit.jupiter.api.Test;

class DialTargetTest {

    private static final Address ME = Address.parse("alice@example.com");

    @Test
    void anAddressIsCalledAsTyped() {
        assertThat(DialTarget.parse(" Bob@Other.org ", ME)).isEqualTo(Address.parse("bob@other.org"));
    }

    @Test
    void aSipUriIsCalledWithoutItsParameters() {
        assertThat(DialTarget.parse("sip:bob@other.org;transport=tcp", ME)).isEqualTo(Address.parse("bob@other.org"));
        assertThat(DialTarget.parse("<sips:carol@example.com>", ME)).isEqualTo(Address.parse("carol@example.com"));
    }

    @Test
    void aBareUserNameOrExtensionIsInMyDomain() {
        assertThat(DialTarget.parse("bob", ME)).isEqualTo(Address.parse("bob@example.com"));
        assertThat(DialTarget.parse("4711", ME)).isEqualTo(Address.parse("4711@example.com"));
        assertThat(DialTarget.parse("sip:carol", ME)).isEqualTo(Address.parse("carol@example.com"));
    }

    @Test
    void nothingOrGarbageIsRefusedWithAReason() {
        assertThatThrownBy(() -> DialTarget.parse("  ", ME)).isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("Type a name");
        assertThatThrownBy(() -> DialTarget.parse("sip:", ME)).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> DialTarget.parse("bob smith", ME)).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> DialTarget.parse("bob@", ME)).isInstanceOf(InvalidAddressException.class);
    }
}
