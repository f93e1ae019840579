package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads {@code server.yaml}, and writes the commented default file on first start.
 *
 * <p>Keys are kebab-case ({@code max-stanza-bytes}). A file may set only some keys: the rest
 * keep their defaults. A key we do not know is an error naming the key, because a silently
 * ignored typo ({@code tls-requierd: true}) is worse than a server that does not start.
 */
public final class ServerConfigFile {

    public static final String FILE_NAME = "server.yaml";
    static final String TEMPLATE_RESOURCE = "default-server.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(ServerConfigFile.class);

    private final YAMLMapper mapper;

    public ServerConfigFile() {
        mapper = YAMLMapper.builder(new YAMLFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL))
                .withConfigOverride(String.class,
                        o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .build();
    }

    /** Loads {@code file}, first writing the commented defaults there if it does not exist. */
    public ServerConfig loadOrCreate(Path file) throws ConfigException {
        if (Files.notExists(file)) {
            writeDefaults(file);
        }
        return load(file);
    }

    /** Loads and validates {@code file}; missing keys take their defaults. */
    public ServerConfig load(Path file) throws ConfigException {
        JsonNode fileTree;
        try (InputStream in = Files.newInputStream(file)) {
            fileTree = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new ConfigException(file + " is not valid YAML" + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        ServerConfig config = fromTree(file, fileTree);
        config.validate();
        return config;
    }

    /** Writes the commented default configuration; refuses to overwrite an existing file. */
    public void writeDefaults(Path file) throws ConfigException {
        try (InputStream template = ServerConfigFile.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            Objects.requireNonNull(template, "template resource " + TEMPLATE_RESOURCE + " is missing from the build");
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            // owner-only: the file may come to hold the database password
            OwnerOnlyFiles.write(file, template.readAllBytes());
            LOG.info("Wrote default configuration to {}", file);
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException("Configuration file " + file + " already exists; not overwriting it", e);
        } catch (IOException e) {
            throw new ConfigException("Cannot write the default configuration to " + file + ": " + e.getMessage(), e);
        }
    }

    private ServerConfig fromTree(Path file, JsonNode fileTree) throws ConfigException {
        JsonNode merged = mapper.valueToTree(ServerConfig.defaults());
        try {
            if (fileTree != null && !(fileTree instanceof MissingNode) && !fileTree.isNull()) {
                if (!fileTree.isObject()) {
                    throw new ConfigException(file + " must hold a mapping of settings (key: value), not a "
                            + fileTree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
                }
                // deep merge: a file that sets c2s.port alone keeps every other c2s default
                merged = mapper.readerForUpdating(merged).readValue(fileTree);
            }
            return mapper.treeToValue(merged, ServerConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? ""
                    : "; known keys here: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", "));
            throw new ConfigException("Unknown setting '" + keyPath(e) + "' in " + file + known, e);
        } catch (InvalidNullException e) {
            throw new ConfigException("Setting '" + keyPath(e) + "' in " + file + " has no value; give one or remove the line", e);
        } catch (JsonMappingException e) {
            throw new ConfigException("Setting '" + keyPath(e) + "' in " + file + " is not valid: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String keyPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ")";
    }
}
