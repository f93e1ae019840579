package io.switchboard.server.demo;

import com.unboundid.ldap.sdk.Entry;

import io.switchboard.server.demo.DemoOrganisation.DemoUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link DemoOrganisation} as directory entries (inetOrgPerson under {@code ou=people}), for the
 * embedded directory: the demo password, name parts, mail at the server's domain, title, department,
 * the desk line's extension as the work number and a mobile number from Ofcom's drama range
 * (+44 7700 900xxx, never a real phone).
 */
public final class DemoPeople {

    private final String domain;
    private final String peopleBase;

    public DemoPeople(String domain, String peopleBase) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.peopleBase = Objects.requireNonNull(peopleBase, "peopleBase");
    }

    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (DemoUser user : DemoOrganisation.USERS) {
            entries.add(entry(user, index++));
        }
        return entries;
    }

    /** The DN of {@code username}'s entry. */
    public String dnOf(String username) {
        return "uid=" + username + "," + peopleBase;
    }

    private Entry entry(DemoUser user, int index) {
        Entry entry = new Entry(dnOf(user.username()));
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson");
        entry.addAttribute("uid", user.username());
        entry.addAttribute("cn", user.displayName());
        entry.addAttribute("displayName", user.displayName());
        entry.addAttribute("givenName", user.firstName());
        entry.addAttribute("sn", surname(user));
        entry.addAttribute("mail", user.username() + "@" + domain);
        entry.addAttribute("title", user.title());
        entry.addAttribute("ou", user.department());
        entry.addAttribute("userPassword", DemoDirectory.PASSWORD);
        DemoDeskLines.lineOf(user.username()).ifPresent(line -> entry.addAttribute("telephoneNumber", line));
        entry.addAttribute("mobile", String.format("+44 7700 900%03d", 100 + index));
        return entry;
    }

    private static String surname(DemoUser user) {
        String name = user.displayName();
        int space = name.lastIndexOf(' ');
        return space < 0 ? name : name.substring(space + 1);
    }
}
