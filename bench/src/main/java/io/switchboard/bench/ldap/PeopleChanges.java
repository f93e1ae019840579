package io.switchboard.bench.ldap;

import io.switchboard.bench.ldap.DirectoryPeople.Person;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import java.util.List;

/**
 * Changes an administrator makes to seeded people, over LDAP (so slapd stamps modifyTimestamp as
 * for any change): what an incremental sync must pick up, and a full one notice as gone.
 */
public final class PeopleChanges {

    private PeopleChanges() {
    }

    /** The title {@link #promote} gives. */
    public static final String NEW_TITLE = "Promoted";

    /** A desk number no seeded person has: {@code +1 408 555 02xx} with the person's own extension. */
    public static String newDeskNumber(Person person) {
        return person.telephoneNumber().replace(" 555 01", " 555 02");
    }

    /** Gives each person {@link #NEW_TITLE} and {@link #newDeskNumber}, one modify request each. */
    public static void promote(LDAPConnection admin, List<Person> people) throws LDAPException {
        for (Person person : people) {
            admin.modify(person.dn(Slapd.PEOPLE_BASE),
                    new Modification(ModificationType.REPLACE, "title", NEW_TITLE),
                    new Modification(ModificationType.REPLACE, "telephoneNumber", newDeskNumber(person)));
        }
    }

    /** Deletes each person's entry. */
    public static void delete(LDAPConnection admin, List<Person> people) throws LDAPException {
        for (Person person : people) {
            admin.delete(person.dn(Slapd.PEOPLE_BASE));
        }
    }
}
