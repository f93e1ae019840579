package io.switchboard.bench.ldap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic test people for a directory: {@code user00001} … {@code userNNNNN} as
 * inetOrgPerson entries, plus one person ({@link #ODD_ONE_UID}) whose cn holds the LDAP filter
 * metacharacters {@code ( ) *} so that filter-injection tests have something to trip over.
 * The same count always gives the same people, so a test may compute what it expects.
 *
 * <p>Names come from two small lists (20 × 20), so the first 400 users have distinct names and
 * larger sets have namesakes, as real directories do. Numbers are fictional: the desk numbers are
 * the 555-01xx range with a per-user extension, the mobiles 555-01xx of another area.
 */
public final class DirectoryPeople {

    /** Every generated person's password. */
    public static final String PASSWORD = "people-secret";
    /** uid of the person with filter metacharacters in cn. */
    public static final String ODD_ONE_UID = "zed.test";
    /** cn of that person: unescaped in a filter it is {@code (cn=Zed (x*) Test)}, which matches nothing sane. */
    public static final String ODD_ONE_CN = "Zed (x*) Test";
    /** The departments, in the order users are spread over them. */
    public static final List<String> DEPARTMENTS = List.of("Sales", "Engineering", "Support", "Finance", "Operations");

    private static final List<String> GIVEN_NAMES = List.of("Ann", "Bob", "Carla", "David", "Emma", "Felix", "Grace",
            "Hugo", "Iris", "Jonas", "Karin", "Liam", "Mona", "Nils", "Olga", "Paul", "Quinn", "Rosa", "Sven", "Tara");
    private static final List<String> SURNAMES = List.of("Anders", "Brown", "Costa", "Dubois", "Evans", "Fischer",
            "Garcia", "Hansen", "Ito", "Jensen", "Kowalski", "Larsen", "Meyer", "Novak", "Olsen", "Petrov", "Quist",
            "Rossi", "Schmidt", "Tanaka");
    private static final List<String> TITLES = List.of("Manager", "Engineer", "Agent", "Analyst", "Assistant");

    /** One person as the directory holds it (the password is {@link #PASSWORD} for all). */
    public record Person(String uid, String cn, String givenName, String sn, String mail, String telephoneNumber,
                         String mobile, String title, String department) {

        /** The entry's DN below {@code peopleBase}. */
        public String dn(String peopleBase) {
            return "uid=" + uid + "," + peopleBase;
        }
    }

    private DirectoryPeople() {
    }

    /** {@code count} numbered users followed by the odd one: {@code count + 1} people. */
    public static List<Person> generate(int count) {
        if (count < 0 || count > 99_999) {
            throw new IllegalArgumentException("uids have five digits: 0..99999 people, not " + count);
        }
        List<Person> people = new ArrayList<>(count + 1);
        for (int i = 1; i <= count; i++) {
            people.add(numbered(i));
        }
        people.add(new Person(ODD_ONE_UID, ODD_ONE_CN, "Zed", "Test", "zed.test@switchboard.test",
                "+1 408 555 0199 ext. 9999", "+1 650 555 0199", "Tester", DEPARTMENTS.get(0)));
        return List.copyOf(people);
    }

    private static Person numbered(int i) {
        int n = i - 1;
        String given = GIVEN_NAMES.get(n % GIVEN_NAMES.size());
        String sn = SURNAMES.get((n / GIVEN_NAMES.size()) % SURNAMES.size());
        String uid = "user%05d".formatted(i);
        return new Person(uid, given + " " + sn, given, sn, uid + "@switchboard.test",
                "+1 408 555 01%02d ext. %d".formatted(n % 100, 10_000 + i),
                "+1 650 555 01%02d".formatted((n / 100) % 100),
                TITLES.get(n % TITLES.size()), DEPARTMENTS.get(n % DEPARTMENTS.size()));
    }

    /**
     * Writes the LDIF slapadd loads: the suffix entry, {@code ou=people}, then every person with
     * {@code userPassword} set to {@code passwordValue} (a {SSHA} hash or the plain password).
     */
    public static void writeLdif(Path file, String suffix, String peopleBase, List<Person> people, String passwordValue)
            throws IOException {
        String dc = suffix.substring(suffix.indexOf('=') + 1, suffix.indexOf(','));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("dn: " + suffix + "\nobjectClass: dcObject\nobjectClass: organization\ndc: " + dc
                    + "\no: Switchboard test directory\n\n");
            out.write("dn: " + peopleBase + "\nobjectClass: organizationalUnit\nou: people\n\n");
            for (Person person : people) {
                out.write(entry(person, peopleBase, passwordValue));
            }
        }
    }

    /** One entry; every value is plain ASCII without a leading space, colon or '<', so none needs base64. */
    static String entry(Person p, String peopleBase, String passwordValue) {
        return "dn: " + p.dn(peopleBase) + "\n"
                + "objectClass: inetOrgPerson\n"
                + "uid: " + p.uid() + "\n"
                + "cn: " + p.cn() + "\n"
                + "sn: " + p.sn() + "\n"
                + "givenName: " + p.givenName() + "\n"
                + "displayName: " + p.cn() + "\n"
                + "mail: " + p.mail() + "\n"
                + "telephoneNumber: " + p.telephoneNumber() + "\n"
                + "mobile: " + p.mobile() + "\n"
                + "title: " + p.title() + "\n"
                + "ou: " + p.department() + "\n"
                + "userPassword: " + passwordValue + "\n\n";
    }
}
