package io.switchboard.app.directory;

import io.switchboard.app.phone.CallerDirectory;
import io.switchboard.app.ui.UiDispatcher;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryEntry;
import io.switchboard.core.service.DirectoryService;
import io.switchboard.core.service.ServiceException;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caller identification from the company directory: by the caller's address, and when the caller
 * is a number (a call from the phone network, {@code +447700900002@domain}), by that number.
 * A failing directory leaves the caller as they are: a ringing call is no place for an error.
 */
public final class DirectoryCallerId implements CallerDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryCallerId.class);
    /** A user part that is a phone number: digits, an optional leading +, spacing a phone may add. */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 ().-]*");

    private final DirectoryAccess access;
    private final Executor executor;
    private final UiDispatcher ui;

    public DirectoryCallerId(DirectoryAccess access, Executor executor, UiDispatcher ui) {
        this.access = Objects.requireNonNull(access, "access");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** A call that rings before the server has said where the directory is waits for it. */
    @Override
    public void identify(Address caller, Consumer<CallerIdentity> found) {
        access.whenFound(directory -> executor.execute(() -> {
            try {
                lookUp(directory.service(), caller).ifPresent(entry -> {
                    CallerIdentity identity = new CallerIdentity(entry.displayName(), entry.role());
                    ui.run(() -> found.accept(identity));
                });
            } catch (ServiceException | RuntimeException e) {
                LOG.info("The directory at {} could not name the caller {}: {}", directory.url(), caller,
                        e.toString());
            }
        }));
    }

    static Optional<DirectoryEntry> lookUp(DirectoryService directory, Address caller) throws ServiceException {
        Optional<DirectoryEntry> byAddress = directory.entry(caller);
        if (byAddress.isPresent() || !NUMBER.matcher(caller.local()).matches()) {
            return byAddress;
        }
        return directory.byPhoneNumber(caller.local());
    }
}
