package io.switchboard.app.directory;

import io.switchboard.app.buddylist.AddContactDialog;
import io.switchboard.app.buddylist.AddContactViewModel;
import io.switchboard.core.model.DirectoryEntry;

import javafx.stage.Window;

/** "Add to contacts" from the directory: the buddy list's own dialog, filled in; the user picks the group. */
final class AddToContacts {

    private AddToContacts() {
    }

    static void show(DirectoryActions actions, DirectoryEntry entry, Window owner) {
        AddContactViewModel form = actions.addContactForm(entry);
        new AddContactDialog(form, owner).showAndWait()
                .filter(AddContactDialog.ADD::equals)
                .ifPresent(b -> form.submit());
    }
}
