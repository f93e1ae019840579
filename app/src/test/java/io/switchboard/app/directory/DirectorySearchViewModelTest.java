package io.switchboard.app.directory;

import static io.switchboard.app.directory.InMemoryDirectory.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.chat.Conversations;
import io.switchboard.app.phone.RecordingDialer;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.app.ui.ManualScheduler;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryEntry;
import io.switchboard.core.model.PresenceColour;
import io.switchboard.core.service.NoResponseException;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.PeerRefusedException;
import io.switchboard.directory.PhoneNumbers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectorySearchViewModelTest {

    private static final String URL = "ldap://dir.example.com:389";
    private static final Address ME = Address.of("alice", "example.com");
    private static final DirectoryEntry BOB = person("bob", "Bob Brown", "Software Engineer", "Engineering", "1002");
    private static final DirectoryEntry BORIS = person("boris", "Boris Black", "Accountant", "Finance", "1003");
    private static final DirectoryEntry CAROL = person("carol", "Carol Clark", "Designer", "Product", "1004");

    private final DirectUi ui = new DirectUi();
    private final ManualScheduler clock = new ManualScheduler();
    private final QueuedExecutor directoryThread = new QueuedExecutor();
    private final RecordingDialer dialer = new RecordingDialer(true);
    private final List<Address> chats = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private final ReadOnlyObjectWrapper<PresenceColour> bobPresence = new ReadOnlyObjectWrapper<>(PresenceColour.GREEN);
    private final DirectoryAccess access = new DirectoryAccess();
    private final List<DirectoryResult> cards = new ArrayList<>();
    private DirectoryActions actions;
    private DirectorySearchViewModel vm;

    @BeforeEach
    void setUp() {
        Conversations conversations = new Conversations() {
            @Override
            public void open(Address peer) {
                chats.add(peer);
            }

            @Override
            public ReadOnlyIntegerProperty unreadCount(Address peer) {
                return new SimpleIntegerProperty(0);
            }
        };
        actions = new DirectoryActions(conversations, dialer, opened::add, ui, ME, new PhoneNumbers("GB"),
                () -> {
                    throw new AssertionError("the add-contact form is tested with the buddy list");
                },
                who -> who.local().equals("bob") ? bobPresence.getReadOnlyProperty()
                        : new ReadOnlyObjectWrapper<>(PresenceColour.GREY).getReadOnlyProperty());
        vm = new DirectorySearchViewModel(access, actions, ui, directoryThread, clock);
        vm.onShowCard(cards::add);
    }

    private InMemoryDirectory found(int pageSize, DirectoryEntry... people) {
        InMemoryDirectory directory = new InMemoryDirectory(pageSize, people);
        access.set(new CompanyDirectory(directory, URL));
        vm.directoryFound();
        return directory;
    }

    private void type(String text) {
        vm.queryProperty().set(text);
    }

    private List<String> shownNames() {
        return vm.results().stream().map(DirectoryResult::name).toList();
    }

    @Test
    void searchesOnlyOnceTypingPausesAndShowsNameRolePhonesAndMail() {
        InMemoryDirectory directory = found(25, BOB, CAROL);

        type("B");
        clock.advance(Duration.ofMillis(200));
        type("Bo");
        clock.advance(Duration.ofMillis(299));
        directoryThread.runAll();
        assertThat(directory.searched).as("still typing").isEmpty();
        assertThat(vm.activeProperty().get()).as("the results replace the buddy list at once").isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(vm.searchingProperty().get()).isTrue();
        directoryThread.runAll();

        assertThat(directory.searched).containsExactly("Bo");
        assertThat(vm.searchingProperty().get()).isFalse();
        DirectoryResult bob = vm.results().get(0);
        assertThat(shownNames()).containsExactly("Bob Brown");
        assertThat(bob.role()).isEqualTo("Software Engineer, Engineering");
        assertThat(bob.phones()).isEqualTo("1002 · +44 7700 900002");
        assertThat(bob.mail()).isEqualTo("bob@example.com");
        assertThat(bob.initials()).isEqualTo("BB");
        assertThat(bob.presence().getValue()).isEqualTo(PresenceColour.GREEN);
        bobPresence.set(PresenceColour.RED);
        assertThat(bob.presence().getValue()).as("live presence").isEqualTo(PresenceColour.RED);
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aNewKeystrokeDropsTheRunningSearchsResultsAndClosesIt() {
        InMemoryDirectory directory = found(25, BOB, CAROL);
        type("Bo");
        clock.advance(DirectorySearchViewModel.DEBOUNCE);   // "Bo" is now running (queued on the directory thread)

        type("Ca");
        clock.advance(DirectorySearchViewModel.DEBOUNCE);
        directoryThread.runAll();

        assertThat(directory.searched).containsExactly("Bo", "Ca");
        assertThat(shownNames()).as("the late 'Bo' results are ignored").containsExactly("Carol Clark");
        assertThat(directory.closedSearches).contains("Bo");

        type("Car");
        directoryThread.runAll();
        assertThat(directory.closedSearches).as("the shown search closes with the next keystroke").contains("Ca");
    }

    @Test
    void moreResultsLoadsTheNextPageBelow() {
        found(2, BOB, BORIS, person("bo", "Bo Diddley", "Guitarist", "Music", "1009"));
        type("Bo");
        clock.advance(DirectorySearchViewModel.DEBOUNCE);
        directoryThread.runAll();
        assertThat(shownNames()).hasSize(2);
        assertThat(vm.hasMoreProperty().get()).isTrue();

        vm.loadMore();
        vm.loadMore();   // a second click while the page loads does nothing
        directoryThread.runAll();

        assertThat(shownNames()).containsExactly("Bob Brown", "Boris Black", "Bo Diddley");
        assertThat(vm.hasMoreProperty().get()).isFalse();
    }

    @Test
    void saysWhyTheDirectoryFailed() {
        InMemoryDirectory directory = found(25, BOB);

        directory.failNextWith(new NotConnectedException("connection refused"));
        type("Bo");
        clock.advance(DirectorySearchViewModel.DEBOUNCE);
        directoryThread.runAll();
        assertThat(vm.errorProperty().get()).isEqualTo("The directory at " + URL + " cannot be reached.");
        assertThat(vm.searchingProperty().get()).isFalse();

        directory.failNextWith(new NoResponseException("timed out", new TimeoutException()));
        type("Bob");
        assertThat(vm.errorProperty().get()).as("a new search clears the old failure").isEmpty();
        clock.advance(DirectorySearchViewModel.DEBOUNCE);
        directoryThread.runAll();
        assertThat(vm.errorProperty().get()).isEqualTo("The directory at " + URL + " did not answer in time.");

        directory.failNextWith(new PeerRefusedException("directory", "insufficient access"));
        type("Bo");
        clock.advance(DirectorySearchViewModel.DEBOUNCE);
        directoryThread.runAll();
        assertThat(vm.errorProperty().get()).isEqualTo("The directory at " + URL
                + " refused the search: insufficient access");
        assertThat(vm.results()).isEmpty();
    }

    @Test
    void aFailureOfAnOutdatedSearchIsNotShown() {
        InMemoryDirectory directory = found(25, BOB);
        directory.failNextWith(new NoResponseException("timed out", new TimeoutException()));
        type("Bo");
        clock.advance(DirectorySearchViewModel.DEBOUNCE);
        type("Bob");
        clock.advance(DirectorySearchViewModel.DEBOUNCE);
        directoryThread.runAll();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(shownNames()).containsExactly("Bob Brown");
    }

    @Test
    void noMatchIsAMessageNotAnError() {
        found(25, BOB);
        type("*)(uid=*");
        clock.advance(DirectorySearchViewModel.DEBOUNCE);
        directoryThread.runAll();

        assertThat(vm.results()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("No one in the directory matches \u201c*)(uid=*\u201d");
    }

    @Test
    void withoutADirectoryTheSearchBoxSaysSo() {
        assertThat(vm.promptProperty().get()).isEqualTo(DirectorySearchViewModel.LOOKING);
        type("Bo");
        assertThat(vm.messageProperty().get()).isEqualTo(DirectorySearchViewModel.LOOKING);

        vm.noDirectory();

        assertThat(vm.promptProperty().get()).isEqualTo("No company directory on this server");
        assertThat(vm.messageProperty().get()).isEqualTo("No company directory on this server");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(clock.pending()).isZero();
        assertThat(directoryThread.pending()).isZero();
    }

    @Test
    void whatWasTypedWhileTheDirectoryWasBeingFoundIsSearchedOnceItIs() {
        type("Bo");
        InMemoryDirectory directory = found(25, BOB);
        clock.advance(DirectorySearchViewModel.DEBOUNCE);
        directoryThread.runAll();
        assertThat(directory.searched).containsExactly("Bo");
        assertThat(shownNames()).containsExactly("Bob Brown");
    }

    @Test
    void clearingReturnsToTheBuddyList() {
        InMemoryDirectory directory = found(25, BOB);
        type("Bo");
        clock.advance(DirectorySearchViewModel.DEBOUNCE);
        directoryThread.runAll();

        vm.clear();
        directoryThread.runAll();

        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.results()).isEmpty();
        assertThat(directory.closedSearches).containsExactly("Bo");
    }

    @Test
    void aSearchRunningAtSignOutIsDroppedAndClosed() {
        InMemoryDirectory directory = found(25, BOB);
        type("Bo");
        clock.advance(DirectorySearchViewModel.DEBOUNCE);

        vm.dispose();
        directoryThread.runAll();

        assertThat(vm.results()).isEmpty();
        assertThat(directory.closedSearches).containsExactly("Bo");
    }

    @Test
    void theActionsChatCallDialANumberAndMail() {
        actions.chat(BOB);
        actions.call(BOB);
        actions.callNumber("1002");
        actions.email(BOB);

        assertThat(chats).containsExactly(BOB.address());
        assertThat(dialer.called).containsExactly(BOB.address(), Address.of("1002", "example.com"));
        assertThat(opened).containsExactly("mailto:bob@example.com");

        dialer.available.set(false);
        actions.call(BOB);
        assertThat(actions.errorProperty().get()).isEqualTo("Calls are not available now.");
        assertThat(dialer.called).hasSize(2);
    }

    @Test
    void aBuddysContactCardOpensWhenTheDirectoryKnowsThem() {
        found(25, BOB);

        vm.showCard(BOB.address());
        vm.showCard(Address.of("zed", "example.com"));
        directoryThread.runAll();

        assertThat(cards).extracting(DirectoryResult::name).containsExactly("Bob Brown");
        assertThat(vm.errorProperty().get()).isEqualTo("zed@example.com is not in the company directory.");
    }

    @Test
    void callersAreNamedByAddressOrByTheirNumber() {
        found(25, BOB);
        DirectoryCallerId callerId = new DirectoryCallerId(access, directoryThread, ui);
        List<String> named = new ArrayList<>();

        callerId.identify(BOB.address(), who -> named.add(who.name() + " / " + who.role()));
        callerId.identify(Address.of("+447700900002", "example.com"), who -> named.add("mobile: " + who.name()));
        callerId.identify(Address.of("stranger", "example.com"), who -> named.add("stranger?"));
        directoryThread.runAll();

        assertThat(named).containsExactly("Bob Brown / Software Engineer, Engineering", "mobile: Bob Brown");
    }
}
