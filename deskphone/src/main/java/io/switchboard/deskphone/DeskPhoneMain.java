package io.switchboard.deskphone;

import io.switchboard.core.model.Address;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.sip.register.RegistrationStatus;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipProxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deskphone}: one headless desk phone on the command line, with its HTTP control; prints
 * one line with the control URL once the line registered (or failed to), then runs until killed.
 * <pre>
 * deskphone --user alice --password secret --domain example.com --proxy 127.0.0.1:5060;transport=tcp \
 *           --control-port 0 --tone-hz 440 --auto-answer when-asked
 * </pre>
 * Several users ({@code --user 1001,1002,1003} or the option repeated) start one phone each in this
 * JVM ({@link DeskPhones}: one media engine, tones 400, 500, ... Hz, controls on free ports), as the
 * demo does; they share the password, and {@code --control-port}/{@code --tone-hz} do not apply.
 */
@Command(name = "deskphone", mixinStandardHelpOptions = true, version = "Switchboard desk phone 0.1",
        description = "A headless SIP desk phone: registers a line, rings, answers (by itself when the INVITE "
                + "asks, or through its HTTP control on 127.0.0.1), plays a tone and listens.")
public final class DeskPhoneMain implements Callable<Integer> {

    static {
        // the CLI's logging (stderr, JAIN-SIP's packet log off) unless the user configured their own
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "deskphone-logback.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeskPhoneMain.class);
    private static final long REGISTRATION_WAIT_SECONDS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--user", required = true, split = ",",
            description = "The line's user (local part), e.g. alice; several (1001,1002 or repeated): one phone each.")
    java.util.List<String> users;

    @Option(names = "--password", required = true, description = "The line's SIP password.")
    String password;

    @Option(names = "--domain", required = true, description = "The SIP domain, e.g. example.com.")
    String domain;

    @Option(names = "--proxy", required = true, converter = ProxyConverter.class,
            description = "The registrar/proxy: host:port[;transport=udp|tcp|tls], e.g. 127.0.0.1:5060;transport=tcp.")
    SipProxy proxy;

    @Option(names = "--control-port", defaultValue = "0",
            description = "The HTTP control's port on 127.0.0.1 (0: any free one). Default: ${DEFAULT-VALUE}.")
    int controlPort;

    @Option(names = "--tone-hz", defaultValue = "440",
            description = "The tone the phone sends, 100..3400 Hz. Default: ${DEFAULT-VALUE}.")
    double toneHz;

    @Option(names = "--auto-answer", defaultValue = "when-asked", converter = PolicyConverter.class,
            description = "always | when-asked (Call-Info answer-after, Alert-Info auto-answer) | never. "
                    + "Default: ${DEFAULT-VALUE}.")
    AutoAnswerPolicy autoAnswer;

    @Option(names = "--rtp-ports", defaultValue = "40000-40099", converter = PortRangeConverter.class,
            description = "The UDP ports RTP/RTCP may use, first-last (first even). Default: ${DEFAULT-VALUE}.")
    RtpPortRange rtpPorts;

