package io.switchboard.bench.load;

/**
 * Who is on whose roster in the presence scenario: user i has the next and the previous
 * {@code contacts / 2} users on a ring, so every relation is mutual (subscription both) and
 * every user has exactly {@code contacts} watchers.
 */
public final class RingRoster {

    private final int users;
    private final int half;

    public RingRoster(int users, int contacts) {
        if (contacts % 2 != 0 || contacts <= 0) {
            throw new IllegalArgumentException("contacts must be a positive even number, got " + contacts);
        }
        if (users <= contacts) {
            throw new IllegalArgumentException("need more users (" + users + ") than contacts per user (" + contacts + ")");
        }
        this.users = users;
        this.half = contacts / 2;
    }

    public int users() {
        return users;
    }

    public int contactsPerUser() {
        return 2 * half;
    }

    /** The indexes on user {@code index}'s roster, nearest first. */
    public int[] contactsOf(int index) {
        int[] result = new int[2 * half];
        for (int d = 1; d <= half; d++) {
            result[2 * (d - 1)] = Math.floorMod(index + d, users);
            result[2 * (d - 1) + 1] = Math.floorMod(index - d, users);
        }
        return result;
    }

    /** The user name the seeders and the load tool agree on. */
    public static String username(int index) {
        return String.format("u%05d", index);
    }

    /** Contact k of the big-roster user of the sign-in scenario; no account needs to exist for it. */
    public static String bigRosterContact(int k) {
        return String.format("c%05d", k);
    }

    /** Every simulated user's password: this is throwaway data on a loopback-only server. */
    public static String password(int index) {
        return passwordFor(username(index));
    }

    public static String passwordFor(String username) {
        return "pw-" + username;
    }
}
