package io.switchboard.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Random;

class CannedRepliesTest {

    private final CannedReplies replies = new CannedReplies(new Random(3));
    private final BotPresence available = new BotPresence("", "available", "");
    private final BotPresence onThePhone = new BotPresence("dnd", "on-the-phone", "On a call");

    @Test
    void aQuestionIsAnsweredByNameQuotingTheTopic() {
        assertThat(replies.reply("Alice", "Can we move the demo to Friday?", available))
                .contains("Alice").contains("\"Can we move the demo to Friday?\"");
    }

    @Test
    void aLongMessageIsQuotedShortenedOnOneLine() {
        String reply = replies.reply("Bob", "Could you please\nreview the release notes for version 2.4 before the meeting", available);
        assertThat(reply).contains("\"Could you please review the release…\"");
    }

    @Test
    void someoneOnTheCallAnswersLater() {
        assertThat(replies.reply("Alice", "Got a minute?", onThePhone))
                .isEqualTo("Sorry Alice, I'm on a call right now — I'll get back to you about \"Got a minute?\" afterwards.");
    }

    @Test
    void greetingsAndThanksGetShortAnswers() {
        assertThat(replies.reply("Bob", "hi", onThePhone)).isEqualTo("Hi Bob! What can I do for you?");
        assertThat(replies.reply("Bob", "Thanks a lot!", available)).isEqualTo("You're welcome, Bob!");
    }
}
