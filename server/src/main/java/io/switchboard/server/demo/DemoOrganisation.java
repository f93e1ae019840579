package io.switchboard.server.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demo company: who works where, who reports to whom, and so who has whom on their buddy
 * list. Plain data, no storage; {@link DemoDirectory} writes it into the stores.
 *
 * <p>Buddy lists follow how people at work really know each other: everyone in your own
 * department, your manager (and a manager everyone they manage), the management team among
 * itself, and a few named colleagues in other departments. Knowing someone is mutual, so every
 * pair ends up with a subscription "both" on each side.
 */
public final class DemoOrganisation {

    public static final String ENGINEERING = "Engineering";
    public static final String SALES = "Sales";
    public static final String SUPPORT = "Support";
    public static final String MARKETING = "Marketing";
    public static final String MANAGEMENT = "Management";

    /**
     * @param manager the username of this person's manager; empty for the chief executive
     */
    public record DemoUser(String username, String displayName, String department, String title,
                           Optional<String> manager) {

        public DemoUser {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(department, "department");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(manager, "manager");
        }

        public String firstName() {
            int space = displayName.indexOf(' ');
            return space < 0 ? displayName : displayName.substring(0, space);
        }
    }

    /** Everyone, management first, then by department; alice..erin are the original demo five. */
    public static final List<DemoUser> USERS = List.of(
            user("grace", "Grace Harper", MANAGEMENT, "Chief Executive", null),
            user("henry", "Henry Walsh", MANAGEMENT, "VP Engineering", "grace"),
            user("irene", "Irene Novak", MANAGEMENT, "VP Sales", "grace"),
            user("kate", "Kate Sullivan", MANAGEMENT, "Head of Customer Support", "grace"),
            user("leo", "Leo Costa", MANAGEMENT, "Head of Marketing", "grace"),

            user("alice", "Alice Anderson", ENGINEERING, "Software Engineer", "henry"),
            user("bob", "Bob Brown", ENGINEERING, "Software Engineer", "henry"),
            user("frank", "Frank Fischer", ENGINEERING, "Tech Lead", "henry"),
            user("maya", "Maya Patel", ENGINEERING, "Product Manager", "henry"),
            user("omar", "Omar Haddad", ENGINEERING, "Site Reliability Engineer", "henry"),
            user("priya", "Priya Raman", ENGINEERING, "Software Engineer", "henry"),
            user("quentin", "Quentin Dubois", ENGINEERING, "Security Engineer", "henry"),
            user("sofia", "Sofia Rossi", ENGINEERING, "UX Designer", "henry"),
            user("tom", "Tom Becker", ENGINEERING, "Software Engineer", "henry"),
            user("yuki", "Yuki Tanaka", ENGINEERING, "Data Engineer", "henry"),
            user("zoe", "Zoe Turner", ENGINEERING, "QA Engineer", "henry"),

            user("carol", "Carol Clark", SALES, "Account Executive", "irene"),
            user("dave", "Dave Davis", SALES, "Account Executive", "irene"),
            user("isabel", "Isabel Garcia", SALES, "Sales Engineer", "irene"),
            user("marcus", "Marcus Johnson", SALES, "Account Manager", "irene"),
            user("nora", "Nora Lindqvist", SALES, "Sales Development Rep", "irene"),
            user("victor", "Victor Petrov", SALES, "Account Executive", "irene"),
            user("wendy", "Wendy Clarke", SALES, "Sales Operations", "irene"),

            user("erin", "Erin Evans", SUPPORT, "Support Engineer", "kate"),
            user("gabriel", "Gabriel Silva", SUPPORT, "Support Engineer", "kate"),
            user("hugo", "Hugo Martin", SUPPORT, "Support Team Lead", "kate"),
            user("lena", "Lena Schmidt", SUPPORT, "Support Engineer", "kate"),
            user("oscar", "Oscar Nilsson", SUPPORT, "Technical Writer", "kate"),
            user("rachel", "Rachel Kim", SUPPORT, "Customer Success Manager", "kate"),
            user("sam", "Sam O'Brien", SUPPORT, "Support Engineer", "kate"),
            user("uma", "Uma Reddy", SUPPORT, "Support Engineer", "kate"),

            user("ben", "Ben Carter", MARKETING, "Content Writer", "leo"),
            user("chloe", "Chloe Bennett", MARKETING, "Product Marketing Manager", "leo"),
            user("diego", "Diego Fernandez", MARKETING, "Events Manager", "leo"),
            user("fatima", "Fatima Khan", MARKETING, "Marketing Analyst", "leo"),
            user("ingrid", "Ingrid Berg", MARKETING, "Designer", "leo"));

    /**
     * Colleagues who work together across departments. The first five (alice, bob, carol,
     * dave, erin) were the whole original demo team and still all know each other.
     */
    static final List<List<String>> CROSS_DEPARTMENT = List.of(
            List.of("alice", "carol"), List.of("alice", "dave"), List.of("alice", "erin"),
            List.of("bob", "carol"), List.of("bob", "dave"), List.of("bob", "erin"),
            List.of("carol", "erin"), List.of("dave", "erin"),
            List.of("alice", "chloe"), List.of("alice", "gabriel"),
            List.of("bob", "lena"), List.of("frank", "hugo"), List.of("frank", "isabel"),
            List.of("maya", "chloe"), List.of("maya", "rachel"), List.of("maya", "marcus"),
            List.of("omar", "uma"), List.of("priya", "oscar"), List.of("quentin", "wendy"),
            List.of("sofia", "ingrid"), List.of("tom", "sam"), List.of("yuki", "fatima"),
            List.of("zoe", "lena"), List.of("nora", "diego"), List.of("victor", "ben"),
            List.of("rachel", "carol"), List.of("diego", "dave"));

    private static final Map<String, DemoUser> BY_NAME = index();

    private DemoOrganisation() {
    }

    private static DemoUser user(String username, String displayName, String department, String title, String manager) {
        return new DemoUser(username, displayName, department, title, Optional.ofNullable(manager));
    }

    private static Map<String, DemoUser> index() {
        Map<String, DemoUser> byName = new LinkedHashMap<>();
        for (DemoUser u : USERS) {
            if (byName.put(u.username(), u) != null) {
                throw new IllegalStateException("Duplicate demo user " + u.username());
            }
        }
        return Map.copyOf(byName);
    }

    public static Optional<DemoUser> user(String username) {
        return Optional.ofNullable(BY_NAME.get(username));
    }

    /** The departments in the order they are listed. */
    public static List<String> departments() {
        return USERS.stream().map(DemoUser::department).distinct().toList();
    }

    /** Whom {@code username} has on their buddy list; symmetric: a in contacts(b) iff b in contacts(a). */
    public static Set<String> contactsOf(String username) {
        DemoUser me = BY_NAME.get(username);
        if (me == null) {
            return Set.of();
        }
        Set<String> contacts = new TreeSet<>();
        for (DemoUser other : USERS) {
            if (!other.username().equals(username) && know(me, other)) {
                contacts.add(other.username());
            }
        }
        return contacts;
    }

    private static boolean know(DemoUser a, DemoUser b) {
        return a.department().equals(b.department())
                || a.manager().filter(b.username()::equals).isPresent()
                || b.manager().filter(a.username()::equals).isPresent()
                || CROSS_DEPARTMENT.contains(List.of(a.username(), b.username()))
                || CROSS_DEPARTMENT.contains(List.of(b.username(), a.username()));
    }
}
