package io.switchboard.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextSegmentTest {

    private static TextSegment text(String s) {
        return new TextSegment(s, false);
    }

    private static TextSegment link(String s) {
        return new TextSegment(s, true);
    }

    @Test
    void plainTextIsOneSegment() {
        assertThat(TextSegment.split("no links here, just example.org")).containsExactly(text("no links here, just example.org"));
    }

    @Test
    void emptyBodyHasNoSegments() {
        assertThat(TextSegment.split("")).isEmpty();
    }

    @Test
    void findsHttpHttpsAndXmppLinksBetweenText() {
        List<TextSegment> segments = TextSegment.split("docs http://a.org/x?y=1 or HTTPS://b.org and xmpp:room@muc.example.org?join");

        assertThat(segments).containsExactly(text("docs "), link("http://a.org/x?y=1"), text(" or "),
                link("HTTPS://b.org"), text(" and "), link("xmpp:room@muc.example.org?join"));
    }

    @Test
    void sentencePunctuationIsNotPartOfTheLink() {
        assertThat(TextSegment.split("see https://example.org/a.")).containsExactly(text("see "), link("https://example.org/a"), text("."));
        assertThat(TextSegment.split("(https://example.org)")).containsExactly(text("("), link("https://example.org"), text(")"));
    }

    @Test
    void balancedParenthesesStayInTheLink() {
        assertThat(TextSegment.split("https://en.wikipedia.org/wiki/Java_(programming_language)"))
                .containsExactly(link("https://en.wikipedia.org/wiki/Java_(programming_language)"));
    }

    @Test
    void otherSchemesAndBareSchemesAreText() {
        assertThat(TextSegment.split("ftp://x.org and javascript:alert(1) and https:// alone"))
                .noneMatch(TextSegment::link);
    }
}
