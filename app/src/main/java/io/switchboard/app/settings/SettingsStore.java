package io.switchboard.app.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link AppSettings} as JSON in one file. A missing file means defaults; a
 * corrupt one also means defaults and a warning (the bad file is kept beside it for a look),
 * never a crash. Writes go to a temporary file first and replace the old one in one move, so a
 * crash while saving cannot leave half a file.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)   // a newer version's file still loads
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private volatile String loadProblem;

    public SettingsStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    public AppSettings load() {
        loadProblem = null;
        if (!Files.exists(file)) {
            return AppSettings.defaults();
        }
        try {
            AppSettings settings = json.readValue(file.toFile(), AppSettings.class);
            if (settings == null) {
                throw new IOException("the file is empty");
            }
            return settings;
        } catch (JacksonException e) {
            return unreadable("is not valid settings JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            return unreadable("could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** Why the last {@link #load()} fell back to defaults, for the UI to mention once. */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    public void save(AppSettings settings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(temp.toFile(), settings);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private AppSettings unreadable(String why, Exception e) {
        loadProblem = "Your settings file " + file + " " + why + "; Switchboard started with default settings.";
        LOG.warn(loadProblem);
        LOG.debug("Reading {} failed", file, e);
        Path kept = file.resolveSibling(file.getFileName() + ".corrupt");
        try {
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("The unreadable settings file was kept as {}", kept);
        } catch (IOException moveFailed) {
            LOG.warn("Could not keep the unreadable settings file as {}: {}", kept, moveFailed.getMessage());
        }
        return AppSettings.defaults();
    }
}
