package io.switchboard.app.directory;

import io.switchboard.app.ui.Scheduler;
import io.switchboard.app.ui.UiDispatcher;
import io.switchboard.core.model.Address;
import io.switchboard.core.service.DirectorySearch;
import io.switchboard.core.service.ServiceException;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The company-directory search above the buddy list: type-ahead that waits for a pause in typing,
 * one search at a time (a new keystroke makes the running one stale: its results are dropped by
 * the generation counter and it is closed), results a page at a time, and failures said in the
 * view. The directory is only ever called on {@code executor}; everything here runs on the UI thread.
 */
public final class DirectorySearchViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorySearchViewModel.class);

    /** The pause in typing after which the directory is asked: fewer searches than keystrokes. */
    public static final Duration DEBOUNCE = Duration.ofMillis(300);
    static final String LOOKING = "Looking for the company directory\u2026";
    static final String NO_DIRECTORY = "No company directory on this server";
    static final String PROMPT = "Search the company directory";

    private enum Availability { LOOKING, AVAILABLE, NONE }

    private final DirectoryAccess access;
    private final DirectoryActions actions;
    private final UiDispatcher ui;
    private final Executor executor;
    private final Scheduler scheduler;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<DirectoryResult> results = FXCollections.observableArrayList();
    private final ObservableList<DirectoryResult> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", LOOKING);

    private Availability availability = Availability.LOOKING;
    /** Bumped by every keystroke (and sign-out): work started for an older value is stale. */
    private long generation;
    private Scheduler.Cancellable pendingSearch;
    /** The search whose first page is shown and which may have more; owned by the UI thread while idle. */
    private DirectorySearch current;
    private boolean disposed;
    private Consumer<DirectoryResult> cardOpener = r -> { };

    public DirectorySearchViewModel(DirectoryAccess access, DirectoryActions actions, UiDispatcher ui,
                                    Executor executor, Scheduler scheduler) {
        this.access = Objects.requireNonNull(access, "access");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        query.addListener((obs, was, now) -> queryChanged(now));
    }

    // ---- what the composition tells ---------------------------------------------------------

    /** The session's directory is in {@link DirectoryAccess}: searching works from now on. */
    public void directoryFound() {
        availability = Availability.AVAILABLE;
        prompt.set(PROMPT);
        queryChanged(query.get());   // what was typed while we looked
    }

    /** The server names no directory (or it could not be set up): the search box says so. */
    public void noDirectory() {
        availability = Availability.NONE;
        prompt.set(NO_DIRECTORY);
        queryChanged(query.get());
    }

    // ---- the view's state ------------------------------------------------------------------

    /** What the user typed; bound to the search field. */
    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<DirectoryResult> results() {
        return readOnlyResults;
    }

    /** True while the field holds a search: the results replace the buddy list. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Whether "More results" can load another page. */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** Not an error: "No one matches …", "No company directory on this server"; "" when results show. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the search failed, for the user; "" when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The search field's prompt: what it searches, or that there is no directory. */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public DirectoryActions actions() {
        return actions;
    }

    /** Where the view opens a contact card. */
    public void onShowCard(Consumer<DirectoryResult> opener) {
        this.cardOpener = Objects.requireNonNull(opener, "opener");
    }

    // ---- what the user does ----------------------------------------------------------------

    /** Escape or the clear button: back to the buddy list. */
    public void clear() {
        query.set("");
    }

    /** "More results": the next page of the shown search, added below. */
    public void loadMore() {
        DirectorySearch search = current;
        if (search == null || !hasMore.get() || searching.get()) {
            return;
        }
        current = null;   // the worker owns it until the page is back
        long mine = generation;
        String url = urlOrEmpty();
        searching.set(true);
        executor.execute(() -> {
            try {
                List<DirectoryActions.Found> page = search.nextPage().stream().map(DirectoryActions::found).toList();
                boolean more = search.hasMore();
                ui.run(() -> {
                    if (stale(mine)) {
                        closeLater(search);
                        return;
                    }
                    current = search;
                    results.addAll(page.stream().map(actions::result).toList());
                    hasMore.set(more);
                    searching.set(false);
                });
            } catch (ServiceException | RuntimeException e) {
                search.close();
                failed(mine, e, url);
            }
        });
    }

    /** Opens the contact card of a result. */
    public void showCard(DirectoryResult result) {
        cardOpener.accept(result);
    }

    /**
     * The buddy list's "Contact card": looks {@code person} up in the directory, then opens the card,
     * or says that the directory does not know them.
     */
    public void showCard(Address person) {
        Optional<CompanyDirectory> directory = access.current();
        if (directory.isEmpty()) {
            error.set(availability == Availability.LOOKING ? LOOKING : NO_DIRECTORY);
            return;
        }
        String url = directory.get().url();
        executor.execute(() -> {
            try {
                Optional<DirectoryActions.Found> entry = directory.get().service().entry(person)
                        .map(DirectoryActions::found);
                ui.run(() -> {
                    if (disposed) {
                        return;
                    }
                    entry.ifPresentOrElse(e -> cardOpener.accept(actions.result(e)),
                            () -> error.set(person + " is not in the company directory."));
                });
            } catch (ServiceException | RuntimeException e) {
                LOG.warn("Looking up {} in the directory at {} failed: {}", person, url, e.toString());
                ui.run(() -> {
                    if (!disposed) {
                        error.set(DirectoryErrors.describe(e, url));
                    }
                });
            }
        });
    }

    public void dismissError() {
        error.set("");
    }

    /** Sign-out: pending and running searches are dropped, the shown one closed. */
    public void dispose() {
        disposed = true;
        generation++;
        cancelPending();
        closeCurrent();
    }

    // ---- the search itself -------------------------------------------------------------------

    private void queryChanged(String text) {
        generation++;
        cancelPending();
        closeCurrent();
        error.set("");
        searching.set(false);
        hasMore.set(false);
        String wanted = text == null ? "" : text.strip();
        active.set(!wanted.isEmpty());
        if (wanted.isEmpty() || disposed) {
            results.clear();
            message.set("");
            return;
        }
        switch (availability) {
            case LOOKING -> {
                results.clear();
                message.set(LOOKING);
            }
            case NONE -> {
                results.clear();
                message.set(NO_DIRECTORY);
            }
            case AVAILABLE -> {
                long mine = generation;
                pendingSearch = scheduler.schedule(DEBOUNCE, () -> start(mine, wanted));
            }
        }
    }

    private void start(long mine, String text) {
        pendingSearch = null;
        Optional<CompanyDirectory> directory = access.current();
        if (stale(mine) || directory.isEmpty()) {
            return;
        }
        searching.set(true);
        String url = directory.get().url();
        executor.execute(() -> {
            DirectorySearch search = null;
            try {
                search = directory.get().service().search(text);
                List<DirectoryActions.Found> page = search.nextPage().stream().map(DirectoryActions::found).toList();
                boolean more = search.hasMore();
                DirectorySearch found = search;
                ui.run(() -> {
                    if (stale(mine)) {
                        closeLater(found);   // a later keystroke cancelled it while it ran
                        return;
                    }
                    current = found;
                    results.setAll(page.stream().map(actions::result).toList());
                    hasMore.set(more);
                    searching.set(false);
                    message.set(page.isEmpty() ? "No one in the directory matches \u201c" + text + "\u201d" : "");
                });
            } catch (ServiceException | RuntimeException e) {
                if (search != null) {
                    search.close();
                }
                failed(mine, e, url);
            }
        });
    }

    /** On the worker: logs, then shows the failure unless the user has typed on. */
    private void failed(long mine, Exception e, String url) {
        LOG.warn("Directory search at {} failed: {}", url, e.toString());
        ui.run(() -> {
            if (stale(mine)) {
                return;
            }
            searching.set(false);
            hasMore.set(false);
            message.set("");
            error.set(DirectoryErrors.describe(e, url));
        });
    }

    private boolean stale(long mine) {
        return disposed || mine != generation;
    }

    private void cancelPending() {
        if (pendingSearch != null) {
            pendingSearch.cancel();
            pendingSearch = null;
        }
    }

    private void closeCurrent() {
        DirectorySearch search = current;
        current = null;
        if (search != null) {
            closeLater(search);
        }
    }

    /** Closing may talk to the directory (abandoning a paged search): never on the UI thread. */
    private void closeLater(DirectorySearch search) {
        executor.execute(() -> {
            try {
                search.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing a directory search failed: {}", e.toString());
            }
        });
    }

    private String urlOrEmpty() {
        return access.current().map(CompanyDirectory::url).orElse("");
    }
}
