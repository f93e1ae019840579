package io.switchboard.server.demo;

import io.switchboard.server.demo.DemoOrganisation.DemoUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The presences one demo person moves through in a working day, with notes that fit their job
 * (an engineer is busy fixing a bug, a salesperson preparing a proposal, and everyone has 1:1s
 * with their manager). Available comes up most often, as it does in real buddy lists.
 */
final class PresenceRepertoire {

    private static final int AVAILABLE_WEIGHT = 3;

    private static final Map<String, String> BUSY_NOTE = Map.of(
            DemoOrganisation.ENGINEERING, "Fixing a production bug",
            DemoOrganisation.SALES, "Preparing a customer proposal",
            DemoOrganisation.SUPPORT, "Working through the ticket queue",
            DemoOrganisation.MARKETING, "Writing the launch blog post",
            DemoOrganisation.MANAGEMENT, "Writing the Q3 plan");

    private final List<BotPresence> choices;
    private final Random random;

    PresenceRepertoire(DemoUser person, Random random) {
        this.random = Objects.requireNonNull(random, "random");
        String meeting = person.manager()
                .flatMap(DemoOrganisation::user)
                .map(m -> "1:1 with " + m.firstName())
                .orElse("Board meeting");
        List<BotPresence> all = new ArrayList<>();
        for (int i = 0; i < AVAILABLE_WEIGHT; i++) {
            all.add(i == 0 ? new BotPresence("", "available", "")
                    : new BotPresence("", "available", i == 1 ? "Working from home" : "Back at my desk"));
        }
        all.add(new BotPresence("away", "away", "Lunch"));
        all.add(new BotPresence("dnd", "busy", BUSY_NOTE.getOrDefault(person.department(), "Busy")));
        // plain clients see "dnd" for a call, as Cisco Jabber shows it; ours read the availability
        all.add(new BotPresence("dnd", "on-the-phone", "On a call"));
        all.add(new BotPresence("away", "in-a-meeting", meeting));
        all.add(new BotPresence("dnd", "dnd", "Focus time"));
        this.choices = List.copyOf(all);
    }

    List<BotPresence> choices() {
        return choices;
    }

    /** Any state, weighted towards available. */
    BotPresence first() {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A state different from {@code current}, so every change is one a watcher can see. */
    BotPresence next(BotPresence current) {
        List<BotPresence> others = choices.stream().filter(p -> !p.equals(current)).toList();
        return others.get(random.nextInt(others.size()));
    }
}
