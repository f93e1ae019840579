package io.switchboard.app.buddylist;

import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.SortOrder;
import io.switchboard.app.chat.Conversations;
import io.switchboard.app.phone.Dialer;
import io.switchboard.app.ui.Background;
import io.switchboard.app.ui.UiDispatcher;
import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.ContactGroup;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.core.model.Presence;
import io.switchboard.core.model.PresenceColour;
import io.switchboard.core.model.SubscriptionRequest;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.LineStateService;
import io.switchboard.core.service.ContactListService;
import io.switchboard.core.service.ContactListService.ContactListListener;
import io.switchboard.core.service.SessionState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buddy list: grouped contacts with presence, filter, sort, show/hide offline, pending
 * subscription requests, and the commands on contacts. The view only renders {@link #rows()}
 * and forwards user actions here.
 *
 * <p>Session events arrive on the session's event thread. They are coalesced per contact
 * ({@link ContactChanges}) and applied on the UI thread in one task per burst, as small edits
 * of the row list; a sign-in with thousands of contacts becomes one rebuild, not thousands.
 */
public final class BuddyListViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(BuddyListViewModel.class);

    /** Above this many changes in one drain a single rebuild is cheaper than edits. */
    static final int INCREMENTAL_LIMIT = 64;
    /**
     * UI time per task for contact changes: well under a frame, so a sign-in with thousands of
     * contacts never holds the UI thread long; warm, 2,000 contacts fit in one or two tasks.
     */
    static final Duration TASK_TIME = Duration.ofMillis(8);
    /** The least a task applies, however slow the machine, so the list always fills. */
    static final int MIN_CHANGES_PER_TASK = 25;
    /** Changes taken from the queue at a time, between looks at the clock. */
    private static final int CHANGES_PER_STEP = 25;
    /**
     * While a long burst is still being applied, the rows are rebuilt at most this often: each
     * rebuild sorts every contact and makes the list view lay itself out again, so doing it
     * after every task made a 2,000-contact sign-in slower and its tasks longer.
     */
    static final Duration REBUILD_INTERVAL_DURING_BURST = Duration.ofMillis(250);

    private final ContactListService contacts;
    private final UiDispatcher ui;
    private final Background background;
    private final Conversations conversations;
    private final Dialer dialer;
    private final PhoneStatusLamps phoneStatus;
    /** Live presence colours asked for by address (the Recents list's dots), kept up to date as contacts change. */
    private final Map<Address, ReadOnlyObjectWrapper<PresenceColour>> watchedColours = new HashMap<>();
    private final TaskBudget budget;
    /** A burst is being applied and the rows wait for one rebuild (see {@link #applyChanges}). */
    private boolean inBulk;
    private long lastRebuild = System.nanoTime();

    private final ContactChanges changes = new ContactChanges();
    private final Map<Address, ContactItem> items = new HashMap<>();
    private final GroupedRows grouped = new GroupedRows();
    private final List<ListenerRegistration> registrations = new ArrayList<>();

    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty showOffline = new SimpleBooleanProperty(this, "showOffline", true);
    private final ObjectProperty<SortOrder> sortOrder = new SimpleObjectProperty<>(this, "sortOrder", SortOrder.BY_NAME);
    private final ReadOnlyIntegerWrapper onlineCount = new ReadOnlyIntegerWrapper(this, "onlineCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    /** The contact list as the session had it at sign-in is in the rows (or could not be loaded). */
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private boolean snapshotApplied;
    private final ObservableList<SubscriptionRequest> pendingRequests = FXCollections.observableArrayList();
    // one read-only view each: a fresh wrapper per call would hold listeners only weakly
    private final ObservableList<BuddyRow> readOnlyRows = FXCollections.unmodifiableObservableList(grouped.rows());
    private final ObservableList<String> readOnlyGroupNames = FXCollections.unmodifiableObservableList(grouped.groupNames());
    private final ObservableList<SubscriptionRequest> readOnlyRequests = FXCollections.unmodifiableObservableList(pendingRequests);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private volatile boolean disposed;
    private final SettingsModel settings;
    private final ChangeListener<AppSettings> settingsListener;

    /**
     * @param settings where "show offline" and the sort order are remembered; they start from
     *                 it and every change in the list (or in the preferences) is written back
     */
    public BuddyListViewModel(ClientSession session, UiDispatcher ui, Background background, Conversations conversations,
                              SettingsModel settings) {
        this(session, ui, background, conversations, settings, Dialer.NONE);
    }

    /** @param dialer places the calls of the context menu's "Call"; {@link Dialer#NONE} hides it */
    public BuddyListViewModel(ClientSession session, UiDispatcher ui, Background background, Conversations conversations,
                              SettingsModel settings, Dialer dialer) {
        this(session, ui, background, conversations, settings, dialer, PhoneStatusChoices.inMemory());
    }

    /** @param phoneStatus where the contacts chosen for "Show phone status" are remembered */
    public BuddyListViewModel(ClientSession session, UiDispatcher ui, Background background, Conversations conversations,
                              SettingsModel settings, Dialer dialer, PhoneStatusChoices phoneStatus) {
        this(session, ui, background, conversations, settings, dialer, phoneStatus, session.lineStates());
    }

    /**
     * @param lineStates where the phone lamps come from: the session's own, or a phone line's next
     *                   to a chat session that has none (XMPP with calls over SIP)
     */
    public BuddyListViewModel(ClientSession session, UiDispatcher ui, Background background, Conversations conversations,
                              SettingsModel settings, Dialer dialer, PhoneStatusChoices phoneStatus,
                              Optional<LineStateService> lineStates) {
        this(session, ui, background, conversations, settings, dialer,
                TaskBudget.time(TASK_TIME, MIN_CHANGES_PER_TASK, System::nanoTime), phoneStatus, lineStates);
    }

    BuddyListViewModel(ClientSession session, UiDispatcher ui, Background background, Conversations conversations,
                       SettingsModel settings, TaskBudget budget) {
        this(session, ui, background, conversations, settings, Dialer.NONE, budget);
    }

    BuddyListViewModel(ClientSession session, UiDispatcher ui, Background background, Conversations conversations,
                       SettingsModel settings, Dialer dialer, TaskBudget budget) {
        this(session, ui, background, conversations, settings, dialer, budget, PhoneStatusChoices.inMemory());
    }

    BuddyListViewModel(ClientSession session, UiDispatcher ui, Background background, Conversations conversations,
                       SettingsModel settings, Dialer dialer, TaskBudget budget, PhoneStatusChoices phoneStatus) {
        this(session, ui, background, conversations, settings, dialer, budget, phoneStatus, session.lineStates());
    }

    BuddyListViewModel(ClientSession session, UiDispatcher ui, Background background, Conversations conversations,
                       SettingsModel settings, Dialer dialer, TaskBudget budget, PhoneStatusChoices phoneStatus,
                       Optional<LineStateService> lineStates) {
        this.phoneStatus = new PhoneStatusLamps(lineStates, phoneStatus, ui);
        this.budget = Objects.requireNonNull(budget, "budget");
        this.dialer = Objects.requireNonNull(dialer, "dialer");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(settings, "settings");
        this.contacts = Objects.requireNonNull(session.contacts(), "session.contacts()");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.background = Objects.requireNonNull(background, "background");
        this.conversations = Objects.requireNonNull(conversations, "conversations");

        showOffline.set(settings.get().showOfflineContacts());
        sortOrder.set(settings.get().sortOrder());
        grouped.setShowOffline(showOffline.get());
        grouped.setOrder(sortOrder.get());
        filterText.addListener((obs, old, text) -> grouped.setFilter(text));
        showOffline.addListener((obs, old, show) -> {
            grouped.setShowOffline(show);
            settings.update(s -> s.withShowOfflineContacts(show));
        });
        sortOrder.addListener((obs, old, order) -> {
            SortOrder effective = order == null ? SortOrder.BY_NAME : order;
            grouped.setOrder(effective);
            settings.update(s -> s.withSortOrder(effective));
        });
        settingsListener = (obs, was, now) -> {
            showOffline.set(now.showOfflineContacts());
            sortOrder.set(now.sortOrder());
        };
        this.settings = settings;
        settings.property().addListener(settingsListener);

        // listen first, then load: nothing that happens in between is lost (see ContactChanges)
        registrations.add(contacts.addListener(new ContactEvents()));
        registrations.add(session.presence().addListener(this::presenceChanged));
        registrations.add(session.addListener((state, cause) -> {
            if (state == SessionState.CONNECTED) {
                reload();   // the roster may have changed while we were reconnecting
            }
        }));
        reload();
    }

    // ---- observable state -------------------------------------------------------------

    /** Group headers and contact rows in display order. */
    public ObservableList<BuddyRow> rows() {
        return readOnlyRows;
    }

    /** Names of the existing groups, sorted (including {@link ContactGroup#UNGROUPED} when used). */
    public ObservableList<String> groupNames() {
        return readOnlyGroupNames;
    }

    /** Filter-as-you-type over name, address and note, case-insensitive. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty showOfflineProperty() {
        return showOffline;
    }

    public ObjectProperty<SortOrder> sortOrderProperty() {
        return sortOrder;
    }

    /** Distinct contacts online / in the list. */
    public ReadOnlyIntegerProperty onlineCountProperty() {
        return onlineCount.getReadOnlyProperty();
    }

    /**
     * True once the contact list the session had at sign-in is in {@link #rows()} (or failed to
     * load): the main window is shown then, so the list does not fill while the user looks.
     */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    /** People who asked to see my presence and wait for an answer. */
    public ObservableList<SubscriptionRequest> pendingRequests() {
        return readOnlyRequests;
    }

    /** The last failure, for a person to read; empty when there is none. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public void dismissError() {
        errorMessage.set("");
    }

    /** The item of a contact in the list, or null. */
    public ContactItem item(Address address) {
        return items.get(address);
    }

    /** The row of a contact under a group, or null. */
    public ContactRow row(Address address, String group) {
        ContactItem item = items.get(address);
        return item == null ? null : grouped.rowOf(item, group);
    }

    public GroupRow header(String group) {
        return grouped.header(group);
    }

    // ---- commands ----------------------------------------------------------------------

    public void setExpanded(GroupRow group, boolean expanded) {
        grouped.setExpanded(group.name(), expanded);
    }

    public void toggleExpanded(GroupRow group) {
        setExpanded(group, !group.isExpanded());
    }

    /** Double-click or Enter: contacts open a chat, headers collapse or expand. */
    public void activate(BuddyRow row) {
        if (row instanceof ContactRow c) {
            conversations.open(c.item().address());
        } else if (row instanceof GroupRow g) {
            toggleExpanded(g);
        }
    }

    public void openChat(ContactItem item) {
        conversations.open(item.address());
    }

    /** Whether the context menu offers "Call": only for accounts with a softphone. */
    public boolean canOfferCalls() {
        return dialer.isSupported();
    }

    /** The phone-status lamps (busy lamp field) and the choice of contacts that show one. */
    public PhoneStatusLamps phoneStatus() {
        return phoneStatus;
    }

    /** True while a call can be placed now. */
    public ReadOnlyBooleanProperty canCallProperty() {
        return dialer.availableProperty();
    }

    /** The context menu's "Call". */
    public void call(ContactItem item) {
        if (dialer.availableProperty().get()) {
            dialer.call(item.address());
        }
    }

    /** The contact's name, or the address for someone not in the list. */
    public String displayName(Address address) {
        ContactItem item = items.get(address);
        return item == null ? address.toString() : item.getDisplayName();
    }

    /**
     * The live presence colour of {@code address}, following every change of the contact (grey for
     * someone not in the list): for the dots of other screens, such as Recents.
     */
    public ReadOnlyObjectProperty<PresenceColour> presenceColour(Address address) {
        return watchedColours.computeIfAbsent(address, a -> new ReadOnlyObjectWrapper<>(this, "presenceColour",
                colourOf(a))).getReadOnlyProperty();
    }

    private PresenceColour colourOf(Address address) {
        ContactItem item = items.get(address);
        return item == null ? PresenceColour.GREY : item.colourProperty().get();
    }

    private void refreshWatchedColour(Address address) {
        ReadOnlyObjectWrapper<PresenceColour> watched = watchedColours.get(address);
        if (watched != null) {
            watched.set(colourOf(address));
        }
    }

    /** A form for the add-contact dialog, offering the existing groups. */
    public AddContactViewModel newAddContactForm() {
        return new AddContactViewModel(this, groupNames());
    }

    /**
     * Adds a contact and asks to see their presence. An invalid address is reported in
     * {@link #errorMessageProperty()} and nothing is sent.
     *
     * @param group an existing or new group; blank or {@link ContactGroup#UNGROUPED} for none
     * @return false when the address is invalid
     */
    public boolean addContact(String addressText, String displayName, String group) {
        Address address;
        try {
            address = Address.parse(addressText);
        } catch (InvalidAddressException e) {
            errorMessage.set(e.getMessage());
            return false;
        }
        String name = displayName == null ? "" : displayName.strip();
        Set<String> groups = isNoGroup(group) ? Set.of() : Set.of(group.strip());
        run("Could not add " + address, () -> {
            contacts.addContact(address, name, groups);
            return null;
        }, ignored -> { });
        return true;
    }

    public void removeContact(ContactItem item) {
        run("Could not remove " + item.getDisplayName(), () -> {
            contacts.removeContact(item.address());
            return null;
        }, ignored -> { });
    }

    public void renameContact(ContactItem item, String newName) {
        String name = newName == null ? "" : newName.strip();
        if (name.isEmpty()) {
            errorMessage.set("Enter a name for " + item.address());
            return;
        }
        if (name.equals(item.getDisplayName())) {
            return;
        }
        run("Could not rename " + item.getDisplayName(), () -> {
            contacts.renameContact(item.address(), name);
            return null;
        }, ignored -> { });
    }

    /**
     * Moves a contact from the row's group to {@code targetGroup}, keeping its other groups
     * (context menu "Move to", or drag and drop onto a group header).
     */
    public void moveContact(ContactRow row, String targetGroup) {
        if (!canMove(row, targetGroup)) {
            return;
        }
        Set<String> groups = new LinkedHashSet<>(row.item().contact().groups());
        groups.remove(row.group());
        if (!isNoGroup(targetGroup)) {
            groups.add(targetGroup.strip());
        }
        Set<String> target = Set.copyOf(groups);
        run("Could not move " + row.item().getDisplayName() + " to " + targetGroup, () -> {
            contacts.setGroups(row.item().address(), target);
            return null;
        }, ignored -> { });
    }

    /** Whether {@code row} may be moved to {@code targetGroup}: not onto its own group. */
    public boolean canMove(ContactRow row, String targetGroup) {
        if (row == null || targetGroup == null || targetGroup.isBlank()) {
            return false;
        }
        String target = isNoGroup(targetGroup) ? ContactGroup.UNGROUPED : targetGroup.strip();
        return !target.equals(row.group());
    }

    /** Drag and drop: a contact row dropped on a row (a header, or a member) of another group. */
    public boolean canDrop(BuddyRow dragged, BuddyRow target) {
        return dragged instanceof ContactRow c && target != null && canMove(c, target.group());
    }

    public void drop(BuddyRow dragged, BuddyRow target) {
        if (canDrop(dragged, target)) {
            moveContact((ContactRow) dragged, target.group());
        }
    }

    public void acceptRequest(SubscriptionRequest request) {
        run("Could not accept " + request.from(), () -> {
            contacts.acceptSubscription(request.from());
            return null;
        }, ignored -> forgetRequest(request.from()));
    }

    public void denyRequest(SubscriptionRequest request) {
        run("Could not deny " + request.from(), () -> {
            contacts.denySubscription(request.from());
            return null;
        }, ignored -> forgetRequest(request.from()));
    }

    /** Stops listening to the session; the view model is inert afterwards. */
    public void dispose() {
        disposed = true;
        registrations.forEach(ListenerRegistration::close);
        registrations.clear();
        phoneStatus.dispose();
        ui.run(() -> {
            settings.property().removeListener(settingsListener);
            items.values().forEach(i -> i.unreadCounter().unbind());
        });
    }

    // ---- events --------------------------------------------------------------------------

    private void reload() {
        background.submit("loading the contact list", () -> {
            long since = changes.beginSnapshot();
            if (changes.offerSnapshot(contacts.contacts(), since)) {
                ui.run(this::applyChanges);
            }
            return contacts.pendingRequests();
        }, this::addRequests, e -> {
            loaded.set(true);
            fail("Could not load your contacts", e);
        });
    }

    private void offer(ContactChanges.Change change) {
        if (!disposed && changes.offer(change)) {
            ui.run(this::applyChanges);
        }
    }

    private void presenceChanged(Address address, Presence presence) {
        offer(new ContactChanges.PresenceOnly(address, presence));
    }

    /**
     * Applies what arrived since the last pulse, on the UI thread, for as long as the task
     * budget allows; the rest follows in a later task, behind input and layout already waiting.
     */
    private void applyChanges() {
        if (disposed) {
            return;
        }
        TaskBudget.Meter meter = budget.start();
        int applied = 0;
        boolean more;
        do {
            ContactChanges.Batch batch = changes.drain(CHANGES_PER_STEP);
            more = batch.more();
            if (!inBulk && (batch.reset() || more || batch.changes().size() > INCREMENTAL_LIMIT)) {
                // many changes: one rebuild at the end is cheaper than editing the rows for each
                grouped.beginBulk();
                inBulk = true;
            }
            if (batch.reset()) {
                snapshotApplied = true;
                for (ContactItem gone : List.copyOf(items.values())) {
                    if (!batch.keep().contains(gone.address())) {
                        removeItem(gone.address());
                    }
                }
            }
            for (ContactChanges.Change change : batch.changes()) {
                apply(change);
            }
            applied += batch.changes().size();
        } while (more && !meter.exhausted(applied));
        long now = System.nanoTime();
        if (inBulk && (!more || now - lastRebuild >= REBUILD_INTERVAL_DURING_BURST.toNanos())) {
            grouped.endBulk();
            inBulk = false;
            lastRebuild = now;
        }
        int online = 0;
        for (ContactItem i : items.values()) {
            online += i.isOnline() ? 1 : 0;
        }
        onlineCount.set(online);
        totalCount.set(items.size());
        if (more) {
            ui.runLater(this::applyChanges);
        } else if (snapshotApplied) {
            loaded.set(true);
        }
    }

    private void apply(ContactChanges.Change change) {
        if (change instanceof ContactChanges.Upsert u) {
            Contact c = u.contact();
            ContactItem item = items.get(c.address());
            if (item == null) {
                item = new ContactItem(c);
                item.unreadCounter().bind(conversations.unreadCount(c.address()));
                items.put(c.address(), item);
                grouped.add(item);
            } else {
                grouped.update(item, c);
            }
            if (c.subscription().theySeeMine()) {
                forgetRequest(c.address());   // answered, maybe from another device
            }
        } else if (change instanceof ContactChanges.PresenceOnly p) {
            ContactItem item = items.get(p.address());
            if (item != null) {
                grouped.update(item, item.contact().withPresence(p.presence()));
            }
        } else if (change instanceof ContactChanges.Removal r) {
            removeItem(r.address());
        }
        refreshWatchedColour(change.address());
    }

    private void removeItem(Address address) {
        ContactItem item = items.remove(address);
        if (item != null) {
            grouped.remove(item);
            item.unreadCounter().unbind();
        }
        refreshWatchedColour(address);
    }

    private void addRequests(Collection<SubscriptionRequest> requests) {
        for (SubscriptionRequest r : requests) {
            if (pendingRequests.stream().noneMatch(p -> p.from().equals(r.from()))) {
                pendingRequests.add(r);
            }
        }
    }

    private void forgetRequest(Address from) {
        pendingRequests.removeIf(r -> r.from().equals(from));
    }

    private <T> void run(String failure, Callable<T> work, java.util.function.Consumer<? super T> onSuccess) {
        background.submit(failure, work, result -> {
            if (!disposed) {
                onSuccess.accept(result);
            }
        }, e -> fail(failure, e));
    }

    private void fail(String failure, Exception e) {
        LOG.warn("{}: {}", failure, e.getMessage());
        LOG.debug(failure, e);
        if (!disposed) {
            errorMessage.set(failure + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static boolean isNoGroup(String group) {
        return group == null || group.isBlank() || group.strip().equals(ContactGroup.UNGROUPED);
    }

    /** Session events, on the session's event thread. */
    private final class ContactEvents implements ContactListListener {
        @Override
        public void contactAdded(Contact contact) {
            offer(new ContactChanges.Upsert(contact));
        }

        @Override
        public void contactUpdated(Contact contact) {
            offer(new ContactChanges.Upsert(contact));
        }

        @Override
        public void contactRemoved(Address address) {
            offer(new ContactChanges.Removal(address));
        }

        @Override
        public void subscriptionRequested(SubscriptionRequest request) {
            if (!disposed) {
                ui.run(() -> addRequests(List.of(request)));
            }
        }

        @Override
        public void subscriptionRequestSettled(Address from) {
            if (!disposed) {
                ui.run(() -> forgetRequest(from));
            }
        }
    }
}
