package io.switchboard.app.buddylist;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone-status choices as a small text file next to the settings: one address per line.
 * Written to a temporary file and moved into place, so a crash never leaves half a list; lines
 * that are not addresses (edited by hand) are skipped. A file of its own rather than a field of
 * the settings record, which belongs to the settings screen's owners.
 */
public final class PhoneStatusFile implements PhoneStatusChoices {

    /** Far more than anyone watches; a larger file was not written by us and is not read whole. */
    static final int MAX_ENTRIES = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(PhoneStatusFile.class);

    private final Path file;

    public PhoneStatusFile(Path file) {
        this.file = file;
    }

    @Override
    public Set<Address> load() {
        Set<Address> chosen = new LinkedHashSet<>();
        if (!Files.exists(file)) {
            return chosen;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (chosen.size() >= MAX_ENTRIES) {
                    break;
                }
                if (!line.isBlank()) {
                    chosen.add(Address.parse(line.strip()));
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot read the phone-status choices in {}: {}", file, e.getMessage());
        } catch (InvalidAddressException e) {
            LOG.warn("Skipping the rest of {}: {}", file, e.getMessage());
        }
        return chosen;
    }

    @Override
    public void save(Set<Address> chosen) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, chosen.stream().map(Address::toString).toList(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Cannot save the phone-status choices in {}: {}", file, e.getMessage());
        }
    }
}
