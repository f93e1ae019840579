package io.switchboard.e2e.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The module rules of DESIGN.md, checked over the production classes of every module.
 * Each rule carries the reason, so whoever breaks one learns why it exists.
 */
@AnalyzeClasses(packages = "io.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    private static final String CORE = "io.switchboard.core..";
    private static final String XMPP = "io.switchboard.xmpp..";
    private static final String SIP = "io.switchboard.sip..";
    private static final String MEDIA = "io.switchboard.media..";
    private static final String DIRECTORY = "io.switchboard.directory..";
    private static final String SERVER = "io.switchboard.server..";
    private static final String APP = "io.switchboard.app..";

    @ArchTest
    static final ArchRule coreUsesNoOtherModule = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(XMPP, SIP, MEDIA, DIRECTORY, SERVER, APP)
            .because("core is the protocol-neutral model every module builds on; it depends on nothing of ours");

    @ArchTest
    static final ArchRule coreUsesNoUiNoProtocolLibraryNoIo = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "org.jivesoftware..", "org.jxmpp..", "javax.sip..", "gov.nist..", "org.jitsi..",
                    "org.apache.directory..", "io.netty..", "com.fasterxml..", "java.sql..", "java.net..",
                    "java.nio.channels..", "java.nio.file..")
            .because("core holds model and policy only, so it is unit-tested without a screen, a network or a disk");

    @ArchTest
    static final ArchRule protocolModulesDoNotUseEachOther = noClasses().that().resideInAnyPackage(XMPP, SIP, MEDIA, DIRECTORY)
            .should().dependOnClassesThat().resideInAnyPackage(SERVER, APP)
            .because("client protocol adapters implement core's services; they must not reach into the server or the UI");

    @ArchTest
    static final ArchRule xmppIsIndependentOfOtherProtocols = noClasses().that().resideInAPackage(XMPP)
            .should().dependOnClassesThat().resideInAnyPackage(SIP, MEDIA, DIRECTORY)
            .because("a protocol module never imports another protocol module; the app composes them");

    @ArchTest
    static final ArchRule serverDoesNotUseTheClient = noClasses().that().resideInAPackage(SERVER)
            .should().dependOnClassesThat().resideInAnyPackage(XMPP, MEDIA, APP, "org.jivesoftware..")
            .because("the server depends on core (and later sip-stack, directory) only; client code must not leak into it");

    @ArchTest
    static final ArchRule nothingDependsOnTheApp = noClasses().that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .because("the app is the composition root; depending on it would make the UI everybody's dependency");

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("everything logs through SLF4J so IT staff find it in one place; the CLI writes through picocli's writers");

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("one logging API, SLF4J, across the code base");

    @ArchTest
    static final ArchRule coreThrowsNoGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("callers must be able to tell 'the peer said no' from 'our side failed' by type");

}
