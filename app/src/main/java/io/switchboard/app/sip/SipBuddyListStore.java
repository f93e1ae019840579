package io.switchboard.app.sip;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.switchboard.core.model.Address;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buddy lists of SIP accounts, one JSON file per address of record in one directory. SIP has
 * no server-side roster (SipClientSession keeps its list in memory), so the client keeps it.
 * A missing file is an empty list; an unreadable or oversized one also (kept beside it as
 * {@code .corrupt}), never a crash. Writes replace the file in one move. Thread-safe per file
 * as long as one writer thread saves (production: the settings writer).
 */
public final class SipBuddyListStore {

    private static final Logger LOG = LoggerFactory.getLogger(SipBuddyListStore.class);
    /** Far above any real buddy list (a few thousand entries); a bigger file is not ours. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private final Path directory;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public SipBuddyListStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The file of {@code account}: its address, lower case and percent-encoded, so any address is one safe file name. */
    public Path file(Address account) {
        String name = URLEncoder.encode(account.toString().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
        return directory.resolve(name + ".json");
    }

    public List<SavedBuddy> load(Address account) {
        Path file = file(account);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return unreadable(file, "is larger than " + MAX_FILE_BYTES + " bytes");
            }
            List<SavedBuddy> buddies = json.readValue(file.toFile(), new TypeReference<List<SavedBuddy>>() { });
            return buddies == null ? List.of() : buddies.stream().filter(Objects::nonNull).toList();
        } catch (JacksonException e) {
            return unreadable(file, "is not a valid buddy list (" + e.getOriginalMessage() + ")");
        } catch (IOException | RuntimeException e) {
            return unreadable(file, "could not be read (" + e.getMessage() + ")");
        }
    }

    public void save(Address account, List<SavedBuddy> buddies) throws IOException {
        Path file = file(account);
        Files.createDirectories(directory);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(temp.toFile(), buddies);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<SavedBuddy> unreadable(Path file, String why) {
        LOG.warn("The SIP buddy list {} {}; starting with an empty list", file, why);
        Path kept = file.resolveSibling(file.getFileName() + ".corrupt");
        try {
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Could not keep the unreadable buddy list as {}: {}", kept, e.getMessage());
        }
        return List.of();
    }
}