    @Option(names = "--media-dir",
            description = "Where the media engine keeps its state (default: a temporary directory).")
    Path mediaDir;

    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) ->
                LOG.error("Uncaught exception in thread {}", thread.getName(), failure));
        System.exit(new CommandLine(new DeskPhoneMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (users.size() > 1) {
            return runSeveral();
        }
        Address line = Address.of(users.get(0), domain);
        DeskPhoneConfig config = DeskPhoneConfig.of(line, password, proxy).withTone(toneHz).withAutoAnswer(autoAnswer);
        Path state = mediaDir != null ? mediaDir : Files.createTempDirectory("deskphone-media");
        MediaEngine media = MediaEngine.start(new MediaSettings(rtpPorts, state));
        DeskPhone phone;
        DeskPhoneControl control;
        try {
            phone = DeskPhone.start(config, media);
            control = DeskPhoneControl.start(phone, controlPort);
        } catch (Exception e) {
            media.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.close();
            phone.close();
            media.close();
            stopped.countDown();
        }, "deskphone-shutdown"));
        String registration;
        try {
            RegistrationStatus status = phone.firstRegistration().get(REGISTRATION_WAIT_SECONDS, TimeUnit.SECONDS);
            registration = status.state().name().toLowerCase(Locale.ROOT);
        } catch (java.util.concurrent.ExecutionException e) {
            registration = "not registered (" + e.getCause().getMessage() + "; retrying)";
        } catch (java.util.concurrent.TimeoutException e) {
            registration = "not registered yet";
        }
        spec.commandLine().getOut().printf("Desk phone %s %s, tone %.0f Hz, auto-answer %s: control %s%n", line,
                registration, toneHz, autoAnswer.name().toLowerCase(Locale.ROOT).replace('_', '-'), control.url());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private int runSeveral() throws Exception {
        Path state = mediaDir != null ? mediaDir : Files.createTempDirectory("deskphone-media");
        MediaEngine media = MediaEngine.start(new MediaSettings(rtpPorts, state));
        DeskPhones phones;
        try {
            phones = DeskPhones.startForUsers(users, password, domain, proxy, autoAnswer, media);
        } catch (Exception e) {
            media.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            phones.close();
            media.close();
            stopped.countDown();
        }, "deskphone-shutdown"));
        java.io.PrintWriter out = spec.commandLine().getOut();
        for (DeskPhones.Station station : phones.stations()) {
            String registration;
            try {
                RegistrationStatus status = station.phone().firstRegistration()
                        .get(REGISTRATION_WAIT_SECONDS, TimeUnit.SECONDS);
                registration = status.state().name().toLowerCase(Locale.ROOT);
            } catch (java.util.concurrent.ExecutionException e) {
                registration = "not registered (" + e.getCause().getMessage() + "; retrying)";
            } catch (java.util.concurrent.TimeoutException e) {
                registration = "not registered yet";
            }
            out.printf("Desk phone %s %s, tone %.0f Hz, auto-answer %s: control %s%n", station.phone().line(),
                    registration, station.phone().config().toneHz(),
                    autoAnswer.name().toLowerCase(Locale.ROOT).replace('_', '-'), station.control().url());
        }
        out.flush();
        stopped.await();
        return 0;
    }

    /** {@code host:port[;transport=udp|tcp|tls]}; the port may be left out (5060, 5061 for TLS). */
    static final class ProxyConverter implements ITypeConverter<SipProxy> {
        @Override
        public SipProxy convert(String value) {
            String text = value.strip();
            SipTransport transport = SipTransport.UDP;
            int semicolon = text.indexOf(';');
            if (semicolon >= 0) {
                String param = text.substring(semicolon + 1).strip().toLowerCase(Locale.ROOT);
                if (!param.startsWith("transport=")) {
                    throw new CommandLine.TypeConversionException("only ;transport=udp|tcp|tls may follow the proxy");
                }
                try {
                    transport = SipTransport.valueOf(param.substring("transport=".length()).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException("transport must be udp, tcp or tls");
                }
                text = text.substring(0, semicolon).strip();
            }
            int colon = text.lastIndexOf(':');
            String host = colon < 0 ? text : text.substring(0, colon);
            int port = transport.defaultPort();
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(text.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new CommandLine.TypeConversionException("port must be a number: " + value);
                }
            }
            if (host.isBlank() || port < 1 || port > 65535) {
                throw new CommandLine.TypeConversionException("expected host:port[;transport=udp|tcp|tls]: " + value);
            }
            return new SipProxy(host, port, transport);
        }
    }

    static final class PolicyConverter implements ITypeConverter<AutoAnswerPolicy> {
        @Override
        public AutoAnswerPolicy convert(String value) {
            try {
                return AutoAnswerPolicy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class PortRangeConverter implements ITypeConverter<RtpPortRange> {
        @Override
        public RtpPortRange convert(String value) {
            String[] parts = value.strip().split("-");
            try {
                return new RtpPortRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("expected first-last, first even: " + value);
            }
        }
    }
}
