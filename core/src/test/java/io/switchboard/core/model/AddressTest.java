package io.switchboard.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressTest {

    @ParameterizedTest
    @CsvSource({
            "alice@example.com, alice, example.com",
            "Alice@Example.COM, alice, example.com",
            "alice@example.com/laptop, alice, example.com",
            "sip:alice@example.com, alice, example.com",
            "SIP:Alice@example.com:5061;transport=tls, alice, example.com",
            "sips:bob@example.com?subject=hi, bob, example.com",
            "'<sip:carol@example.com;user=phone>', carol, example.com",
            "sip:j%2Edoe@example.com, j.doe, example.com",
            "sip:alice:secret@example.com, alice, example.com",
            "xmpp:dave@example.com, dave, example.com",
            "erin@example.com., erin, example.com",
            "frank@127.0.0.1, frank, 127.0.0.1",
            "sip:gina@[::1]:5060, gina, [::1]",
            "\u00e9lodie@example.com, \u00e9lodie, example.com"
    })
    void parsesEveryAcceptedFormToTheSameNormalisedAddress(String text, String local, String domain) {
        Address a = Address.parse(text);
        assertThat(a.local()).isEqualTo(local);
        assertThat(a.domain()).isEqualTo(domain);
    }

    @Test
    void jidAndSipFormsOfOneUserAreEqual() {
        assertThat(Address.parse("sip:Alice@Example.com")).isEqualTo(Address.parse("alice@example.com/phone"))
                .hasSameHashCodeAs(Address.parse("alice@example.com"));
    }

    @Test
    void printsJidAndSipUriForms() {
        Address a = Address.of("Alice", "Example.com");
        assertThat(a.toJid()).isEqualTo("alice@example.com");
        assertThat(a.toJid("laptop")).isEqualTo("alice@example.com/laptop");
        assertThat(a.toSipUri()).isEqualTo("sip:alice@example.com");
        assertThat(Address.parse(a.toSipUri())).isEqualTo(a);
        assertThat(Address.parse(a.toJid())).isEqualTo(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "alice", "@example.com", "alice@", "alice@@example.com",
            "a@b@example.com", "al ice@example.com", "al<ice@example.com", "al\"ice@example.com",
            "alice@exa mple.com", "alice@-example.com", "alice@example..com", "alice@example.com/",
            "http:alice@example.com", "sip:example.com", "sip:alice@example.com:99999999",
            "sip:a%2@example.com", "alice@999.1.1.1", "alice@[zz::1]", "bob\u0000@example.com"})
    void rejectsGarbageWithAClearMessage(String text) {
        assertThatThrownBy(() -> Address.parse(text))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessageStartingWith("Invalid address: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a&b", "a'b", "a/b", "a:b", "a>b", "a\tb", "a\nb", "a\u000bb", "a\fb", "a\rb", "a\u007fb", "a\u001fb"})
    void rejectsEveryForbiddenUserPartCharacterNamingIt(String local) {
        assertThatThrownBy(() -> Address.of(local, "example.com"))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("contains the forbidden character");
    }

    @Test
    void aDomainCheckedBeforeIsNormalisedTheSameAndAnInvalidOneIsStillRejected() {
        assertThat(Address.of("a", "Example.ORG.").domain()).isEqualTo("example.org");
        assertThat(Address.of("b", "Example.ORG.").domain()).isEqualTo("example.org");
        assertThatThrownBy(() -> Address.of("a", "bad..example.org")).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> Address.of("b", "bad..example.org")).isInstanceOf(InvalidAddressException.class);
        assertThat(Address.of("a", "ex\u00e4mple.org").domain()).isEqualTo("ex\u00e4mple.org");
    }

    @Test
    void rejectsNullAndOverlongParts() {
        assertThatThrownBy(() -> Address.parse(null)).isInstanceOf(InvalidAddressException.class);
        String longLocal = "a".repeat(Address.MAX_PART_LENGTH + 1);
        assertThatThrownBy(() -> Address.of(longLocal, "example.com"))
                .hasMessageContaining("longer than 1023");
    }

    @Test
    void ordersByDomainThenUser() {
        assertThat(Address.parse("zed@a.com")).isLessThan(Address.parse("amy@b.com"));
        assertThat(Address.parse("amy@a.com")).isLessThan(Address.parse("zed@a.com"));
    }
}
