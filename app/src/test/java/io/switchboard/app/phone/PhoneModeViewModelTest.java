package io.switchboard.app.phone;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.CallMode;
import io.switchboard.app.settings.PhoneSettings;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.service.ServiceException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The phone switch of the main window: what it asks for, what it remembers, what it says when refused. */
class PhoneModeViewModelTest {

    private final List<AppSettings> saved = new ArrayList<>();
    private final List<PhoneSettings> asked = new ArrayList<>();
    /** The gateway's answer to a desk-phone switch; null for "it worked". */
    private String refusal;
    private final PhoneSwitch phones = choice -> {
        asked.add(choice);
        if (refusal != null && choice.mode() == CallMode.DESK_PHONE) {
            throw new ServiceException(refusal);
        }
    };

    @Test
    void theDeskPhoneChosenAtSignInIsPutToUseOnceCallsCanStart() {
        PhoneModeViewModel vm = viewModel(PhoneSettings.deskPhone("1001"));
        assertThat(vm.inUseProperty().get()).isEqualTo("Softphone");

        vm.attach(phones);

        assertThat(asked).containsExactly(PhoneSettings.deskPhone("1001"));
        assertThat(vm.inUseProperty().get()).isEqualTo("Desk phone 1001");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void switchingToTheDeskPhoneAndBackIsRemembered() {
        PhoneModeViewModel vm = viewModel(PhoneSettings.SOFTPHONE);
        vm.attach(phones);
        assertThat(asked).as("the softphone is in use already").isEmpty();

        vm.modeProperty().set(CallMode.DESK_PHONE);
        vm.deskLineProperty().set(" 1002 ");
        vm.apply();
        assertThat(vm.inUseProperty().get()).isEqualTo("Desk phone 1002");
        assertThat(last().phone()).isEqualTo(PhoneSettings.deskPhone("1002"));

        vm.modeProperty().set(CallMode.SOFTPHONE);
        vm.apply();
        assertThat(vm.inUseProperty().get()).isEqualTo("Softphone");
        assertThat(last().phone()).isEqualTo(new PhoneSettings(CallMode.SOFTPHONE, "1002"));
    }

    @Test
    void aRefusedSwitchSaysWhyKeepsThePhoneInUseAndForgetsNothing() {
        refusal = "desk line 1001 is not assigned to you";
        PhoneModeViewModel vm = viewModel(PhoneSettings.deskPhone("1001"));

        vm.attach(phones);
        // the choice snaps back to the phone in use, which must not count as a new switch
        vm.apply();

        assertThat(vm.errorProperty().get())
                .isEqualTo("Desk phone mode is unavailable: desk line 1001 is not assigned to you");
        assertThat(vm.inUseProperty().get()).isEqualTo("Softphone");
        assertThat(vm.modeProperty().get()).isEqualTo(CallMode.SOFTPHONE);
        assertThat(asked).hasSize(1);
        assertThat(saved).as("the desk phone stays the choice for the next sign-in").isEmpty();
    }

    @Test
    void aLineThatIsNoExtensionIsNotSentToTheGateway() {
        PhoneModeViewModel vm = viewModel(PhoneSettings.SOFTPHONE);
        vm.attach(phones);
        vm.modeProperty().set(CallMode.DESK_PHONE);
        vm.deskLineProperty().set("my phone");

        vm.apply();

        assertThat(asked).isEmpty();
        assertThat(vm.errorProperty().get()).startsWith("A desk line is its extension");
    }

    private PhoneModeViewModel viewModel(PhoneSettings phone) {
        return new PhoneModeViewModel(new DirectUi(), new SettingsModel(AppSettings.defaults().withPhone(phone),
                saved::add));
    }

    private AppSettings last() {
        return saved.get(saved.size() - 1);
    }

    @Test
    void aLockedModeAndLineStayAsTheAdministratorSetThem() {
        PhoneModeViewModel vm = new PhoneModeViewModel(new DirectUi(), new SettingsModel(
                AppSettings.defaults().withPhone(PhoneSettings.deskPhone("1001")), saved::add), true, true);

        vm.modeProperty().set(CallMode.SOFTPHONE);
        vm.deskLineProperty().set("2002");

        assertThat(vm.isModeLocked()).isTrue();
        assertThat(vm.isLineLocked()).isTrue();
        assertThat(vm.modeProperty().get()).isEqualTo(CallMode.DESK_PHONE);
        assertThat(vm.deskLineProperty().get()).isEqualTo("1001");
        assertThat(viewModel(PhoneSettings.SOFTPHONE).isModeLocked()).isFalse();
    }
}
