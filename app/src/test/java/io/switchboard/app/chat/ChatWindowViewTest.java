package io.switchboard.app.chat;

import static io.switchboard.app.chat.FakeChatSession.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.ui.ManualScheduler;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.app.ui.FxDispatcher;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Contact;
import io.switchboard.core.model.SubscriptionState;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke test of the conversation window, headless: open a tab, type and send, receive. */
class ChatWindowViewTest extends ApplicationTest {

    private static final Address BOB = Address.of("bob", "example.org");

    private final FakeChatSession session = new FakeChatSession();
    private final List<String> notifications = new CopyOnWriteArrayList<>();
    private ChatViewModel vm;
    private ChatWindowView view;

    @Override
    public void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        session.contacts.contacts.put(BOB, new Contact(BOB, "Bob Brown", Set.of(), SubscriptionState.BOTH, false, null));
        session.presence.presences.put(BOB, FakeChatSession.FakePresence.available(Availability.AVAILABLE));
        vm = new ChatViewModel(session, new FxDispatcher(), new DirectUi(), (t, x) -> notifications.add(t + ": " + x),
                new ManualScheduler(), Clock.systemDefaultZone(), url -> { });
        view = new ChatWindowView(vm);
    }

    @AfterEach
    void tearDown() throws Exception {
        interact(() -> {
            vm.dispose();
            view.stage().ifPresent(Stage::hide);
        });
        session.close();
    }

    @Test
    void openTypeSendAndReceive() {
        assertThat(view.stage()).as("no window before a conversation").isEmpty();

        interact(() -> vm.open(BOB));

        Stage window = view.stage().orElseThrow();
        assertThat(window.isShowing()).isTrue();
        TabPane tabs = lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).hasSize(1);
        assertThat(tabs.getTabs().get(0).getText()).isEqualTo("Bob Brown");

        TextArea input = lookup(".chat-input").queryAs(TextArea.class);
        clickOn(input).write("first");
        press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        write("second");
        assertThat(input.getText()).isEqualTo("first\nsecond");
        assertThat(session.chat.sent).as("Shift+Enter is a line break").isEmpty();

        type(KeyCode.ENTER);

        assertThat(session.chat.sent).containsExactly("first\nsecond");
        assertThat(input.getText()).isEmpty();
        @SuppressWarnings("unchecked")
        ListView<MessageViewModel> messages = lookup(".chat-messages").queryAs(ListView.class);
        assertThat(messages.getItems()).extracting(MessageViewModel::body).containsExactly("first\nsecond");
        assertThat(lookup(".message-status").queryAllAs(Label.class)).anyMatch(l -> l.isVisible() && "✓".equals(l.getText()));

        session.chat.receive(incoming("m1", BOB, "got it, see https://example.org"));
        session.flush();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(messages.getItems()).extracting(MessageViewModel::body)
                .containsExactly("first\nsecond", "got it, see https://example.org");
        assertThat(lookup(".hyperlink").queryAll()).isNotEmpty();
    }

    @Test
    void builtOnlyWhenTheViewModelFirstAsksForItsWindowWithTheTabsOfEarlierConversations() throws Exception {
        try (FakeChatSession other = new FakeChatSession()) {
            other.contacts.contacts.put(BOB, new Contact(BOB, "Bob Brown", Set.of(), SubscriptionState.BOTH, false, null));
            List<ChatWindowView> built = new CopyOnWriteArrayList<>();
            ChatViewModel lazy = WaitForAsyncUtils.asyncFx(() -> {
                ChatViewModel created = new ChatViewModel(other, new FxDispatcher(), new DirectUi(), (t, x) -> { },
                        new ManualScheduler(), Clock.systemDefaultZone(), url -> { });
                ChatWindowView.buildOnFirstRequest(created, built::add);
                return created;
            }).get();
            assertThat(built).as("nothing built before a conversation").isEmpty();

            other.chat.receive(incoming("m1", BOB, "are you there?"));
            other.flush();
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(built).hasSize(1);
            Stage window = built.get(0).stage().orElseThrow();
            assertThat(window.isShowing()).as("shown, minimised, for the message").isTrue();
            assertThat(window.isIconified()).isTrue();
            TabPane tabs = (TabPane) window.getScene().lookup(".tab-pane");
            assertThat(tabs.getTabs()).extracting(javafx.scene.control.Tab::getText).containsExactly("Bob Brown (1)");

            interact(() -> lazy.open(BOB));
            assertThat(built).as("built once; later requests go to it").hasSize(1);
            assertThat(window.isIconified()).isFalse();
            interact(() -> {
                lazy.dispose();
                window.hide();
            });
        }
    }

    @Test
    void closingTheLastTabHidesTheWindow() {
        interact(() -> vm.open(BOB));
        Stage window = view.stage().orElseThrow();

        interact(() -> vm.close(vm.selectedProperty().get()));

        assertThat(window.isShowing()).isFalse();
        assertThat(vm.conversations()).isEmpty();
    }
}
