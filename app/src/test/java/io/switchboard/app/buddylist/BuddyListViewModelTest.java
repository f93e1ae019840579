package io.switchboard.app.buddylist;

import static io.switchboard.app.buddylist.FakeSession.contact;
import static io.switchboard.app.buddylist.FakeSession.presence;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.SortOrder;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.ContactGroup;
import io.switchboard.core.model.PresenceColour;
import io.switchboard.core.model.SubscriptionRequest;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.PeerRefusedException;
import io.switchboard.core.service.SessionState;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.collections.ListChangeListener;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class BuddyListViewModelTest {

    private static final Logger LOG = LoggerFactory.getLogger(BuddyListViewModelTest.class);

    private static final Address ALICE = Address.parse("alice@example.com");
    private static final Address BOB = Address.parse("bob@example.com");
    private static final Address CAROL = Address.parse("carol@example.com");
    private static final Address DAVE = Address.parse("dave@example.com");

    /** A fixed count instead of the production time budget, so the tests can count UI tasks. */
    private static final int CHANGES_PER_TASK = 100;

    private final FakeSession session = new FakeSession();
    private final DirectUi ui = new DirectUi();
    private final FakeConversations conversations = new FakeConversations();
    private final List<AppSettings> saved = new ArrayList<>();
    private final SettingsModel settings =
            new SettingsModel(AppSettings.defaults().withSortOrder(SortOrder.BY_NAME), saved::add);
    private BuddyListViewModel vm;

    @AfterEach
    void tearDown() {
        if (vm != null) {
            vm.dispose();
        }
        session.close();
    }

    /** Alice (Engineering, available), Bob (Engineering and Friends, busy), Carol (no group, offline). */
    private void threeContacts() {
        session.contacts.preload(List.of(
                contact("alice@example.com", "Alice Adams", "Engineering")
                        .withPresence(presence(Availability.AVAILABLE, "", "laptop")),
                contact("bob@example.com", "Bob Brown", "Engineering", "Friends")
                        .withPresence(presence(Availability.BUSY, "in a meeting", "desk")),
                contact("carol@example.com", "Carol Clark")));
    }

    private BuddyListViewModel start() {
        vm = new BuddyListViewModel(session, ui, ui, conversations, settings);
        session.awaitEvents();
        return vm;
    }

    /** Reads view-model state on the (direct) UI thread, after pending events were applied. */
    private <T> T onUi(Supplier<T> read) {
        session.awaitEvents();
        AtomicReference<T> result = new AtomicReference<>();
        ui.run(() -> result.set(read.get()));
        return result.get();
    }

    private List<String> shown() {
        return onUi(() -> describe(vm));
    }

    private static List<String> describe(BuddyListViewModel model) {
        List<String> out = new ArrayList<>();
        for (BuddyRow row : model.rows()) {
            if (row instanceof GroupRow g) {
                out.add(g.getTitle() + (g.isExpanded() ? "" : " [collapsed]"));
            } else if (row instanceof ContactRow c) {
                out.add("  " + c.item().getDisplayName() + " · " + c.item().getStatusText());
            }
        }
        return out;
    }

    @Test
    void groupsContactsWithOnlineAndTotalCounts() {
        threeContacts();
        start();

        assertThat(shown()).containsExactly(
                "Contacts (0/1)",
                "  Carol Clark · Offline",
                "Engineering (2/2)",
                "  Alice Adams · Available",
                "  Bob Brown · Busy",
                "Friends (1/1)",
                "  Bob Brown · Busy");
        assertThat(onUi(() -> vm.onlineCountProperty().get())).isEqualTo(2);
        assertThat(onUi(() -> vm.totalCountProperty().get())).isEqualTo(3);
        assertThat(onUi(() -> List.copyOf(vm.groupNames()))).containsExactly(ContactGroup.UNGROUPED, "Engineering", "Friends");
    }

    @Test
    void rowShowsColourNoteDevicesAndAccessibleText() {
        threeContacts();
        start();
        ContactItem bob = onUi(() -> vm.item(BOB));

        assertThat(bob.colourProperty().get()).isEqualTo(PresenceColour.RED);
        assertThat(bob.noteProperty().get()).isEqualTo("in a meeting");
        assertThat(bob.devicesTextProperty().get()).contains("desk: Busy (in a meeting)");
        assertThat(bob.getAccessibleText()).isEqualTo("Bob Brown, Busy, in a meeting");
        assertThat(onUi(() -> vm.item(CAROL).devicesTextProperty().get())).contains("No device signed in");

        ui.run(() -> conversations.counter(BOB).set(2));
        assertThat(onUi(bob::getUnread)).isEqualTo(2);
        assertThat(onUi(bob::getAccessibleText)).isEqualTo("Bob Brown, Busy, in a meeting, 2 unread");
    }

    @Test
    void contactsAddedAfterStartAppearInTheirGroups() {
        start();
        assertThat(shown()).isEmpty();

        session.contacts.put(contact("dave@example.com", "Dave Dunn", "Sales"));

        assertThat(shown()).containsExactly("Sales (0/1)", "  Dave Dunn · Offline");
    }

    @Test
    void filterMatchesNameAddressAndNoteIgnoringCase() {
        threeContacts();
        start();

        ui.run(() -> vm.filterTextProperty().set("ALICE"));
        assertThat(shown()).containsExactly("Engineering (2/2)", "  Alice Adams · Available");

        ui.run(() -> vm.filterTextProperty().set("carol@example"));
        assertThat(shown()).containsExactly("Contacts (0/1)", "  Carol Clark · Offline");

        ui.run(() -> vm.filterTextProperty().set("Meeting"));
        assertThat(shown()).containsExactly("Engineering (2/2)", "  Bob Brown · Busy", "Friends (1/1)", "  Bob Brown · Busy");

        ui.run(() -> vm.filterTextProperty().set("nobody"));
        assertThat(shown()).isEmpty();

        ui.run(() -> vm.filterTextProperty().set(""));
        assertThat(shown()).hasSize(7);
    }

    @Test
    void otherScreensSeeAContactsLivePresenceColourAndName() throws Exception {
        threeContacts();
        start();
        var carol = onUi(() -> vm.presenceColour(CAROL));
        var stranger = onUi(() -> vm.presenceColour(DAVE));
        assertThat(carol.get()).isEqualTo(PresenceColour.GREY);
        assertThat(onUi(() -> vm.displayName(CAROL))).isEqualTo("Carol Clark");
        assertThat(onUi(() -> vm.displayName(DAVE))).isEqualTo("dave@example.com");

        session.presence.change(CAROL, presence(Availability.BUSY, "", "phone"));
        session.awaitEvents();
        assertThat(onUi(carol::get)).isEqualTo(PresenceColour.RED);

        session.contacts.removeContact(CAROL);
        session.awaitEvents();
        assertThat(onUi(carol::get)).as("no longer a contact").isEqualTo(PresenceColour.GREY);
        assertThat(stranger.get()).isEqualTo(PresenceColour.GREY);
    }

    @Test
    void theContextMenusCallGoesThroughTheDialerWhenCallsArePossible() {
        threeContacts();
        List<Address> called = new ArrayList<>();
        javafx.beans.property.ReadOnlyBooleanWrapper available = new javafx.beans.property.ReadOnlyBooleanWrapper();
        vm = new BuddyListViewModel(session, ui, ui, conversations, settings, new io.switchboard.app.phone.Dialer() {
            @Override
            public javafx.beans.property.ReadOnlyBooleanProperty availableProperty() {
                return available.getReadOnlyProperty();
            }

            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public void call(Address who) {
                called.add(who);
            }
        });
        session.awaitEvents();
        ContactItem bob = onUi(() -> vm.item(BOB));
        assertThat(vm.canOfferCalls()).isTrue();

        ui.run(() -> vm.call(bob));
        assertThat(called).as("the softphone has not started").isEmpty();
        available.set(true);
        ui.run(() -> vm.call(bob));
        assertThat(called).containsExactly(BOB);
        assertThat(conversations.opened).as("calling opens no chat").isEmpty();
    }

    @Test
    void withoutASoftphoneTheMenuOffersNoCall() {
        start();
        assertThat(vm.canOfferCalls()).isFalse();
        assertThat(vm.canCallProperty().get()).isFalse();
    }

    @Test
    void filterAppliesToContactsThatChangeLater() {
        threeContacts();
        start();
        ui.run(() -> vm.filterTextProperty().set("lunch"));
        assertThat(shown()).isEmpty();

        session.presence.change(CAROL, presence(Availability.AWAY, "at lunch", "phone"));
        assertThat(shown()).containsExactly("Contacts (1/1)", "  Carol Clark · Away");

        session.presence.change(CAROL, presence(Availability.AVAILABLE, "", "phone"));
        assertThat(shown()).isEmpty();
    }

    @Test
    void hidingOfflineContactsKeepsGroupHeadersAndCounts() {
        threeContacts();
        start();

        ui.run(() -> vm.showOfflineProperty().set(false));
        assertThat(shown()).containsExactly(
                "Contacts (0/1)",
                "Engineering (2/2)", "  Alice Adams · Available", "  Bob Brown · Busy",
                "Friends (1/1)", "  Bob Brown · Busy");

        session.presence.change(CAROL, presence(Availability.AVAILABLE, "", "phone"));
        assertThat(shown()).startsWith("Contacts (1/1)", "  Carol Clark · Available");

        session.presence.change(ALICE, presence(Availability.OFFLINE, ""));
        assertThat(shown()).contains("Engineering (1/2)").doesNotContain("  Alice Adams · Offline");
    }

    @Test
    void showOfflineAndTheSortOrderStartFromTheSettingsAndAreRemembered() {
        settings.update(s -> s.withShowOfflineContacts(false).withSortOrder(SortOrder.BY_AVAILABILITY));
        session.contacts.preload(List.of(
                contact("a@example.com", "Anna", "Team"),
                contact("b@example.com", "Ben", "Team").withPresence(presence(Availability.AVAILABLE, ""))));
        start();
        assertThat(vm.showOfflineProperty().get()).isFalse();
        assertThat(vm.sortOrderProperty().get()).isEqualTo(SortOrder.BY_AVAILABILITY);
        assertThat(shown()).containsExactly("Team (1/2)", "  Ben · Available");

        ui.run(() -> vm.showOfflineProperty().set(true));
        ui.run(() -> vm.sortOrderProperty().set(SortOrder.BY_NAME));
        assertThat(settings.get().showOfflineContacts()).isTrue();
        assertThat(settings.get().sortOrder()).isEqualTo(SortOrder.BY_NAME);
        assertThat(saved).last().isEqualTo(settings.get());

        // changed elsewhere (the preferences dialog): the list follows
        ui.run(() -> settings.update(s -> s.withShowOfflineContacts(false)));
        assertThat(vm.showOfflineProperty().get()).isFalse();
        assertThat(shown()).containsExactly("Team (1/2)", "  Ben · Available");
    }

    @Test
    void sortsByAvailabilityThenName() {
        session.contacts.preload(List.of(
                contact("a@example.com", "Anna", "Team").withPresence(presence(Availability.DO_NOT_DISTURB, "")),
                contact("b@example.com", "Ben", "Team").withPresence(presence(Availability.AVAILABLE, "")),
                contact("c@example.com", "Cleo", "Team").withPresence(presence(Availability.ON_THE_PHONE, "")),
                contact("d@example.com", "Dan", "Team"),
                contact("e@example.com", "Eve", "Team").withPresence(presence(Availability.AVAILABLE, ""))));
        start();

        ui.run(() -> vm.sortOrderProperty().set(SortOrder.BY_AVAILABILITY));
        assertThat(shown()).containsExactly("Team (4/5)",
                "  Ben · Available", "  Eve · Available", "  Cleo · On the phone",
                "  Anna · Do not disturb", "  Dan · Offline");

        session.presence.change(Address.parse("d@example.com"), presence(Availability.AVAILABLE, ""));
        assertThat(shown()).containsExactly("Team (5/5)",
                "  Ben · Available", "  Dan · Available", "  Eve · Available", "  Cleo · On the phone",
                "  Anna · Do not disturb");

        ui.run(() -> vm.sortOrderProperty().set(SortOrder.BY_NAME));
        assertThat(shown()).containsExactly("Team (5/5)",
                "  Anna · Do not disturb", "  Ben · Available", "  Cleo · On the phone", "  Dan · Available",
                "  Eve · Available");
    }

    @Test
    void presenceChangeUpdatesTheRowInPlaceWithoutTouchingTheList() {
        threeContacts();
        start();
        List<BuddyRow> before = onUi(() -> List.copyOf(vm.rows()));
        List<ListChangeListener.Change<?>> edits = new ArrayList<>();
        ui.run(() -> vm.rows().addListener((ListChangeListener<BuddyRow>) edits::add));

        session.presence.change(BOB, presence(Availability.AVAILABLE, "back", "desk"));

        assertThat(shown()).contains("  Bob Brown · Available");
        List<BuddyRow> after = onUi(() -> List.copyOf(vm.rows()));
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).isSameAs(before.get(i));
        }
        assertThat(edits).as("sorted by name, Bob stays where he is").isEmpty();
        assertThat(onUi(() -> vm.header("Engineering").getTitle())).isEqualTo("Engineering (2/2)");
    }

    @Test
    void presenceChangeThatMovesARowEditsOnlyThatRow() {
        session.contacts.preload(List.of(
                contact("a@example.com", "Anna", "Team").withPresence(presence(Availability.AVAILABLE, "")),
                contact("b@example.com", "Ben", "Team").withPresence(presence(Availability.AVAILABLE, "")),
                contact("c@example.com", "Cleo", "Team").withPresence(presence(Availability.AVAILABLE, ""))));
        start();
        ui.run(() -> vm.sortOrderProperty().set(SortOrder.BY_AVAILABILITY));
        List<BuddyRow> before = onUi(() -> List.copyOf(vm.rows()));
        List<String> edits = new ArrayList<>();
        ui.run(() -> vm.rows().addListener((ListChangeListener<BuddyRow>) c -> {
            while (c.next()) {
                edits.add((c.wasRemoved() ? "-" + c.getRemovedSize() : "") + (c.wasAdded() ? "+" + c.getAddedSize() : ""));
            }
        }));

        session.presence.change(Address.parse("a@example.com"), presence(Availability.AWAY, "coffee"));

        assertThat(shown()).containsExactly("Team (3/3)", "  Ben · Available", "  Cleo · Available", "  Anna · Away");
        List<BuddyRow> after = onUi(() -> List.copyOf(vm.rows()));
        assertThat(after).containsExactlyInAnyOrderElementsOf(before);   // the very same row objects
        assertThat(edits).containsExactly("-1", "+1");
    }

    @Test
    void contactWaitingForApprovalSaysSo() {
        start();
        session.contacts.put(new Contact(DAVE, "Dave", Set.of(), io.switchboard.core.model.SubscriptionState.NONE,
                true, null));

        assertThat(shown()).containsExactly("Contacts (0/1)", "  Dave · Waiting for approval");
        assertThat(onUi(() -> vm.item(DAVE).getAccessibleText())).isEqualTo("Dave, Waiting for approval");
    }

    @Test
    void addContactSendsRequestAndShowsTheNewContact() {
        threeContacts();
        start();
        AddContactViewModel form = onUi(vm::newAddContactForm);
        assertThat(form.groupChoices()).contains("Engineering", "Friends");

        ui.run(() -> {
            form.addressProperty().set("sip:Dave@Example.com");
            form.displayNameProperty().set("Dave Dunn");
            form.groupProperty().set("Sales");
        });
        assertThat(form.addressErrorProperty().get()).isEmpty();
        assertThat(onUi(form::submit)).isTrue();

        assertThat(session.contacts.calls()).containsExactly("add dave@example.com 'Dave Dunn' [Sales]");
        assertThat(shown()).contains("Sales (0/1)", "  Dave Dunn · Waiting for approval");
        assertThat(onUi(() -> List.copyOf(vm.groupNames()))).contains("Sales");
    }

    @Test
    void addContactToNoGroupGoesUnderContacts() {
        start();
        assertThat(onUi(() -> vm.addContact("dave@example.com", "", ContactGroup.UNGROUPED))).isTrue();

        assertThat(session.contacts.calls()).containsExactly("add dave@example.com '' []");
        assertThat(shown()).containsExactly("Contacts (0/1)", "  dave · Waiting for approval");
    }

    @Test
    void invalidAddressIsExplainedInlineAndNothingIsSent() {
        start();
        AddContactViewModel form = onUi(vm::newAddContactForm);

        ui.run(() -> form.addressProperty().set("dave"));
        assertThat(form.addressErrorProperty().get()).isEqualTo("Invalid address: 'dave' has no user part: expected user@domain");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(onUi(form::submit)).isFalse();

        ui.run(() -> form.addressProperty().set(""));
        assertThat(onUi(form::submit)).isFalse();
        assertThat(form.addressErrorProperty().get()).contains("Enter an address");

        assertThat(onUi(() -> vm.addContact("not an address", "", ""))).isFalse();
        assertThat(onUi(() -> vm.errorMessageProperty().get())).startsWith("Invalid address");
        assertThat(session.contacts.calls()).isEmpty();
    }

    @Test
    void failedAddIsShownAsError() {
        start();
        session.contacts.nextFailure.set(new NotConnectedException("Not signed in"));

        ui.run(() -> vm.addContact("dave@example.com", "Dave", ""));

        assertThat(onUi(() -> vm.errorMessageProperty().get())).isEqualTo("Could not add dave@example.com: Not signed in");
        assertThat(shown()).isEmpty();
        ui.run(vm::dismissError);
        assertThat(onUi(() -> vm.errorMessageProperty().get())).isEmpty();
    }

    @Test
    void removeTakesTheContactOutOfEveryGroup() {
        threeContacts();
        start();

        ui.run(() -> vm.removeContact(vm.item(BOB)));

        assertThat(session.contacts.calls()).containsExactly("remove bob@example.com");
        assertThat(shown()).containsExactly("Contacts (0/1)", "  Carol Clark · Offline",
                "Engineering (1/1)", "  Alice Adams · Available");
        assertThat(onUi(() -> List.copyOf(vm.groupNames()))).doesNotContain("Friends");
        assertThat(onUi(() -> vm.totalCountProperty().get())).isEqualTo(2);
    }

    @Test
    void renameResortsTheRow() {
        threeContacts();
        start();

        ui.run(() -> vm.renameContact(vm.item(ALICE), "  Zoe Zimmer "));

        assertThat(session.contacts.calls()).containsExactly("rename alice@example.com 'Zoe Zimmer'");
        assertThat(shown()).containsSequence("Engineering (2/2)", "  Bob Brown · Busy", "  Zoe Zimmer · Available");
    }

    @Test
    void renameToNothingIsRefused() {
        threeContacts();
        start();

        ui.run(() -> vm.renameContact(vm.item(ALICE), "   "));

        assertThat(onUi(() -> vm.errorMessageProperty().get())).isEqualTo("Enter a name for alice@example.com");
        assertThat(session.contacts.calls()).isEmpty();
    }

    @Test
    void failedRenameIsShown() {
        threeContacts();
        start();
        session.contacts.nextFailure.set(new PeerRefusedException("not-authorized", "The server refused"));

        ui.run(() -> vm.renameContact(vm.item(ALICE), "Al"));

        assertThat(onUi(() -> vm.errorMessageProperty().get())).isEqualTo("Could not rename Alice Adams: The server refused");
        assertThat(shown()).contains("  Alice Adams · Available");
    }

    @Test
    void moveReplacesTheSourceGroupAndKeepsTheOthers() {
        threeContacts();
        start();

        ui.run(() -> vm.moveContact(vm.row(BOB, "Friends"), "Family"));

        assertThat(session.contacts.calls()).containsExactly("groups bob@example.com [Engineering, Family]");
        assertThat(shown()).containsExactly(
                "Contacts (0/1)", "  Carol Clark · Offline",
                "Engineering (2/2)", "  Alice Adams · Available", "  Bob Brown · Busy",
                "Family (1/1)", "  Bob Brown · Busy");
    }

    @Test
    void moveInAndOutOfTheUngroupedContacts() {
        threeContacts();
        start();

        ui.run(() -> vm.moveContact(vm.row(CAROL, ContactGroup.UNGROUPED), "Friends"));
        assertThat(shown()).startsWith("Engineering (2/2)").contains("Friends (1/2)", "  Carol Clark · Offline");

        ui.run(() -> vm.moveContact(vm.row(ALICE, "Engineering"), ContactGroup.UNGROUPED));
        assertThat(session.contacts.calls()).containsExactly(
                "groups carol@example.com [Friends]", "groups alice@example.com []");
        assertThat(shown()).startsWith("Contacts (1/1)", "  Alice Adams · Available", "Engineering (1/1)");
    }

    @Test
    void dragAndDropOntoAnotherGroupMoves() {
        threeContacts();
        start();
        ContactRow alice = onUi(() -> vm.row(ALICE, "Engineering"));

        assertThat(onUi(() -> vm.canDrop(alice, vm.header("Engineering")))).as("own group").isFalse();
        assertThat(onUi(() -> vm.canDrop(alice, vm.row(BOB, "Engineering")))).as("row of own group").isFalse();
        assertThat(onUi(() -> vm.canDrop(vm.header("Friends"), vm.header("Engineering")))).as("a header").isFalse();
        assertThat(onUi(() -> vm.canDrop(alice, vm.header("Friends")))).isTrue();

        ui.run(() -> vm.drop(alice, vm.header("Friends")));

        assertThat(session.contacts.calls()).containsExactly("groups alice@example.com [Friends]");
        assertThat(shown()).contains("Engineering (1/1)", "Friends (2/2)");
        assertThat(onUi(() -> vm.row(ALICE, "Engineering"))).isNull();
        assertThat(onUi(() -> vm.row(ALICE, "Friends"))).isNotNull();
    }

    @Test
    void pendingRequestsAreListedAndAnswered() {
        session.contacts.preloadRequest(DAVE);
        start();
        assertThat(onUi(() -> List.copyOf(vm.pendingRequests()))).extracting(SubscriptionRequest::from).containsExactly(DAVE);

        Address erin = Address.parse("erin@example.com");
        session.contacts.requestSubscription(erin, "Hi, it's Erin");
        session.contacts.requestSubscription(erin, "Hi, it's Erin");   // re-delivered: shown once
        List<SubscriptionRequest> requests = onUi(() -> List.copyOf(vm.pendingRequests()));
        assertThat(requests).extracting(SubscriptionRequest::from).containsExactly(DAVE, erin);

        ui.run(() -> vm.acceptRequest(requests.get(0)));
        ui.run(() -> vm.denyRequest(requests.get(1)));

        assertThat(session.contacts.calls()).containsExactly("accept dave@example.com", "deny erin@example.com");
        assertThat(onUi(() -> List.copyOf(vm.pendingRequests()))).isEmpty();
    }

    @Test
    void failedAcceptKeepsTheRequest() {
        session.contacts.preloadRequest(DAVE);
        start();
        session.contacts.nextFailure.set(new NotConnectedException("Not connected"));

        ui.run(() -> vm.acceptRequest(vm.pendingRequests().get(0)));

        assertThat(onUi(() -> vm.errorMessageProperty().get())).isEqualTo("Could not accept dave@example.com: Not connected");
        assertThat(onUi(() -> vm.pendingRequests().size())).isEqualTo(1);
    }

    @Test
    void requestAnsweredOnAnotherDeviceDisappears() {
        session.contacts.preload(List.of(contact("dave@example.com", "Dave")
                .withGroups(Set.of()).withDisplayName("Dave")));
        session.contacts.preloadRequest(DAVE);
        start();

        Contact dave = new Contact(DAVE, "Dave", Set.of(), io.switchboard.core.model.SubscriptionState.FROM, false, null);
        session.contacts.update(dave);

        assertThat(onUi(() -> vm.pendingRequests().size())).isZero();
    }

    @Test
    void requestSettledElsewhereWithoutAContactChangeDisappears() {
        // SIP accounts: the watcher-info says the watcher is no longer pending; no roster to update
        session.contacts.preloadRequest(DAVE);
        start();
        assertThat(onUi(() -> vm.pendingRequests().size())).isEqualTo(1);

        session.contacts.settleRequest(DAVE);

        assertThat(onUi(() -> vm.pendingRequests().size())).isZero();
    }

    @Test
    void activatingAContactOpensTheChatAndAHeaderCollapses() {
        threeContacts();
        start();

        ui.run(() -> vm.activate(vm.row(BOB, "Friends")));
        assertThat(conversations.opened).containsExactly(BOB);

        ui.run(() -> vm.activate(vm.header("Engineering")));
        assertThat(shown()).containsExactly(
                "Contacts (0/1)", "  Carol Clark · Offline",
                "Engineering (2/2) [collapsed]",
                "Friends (1/1)", "  Bob Brown · Busy");

        // changes inside a collapsed group keep its rows hidden but its counts current
        session.presence.change(ALICE, presence(Availability.OFFLINE, ""));
        assertThat(shown()).contains("Engineering (1/2) [collapsed]").doesNotContain("  Alice Adams · Offline");

        ui.run(() -> vm.toggleExpanded(vm.header("Engineering")));
        assertThat(shown()).containsSequence("Engineering (1/2)", "  Alice Adams · Offline", "  Bob Brown · Busy");
    }

    @Test
    void burstOfEventsIsAppliedInOneUiTask() {
        List<Contact> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(contact("user" + i + "@example.com", String.format("User %03d", i), "Group " + (i % 5)));
        }
        session.contacts.preload(many);
        ManualUi pulse = new ManualUi();
        vm = new BuddyListViewModel(session, pulse, pulse, conversations, settings,
                TaskBudget.count(CHANGES_PER_TASK));
        pulse.runPending();

        for (Contact c : many) {
            session.presence.change(c.address(), presence(Availability.AVAILABLE, "here"));
        }
        session.awaitEvents();

        assertThat(pulse.pending()).as("1,000 events, one UI task scheduled").isEqualTo(1);
        pulse.runPending();
        assertThat(pulse.lastRunCount()).as("500 changes applied in short tasks")
                .isEqualTo(500 / CHANGES_PER_TASK);
        assertThat(vm.onlineCountProperty().get()).isEqualTo(500);
        assertThat(vm.header("Group 3").getTitle()).isEqualTo("Group 3 (100/100)");
        assertThat(vm.rows()).hasSize(505);
    }

    @Test
    void signInWithTwoThousandContactsIsCorrectAndQuick() {
        ManualUi pulse = new ManualUi();
        vm = new BuddyListViewModel(session, pulse, pulse, conversations, settings,
                TaskBudget.count(CHANGES_PER_TASK));
        pulse.runPending();
        List<Contact> many = twoThousand();

        // the roster arrives as a stream of pushes while the UI pulses now and then, then the
        // last 1,300 arrive while the UI is busy: they must still come in short tasks
        long longest = 0;
        for (int i = 0; i < many.size(); i++) {
            session.contacts.put(many.get(i));
            if (i % 300 == 0 && i < 700) {
                session.awaitEvents();
                longest = Math.max(longest, pulse.runPending());
            }
        }
        session.awaitEvents();
        longest = Math.max(longest, pulse.runPending());
        assertThat(pulse.lastRunCount()).isGreaterThanOrEqualTo(1300 / CHANGES_PER_TASK);
        for (int i = 0; i < many.size(); i += 2) {
            session.presence.change(many.get(i).address(), presence(Availability.values()[i % 9], "note " + i, "pc"));
        }
        session.awaitEvents();
        longest = Math.max(longest, pulse.runPending());
        LOG.info("2,000 contacts: longest UI task {} us", longest / 1_000);

        assertThat(vm.totalCountProperty().get()).isEqualTo(2000);
        assertThat(describe(vm)).isEqualTo(describe(freshViewModel()));
        assertThat(longest).as("longest UI task in ns").isLessThan(1_000_000_000L);
    }

    /** The main window waits for this before it is shown: it must mean "all of the sign-in's contacts are in the rows". */
    @Test
    void loadedOnlyOnceEveryContactOfTheSignInIsInTheRows() {
        List<Contact> many = twoThousand().subList(0, 500);
        session.contacts.preload(many);
        ManualUi pulse = new ManualUi();
        vm = new BuddyListViewModel(session, pulse, pulse, conversations, settings,
                TaskBudget.count(CHANGES_PER_TASK));
        List<Integer> rowsWhenLoaded = new ArrayList<>();
        vm.loadedProperty().addListener((obs, was, now) -> rowsWhenLoaded.add(vm.rows().size()));
        assertThat(vm.loadedProperty().get()).isFalse();

        pulse.runPending();

        assertThat(pulse.lastRunCount()).as("applied in several short tasks").isGreaterThan(2);
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(rowsWhenLoaded).as("rows when loaded turned true").containsExactly(vm.rows().size());
        assertThat(vm.totalCountProperty().get()).isEqualTo(500);
    }

    @Test
    void anEmptyContactListIsLoadedToo() {
        ManualUi pulse = new ManualUi();
        vm = new BuddyListViewModel(session, pulse, pulse, conversations, settings,
                TaskBudget.count(CHANGES_PER_TASK));
        pulse.runPending();
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.rows()).isEmpty();
    }

    /** The same sequence of small changes, applied incrementally, gives what a rebuild gives. */
    @Test
    void incrementalEditsAgreeWithARebuild() {
        List<Contact> many = twoThousand().subList(0, 300);
        session.contacts.preload(many);
        start();
        Random random = new Random(42);
        String[] groups = {"Alpha", "Beta", "Gamma", ContactGroup.UNGROUPED};
        ui.run(() -> vm.setExpanded(vm.header("Group 2"), false));

        for (int step = 0; step < 600; step++) {
            if (step % 150 == 0) {
                // new settings (a rebuild), then 150 changes applied as edits under them
                int settings = step / 150;
                ui.run(() -> {
                    vm.filterTextProperty().set(settings % 2 == 0 ? "lunch" : "");
                    vm.sortOrderProperty().set(SortOrder.values()[settings % 2]);
                    vm.showOfflineProperty().set(settings < 2);
                });
            }
            Contact c = many.get(random.nextInt(many.size()));
            switch (random.nextInt(4)) {
                case 0, 1 -> session.presence.change(c.address(),
                        presence(Availability.values()[random.nextInt(9)], random.nextBoolean() ? "lunch" : "", "pc"));
                case 2 -> ui.run(() -> vm.renameContact(vm.item(c.address()), "Renamed " + random.nextInt(1000)));
                default -> {
                    ContactItem item = onUi(() -> vm.item(c.address()));
                    String from = GroupedRows.effectiveGroups(item.contact()).iterator().next();
                    ui.run(() -> vm.moveContact(vm.row(c.address(), from), groups[random.nextInt(groups.length)]));
                }
            }
            if (step % 150 == 149) {
                assertSameAsRebuilt(step);
            }
        }
    }

    private void assertSameAsRebuilt(int step) {
        BuddyListViewModel fresh = freshViewModel();
        ui.run(() -> {
            fresh.filterTextProperty().set(vm.filterTextProperty().get());
            fresh.sortOrderProperty().set(vm.sortOrderProperty().get());
            fresh.showOfflineProperty().set(vm.showOfflineProperty().get());
            if (vm.header("Group 2") != null && !vm.header("Group 2").isExpanded()) {
                fresh.setExpanded(fresh.header("Group 2"), false);
            }
        });
        assertThat(shown()).as("after step " + step).isEqualTo(onUi(() -> describe(fresh)));
        fresh.dispose();
    }

    @Test
    void reconnectReloadsTheWholeList() {
        threeContacts();
        start();
        // while disconnected, Carol was removed and Dave added from another device
        session.contacts.preload(List.of(contact("dave@example.com", "Dave Dunn", "Engineering")));
        try {
            session.contacts.removeContact(CAROL);
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        session.fireState(SessionState.CONNECTED);

        assertThat(shown()).containsExactly(
                "Engineering (2/3)", "  Alice Adams · Available", "  Bob Brown · Busy", "  Dave Dunn · Offline",
                "Friends (1/1)", "  Bob Brown · Busy");
    }

    @Test
    void disposeStopsListening() {
        threeContacts();
        start();
        assertThat(session.listenerCount()).isEqualTo(3);

        vm.dispose();
        session.contacts.put(contact("dave@example.com", "Dave Dunn"));

        assertThat(session.listenerCount()).isZero();
        assertThat(shown()).hasSize(7).doesNotContain("  Dave Dunn · Offline");
    }

    private List<Contact> twoThousand() {
        List<Contact> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String[] groups = i % 7 == 0 ? new String[] {"Group " + (i % 10), "Everyone"}
                    : i % 11 == 0 ? new String[0] : new String[] {"Group " + (i % 10)};
            many.add(contact("user" + i + "@example.com", "User " + (i * 7919 % 2000), groups));
        }
        return many;
    }

    private BuddyListViewModel freshViewModel() {
        BuddyListViewModel fresh = new BuddyListViewModel(session, ui, ui, new FakeConversations(), settings);
        session.awaitEvents();
        return fresh;
    }
}
