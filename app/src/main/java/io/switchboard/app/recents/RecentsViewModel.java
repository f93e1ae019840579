package io.switchboard.app.recents;

import io.switchboard.app.phone.ContactLookup;
import io.switchboard.app.phone.Dialer;
import io.switchboard.app.phone.CallTexts;
import io.switchboard.app.ui.Background;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallState;
import io.switchboard.core.model.InvalidAddressException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Recents list: the calls I placed, received and missed, newest first, each with the other
 * party's live presence and a call-back, and the count of missed calls I have not seen yet (the
 * tab's badge), cleared when the list is shown. Kept per account by a {@link CallHistoryStore},
 * loaded on a worker and saved on {@code writer}. Used on the UI thread only.
 */
public final class RecentsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RecentsViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final Address account;
    private final CallHistoryStore store;
    private final Executor writer;
    private final ContactLookup contacts;
    private final Dialer dialer;
    private final Clock clock;

    /** Newest first; the rows mirror it one to one. */
    private final List<CallRecord> records = new ArrayList<>();
    private final ObservableList<RecentCallRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RecentCallRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyIntegerWrapper missedUnseen = new ReadOnlyIntegerWrapper(this, "missedUnseen");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    /** Until the saved history is in, nothing is saved: it would replace the file with the newest calls only. */
    private boolean loaded;
    private boolean disposed;

    public RecentsViewModel(Address account, CallHistoryStore store, Executor writer, ContactLookup contacts,
                            Dialer dialer, Background background, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.store = Objects.requireNonNull(store, "store");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.dialer = Objects.requireNonNull(dialer, "dialer");
        this.clock = Objects.requireNonNull(clock, "clock");
        shown.addListener((obs, was, now) -> {
            if (now) {
                markMissedSeen();
            }
        });
        background.submit("loading the call history of " + account, () -> store.load(account), this::loaded,
                failure -> {
                    LOG.warn("The call history of {} could not be loaded: {}", account, failure.getMessage());
                    loaded(List.of());
                });
    }

    public ObservableList<RecentCallRow> rows() {
        return readOnlyRows;
    }

    /** Missed calls not yet seen in the list: the badge on its tab. */
    public ReadOnlyIntegerProperty missedUnseenProperty() {
        return missedUnseen.getReadOnlyProperty();
    }

    /** Whether the list is on screen (its tab selected): showing it marks the missed calls seen. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Whether call-back works now. */
    public ReadOnlyBooleanProperty canCallBackProperty() {
        return dialer.availableProperty();
    }

    /** An ended call joins the top of the list (other snapshots are ignored). */
    public void record(Call call) {
        if (disposed || call.state() != CallState.ENDED) {
            return;
        }
        CallRecord record = CallRecord.of(call, contacts.displayName(call.remote()), clock.instant());
        if (shown.get()) {
            record = record.asSeen();
        }
        records.add(0, record);
        rows.add(0, row(record));
        trim();
        changed();
    }

    public void callBack(RecentCallRow row) {
        if (row != null && dialer.availableProperty().get()) {
            dialer.call(row.remote());
        }
    }

    public void dispose() {
        disposed = true;
    }

    private void loaded(List<CallRecord> saved) {
        if (disposed) {
            return;
        }
        loaded = true;
        // calls recorded while loading are newer than every saved one
        boolean recordedWhileLoading = !records.isEmpty();
        records.addAll(saved);
        rows.addAll(saved.stream().map(this::row).toList());
        boolean trimmed = trim();
        updateBadge();
        if (shown.get()) {
            markMissedSeen();
        }
        if (recordedWhileLoading || trimmed) {
            save();
        }
    }

    private void markMissedSeen() {
        boolean any = false;
        for (int i = 0; i < records.size(); i++) {
            CallRecord record = records.get(i);
            if (record.unseenMissed()) {
                CallRecord seen = record.asSeen();
                records.set(i, seen);
                rows.set(i, row(seen));
                any = true;
            }
        }
        if (any) {
            changed();
        }
    }

    /** Keeps at most {@link CallHistoryStore#MAX_ENTRIES}; true when some fell off. */
    private boolean trim() {
        boolean trimmed = false;
        while (records.size() > CallHistoryStore.MAX_ENTRIES) {
            records.remove(records.size() - 1);
            rows.remove(rows.size() - 1);
            trimmed = true;
        }
        return trimmed;
    }

    private void changed() {
        updateBadge();
        save();
    }

    private void updateBadge() {
        missedUnseen.set((int) records.stream().filter(CallRecord::unseenMissed).count());
    }

    private void save() {
        if (!loaded) {
            return;
        }
        List<CallRecord> snapshot = List.copyOf(records);
        writer.execute(() -> {
            try {
                store.save(account, snapshot);
            } catch (IOException e) {
                LOG.warn("The call history of {} could not be saved to {}: {}", account, store.file(account), e.toString());
            }
        });
    }

    private RecentCallRow row(CallRecord record) {
        Address remote;
        try {
            remote = Address.parse(record.remote());
        } catch (InvalidAddressException e) {
            // a hand-edited file: keep the entry, it just cannot be called back
            remote = Address.of("unknown", account.domain());
        }
        String kind = record.missed() ? "Missed" : record.outgoing() ? "Outgoing" : "Incoming";
        StringBuilder detail = new StringBuilder(kind).append(" · ").append(when(record));
        if (record.outcome() == CallOutcome.ANSWERED) {
            detail.append(" · ").append(CallTexts.duration(Duration.ofSeconds(record.durationSeconds())));
        } else if (!record.missed()) {
            detail.append(" · ").append(record.outcome().label());
        }
        String accessible = record.name() + ", " + detail.toString().replace(" · ", ", ");
        return new RecentCallRow(record, remote, contacts.presence(remote), detail.toString(), accessible);
    }

    /** "14:03" today, "9 Mar 14:03" before. */
    private String when(CallRecord record) {
        ZonedDateTime at = record.startedAt().atZone(clock.getZone());
        LocalDate today = LocalDate.now(clock);
        return at.toLocalDate().equals(today) ? TIME.format(at) : DATE_TIME.format(at);
    }
}
