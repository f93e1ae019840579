package io.switchboard.app.phone;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.ui.DirectUi;
import io.switchboard.app.ui.ManualScheduler;
import io.switchboard.core.model.Address;

import java.time.Clock;

import org.junit.jupiter.api.Test;

class DialViewModelTest {

    private final DirectUi ui = new DirectUi();
    private final FakeCallService service = new FakeCallService();
    private final PhoneViewModel phone = new PhoneViewModel(ui, ui, new ManualScheduler(), Clock.systemUTC(),
            Address.parse("alice@example.com"), ContactLookup.NONE, new InMemoryCallAudio(), call -> { });
    private final DialViewModel dial = new DialViewModel(phone, Address.parse("alice@example.com"));

    @Test
    void theBoxWaitsForTheSoftphoneAndSaysSo() {
        dial.textProperty().set("bob");
        assertThat(dial.canDialProperty().get()).isFalse();
        assertThat(dial.promptProperty().get()).isEqualTo("Starting the audio engine…");

        dial.dial();
        assertThat(service.actions).isEmpty();

        phone.attach(service);
        assertThat(dial.canDialProperty().get()).isTrue();
        assertThat(dial.promptProperty().get()).isEqualTo("Call a name, address or number");
    }

    @Test
    void enterCallsABareNameInMyDomainAndEmptiesTheBox() {
        phone.attach(service);
        dial.textProperty().set("bob");

        dial.dial();

        assertThat(service.actions).containsExactly("dial bob@example.com");
        assertThat(dial.textProperty().get()).isEmpty();
        assertThat(dial.canDialProperty().get()).isFalse();
    }

    @Test
    void aSipUriAndAFullAddressAreCalledAsTyped() {
        phone.attach(service);
        dial.textProperty().set("sip:carol@other.org");
        dial.dial();
        dial.textProperty().set("dave@example.net");
        dial.dial();

        assertThat(service.actions).containsExactly("dial carol@other.org", "dial dave@example.net");
    }

    @Test
    void textThatNamesNobodyIsExplainedUntilTheUserTypesAgain() {
        phone.attach(service);
        dial.textProperty().set("bob smith");

        dial.dial();

        assertThat(service.actions).isEmpty();
        assertThat(dial.messageProperty().get()).isNotEmpty();
        assertThat(dial.textProperty().get()).as("kept for correcting").isEqualTo("bob smith");

        dial.textProperty().set("bob.smith");
        assertThat(dial.messageProperty().get()).isEmpty();
    }

    @Test
    void aFailedCallIsShownUnderTheBox() {
        phone.attach(service);
        service.failNextWith(new io.switchboard.core.service.NotConnectedException("no free port"));
        dial.textProperty().set("bob");

        dial.dial();

        assertThat(dial.messageProperty().get()).isEqualTo("Cannot call bob@example.com: no free port");
        dial.dismissMessage();
        assertThat(dial.messageProperty().get()).isEmpty();
    }
}
