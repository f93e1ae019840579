package io.switchboard.e2e;

import io.switchboard.core.model.Address;
import io.switchboard.deskphone.AutoAnswerPolicy;
import io.switchboard.deskphone.DeskPhone;
import io.switchboard.deskphone.DeskPhoneCall;
import io.switchboard.deskphone.DeskPhoneConfig;
import io.switchboard.deskphone.Hearing;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipProxy;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Simulated desk phones (the {@code deskphone} module, real RTP) registered to the bundled server
 * for one test each: their media engine starts before the test on its own port range, and every
 * phone and the engine are closed after it.
 */
public final class SimulatedPhones implements BeforeEachCallback, AfterEachCallback {

    private final BundledServerFixture server;
    private final RtpPortRange ports;
    private final List<DeskPhone> phones = new ArrayList<>();
    private MediaEngine media;

    /** @param firstRtpPort the first of the 100 RTP ports the phones use (apart per test class) */
    public SimulatedPhones(BundledServerFixture server, int firstRtpPort) {
        this.server = server;
        this.ports = new RtpPortRange(firstRtpPort, firstRtpPort + 99);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        media = MediaEngine.start(new MediaSettings(ports, Files.createTempDirectory("simulated-phones")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        phones.forEach(DeskPhone::close);
        phones.clear();
        if (media != null) {
            media.close();
            media = null;
        }
    }

    /** A phone registered as {@code user}, sending a tone of {@code toneHz}, answering as {@code policy} says. */
    public DeskPhone start(Address user, String password, double toneHz, AutoAnswerPolicy policy) throws Exception {
        DeskPhone phone = DeskPhone.start(DeskPhoneConfig.of(user, password,
                        new SipProxy("127.0.0.1", server.sipPort(), SipTransport.UDP))
                .withTone(toneHz).withAutoAnswer(policy), media);
        phones.add(phone);
        phone.firstRegistration().get(10, TimeUnit.SECONDS);
        return phone;
    }

    /** What {@code phone} hears in the call {@code callId} now; silence once the call is gone. */
    public static Hearing hearing(DeskPhone phone, String callId) {
        return phone.status().call(callId).map(DeskPhoneCall::hearing).orElse(Hearing.SILENCE);
    }
}
