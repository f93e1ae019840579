package io.switchboard.app.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.switchboard.app.FakeClientSession;
import io.switchboard.app.FakeClientSession.PublishedPresence;
import io.switchboard.app.presence.PresenceChoice;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.Theme;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.app.ui.ManualScheduler;
import io.switchboard.core.model.Availability;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class MainWindowViewModelTest {

    private final DirectUi ui = new DirectUi();
    private final FakeClientSession session = FakeClientSession.connected("alice@example.com");
    private final SettingsModel settings = new SettingsModel(AppSettings.defaults(), s -> { });
    private final AtomicInteger signedOut = new AtomicInteger();
    private final ManualScheduler timers = new ManualScheduler();
    private final MainWindowViewModel vm = new MainWindowViewModel(session, ui, ui, timers, settings,
            signedOut::incrementAndGet);

    @Test
    void showsWhoIAmAndMyPresence() {
        assertThat(vm.selfAddress()).isEqualTo("alice@example.com");
        assertThat(vm.selfName()).isEqualTo("alice");
        assertThat(vm.shownAvailability().get()).isEqualTo(Availability.AVAILABLE);
        assertThat(vm.connectedProperty().get()).isTrue();
        assertThat(vm.bannerKindProperty().get()).isEqualTo(BannerKind.NONE);
    }

    @Test
    void thePickerPublishesMyPresenceWithTheNote() {
        vm.noteProperty().set("at lunch");
        vm.choose(Availability.BUSY);

        assertThat(session.published).containsExactly(new PublishedPresence(Availability.BUSY, "at lunch"));
        assertThat(vm.shownAvailability().get()).isEqualTo(Availability.BUSY);

        vm.choose(Availability.BUSY);   // unchanged: nothing sent
        assertThat(session.published).hasSize(1);
    }

    @Test
    void onlyTheFourPickerStatesCanBeChosen() {
        assertThat(MainWindowViewModel.CHOICES).containsExactly(Availability.AVAILABLE, Availability.AWAY,
                Availability.BUSY, Availability.DO_NOT_DISTURB);
        assertThatIllegalArgumentException().isThrownBy(() -> vm.choose(Availability.OFFLINE));
    }

    @Test
    void aNoteIsPublishedWhenCommittedAndOnlyWhenChanged() {
        vm.noteProperty().set("in the lab");
        vm.commitNote();
        vm.commitNote();

        assertThat(session.published).containsExactly(new PublishedPresence(Availability.AVAILABLE, "in the lab"));
    }

    @Test
    void aFailedPresenceChangeIsUndoneAndExplained() {
        session.failPresenceWith(new NotConnectedException("not connected"));
        vm.choose(Availability.DO_NOT_DISTURB);

        assertThat(vm.shownAvailability().get()).isEqualTo(Availability.AVAILABLE);
        assertThat(vm.noticeProperty().get()).contains("could not be changed", "not connected");
    }

    @Test
    void bannerWhileReconnectingThenGoneWhenConnected() {
        SignInException lost = new SignInException(SignInException.Reason.UNREACHABLE, "lost", null);
        session.fireState(SessionState.RECONNECTING, Optional.of(lost));
        session.fireReconnectScheduled(1, Duration.ofMillis(3_600));

        assertThat(vm.bannerKindProperty().get()).isEqualTo(BannerKind.RECONNECTING);
        assertThat(vm.bannerTextProperty().get()).isEqualTo("Connection lost — reconnecting in 4 s…");
        assertThat(vm.shownAvailability().get()).isEqualTo(Availability.OFFLINE);
        assertThat(vm.connectedProperty().get()).isFalse();

        session.fireState(SessionState.CONNECTED, Optional.empty());

        assertThat(vm.bannerKindProperty().get()).isEqualTo(BannerKind.NONE);
        assertThat(vm.bannerTextProperty().get()).isEmpty();
        assertThat(vm.shownAvailability().get()).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void theReconnectCountdownTicksEverySecondAndStopsWhenConnected() {
        session.fireState(SessionState.RECONNECTING, Optional.empty());
        session.fireReconnectScheduled(2, Duration.ofSeconds(3));
        assertThat(vm.bannerTextProperty().get()).isEqualTo("Connection lost — reconnecting in 3 s…");

        timers.advance(Duration.ofSeconds(1));
        assertThat(vm.bannerTextProperty().get()).isEqualTo("Connection lost — reconnecting in 2 s…");
        timers.advance(Duration.ofSeconds(2));
        assertThat(vm.bannerTextProperty().get()).isEqualTo("Connection lost — reconnecting now…");
        assertThat(timers.pending()).isZero();

        // the attempt failed: a new, longer wait replaces the old count
        session.fireReconnectScheduled(3, Duration.ofSeconds(8));
        timers.advance(Duration.ofSeconds(1));
        assertThat(vm.bannerTextProperty().get()).isEqualTo("Connection lost — reconnecting in 7 s…");

        session.fireState(SessionState.CONNECTED, Optional.empty());
        assertThat(timers.pending()).isZero();
        timers.advance(Duration.ofSeconds(10));
        assertThat(vm.bannerTextProperty().get()).isEmpty();
    }

    @Test
    void signingOutStopsTheCountdown() {
        session.fireState(SessionState.RECONNECTING, Optional.empty());
        session.fireReconnectScheduled(1, Duration.ofSeconds(30));

        vm.signOut();

        assertThat(timers.pending()).isZero();
    }

    @Test
    void myChoiceComesBackAfterAReconnect() {
        vm.choose(Availability.AWAY);
        session.fireState(SessionState.RECONNECTING, Optional.empty());
        assertThat(vm.shownAvailability().get()).isEqualTo(Availability.OFFLINE);
        session.fireState(SessionState.CONNECTED, Optional.empty());

        assertThat(vm.shownAvailability().get()).isEqualTo(Availability.AWAY);
    }

    @Test
    void bannerSaysWhySignedOutWhenTheSessionGaveUp() {
        session.fireState(SessionState.FAILED, Optional.of(
                new SignInException(SignInException.Reason.POLICY_VIOLATION, "Signed in from another device.", null)));

        assertThat(vm.bannerKindProperty().get()).isEqualTo(BannerKind.FAILED);
        assertThat(vm.bannerTextProperty().get()).isEqualTo("Signed out: Signed in from another device.");
        assertThat(vm.shownAvailability().get()).isEqualTo(Availability.OFFLINE);
    }

    @Test
    void signOutClosesTheSessionAndGoesBack() {
        vm.signOut();
        vm.signOut();

        assertThat(session.closed).isTrue();
        assertThat(signedOut).hasValue(1);
        assertThat(session.listenerCount()).isZero();
    }

    @Test
    void themeToggleIsRemembered() {
        assertThat(vm.theme().get()).isEqualTo(Theme.LIGHT);
        vm.toggleTheme();

        assertThat(vm.theme().get()).isEqualTo(Theme.DARK);
        assertThat(settings.get().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void autoAwaySeesAndChangesMyPresence() {
        assertThat(vm.ownPresence().current()).contains(new PresenceChoice(Availability.AVAILABLE, ""));

        vm.ownPresence().set(new PresenceChoice(Availability.AWAY, "Away (idle)"));

        assertThat(session.published).containsExactly(new PublishedPresence(Availability.AWAY, "Away (idle)"));
        assertThat(vm.noteProperty().get()).isEqualTo("Away (idle)");
        assertThat(vm.ownPresence().current()).contains(new PresenceChoice(Availability.AWAY, "Away (idle)"));

        session.fireState(SessionState.RECONNECTING, Optional.empty());
        assertThat(vm.ownPresence().current()).isEmpty();
    }
}
