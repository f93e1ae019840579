package io.switchboard.e2e.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module rules of DESIGN.md, checked over the production classes of every module.
 * Each rule carries the reason, so whoever breaks one learns why it exists.
 *
 * <p>Run as plain Jupiter tests ({@code rule.check}) rather than through ArchUnit's own JUnit
 * engine, which Surefire here discovered but reported as zero tests, so a broken rule would
 * have passed silently.
 */
class ModuleRulesTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.switchboard");
    }

    private static final String CORE = "io.switchboard.core..";
    private static final String XMPP = "io.switchboard.xmpp..";
    private static final String SIP = "io.switchboard.sip..";
    private static final String MEDIA = "io.switchboard.media..";
    private static final String DIRECTORY = "io.switchboard.directory..";
    private static final String SERVER = "io.switchboard.server..";
    private static final String APP = "io.switchboard.app..";
    private static final String DESKPHONE = "io.switchboard.deskphone..";

    static final ArchRule coreUsesNoOtherModule = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(XMPP, SIP, MEDIA, DIRECTORY, SERVER, APP)
            .because("core is the protocol-neutral model every module builds on; it depends on nothing of ours");

    static final ArchRule coreUsesNoUiNoProtocolLibraryNoIo = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "org.jivesoftware..", "org.jxmpp..", "javax.sip..", "gov.nist..", "org.jitsi..",
                    "org.apache.directory..", "io.netty..", "com.fasterxml..", "java.sql..", "java.net..",
                    "java.nio.channels..", "java.nio.file..")
            .because("core holds model and policy only, so it is unit-tested without a screen, a network or a disk");

    static final ArchRule clientModulesStayOutOfServerAndApp = noClasses().that().resideInAnyPackage(XMPP, SIP, MEDIA, DIRECTORY)
            .should().dependOnClassesThat().resideInAnyPackage(SERVER, APP)
            .because("client protocol adapters implement core's services; they must not reach into the server or the UI");

    static final ArchRule xmppIsIndependentOfOtherProtocols = noClasses().that().resideInAPackage(XMPP)
            .should().dependOnClassesThat().resideInAnyPackage(SIP, MEDIA, DIRECTORY)
            .because("a protocol module never imports another protocol module; the app composes them");

    static final ArchRule sipIsIndependentOfOtherProtocols = noClasses().that().resideInAPackage(SIP)
            .should().dependOnClassesThat().resideInAnyPackage(XMPP, MEDIA, DIRECTORY, "org.jivesoftware..")
            .because("a protocol module never imports another protocol module; the app and the server compose them");

    static final ArchRule mediaIsIndependentOfOtherProtocols = noClasses().that().resideInAPackage(MEDIA)
            .should().dependOnClassesThat().resideInAnyPackage(XMPP, SIP, DIRECTORY, "org.jivesoftware..")
            .because("media speaks SDP and RTP only; the app joins it to SIP calls, so either can be replaced or tested alone");

    static final ArchRule directoryIsIndependentOfOtherProtocols = noClasses().that().resideInAPackage(DIRECTORY)
            .should().dependOnClassesThat().resideInAnyPackage(XMPP, SIP, MEDIA, "org.jivesoftware..", "javax.sip..")
            .because("the directory speaks LDAP only; the app and the server compose it with the protocols");

    static final ArchRule onlyTheDirectoryModuleSpeaksLdap = noClasses().that().resideOutsideOfPackage(DIRECTORY)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.directory..")
            .because("one module owns the LDAP client (pool, TLS checks, escaping, error mapping); others use its API");

    static final ArchRule onlyTheServerEmbedsADirectory = noClasses().that()
            .resideOutsideOfPackages(SERVER, "io.switchboard.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("com.unboundid..")
            .because("UnboundID's in-memory server is the server's embedded demo directory (and the benchmarks' "
                    + "neutral LDAP client); clients read any directory through the directory module");

    static final ArchRule onlyMediaTouchesLibJitsi = noClasses().that().resideOutsideOfPackage(MEDIA)
            .should().dependOnClassesThat().resideInAPackage("org.jitsi..")
            .because("libjitsi keeps process-wide state in statics; one module owns its start, stop and threads");

    static final ArchRule serverDoesNotUseTheClient = noClasses().that().resideInAPackage(SERVER)
            .should().dependOnClassesThat().resideInAnyPackage(XMPP, MEDIA, APP, "org.jivesoftware..")
            .because("the server depends on core, sip-stack and directory only; client code must not leak into it");

    static final ArchRule nothingDependsOnTheApp = noClasses().that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .because("the app is the composition root; depending on it would make the UI everybody's dependency");

    static final ArchRule deskphoneUsesCoreSipAndMediaOnlyAndServerNotIt = com.tngtech.archunit.lang.CompositeArchRule
            .of(noClasses().that().resideInAPackage(DESKPHONE)
                    .should().dependOnClassesThat().resideInAnyPackage(XMPP, DIRECTORY, SERVER, APP, "org.jivesoftware..")
                    .because("the desk-phone simulator is a SIP phone made of sip-stack and media; the demo starts it, "
                            + "not the other way round")
                    )
            .and(noClasses().that().resideInAPackage(SERVER)
                    .should().dependOnClassesThat().resideInAPackage(DESKPHONE)
                    .because("the server drives desk phones by SIP only (CTI gateway, RFC 3725); it must run without the "
                            + "simulator"));

    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("everything logs through SLF4J so IT staff find it in one place; the CLI writes through picocli's writers");

    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("one logging API, SLF4J, across the code base");

    static final ArchRule coreThrowsNoGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("callers must be able to tell 'the peer said no' from 'our side failed' by type");


    static Stream<ArchRule> rules() {
        return Stream.of(coreUsesNoOtherModule, coreUsesNoUiNoProtocolLibraryNoIo, clientModulesStayOutOfServerAndApp,
                xmppIsIndependentOfOtherProtocols, sipIsIndependentOfOtherProtocols, mediaIsIndependentOfOtherProtocols,
                directoryIsIndependentOfOtherProtocols, onlyTheDirectoryModuleSpeaksLdap, onlyTheServerEmbedsADirectory,
                onlyMediaTouchesLibJitsi, serverDoesNotUseTheClient, nothingDependsOnTheApp,
                deskphoneUsesCoreSipAndMediaOnlyAndServerNotIt, noStandardStreams, noJavaUtilLogging, coreThrowsNoGenericExceptions);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void holds(ArchRule rule) {
        rule.check(production);
    }

    @Test
    void everyModuleIsImported() {
        // guards the rules against passing on an empty import (e.g. a changed class path)
        for (String pkg : new String[] {"io.switchboard.core", "io.switchboard.xmpp", "io.switchboard.sip",
                "io.switchboard.media", "io.switchboard.directory", "io.switchboard.server", "io.switchboard.app",
                "io.switchboard.deskphone"}) {
            org.assertj.core.api.Assertions.assertThat(production.containPackage(pkg)).as(pkg).isTrue();
        }
    }
}
