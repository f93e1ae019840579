package io.switchboard.app.recents;

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

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call history of each account, one JSON file per address in one directory, newest call
 * first and never more than {@link #MAX_ENTRIES}: older calls fall off when a new one is saved.
 * A missing file is an empty history; an unreadable or oversized one also (kept beside it as
 * {@code .corrupt}), never a crash. Writes replace the file in one move; one writer thread saves.
 */
public final class CallHistoryStore {

    private static final Logger LOG = LoggerFactory.getLogger(CallHistoryStore.class);
    /** As many calls as a phone's "recents" usually keeps. */
    public static final int MAX_ENTRIES = 500;
    /** 500 entries are ~100 KB; a bigger file is not ours. */
    static final long MAX_FILE_BYTES = 1024L * 1024;

    private final Path directory;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public CallHistoryStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The file of {@code account}: its address, lower case and percent-encoded, so any address is one safe file name. */
    public Path file(Address account) {
        String name = URLEncoder.encode(account.toString().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
        return directory.resolve(name + ".json");
    }

    /** Newest first, at most {@link #MAX_ENTRIES}. */
    public List<CallRecord> load(Address account) {
        Path file = file(account);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return unreadable(file, "is larger than " + MAX_FILE_BYTES + " bytes");
            }
            List<CallRecord> calls = json.readValue(file.toFile(), new TypeReference<List<CallRecord>>() { });
            return calls == null ? List.of() : bounded(calls.stream().filter(Objects::nonNull).toList());
        } catch (JacksonException e) {
            return unreadable(file, "is not a valid call history (" + e.getOriginalMessage() + ")");
        } catch (IOException | RuntimeException e) {
            return unreadable(file, "could not be read (" + e.getMessage() + ")");
        }
    }

    /** Saves {@code calls} (newest first), dropping all but the newest {@link #MAX_ENTRIES}. */
    public void save(Address account, List<CallRecord> calls) throws IOException {
        Path file = file(account);
        Files.createDirectories(directory);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(temp.toFile(), bounded(calls));
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static List<CallRecord> bounded(List<CallRecord> calls) {
        return calls.size() <= MAX_ENTRIES ? List.copyOf(calls) : List.copyOf(calls.subList(0, MAX_ENTRIES));
    }

    private static List<CallRecord> unreadable(Path file, String why) {
        LOG.warn("The call history {} {}; starting with an empty history", file, why);
        Path kept = file.resolveSibling(file.getFileName() + ".corrupt");
        try {
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Could not keep the unreadable call history as {}: {}", kept, e.getMessage());
        }
        return List.of();
    }
}
