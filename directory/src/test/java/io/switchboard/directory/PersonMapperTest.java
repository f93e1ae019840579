package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.junit.jupiter.api.Test;

/** Entries as the directory returns them, read through both attribute profiles. */
class PersonMapperTest {

    private final PersonMapper openLdap = new PersonMapper(AttributeProfile.OPENLDAP);
    private final PersonMapper activeDirectory = new PersonMapper(AttributeProfile.ACTIVE_DIRECTORY);

    @Test
    void readsAnOpenLdapPerson() throws LdapException {
        Entry entry = new DefaultEntry("uid=JDoe,ou=people,dc=switchboard,dc=test",
                "objectClass: inetOrgPerson",
                "uid: JDoe",
                "cn: John Doe",
                "displayName: Johnny Doe",
                "mail: jdoe@switchboard.test",
                "title: Engineer",
                "ou: Research",
                "telephoneNumber: +44 20 7946 0958",
                "telephoneNumber: +44 20 7946 0959",
                "mobile: +1 408 555 0123",
                "entryUUID: 3c8f5a1e-2b4d-4f6a-9c1e-5d7b8a9f0e21",
                "modifyTimestamp: 20240102030405Z");
        entry.add("jpegPhoto", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

        DirectoryPerson person = openLdap.toPerson(entry).orElseThrow();

        assertThat(person.dn()).isEqualTo("uid=JDoe,ou=people,dc=switchboard,dc=test");
        assertThat(person.username()).isEqualTo("jdoe");
        assertThat(person.displayName()).isEqualTo("Johnny Doe");
        assertThat(person.mail()).contains("jdoe@switchboard.test");
        assertThat(person.title()).contains("Engineer");
        assertThat(person.department()).contains("Research");
        assertThat(person.workPhones()).containsExactly("+44 20 7946 0958", "+44 20 7946 0959");
        assertThat(person.mobilePhones()).containsExactly("+1 408 555 0123");
        assertThat(person.uniqueId()).isEqualTo("3c8f5a1e-2b4d-4f6a-9c1e-5d7b8a9f0e21");
        assertThat(person.modified()).contains(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(person.photo()).hasValueSatisfying(photo -> assertThat(photo).hasSize(3));
    }

    @Test
    void readsAnActiveDirectoryUser() throws LdapException {
        Entry entry = new DefaultEntry("CN=Jane Roe,OU=Staff,DC=corp,DC=test",
                "objectClass: user",
                "sAMAccountName: JRoe",
                "cn: Jane Roe",
                "department: Sales",
                "telephoneNumber: (408) 555-0150",
                "whenChanged: 20250607080910.0Z");
        entry.add("objectGUID", HexFormat.of().parseHex("a4b3c2d1f6e5181719 1a1b1c1d1e1f20".replace(" ", "")));
        entry.add("thumbnailPhoto", new byte[] {1, 2, 3, 4});

        DirectoryPerson person = activeDirectory.toPerson(entry).orElseThrow();

        assertThat(person.username()).isEqualTo("jroe");
        assertThat(person.displayName()).isEqualTo("Jane Roe");
        assertThat(person.department()).contains("Sales");
        assertThat(person.uniqueId()).isEqualTo("d1c2b3a4-e5f6-1718-191a-1b1c1d1e1f20");
        assertThat(person.modified()).contains(Instant.parse("2025-06-07T08:09:10Z"));
        assertThat(person.photo()).hasValueSatisfying(photo -> assertThat(photo).containsExactly(1, 2, 3, 4));
    }

    @Test
    void convertsObjectGuidBytesToTheUsualSpelling() {
        // the GUID AD shows as {01234567-89AB-CDEF-0123-456789ABCDEF} is stored 67 45 23 01 AB 89 EF CD 01 23 ...
        byte[] stored = HexFormat.of().parseHex("67452301ab89efcd0123456789abcdef");

        assertThat(PersonMapper.guidToUuid(stored)).isEqualTo("01234567-89ab-cdef-0123-456789abcdef");
    }

    @Test
    void theDisplayNameFallsBackToTheCommonNameThenTheUsername() throws LdapException {
        Entry withCn = new DefaultEntry("uid=a,dc=test", "uid: a", "cn: Ann Example");
        Entry bare = new DefaultEntry("uid=b,dc=test", "uid: B");

        assertThat(openLdap.toPerson(withCn).orElseThrow().displayName()).isEqualTo("Ann Example");
        assertThat(openLdap.toPerson(bare).orElseThrow().displayName()).isEqualTo("b");
    }

    @Test
    void anEntryWithoutAUsernameIsSkipped() throws LdapException {
        assertThat(openLdap.toPerson(new DefaultEntry("cn=x,dc=test", "cn: x"))).isEmpty();
        assertThat(activeDirectory.toPerson(new DefaultEntry("cn=x,dc=test", "cn: x", "uid: x"))).isEmpty();
    }

    @Test
    void withoutAUniqueIdTheDnStandsIn() throws LdapException {
        Entry entry = new DefaultEntry("uid=a,dc=test", "uid: a");

        assertThat(openLdap.toPerson(entry).orElseThrow().uniqueId()).isEqualTo("uid=a,dc=test");
    }

    @Test
    void aPhotoOverTheLimitIsDropped() throws LdapException {
        byte[] atLimit = new byte[PersonMapper.MAX_PHOTO_BYTES];
        byte[] overLimit = Arrays.copyOf(atLimit, PersonMapper.MAX_PHOTO_BYTES + 1);
        Entry small = new DefaultEntry("uid=a,dc=test", "uid: a");
        small.add("jpegPhoto", atLimit);
        Entry big = new DefaultEntry("uid=b,dc=test", "uid: b");
        big.add("jpegPhoto", overLimit);

        assertThat(openLdap.toPerson(small).orElseThrow().photo()).isPresent();
        assertThat(openLdap.toPerson(big).orElseThrow().photo()).isEmpty();
    }

    @Test
    void anUnreadableTimestampIsIgnored() throws LdapException {
        Entry entry = new DefaultEntry("uid=a,dc=test", "uid: a", "modifyTimestamp: yesterday");

        assertThat(openLdap.toPerson(entry).orElseThrow().modified()).isEmpty();
    }

    @Test
    void asksForTheOperationalAttributesByName() {
        assertThat(openLdap.attributes()).contains("entryUUID", "modifyTimestamp", "uid", "jpegPhoto");
        assertThat(activeDirectory.attributes()).contains("objectGUID", "whenChanged", "sAMAccountName");
    }
}
