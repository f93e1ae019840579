package io.switchboard.directory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.util.GeneralizedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a directory entry as a {@link DirectoryPerson} through an {@link AttributeProfile}. Lenient
 * about what the directory lacks (no display name, no photo, no timestamp), strict about the
 * username: an entry without one cannot sign in nor be told apart, and is skipped.
 */
final class PersonMapper {

    /** Photos above this are dropped: a directory photo is an avatar, and the size travels to every client. */
    static final int MAX_PHOTO_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PersonMapper.class);
    private static final int GUID_BYTES = 16;

    private final AttributeProfile profile;

    PersonMapper(AttributeProfile profile) {
        this.profile = profile;
    }

    /** The attributes to ask for: operational ones (entryUUID, modifyTimestamp) only come when named. */
    String[] attributes() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : List.of(nullToEmpty(profile.uniqueId()), nullToEmpty(profile.username()),
                nullToEmpty(profile.displayName()), nullToEmpty(profile.commonName()), nullToEmpty(profile.mail()),
                nullToEmpty(profile.title()), nullToEmpty(profile.department()), nullToEmpty(profile.workPhone()),
                nullToEmpty(profile.mobilePhone()), nullToEmpty(profile.photo()), nullToEmpty(profile.modified()))) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names.toArray(String[]::new);
    }

    /** The person, or empty when the entry has no username. */
    Optional<DirectoryPerson> toPerson(Entry entry) {
        String dn = entry.getDn().getName();
        Optional<String> username = text(entry, profile.username()).map(u -> u.toLowerCase(Locale.ROOT));
        if (username.isEmpty()) {
            LOG.debug("Skipping {}: no {}", dn, profile.username());
            return Optional.empty();
        }
        String displayName = text(entry, profile.displayName())
                .or(() -> text(entry, profile.commonName()))
                .orElse(username.get());
        return Optional.of(new DirectoryPerson(dn, uniqueId(entry).orElse(dn), username.get(), displayName,
                text(entry, profile.mail()), text(entry, profile.title()), text(entry, profile.department()),
                texts(entry, profile.workPhone()), texts(entry, profile.mobilePhone()), photo(entry, dn),
                modified(entry, dn)));
    }

    private Optional<String> uniqueId(Entry entry) {
        Attribute attribute = attribute(entry, profile.uniqueId());
        if (attribute == null || attribute.get() == null) {
            return Optional.empty();
        }
        Value value = attribute.get();
        if (!value.isHumanReadable() && value.getBytes() != null && value.getBytes().length == GUID_BYTES) {
            return Optional.of(guidToUuid(value.getBytes()));
        }
        return Optional.ofNullable(value.getString()).filter(s -> !s.isBlank());
    }

    /**
     * Active Directory's objectGUID in the usual UUID spelling: its first three fields are stored
     * little-endian, the last eight bytes as they are (the Microsoft GUID layout).
     */
    static String guidToUuid(byte[] guid) {
        ByteBuffer bytes = ByteBuffer.wrap(guid).order(ByteOrder.LITTLE_ENDIAN);
        long timeLow = Integer.toUnsignedLong(bytes.getInt());
        long timeMid = Short.toUnsignedLong(bytes.getShort());
        long timeHigh = Short.toUnsignedLong(bytes.getShort());
        long rest = bytes.order(ByteOrder.BIG_ENDIAN).getLong();
        return new UUID(timeLow << 32 | timeMid << 16 | timeHigh, rest).toString();
    }

    private Optional<byte[]> photo(Entry entry, String dn) {
        Attribute attribute = attribute(entry, profile.photo());
        if (attribute == null || attribute.get() == null || attribute.get().getBytes() == null) {
            return Optional.empty();
        }
        byte[] bytes = attribute.get().getBytes();
        if (bytes.length == 0) {
            return Optional.empty();
        }
        if (bytes.length > MAX_PHOTO_BYTES) {
            LOG.debug("Dropping the {} of {}: {} bytes, more than {}", profile.photo(), dn, bytes.length,
                    MAX_PHOTO_BYTES);
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    private Optional<Instant> modified(Entry entry, String dn) {
        Optional<String> text = text(entry, profile.modified());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GeneralizedTime(text.get()).getDate().toInstant());
        } catch (ParseException e) {
            LOG.debug("Ignoring the {} of {}: {} is not a GeneralizedTime", profile.modified(), dn, text.get());
            return Optional.empty();
        }
    }

    private static Optional<String> text(Entry entry, String name) {
        Attribute attribute = attribute(entry, name);
        if (attribute == null || attribute.get() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(attribute.get().getString()).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static List<String> texts(Entry entry, String name) {
        Attribute attribute = attribute(entry, name);
        List<String> values = new ArrayList<>();
        if (attribute != null) {
            for (Value value : attribute) {
                String text = value.getString();
                if (text != null && !text.isBlank()) {
                    values.add(text.strip());
                }
            }
        }
        return values;
    }

    private static Attribute attribute(Entry entry, String name) {
        return name == null || name.isEmpty() ? null : entry.get(name);
    }

    private static String nullToEmpty(String name) {
        return name == null ? "" : name;
    }
}
