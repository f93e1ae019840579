package io.switchboard.server.demo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * What a demo bot writes back: short, polite, addressed to the sender by first name, and
 * quoting what they asked about, so a demo conversation reads like a colleague answering.
 */
final class CannedReplies {

    private static final int TOPIC_LENGTH = 40;
    private static final Pattern GREETING = Pattern.compile("^(hi|hello|hey|good (morning|afternoon|evening))\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern THANKS = Pattern.compile(".*\\b(thanks|thank you|cheers)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final List<String> ANSWERS = List.of(
            "Sure, %s — let me check \"%s\" and get back to you.",
            "Good question, %s. I'll look into \"%s\" and get back to you.",
            "Thanks, %s — noted: \"%s\". I'll get back to you shortly.");

    private static final Map<String, String> OCCUPIED = Map.of(
            "on-the-phone", "on a call",
            "in-a-meeting", "in a meeting",
            "busy", "heads-down on something",
            "dnd", "in focus time");

    private final Random random;

    CannedReplies(Random random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param firstName how to address the sender
     * @param body      what they wrote
     * @param current   the bot's own state: someone on a call answers "later"
     */
    String reply(String firstName, String body, BotPresence current) {
        String text = body.strip();
        if (THANKS.matcher(text).matches()) {
            return "You're welcome, " + firstName + "!";
        }
        if (GREETING.matcher(text).matches() && text.length() <= 20) {
            return "Hi " + firstName + "! What can I do for you?";
        }
        String topic = topic(text);
        if (current.occupied()) {
            return String.format("Sorry %s, I'm %s right now — I'll get back to you about \"%s\" afterwards.",
                    firstName, OCCUPIED.getOrDefault(current.availability(), "tied up"), topic);
        }
        return String.format(ANSWERS.get(random.nextInt(ANSWERS.size())), firstName, topic);
    }

    private static String topic(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        if (oneLine.length() <= TOPIC_LENGTH) {
            return oneLine;
        }
        String cut = oneLine.substring(0, TOPIC_LENGTH);
        int lastSpace = cut.lastIndexOf(' ');
        // end on a whole word unless that would leave too little to recognise
        return (lastSpace > TOPIC_LENGTH / 2 ? cut.substring(0, lastSpace) : cut).strip() + "…";
    }
}
