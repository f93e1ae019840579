package io.switchboard.sip.ua.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.switchboard.sip.auth.DigestCredentials;
import io.switchboard.sip.auth.DigestResponder;
import io.switchboard.sip.auth.DigestResponse;
import io.switchboard.sip.stack.SipStackFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.AddressFactory;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/** The client's digest state over JAIN-SIP messages, without a network. */
class DigestAuthenticatorTest {

    static {
        new SipStackFactory(); // installs JAIN-SIP's SLF4J logger before any message is parsed
    }

    private final MessageFactory messages = new MessageFactoryImpl();
    private final HeaderFactory headers = new HeaderFactoryImpl();
    private final AddressFactory addresses = new AddressFactoryImpl();
    private final DigestAuthenticator authenticator = new DigestAuthenticator(
            new DigestCredentials("alice", "wonderland"), new DigestResponder(), headers);

    @Test
    void prefersSha256AndCountsNonceUses() throws Exception {
        DigestAuthenticator.Learned learned = authenticator.learn(challenge(401,
                "Digest realm=\"example.com\", nonce=\"n1\", qop=\"auth\", algorithm=MD5",
                "Digest realm=\"example.com\", nonce=\"n1\", qop=\"auth\", algorithm=SHA-256"));
        assertThat(learned).isEqualTo(new DigestAuthenticator.Learned(true, false));

        Request first = register();
        Request second = register();
        assertThat(authenticator.authorize(first)).isTrue();
        authenticator.authorize(second);

        DigestResponse one = response(first, AuthorizationHeader.NAME).get(0);
        DigestResponse two = response(second, AuthorizationHeader.NAME).get(0);
        assertThat(one.algorithm().token()).isEqualTo("SHA-256");
        assertThat(one.nonceCount()).isEqualTo("00000001");
        assertThat(two.nonceCount()).isEqualTo("00000002");
        assertThat(one.uri()).isEqualTo("sip:example.com");
    }

    @Test
    void aProxyChallengeIsAnsweredInProxyAuthorizationAndStaleIsReported() throws Exception {
        DigestAuthenticator.Learned learned = authenticator.learn(challenge(407,
                "Digest realm=\"proxy.example.com\", nonce=\"n2\", qop=\"auth\", stale=true"));
        assertThat(learned.stale()).isTrue();

        Request request = register();
        authenticator.authorize(request);

        assertThat(request.getHeader(AuthorizationHeader.NAME)).isNull();
        assertThat(response(request, ProxyAuthorizationHeader.NAME)).singleElement()
                .extracting(DigestResponse::realm).isEqualTo("proxy.example.com");
    }

    @Test
    void aChallengeThatCannotBeAnsweredIsNotRetried() throws Exception {
        assertThat(authenticator.learn(challenge(401, "Basic realm=\"example.com\"")).answerable()).isFalse();
        assertThat(authenticator.learn(challenge(401,
                "Digest realm=\"example.com\", nonce=\"n\", algorithm=SHA-512-256")).answerable()).isFalse();
        assertThat(authenticator.authorize(register())).isFalse();
    }

    @Test
    void aServerInventingRealmsCannotGrowTheState() throws Exception {
        for (int i = 0; i < 20; i++) {
            authenticator.learn(challenge(401, "Digest realm=\"r" + i + "\", nonce=\"n\", qop=\"auth\""));
        }
        Request request = register();
        authenticator.authorize(request);

        assertThat(response(request, AuthorizationHeader.NAME)).hasSize(DigestAuthenticator.MAX_REALMS);
    }

    private Request register() throws Exception {
        var uri = addresses.createURI("sip:example.com");
        var self = addresses.createAddress("sip:alice@example.com");
        return messages.createRequest(uri, Request.REGISTER, headers.createCallIdHeader("c1@x"),
                headers.createCSeqHeader(1L, Request.REGISTER), headers.createFromHeader(self, "t1"),
                headers.createToHeader(self, null), List.of(headers.createViaHeader("127.0.0.1", 5060, "udp", null)),
                headers.createMaxForwardsHeader(70));
    }

    private Response challenge(int status, String... values) throws Exception {
        Response response = messages.createResponse(status, register());
        String name = status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate";
        for (String value : values) {
            response.addHeader(headers.createHeader(name, value));
        }
        return response;
    }

    private static List<DigestResponse> response(Request request, String name) throws Exception {
        List<DigestResponse> result = new ArrayList<>();
        ListIterator<?> values = request.getHeaders(name);
        while (values.hasNext()) {
            String text = values.next().toString();
            result.add(DigestResponse.parse(text.substring(text.indexOf(':') + 1).strip()));
        }
        return result;
    }
}
