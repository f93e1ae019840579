package io.switchboard.app.preset;

import io.switchboard.app.settings.PlatformDirectories;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system-wide client configuration file IT writes when it installs the client (ADR 0031).
 * Whatever is wrong with it (too big, unreadable, not UTF-8, bad lines) is logged as a warning
 * naming the file, and the client starts with what is usable: a broken preset must never keep
 * a user from signing in.
 */
public final class SystemPresetFile {

    /** Points at another file than the platform's (tests, IT trying a preset out). */
    public static final String LOCATION_VARIABLE = "SWITCHBOARD_SYSTEM_CONFIG";
    /** A dozen keys fit in a few hundred bytes: a bigger file is not one IT wrote for us. */
    static final int MAX_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SystemPresetFile.class);

    private final Path file;

    public SystemPresetFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** {@value #LOCATION_VARIABLE} when set, else the platform's place (see {@link PlatformDirectories#systemConfigFile()}). */
    public static SystemPresetFile locate(Map<String, String> environment, PlatformDirectories directories) {
        String override = environment.get(LOCATION_VARIABLE);
        return new SystemPresetFile(override == null || override.isBlank() ? directories.systemConfigFile()
                : Path.of(override.strip()));
    }

    public Path file() {
        return file;
    }

    /** The preset; {@link SystemPreset#NONE} when there is no file or nothing usable in it. */
    public SystemPreset read() {
        String text;
        try {
            text = text();
        } catch (NoSuchFileException e) {
            LOG.debug("No system-wide client configuration at {}", file);
            return SystemPreset.NONE;
        } catch (IOException e) {
            LOG.warn("The system-wide client configuration {} is ignored: {}", file, e.getMessage());
            return SystemPreset.NONE;
        }
        SystemPresetParser.Result result = SystemPresetParser.parse(text, file.toString());
        result.warnings().forEach(warning -> LOG.warn("System-wide client configuration {}", warning));
        if (!result.preset().isEmpty()) {
            LOG.info("System-wide client configuration {}: preset {}, locked {}", file,
                    java.util.Arrays.stream(PresetKey.values()).filter(result.preset()::has).toList(),
                    result.preset().locked());
        }
        return result.preset();
    }

    /** @throws IOException saying why the file cannot be used as a whole */
    private String text() throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("it is a directory");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);   // never more, however big the file claims or grows to be
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("it is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("it is not UTF-8 text", e);
        }
    }
}
