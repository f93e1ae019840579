package io.switchboard.app.chat;

import static io.switchboard.app.chat.FakeChatSession.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.ui.ManualScheduler;
import io.switchboard.app.chat.MessageViewModel.Status;
import io.switchboard.app.ui.Background;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.app.ui.Notifier;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.ChatMessage;
import io.switchboard.core.model.ChatState;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.PresenceColour;
import io.switchboard.core.service.NotConnectedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyIntegerProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChatViewModelTest {

    static final Address BOB = Address.of("bob", "example.org");
    static final Address CAROL = Address.of("carol", "example.org");

    private final FakeChatSession session = new FakeChatSession();
    private final DirectUi ui = new DirectUi();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> notifications = new CopyOnWriteArrayList<>();
    private final List<WindowRequest> windowRequests = new CopyOnWriteArrayList<>();
    private final List<String> openedLinks = new CopyOnWriteArrayList<>();
    private final Notifier notifier = (title, text) -> notifications.add(title + ": " + text);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    private ChatViewModel vm;

    @BeforeEach
    void setUp() {
        session.contacts.contacts.put(BOB, new io.switchboard.core.model.Contact(BOB, "Bob Brown", java.util.Set.of(),
                io.switchboard.core.model.SubscriptionState.BOTH, false, null));
        session.presence.presences.put(BOB, FakeChatSession.FakePresence.available(Availability.AVAILABLE));
        vm = new ChatViewModel(session, ui, ui, notifier, scheduler, clock, openedLinks::add);
        vm.onWindowRequest(windowRequests::add);
    }

    @AfterEach
    void tearDown() {
        vm.dispose();
        session.close();
    }

    private void receive(ChatMessage m) {
        session.chat.receive(m);
        session.flush();
    }

    private ConversationViewModel bob() {
        return vm.conversations().stream().filter(c -> c.peer().equals(BOB)).findFirst().orElseThrow();
    }

    @Nested
    class OpeningTabs {

        @Test
        void openShowsTabWithContactNameHistoryAndPresenceAndFocusesTheWindow() {
            session.chat.conversationWith(BOB).append(incoming("h1", BOB, "earlier today"));

            vm.open(BOB);

            assertThat(vm.conversations()).extracting(ConversationViewModel::peer).containsExactly(BOB);
            assertThat(vm.selectedProperty().get()).isSameAs(bob());
            assertThat(bob().titleProperty().get()).isEqualTo("Bob Brown");
            assertThat(bob().presenceColourProperty().get()).isEqualTo(PresenceColour.GREEN);
            assertThat(bob().messages()).extracting(MessageViewModel::body).containsExactly("earlier today");
            assertThat(windowRequests).containsExactly(WindowRequest.SHOW_AND_FOCUS);
        }

        @Test
        void openingTwiceKeepsOneTab() {
            vm.open(BOB);
            vm.open(CAROL);
            vm.open(BOB);

            assertThat(vm.conversations()).hasSize(2);
            assertThat(vm.selectedProperty().get().peer()).isEqualTo(BOB);
        }

        @Test
        void someoneNotInTheBuddyListIsShownByAddress() {
            vm.open(CAROL);

            assertThat(vm.conversations().get(0).titleProperty().get()).isEqualTo("carol@example.org");
            assertThat(vm.conversations().get(0).presenceColourProperty().get()).isEqualTo(PresenceColour.GREY);
        }

        @Test
        void aMessageFromSomeoneWithoutTabOpensOneInTheBackgroundShowingTheMessageOnce() {
            vm.open(CAROL);
            windowRequests.clear();

            receive(incoming("m1", BOB, "hi there"));

            assertThat(vm.conversations()).extracting(ConversationViewModel::peer).containsExactly(CAROL, BOB);
            assertThat(vm.selectedProperty().get().peer()).as("focus stays where the user is").isEqualTo(CAROL);
            assertThat(bob().messages()).extracting(MessageViewModel::body).containsExactly("hi there");
            assertThat(windowRequests).containsExactly(WindowRequest.SHOW_IN_BACKGROUND);
        }

        @Test
        void theFirstAutoOpenedTabIsSelectedButStaysUnreadWhileTheWindowIsUnfocused() {
            receive(incoming("m1", BOB, "hi"));

            assertThat(vm.selectedProperty().get()).isSameAs(bob());
            assertThat(vm.unreadCount(BOB).get()).isEqualTo(1);
        }

        @Test
        void closingATabSelectsItsNeighbourAndClearsItsBadge() {
            receive(incoming("m1", BOB, "hi"));
            vm.open(CAROL);

            vm.close(vm.selectedProperty().get());

            assertThat(vm.conversations()).extracting(ConversationViewModel::peer).containsExactly(BOB);
            assertThat(vm.selectedProperty().get().peer()).isEqualTo(BOB);
            vm.close(bob());
            assertThat(vm.conversations()).isEmpty();
            assertThat(vm.selectedProperty().get()).isNull();
            assertThat(vm.unreadCount(BOB).get()).isZero();
        }

        @Test
        void contactRenameAndPresenceChangeReachTheTab() {
            vm.open(BOB);

            session.contacts.put(BOB, "Robert");
            session.presence.change(BOB, Availability.DO_NOT_DISTURB);
            session.flush();

            assertThat(bob().titleProperty().get()).isEqualTo("Robert");
            assertThat(bob().presenceColourProperty().get()).isEqualTo(PresenceColour.RED);
            assertThat(bob().presenceTextProperty().get()).isEqualTo("Do not disturb");
        }

        @Test
        void contactEventsWithoutAnOpenConversationPostNothingToTheUiThread() {
            // a sign-in adds and updates every contact: one UI task each kept the window waiting
            java.util.concurrent.atomic.AtomicInteger uiTasks = new java.util.concurrent.atomic.AtomicInteger();
            vm.dispose();
            io.switchboard.app.ui.UiDispatcher counting = new io.switchboard.app.ui.UiDispatcher() {
                @Override
                public void run(Runnable task) {
                    uiTasks.incrementAndGet();
                    ui.run(task);
                }

                @Override
                public boolean isUiThread() {
                    return false;
                }
            };
            vm = new ChatViewModel(session, counting, ui, notifier, scheduler, clock, openedLinks::add);

            session.contacts.put(CAROL, "Carol");
            session.contacts.put(BOB, "Robert");
            session.contacts.removeContact(CAROL);
            session.presence.change(BOB, Availability.AWAY);
            session.flush();
            assertThat(uiTasks).hasValue(0);

            vm.open(BOB);
            session.contacts.put(BOB, "Bobby");
            session.flush();
            assertThat(uiTasks).hasValue(1);
            assertThat(bob().titleProperty().get()).isEqualTo("Bobby");
        }
    }

    @Nested
    class Messages {

        @Test
        void incomingMessageShowsSenderTimeAndFullDate() {
            vm.open(BOB);
            receive(incoming("m1", BOB, "hello"));

            MessageViewModel row = bob().messages().get(0);
            assertThat(row.isIncoming()).isTrue();
            assertThat(row.sender()).isEqualTo("Bob Brown");
            assertThat(row.time()).isEqualTo("09:15");
            assertThat(row.fullTime()).contains("2026").contains("09:15:00").doesNotContain("offline");
            assertThat(row.statusTextProperty().get()).isEmpty();
        }

        @Test
        void aMessageStoredWhileIWasOfflineKeepsItsOriginalTime() {
            vm.open(BOB);
            receive(new ChatMessage("m1", BOB, ChatMessage.Direction.INCOMING, "while you were out", "t", "",
                    Instant.parse("2026-11-19T18:42:00Z"), true, DeliveryState.RECEIVED, ""));

            MessageViewModel row = bob().messages().get(0);
            assertThat(row.time()).isEqualTo("18:42");
            assertThat(row.fullTime()).contains("19").contains("sent while you were offline");
        }

        @Test
        void enterSendsTrimmedTextAndClearsTheInput() {
            vm.open(BOB);
            bob().inputTextProperty().set("  hello Bob \n");

            assertThat(bob().enterPressed(false)).isTrue();

            assertThat(session.chat.sent).containsExactly("hello Bob");
            assertThat(bob().inputTextProperty().get()).isEmpty();
            MessageViewModel row = bob().messages().get(0);
            assertThat(row.isIncoming()).isFalse();
            assertThat(row.sender()).isEqualTo("Me");
            assertThat(row.status()).isEqualTo(Status.SENT);
            assertThat(row.statusTextProperty().get()).isEqualTo("✓");
        }

        @Test
        void shiftEnterDoesNotSend() {
            vm.open(BOB);
            bob().inputTextProperty().set("first line");

            assertThat(bob().enterPressed(true)).isFalse();

            assertThat(session.chat.sent).isEmpty();
            assertThat(bob().inputTextProperty().get()).isEqualTo("first line");
        }

        @Test
        void blankInputIsNotSent() {
            vm.open(BOB);
            bob().inputTextProperty().set(" \n\t ");

            assertThat(bob().canSendProperty().get()).isFalse();
            bob().enterPressed(false);

            assertThat(session.chat.sent).isEmpty();
            assertThat(bob().messages()).isEmpty();
        }

        @Test
        void deliveryReceiptTurnsOneTickIntoTwo() {
            vm.open(BOB);
            bob().inputTextProperty().set("ping");
            bob().send();
            MessageViewModel row = bob().messages().get(0);

            session.chat.update(BOB, "out-1", DeliveryState.DELIVERED, "");
            session.flush();

            assertThat(row.status()).isEqualTo(Status.DELIVERED);
            assertThat(row.statusTextProperty().get()).isEqualTo("✓✓");
            assertThat(row.statusDescriptionProperty().get()).isEqualTo("Delivered");
            assertThat(bob().messages()).hasSize(1);
        }

        @Test
        void aReceiptThatOvertakesTheSendAnswerIsNotLost() {
            List<Runnable> lateAnswers = new CopyOnWriteArrayList<>();
            Background slow = new Background() {
                @Override
                public <T> void submit(String what, Callable<T> work, Consumer<? super T> onSuccess,
                                       Consumer<? super Exception> onFailure) {
                    try {
                        T result = work.call();
                        lateAnswers.add(() -> onSuccess.accept(result));
                    } catch (Exception e) {
                        lateAnswers.add(() -> onFailure.accept(e));
                    }
                }
            };
            ChatViewModel slowVm = new ChatViewModel(session, ui, slow, notifier, scheduler, clock, openedLinks::add);
            try {
                slowVm.open(BOB);
                ConversationViewModel conversation = slowVm.selectedProperty().get();
                conversation.inputTextProperty().set("fast");
                conversation.send();
                MessageViewModel row = conversation.messages().get(0);
                assertThat(row.status()).isEqualTo(Status.SENDING);
                assertThat(row.statusTextProperty().get()).isEqualTo("Sending…");

                session.chat.update(BOB, "out-1", DeliveryState.DELIVERED, "");
                session.flush();
                lateAnswers.forEach(Runnable::run);

                assertThat(row.status()).isEqualTo(Status.DELIVERED);
            } finally {
                slowVm.dispose();
            }
        }

        @Test
        void toAnOfflinePeerTheMessageIsQueuedWithAClearNote() {
            vm.open(CAROL);
            ConversationViewModel carol = vm.selectedProperty().get();
            carol.inputTextProperty().set("see you tomorrow");
            carol.send();

            MessageViewModel row = carol.messages().get(0);
            assertThat(row.status()).isEqualTo(Status.QUEUED_OFFLINE);
            assertThat(row.statusTextProperty().get())
                    .isEqualTo("Queued — will be delivered when carol@example.org signs in");
        }

        @Test
        void aFailedSendShowsWhyAndRetrySendsItAgainInTheSameRow() {
            vm.open(BOB);
            session.chat.failNextSend = new NotConnectedException("Not connected to the server");
            bob().inputTextProperty().set("important");
            bob().send();
            session.flush();

            MessageViewModel row = bob().messages().get(0);
            assertThat(row.status()).isEqualTo(Status.FAILED);
            assertThat(row.failedProperty().get()).isTrue();
            assertThat(row.statusTextProperty().get()).isEqualTo("Not sent: Not connected to the server");

            row.retry();

            assertThat(session.chat.sent).containsExactly("important");
            assertThat(row.status()).isEqualTo(Status.SENT);
            assertThat(row.failedProperty().get()).isFalse();
            assertThat(bob().messages()).containsExactly(row);
        }

        @Test
        void aFailureReportedLaterByTheServerOffersRetry() {
            vm.open(BOB);
            bob().inputTextProperty().set("to nowhere");
            bob().send();

            session.chat.update(BOB, "out-1", DeliveryState.FAILED, "service-unavailable");
            session.flush();

            MessageViewModel row = bob().messages().get(0);
            assertThat(row.statusTextProperty().get()).isEqualTo("Not sent: service-unavailable");
            row.retry();
            assertThat(session.chat.sent).containsExactly("to nowhere", "to nowhere");
            assertThat(row.status()).isEqualTo(Status.SENT);
            // the old id no longer speaks for this row
            session.chat.update(BOB, "out-1", DeliveryState.FAILED, "late echo");
            session.flush();
            assertThat(row.status()).isEqualTo(Status.SENT);
        }

        @Test
        void retryOfAMessageThatDidNotFailDoesNothing() {
            vm.open(BOB);
            bob().inputTextProperty().set("once");
            bob().send();

            bob().messages().get(0).retry();

            assertThat(session.chat.sent).containsExactly("once");
        }

        @Test
        void linksAreDetectedAndOpenedThroughTheOpener() {
            vm.open(BOB);
            receive(incoming("m1", BOB, "look at https://example.org/x, nice"));

            List<TextSegment> segments = bob().messages().get(0).segments();
            assertThat(segments).containsExactly(new TextSegment("look at ", false),
                    new TextSegment("https://example.org/x", true), new TextSegment(", nice", false));

            vm.openLink("https://example.org/x");
            assertThat(openedLinks).containsExactly("https://example.org/x");
            assertThat(vm.errorProperty().get()).isEmpty();
        }

        @Test
        void aLinkThatCannotBeOpenedSaysSo() {
            ChatViewModel failing = new ChatViewModel(session, ui, ui, notifier, scheduler, clock, url -> {
                throw new UnsupportedOperationException("this desktop offers no way to open links");
            });
            try {
                failing.openLink("https://example.org");
                assertThat(failing.errorProperty().get())
                        .isEqualTo("Could not open https://example.org: this desktop offers no way to open links");
                failing.dismissError();
                assertThat(failing.errorProperty().get()).isEmpty();
            } finally {
                failing.dispose();
            }
        }
    }

    @Nested
    class Typing {

        @Test
        void peerTypingShowsAndHidesTheIndicator() {
            vm.open(BOB);

            session.chat.peerState(BOB, ChatState.COMPOSING);
            session.flush();
            assertThat(bob().peerTypingProperty().get()).isTrue();
            assertThat(bob().typingTextProperty().get()).isEqualTo("Bob Brown is typing…");

            session.chat.peerState(BOB, ChatState.PAUSED);
            session.flush();
            assertThat(bob().peerTypingProperty().get()).isFalse();
            assertThat(bob().typingTextProperty().get()).isEmpty();

            session.chat.peerState(BOB, ChatState.COMPOSING);
            session.flush();
            session.chat.peerState(BOB, ChatState.ACTIVE);
            session.flush();
            assertThat(bob().peerTypingProperty().get()).isFalse();
        }

        @Test
        void aMessageEndsTheIndicator() {
            vm.open(BOB);
            session.chat.peerState(BOB, ChatState.COMPOSING);
            session.flush();

            receive(incoming("m1", BOB, "done typing"));

            assertThat(bob().peerTypingProperty().get()).isFalse();
        }

        @Test
        void typingWithoutATabOpensNothing() {
            session.chat.peerState(BOB, ChatState.COMPOSING);
            session.flush();

            assertThat(vm.conversations()).isEmpty();
        }

        @Test
        void myTypingSendsComposingOnceThenPausedAfterFiveQuietSeconds() {
            vm.open(BOB);
            bob().inputTextProperty().set("h");
            bob().inputTextProperty().set("he");
            scheduler.advance(Duration.ofSeconds(3));
            bob().inputTextProperty().set("hel");
            scheduler.advance(Duration.ofSeconds(4));
            assertThat(session.chat.states).as("keystrokes restart the quiet period").containsExactly(ChatState.COMPOSING);

            scheduler.advance(Duration.ofSeconds(1));
            assertThat(session.chat.states).containsExactly(ChatState.COMPOSING, ChatState.PAUSED);

            scheduler.advance(Duration.ofSeconds(30));
            bob().inputTextProperty().set("hell");
            bob().inputTextProperty().set("hello");
            assertThat(session.chat.states).containsExactly(ChatState.COMPOSING, ChatState.PAUSED, ChatState.COMPOSING);
        }

        @Test
        void sendingEndsComposingWithoutAnExtraStanza() {
            vm.open(BOB);
            bob().inputTextProperty().set("hi");
            bob().send();
            scheduler.advance(Duration.ofSeconds(10));

            // the message itself carries <active/>
            assertThat(session.chat.states).containsExactly(ChatState.COMPOSING);
            assertThat(bob().myChatState()).isEqualTo(ChatState.ACTIVE);
            assertThat(scheduler.pending()).isZero();
        }

        @Test
        void clearingTheInputSaysIAmNoLongerTyping() {
            vm.open(BOB);
            bob().inputTextProperty().set("never mind");
            bob().inputTextProperty().set("");

            assertThat(session.chat.states).containsExactly(ChatState.COMPOSING, ChatState.ACTIVE);
            assertThat(scheduler.pending()).isZero();
        }
    }

    @Nested
    class UnreadAndNotifications {

        @Test
        void messagesInTheSelectedTabOfTheFocusedWindowAreSeenAtOnce() {
            vm.open(BOB);
            vm.windowFocusedProperty().set(true);

            receive(incoming("m1", BOB, "hi"));

            assertThat(vm.unreadCount(BOB).get()).isZero();
            assertThat(bob().titleProperty().get()).isEqualTo("Bob Brown");
            assertThat(notifications).isEmpty();
        }

        @Test
        void anUnfocusedWindowCountsAndNotifiesUntilFocused() {
            vm.open(BOB);
            ReadOnlyIntegerProperty badge = vm.unreadCount(BOB);

            receive(incoming("m1", BOB, "are you there?"));
            receive(incoming("m2", BOB, "hello?"));

            assertThat(badge.get()).isEqualTo(2);
            assertThat(bob().titleProperty().get()).isEqualTo("Bob Brown (2)");
            assertThat(notifications).containsExactly("Bob Brown: are you there?", "Bob Brown: hello?");

            vm.windowFocusedProperty().set(true);
            assertThat(badge.get()).isZero();
            assertThat(bob().titleProperty().get()).isEqualTo("Bob Brown");
        }

        @Test
        void aBackgroundTabCountsUntilSelectedButDoesNotNotifyInAFocusedWindow() {
            vm.open(CAROL);
            vm.windowFocusedProperty().set(true);

            receive(incoming("m1", BOB, "psst"));

            assertThat(vm.unreadCount(BOB).get()).isEqualTo(1);
            assertThat(bob().titleProperty().get()).isEqualTo("Bob Brown (1)");
            assertThat(notifications).isEmpty();

            vm.selectedProperty().set(bob());
            assertThat(vm.unreadCount(BOB).get()).isZero();
        }

        @Test
        void theBuddyListBadgeExistsBeforeAnyTabAndOpeningClearsIt() {
            ReadOnlyIntegerProperty badge = vm.unreadCount(BOB);
            assertThat(badge.get()).isZero();

            receive(incoming("m1", BOB, "hi"));
            assertThat(badge.get()).isEqualTo(1);
            assertThat(vm.unreadCount(BOB)).as("the same property the buddy list bound to").isSameAs(badge);

            vm.open(BOB);
            assertThat(badge.get()).isZero();
        }

        @Test
        void doNotDisturbKeepsTheBadgeButShowsNoPopup() throws Exception {
            session.presence.setOwnPresence(Availability.DO_NOT_DISTURB, "focus time");
            vm.open(BOB);

            receive(incoming("m1", BOB, "quick question"));

            assertThat(notifications).isEmpty();
            assertThat(vm.unreadCount(BOB).get()).isEqualTo(1);
        }

        @Test
        void busyIsNotDoNotDisturb() throws Exception {
            session.presence.setOwnPresence(Availability.BUSY, "");

            receive(incoming("m1", BOB, "quick question"));

            assertThat(notifications).containsExactly("Bob Brown: quick question");
        }

        @Test
        void theNotificationPreviewIsOneShortLine() {
            String preview = ChatViewModel.preview("first line\nsecond   line " + "x".repeat(300));

            assertThat(preview).doesNotContain("\n").startsWith("first line second line x").hasSize(120).endsWith("…");
        }

        @Test
        void aFailingNotifierLosesNoMessage() {
            ChatViewModel brittle = new ChatViewModel(session, ui, ui, (t, x) -> {
                throw new IllegalStateException("no tray");
            }, scheduler, clock, openedLinks::add);
            try {
                receive(incoming("m1", BOB, "hi"));
                assertThat(brittle.conversations()).hasSize(1);
                assertThat(brittle.unreadCount(BOB).get()).isEqualTo(1);
            } finally {
                brittle.dispose();
            }
        }
    }

    @Test
    void afterDisposeSessionEventsChangeNothing() {
        vm.open(BOB);
        vm.dispose();

        receive(incoming("m1", BOB, "anyone?"));
        receive(incoming("m2", CAROL, "hello?"));

        assertThat(bob().messages()).isEmpty();
        assertThat(vm.conversations()).hasSize(1);
        assertThat(notifications).isEmpty();
    }
}
