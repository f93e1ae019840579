package io.switchboard.app.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.service.SignInException;
import io.switchboard.sip.stack.SipTransport;
import io.switchboard.sip.ua.SipProxy;

import org.junit.jupiter.api.Test;

class PhoneLineFailuresTest {

    @Test
    void thePhoneAreaNamesTheServerAsTheUserGaveIt() {
        SipProxy udp = new SipProxy("127.0.0.1", 5060, SipTransport.UDP);
        assertThat(PhoneLineFailures.describe(new SignInException(SignInException.Reason.UNREACHABLE, "x", null), udp))
                .isEqualTo("the phone server 127.0.0.1:5060 did not answer");
        assertThat(PhoneLineFailures.describe(new SignInException(SignInException.Reason.BAD_CREDENTIALS, "x", null),
                new SipProxy("sip.example.com", 5061, SipTransport.TLS)))
                .isEqualTo("the phone server sip.example.com:5061;transport=tls refused your user name and password");
    }
}
