package io.switchboard.app.buddylist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.app.directory.DirectoryActions;
import io.switchboard.app.phone.Dialer;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryEntry;
import io.switchboard.directory.PhoneNumbers;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Add to contacts" from the directory: the buddy list's own form, filled in, into the chosen group. */
class DirectoryAddToContactsTest {

    private final FakeSession session = new FakeSession();
    private final DirectUi ui = new DirectUi();
    private BuddyListViewModel buddies;

    @AfterEach
    void tearDown() {
        if (buddies != null) {
            buddies.dispose();
        }
        session.close();
    }

    @Test
    void theFormComesFilledInAndAddsToTheChosenGroup() {
        buddies = new BuddyListViewModel(session, ui, ui, new FakeConversations(),
                new SettingsModel(AppSettings.defaults(), s -> { }));
        session.awaitEvents();
        DirectoryActions actions = new DirectoryActions(new FakeConversations(), Dialer.NONE, url -> { }, ui,
                Address.of("alice", "example.com"), new PhoneNumbers("GB"), buddies::newAddContactForm,
                buddies::presenceColour);
        DirectoryEntry bob = new DirectoryEntry(Address.of("bob", "example.com"), "Bob Brown",
                Optional.of("Software Engineer"), Optional.of("Engineering"), Optional.empty(), List.of("1002"),
                List.of(), Optional.empty());

        AddContactViewModel form = actions.addContactForm(bob);
        assertThat(form.addressProperty().get()).isEqualTo("bob@example.com");
        assertThat(form.displayNameProperty().get()).isEqualTo("Bob Brown");
        form.groupProperty().set("Engineering");

        assertThat(form.submit()).isTrue();
        await().until(() -> session.contacts.calls().contains("add bob@example.com 'Bob Brown' [Engineering]"));
    }
}
