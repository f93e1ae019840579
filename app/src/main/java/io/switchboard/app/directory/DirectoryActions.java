package io.switchboard.app.directory;

import io.switchboard.app.buddylist.AddContactViewModel;
import io.switchboard.app.chat.Conversations;
import io.switchboard.app.chat.LinkOpener;
import io.switchboard.app.phone.DialTarget;
import io.switchboard.app.phone.Dialer;
import io.switchboard.app.ui.Background;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryEntry;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.core.model.PresenceColour;
import io.switchboard.directory.PhoneNumbers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one can do with a person found in the directory, shared by the search results and the
 * contact card: chat, call (their address, or a number of theirs), mail, add to contacts. Chat and
 * calls go where the buddy list's go; used on the UI thread.
 */
public final class DirectoryActions {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryActions.class);

    private final Conversations conversations;
    private final Dialer dialer;
    private final LinkOpener links;
    private final Background background;
    private final Address self;
    private final PhoneNumbers numbers;
    private final Supplier<AddContactViewModel> addContactForms;
    private final Function<Address, ObservableValue<PresenceColour>> presence;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param numbers         turns a directory's spelling of a number into what a phone dials
     * @param addContactForms the buddy list's add-contact form, with its groups
     * @param presence        the live presence colour of an address (grey for someone not in the list)
     */
    public DirectoryActions(Conversations conversations, Dialer dialer, LinkOpener links, Background background,
                            Address self, PhoneNumbers numbers, Supplier<AddContactViewModel> addContactForms,
                            Function<Address, ObservableValue<PresenceColour>> presence) {
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.dialer = Objects.requireNonNull(dialer, "dialer");
        this.links = Objects.requireNonNull(links, "links");
        this.background = Objects.requireNonNull(background, "background");
        this.self = Objects.requireNonNull(self, "self");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.addContactForms = Objects.requireNonNull(addContactForms, "addContactForms");
        this.presence = Objects.requireNonNull(presence, "presence");
    }

    /** A row for {@code entry} with its live presence. */
    public DirectoryResult result(DirectoryEntry entry) {
        return result(new Found(entry, Optional.empty()));
    }

    /** A row for a person found, with the photo decoded off the UI thread; on the UI thread (presence). */
    DirectoryResult result(Found found) {
        return new DirectoryResult(found.entry(), presence.apply(found.entry().address()), found.photo());
    }

    /** On the directory's thread: the entry with its photo decoded. */
    static Found found(DirectoryEntry entry) {
        return new Found(entry, Photos.decode(entry));
    }

    /** A person as the directory's thread hands them to the UI thread. */
    record Found(DirectoryEntry entry, Optional<javafx.scene.image.Image> photo) {
    }

    public void chat(DirectoryEntry entry) {
        conversations.open(entry.address());
    }

    /** Whether "Call" is offered at all: only with a phone (softphone or desk phone). */
    public boolean canOfferCalls() {
        return dialer.isSupported();
    }

    /** Calls the person's address, as calling a contact does. */
    public void call(DirectoryEntry entry) {
        place(entry.address());
    }

    /**
     * Calls one of the person's numbers: the call service dials addresses, so the number is dialled
     * as the dial box dials it (an extension or E.164 number at my own domain, which the phone
     * server routes).
     */
    public void callNumber(String number) {
        String dial = numbers.dialString(number);
        try {
            place(DialTarget.parse(dial, self));
        } catch (InvalidAddressException e) {
            error.set("Cannot call " + number + ": " + e.getMessage());
        }
    }

    private void place(Address who) {
        if (!dialer.availableProperty().get()) {
            error.set("Calls are not available now.");
            return;
        }
        error.set("");
        dialer.call(who);
    }

    /** Opens a new mail to the person in the desktop's mail program. */
    public void email(DirectoryEntry entry) {
        entry.mail().ifPresent(mail -> {
            String url = "mailto:" + URLEncoder.encode(mail, StandardCharsets.UTF_8).replace("%40", "@");
            background.submit("open " + url, () -> {
                links.open(url);
                return null;
            }, ignored -> { }, failure -> {
                LOG.info("Could not open {}: {}", url, failure.toString());
                error.set("Your mail program could not be opened: " + failure.getMessage());
            });
        });
    }

    /** The add-contact form, filled in with the person's address and name; the user picks the group. */
    public AddContactViewModel addContactForm(DirectoryEntry entry) {
        AddContactViewModel form = addContactForms.get();
        form.addressProperty().set(entry.address().toString());
        form.displayNameProperty().set(entry.displayName());
        return form;
    }

    /** The last action that could not be done, for a person; "" when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void dismissError() {
        error.set("");
    }
}
