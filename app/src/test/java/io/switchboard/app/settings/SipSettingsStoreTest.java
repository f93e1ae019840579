package io.switchboard.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sip.stack.SipTransport;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account type and the SIP fields in the settings file. */
class SipSettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void theAccountTypeAndSipFieldsSurviveARestartWithoutThePassword() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        AppSettings settings = AppSettings.defaults().withSignIn("localhost:5222", "bob@localhost", false)
                .withSipSignIn(new SipSignInSettings("alice@example.com", "asmith", "proxy.example.com:5070",
                        SipTransport.TCP, "backup.example.com", SipTransport.UDP), true);

        store.save(settings);
        AppSettings loaded = new SettingsStore(store.file()).load();

        assertThat(loaded).isEqualTo(settings);
        assertThat(loaded.accountType()).isEqualTo(AccountType.SIP);
        assertThat(loaded.lastUser()).isEqualTo("bob@localhost");
        assertThat(Files.readString(store.file())).doesNotContainIgnoringCase("password");
    }

    @Test
    void aFileFromBeforeSipAccountsMeansXmpp() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"lastServer\": \"localhost:5222\", \"lastUser\": \"bob@localhost\", "
                + "\"rememberMe\": true, \"theme\": \"DARK\" }");

        AppSettings loaded = new SettingsStore(file).load();

        assertThat(loaded.accountType()).isEqualTo(AccountType.XMPP);
        assertThat(loaded.sip()).isEqualTo(SipSignInSettings.EMPTY);
        assertThat(loaded.lastUser()).isEqualTo("bob@localhost");
        assertThat(loaded.theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void partialSipFieldsFallBackToTheirDefaults() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"accountType\": \"SIP\", \"sip\": { \"address\": \"alice@example.com\" } }");

        AppSettings loaded = new SettingsStore(file).load();

        assertThat(loaded.accountType()).isEqualTo(AccountType.SIP);
        assertThat(loaded.sip()).isEqualTo(new SipSignInSettings("alice@example.com", "", "", SipTransport.UDP, "",
                SipTransport.UDP));
    }

    @Test
    void otherChangesKeepTheAccountType() {
        AppSettings sip = AppSettings.defaults().withSipSignIn(SipSignInSettings.EMPTY, false);
        assertThat(sip.withTheme(Theme.DARK).withAutoAwayMinutes(3).withShowOfflineContacts(false)
                .withSortOrder(SortOrder.BY_NAME).withTrustedCertificate("x", "y").accountType())
                .isEqualTo(AccountType.SIP);
    }
}
