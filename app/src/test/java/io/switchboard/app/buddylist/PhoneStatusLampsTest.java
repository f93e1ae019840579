package io.switchboard.app.buddylist;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.LineState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneStatusLampsTest {

    private static final Address ALICE = Address.parse("alice@example.com");
    private static final Address BOB = Address.parse("bob@example.com");

    private final FakeLineStates service = new FakeLineStates();
    private final DirectUi ui = new DirectUi();

    @Test
    void aChosenContactIsWatchedAndItsLampFollowsTheLine() {
        PhoneStatusLamps lamps = new PhoneStatusLamps(Optional.of(service), PhoneStatusChoices.inMemory(), ui);
        assertThat(lamps.lampProperty(ALICE).get()).isEqualTo(PhoneLamp.NONE);

        lamps.setShown(ALICE, true);
        assertThat(service.watched).containsExactly(ALICE);
        assertThat(lamps.lampProperty(ALICE).get()).isEqualTo(PhoneLamp.UNKNOWN);

        service.report(ALICE, LineState.IDLE);
        assertThat(lamps.lampProperty(ALICE).get()).isEqualTo(PhoneLamp.IDLE);
        service.report(ALICE, LineState.RINGING);
        assertThat(lamps.lampProperty(ALICE).get()).isEqualTo(PhoneLamp.RINGING);
        assertThat(lamps.lampProperty(ALICE).get().blinking()).isTrue();
        assertThat(lamps.lampProperty(ALICE).get().tooltip()).isEqualTo("Phone ringing");
        service.report(ALICE, LineState.BUSY);
        assertThat(lamps.lampProperty(ALICE).get()).isEqualTo(PhoneLamp.BUSY);

        assertThat(lamps.lampProperty(BOB).get()).as("not chosen").isEqualTo(PhoneLamp.NONE);
    }

    @Test
    void hidingTheLampStopsWatching() {
        PhoneStatusLamps lamps = new PhoneStatusLamps(Optional.of(service), PhoneStatusChoices.inMemory(), ui);
        lamps.setShown(ALICE, true);
        service.report(ALICE, LineState.BUSY);

        lamps.setShown(ALICE, false);

        assertThat(service.watched).isEmpty();
        assertThat(lamps.lampProperty(ALICE).get()).isEqualTo(PhoneLamp.NONE);
        service.report(ALICE, LineState.RINGING);
        assertThat(lamps.lampProperty(ALICE).get()).as("late news of an unwatched line").isEqualTo(PhoneLamp.NONE);
    }

    @Test
    void theChoiceIsRememberedAndWatchedAgainInTheNextSession(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("phone-status.txt");
        PhoneStatusLamps first = new PhoneStatusLamps(Optional.of(service), new PhoneStatusFile(file), ui);
        first.setShown(ALICE, true);
        first.setShown(BOB, true);
        first.setShown(BOB, false);
        first.dispose();
        assertThat(Files.readAllLines(file)).containsExactly("alice@example.com");

        FakeLineStates next = new FakeLineStates();
        PhoneStatusLamps second = new PhoneStatusLamps(Optional.of(next), new PhoneStatusFile(file), ui);

        assertThat(next.watched).containsExactly(ALICE);
        assertThat(second.isShown(ALICE)).isTrue();
        assertThat(second.isShown(BOB)).isFalse();
    }

    @Test
    void aFileEditedByHandKeepsTheAddressesBeforeTheFirstBadLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("phone-status.txt");
        Files.writeString(file, "alice@example.com\n\nnot an address at all\nbob@example.com\n");

        assertThat(new PhoneStatusFile(file).load()).isEqualTo(Set.of(ALICE));
    }

    @Test
    void aSessionWithoutLineStateOffersNoLamps() {
        PhoneStatusLamps lamps = new PhoneStatusLamps(Optional.empty(), PhoneStatusChoices.inMemory(), ui);

        lamps.setShown(ALICE, true);

        assertThat(lamps.isAvailable()).isFalse();
        assertThat(lamps.lampProperty(ALICE).get()).isEqualTo(PhoneLamp.NONE);
    }
}
