package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class ServerConfigFileTest {

    @TempDir
    Path dir;
    final ServerConfigFile files = new ServerConfigFile();

    @Test
    void aMissingFileIsWrittenWithCommentedDefaultsThatLoadAsTheDefaults() throws Exception {
        Path file = dir.resolve("sub").resolve(ServerConfigFile.FILE_NAME);

        ServerConfig config = files.loadOrCreate(file);

        assertThat(config).isEqualTo(ServerConfig.defaults());
        assertThat(Files.readString(file)).contains("# ").contains("max-stanza-bytes: 262144");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerConfig config = ServerConfig.defaults();

        assertThat(config.domain()).isEqualTo("localhost");
        assertThat(config.c2s().bindHost()).isEqualTo("127.0.0.1");
        assertThat(config.c2s().port()).isEqualTo(5222);
        assertThat(config.c2s().tlsRequired()).isTrue();
        assertThat(config.c2s().maxStanzaBytes()).isEqualTo(262_144);
        assertThat(config.database().isEmbedded()).isTrue();
        assertThat(config.offlineMessages().quotaPerUser()).isEqualTo(1000);
        assertThat(config.demo().seedUsers()).isFalse();
    }

    @Test
    void anExistingFileIsNotOverwritten() throws Exception {
        Path file = dir.resolve(ServerConfigFile.FILE_NAME);
        Files.writeString(file, "domain: example.org\n");

        ServerConfig config = files.loadOrCreate(file);

        assertThat(config.domain()).isEqualTo("example.org");
        assertThat(Files.readString(file)).isEqualTo("domain: example.org\n");
    }

    @Test
    void keysNotInTheFileKeepTheirDefaultsAlsoInsideASection() throws Exception {
        Path file = write("c2s:\n  port: 15222\noffline-messages:\n  quota-per-user: 5\n");

        ServerConfig config = files.load(file);

        assertThat(config.c2s().port()).isEqualTo(15222);
        assertThat(config.c2s().bindHost()).isEqualTo("127.0.0.1");
        assertThat(config.c2s().tlsRequired()).isTrue();
        assertThat(config.offlineMessages().quotaPerUser()).isEqualTo(5);
        assertThat(config.domain()).isEqualTo("localhost");
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheKeyAndTheKnownOnes() throws Exception {
        Path file = write("c2s:\n  prot: 5222\n");

        assertThatThrownBy(() -> files.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown setting 'c2s.prot'")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("port");
    }

    @Test
    void anUnknownTopLevelKeyIsAnError() throws Exception {
        Path file = write("domian: example.org\n");

        assertThatThrownBy(() -> files.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown setting 'domian'");
    }

    @Test
    void aWrongTypeIsAnErrorNamingTheKey() throws Exception {
        Path file = write("c2s:\n  port: lots\n");

        assertThatThrownBy(() -> files.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'c2s.port'");
    }

    @Test
    void anEmptySectionIsAnErrorNamingIt() throws Exception {
        Path file = write("c2s:\n");

        assertThatThrownBy(() -> files.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'c2s'");
    }

    @Test
    void anEmptyStringSettingIsAllowed() throws Exception {
        Path file = write("database:\n  url:\n  password:\n");

        ServerConfig config = files.load(file);

        assertThat(config.database().isEmbedded()).isTrue();
        assertThat(config.database().password()).isEmpty();
    }

    @Test
    void outOfRangeValuesAreErrorsNamingTheKey() throws Exception {
        Path file = write("c2s:\n  port: 70000\n  max-stanza-bytes: 100\ndomain: 'not a domain'\n");

        assertThatThrownBy(() -> files.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("c2s.port")
                .hasMessageContaining("c2s.max-stanza-bytes")
                .hasMessageContaining("domain:");
    }

    @Test
    void brokenYamlIsAnErrorWithTheLine() throws Exception {
        Path file = write("c2s:\n  port: 5222\n    bad: [\n");

        assertThatThrownBy(() -> files.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML").hasMessageContaining("line");
    }

    @Test
    void anEmptyFileMeansAllDefaults() throws Exception {
        assertThat(files.load(write(""))).isEqualTo(ServerConfig.defaults());
    }

    @Test
    void embeddedDatabaseIsAnH2FileInTheDataDirectory() {
        String url = DatabaseConfig.defaults().jdbcUrl(dir);

        assertThat(url).startsWith("jdbc:h2:file:" + dir.toAbsolutePath().resolve("switchboard"));
        assertThat(new DatabaseConfig("jdbc:postgresql://db/sb", "u", "p", 4).jdbcUrl(dir))
                .isEqualTo("jdbc:postgresql://db/sb");
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve(ServerConfigFile.FILE_NAME);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theSipSectionDefaultsToLoopback5060OverUdpAndTcpAnd5061OverTlsAndKeepsDefaultsForUnsetKeys() throws Exception {
        SipConfig defaults = ServerConfig.defaults().sip();
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(5060);
        assertThat(defaults.tlsPort()).isEqualTo(5061);
        assertThat(defaults.transports()).containsExactlyInAnyOrder(io.switchboard.sip.stack.SipTransport.UDP,
                io.switchboard.sip.stack.SipTransport.TCP, io.switchboard.sip.stack.SipTransport.TLS);
        assertThat(defaults.rateLimit()).isEqualTo(new SipRateLimitConfig(16, 2, SipRateLimitConfig.SourceKey.ADDRESS));

        ServerConfig config = files.load(write("sip:\n  port: 15060\n  tcp: false\n  tls-port: 15061\n"
                + "  rate-limit:\n    requests: 40\n"));

        assertThat(config.sip().port()).isEqualTo(15060);
        assertThat(config.sip().tlsPort()).isEqualTo(15061);
        assertThat(config.sip().transports()).containsExactlyInAnyOrder(io.switchboard.sip.stack.SipTransport.UDP,
                io.switchboard.sip.stack.SipTransport.TLS);
        assertThat(config.sip().rateLimit().requests()).isEqualTo(40);
        assertThat(config.sip().rateLimit().windowSeconds()).isEqualTo(2);
    }

    @Test
    void sipSettingsThatCannotWorkAreRefusedByName() {
        assertThatThrownBy(() -> files.load(write("sip:\n  host: 0.0.0.0\n  udp: false\n  tcp: false\n  tls: false\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sip.host")
                .hasMessageContaining("sip.udp/sip.tcp/sip.tls");
        assertThatThrownBy(() -> files.load(write("sip:\n  port: 5070\n  tls-port: 5070\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sip.tls-port");
    }

    @Test
    void theXcapSectionDefaultsToLoopback5062AndReadsWhatIsSet() throws Exception {
        XcapConfig defaults = ServerConfig.defaults().xcap();
        assertThat(defaults).isEqualTo(new XcapConfig(true, "127.0.0.1", 5062, 65_536));

        ServerConfig config = files.load(write("xcap:\n  port: 15062\n"));

        assertThat(config.xcap()).isEqualTo(defaults.withPort(15062));
        assertThat(files.load(write("sip:\n  enabled: false\n")).xcap().enabled())
                .as("a file that turns SIP off still loads; XCAP then does not start").isTrue();
    }

    @Test
    void xcapSettingsThatCannotWorkAreRefusedByName() {
        assertThatThrownBy(() -> files.load(write("xcap:\n  port: 70000\n  max-document-bytes: 10\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("xcap.port")
                .hasMessageContaining("xcap.max-document-bytes");
    }

    @Test
    void theDirectoryIsOffByDefaultAndAnLdapDirectoryIsReadWithItsSettings() throws Exception {
        assertThat(ServerConfig.defaults().directory().source()).isEqualTo(UserDirectoryConfig.Source.NONE);
        assertThat(ServerConfig.defaults().directory().directoryPasswords()).isFalse();

        ServerConfig config = files.load(write("""
                directory:
                  source: LDAP
                  ldap:
                    url: ldaps://ldap.example.com
                    people-base: ou=people,dc=example,dc=com
                    profile: active-directory
                """));

        assertThat(config.directory().source()).isEqualTo(UserDirectoryConfig.Source.LDAP);
        assertThat(config.directory().ldap()).isEqualTo(new LdapSourceConfig("ldaps://ldap.example.com", true,
                "ou=people,dc=example,dc=com", "active-directory", "", "", "", ""));
        assertThat(config.directory().directoryPasswords()).isTrue();
    }

    @Test
    void directorySettingsThatCannotWorkAreRefusedByName() {
        assertThatThrownBy(() -> files.load(write("""
                directory:
                  source: LDAP
                  embedded-port: -1
                  ldap:
                    url: http://ldap.example.com
                    profile: novell
                    bind-dn: cn=reader,dc=example,dc=com
                """)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("directory.embedded-port")
                .hasMessageContaining("directory.ldap.url")
                .hasMessageContaining("directory.ldap.people-base")
                .hasMessageContaining("directory.ldap.profile")
                .hasMessageContaining("directory.ldap.bind-password-file");
    }
}
