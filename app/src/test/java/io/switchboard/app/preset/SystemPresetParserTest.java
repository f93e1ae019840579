package io.switchboard.app.preset;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.LaunchOptions.ProxyOption;
import io.switchboard.app.settings.AccountType;
import io.switchboard.app.settings.CallMode;
import io.switchboard.sip.stack.SipTransport;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SystemPresetParserTest {

    private static final String FINGERPRINT = "ab".repeat(32);

    @Test
    void everyKeyIsReadTyped() {
        var result = SystemPresetParser.parse("""
                # written by IT
                server = chat.example.com:5222
                domain=Example.COM
                account-type = SIP
                sip.proxy = sip.example.com:5070;transport=tls
                call-mode = desk-phone
                desk-line = 1001
                phone-proxy: pbx.example.com
                trust-fingerprint = %s
                locked = server, account-type ,call-mode
                """.formatted(FINGERPRINT), "client.properties");

        assertThat(result.warnings()).isEmpty();
        SystemPreset preset = result.preset();
        assertThat(preset.server()).contains("chat.example.com:5222");
        assertThat(preset.domain()).contains("example.com");
        assertThat(preset.accountType()).contains(AccountType.SIP);
        assertThat(preset.sipProxy()).contains(new ProxyOption("sip.example.com:5070", SipTransport.TLS));
        assertThat(preset.callMode()).contains(CallMode.DESK_PHONE);
        assertThat(preset.deskLine()).contains("1001");
        assertThat(preset.phoneProxy()).contains(new ProxyOption("pbx.example.com", SipTransport.UDP));
        assertThat(preset.trustFingerprint()).hasValueSatisfying(f -> assertThat(f).startsWith("AB:AB"));
        assertThat(preset.locked()).isEqualTo(Set.of(PresetKey.SERVER, PresetKey.ACCOUNT_TYPE, PresetKey.CALL_MODE));
    }

    @Test
    void badLinesAreSkippedWithTheirLineAndTheRestCounts() {
        var result = SystemPresetParser.parse("""
                server = chat.example.com:99999
                colour = blue
                account-type = irc
                just some words
                sip.proxy = sip.example.com;transport=sctp
                call-mode = speakerphone
                desk-line = my phone
                trust-fingerprint = 12:34
                domain = example.com
                locked = domain, server, nonsense
                """, "/etc/switchboard/client.properties");

        assertThat(result.preset().domain()).contains("example.com");
        assertThat(result.preset().server()).isEmpty();
        assertThat(result.preset().locked()).containsExactly(PresetKey.DOMAIN);
        assertThat(result.warnings()).hasSize(10).allSatisfy(w ->
                assertThat(w).startsWith("/etc/switchboard/client.properties line "));
        assertThat(result.warnings().get(0)).contains("line 1").contains("'server' ignored").contains("port");
        assertThat(result.warnings().get(1)).contains("line 2").contains("unknown key 'colour'");
        assertThat(result.warnings().get(2)).contains("line 3").contains("expected xmpp or sip");
        assertThat(result.warnings().get(3)).contains("line 4").contains("expected key=value");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("'server', which has no valid value"));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("unknown key 'nonsense'"));
    }

    @Test
    void passwordsAreNeverRead() {
        var result = SystemPresetParser.parse("password = hunter2\nsip.password=x\nserver=example.com\n", "f");

        assertThat(result.warnings()).hasSize(2).allSatisfy(w -> assertThat(w)
                .contains("passwords are never read").doesNotContain("hunter2"));
        assertThat(result.preset().server()).contains("example.com");
    }

    @Test
    void directoryKeysAreExplainedNotUsed() {
        var result = SystemPresetParser.parse("directory.url = ldap://ldap.example.com\n", "f");

        assertThat(result.preset()).isEqualTo(SystemPreset.NONE);
        assertThat(result.warnings()).singleElement().asString().contains("finds the company directory through");
    }

    @Test
    void aRepeatedKeyTakesTheLaterLineAndSaysSo() {
        var result = SystemPresetParser.parse("\uFEFFserver = a.example.com\r\nserver = b.example.com\r\n", "f");

        assertThat(result.preset().server()).contains("b.example.com");
        assertThat(result.warnings()).singleElement().asString().contains("line 2").contains("first on line 1");
    }

    @Test
    void theSectionTheWindowsInstallerWritesIsPassedOverAndOtherSectionsAreNot() {
        SystemPresetParser.Result result = SystemPresetParser.parse(
                "[switchboard]\r\nserver=chat.example.com:5222\r\n[other]\r\n", "client.properties");

        assertThat(result.preset().server()).contains("chat.example.com:5222");
        assertThat(result.warnings()).singleElement().asString().contains("line 3");
    }

    @Test
    void emptyOrCommentsOnlyIsNoPreset() {
        assertThat(SystemPresetParser.parse("", "f").preset().isEmpty()).isTrue();
        assertThat(SystemPresetParser.parse("# nothing\n! nothing either\n\n", "f").warnings()).isEmpty();
        assertThat(SystemPresetParser.parse("server =\n", "f").warnings()).singleElement().asString()
                .contains("no value");
    }
}
