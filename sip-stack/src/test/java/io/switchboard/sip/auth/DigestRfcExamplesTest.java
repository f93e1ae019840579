package io.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The worked examples of RFC 7616 §3.9.1 and RFC 2617 §3.5, header text as printed in the RFCs. */
class DigestRfcExamplesTest {

    private static final DigestCredentials MUFASA_7616 = new DigestCredentials("Mufasa", "Circle of Life");
    private static final String CNONCE_7616 = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private final DigestResponder responder = new DigestResponder();

    @Test
    void rfc7616Sha256() throws Exception {
        DigestChallenge challenge = DigestChallenge.parse("""
                Digest
                    realm="http-auth@example.org",
                    qop="auth, auth-int",
                    algorithm=SHA-256,
                    nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                    opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"""");

        assertThat(challenge.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(challenge.qopOptions()).containsExactlyInAnyOrder("auth", "auth-int");
        DigestResponse response = responder.respond(challenge, MUFASA_7616, "GET", "/dir/index.html", 1, CNONCE_7616);

        assertThat(response.response()).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(response.nonceCount()).isEqualTo("00000001");
        assertThat(response.qop()).isEqualTo("auth");
        assertThat(response.opaque()).isEqualTo("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
    }

    @Test
    void rfc7616Md5() throws Exception {
        DigestChallenge challenge = DigestChallenge.parse("""
                Digest
                    realm="http-auth@example.org",
                    qop="auth, auth-int",
                    algorithm=MD5,
                    nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                    opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"""");

        DigestResponse response = responder.respond(challenge, MUFASA_7616, "GET", "/dir/index.html", 1, CNONCE_7616);

        assertThat(response.response()).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void rfc7616AuthorizationHeaderParses() throws Exception {
        DigestResponse response = DigestResponse.parse("""
                Digest username="Mufasa",
                    realm="http-auth@example.org",
                    uri="/dir/index.html",
                    algorithm=SHA-256,
                    nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                    nc=00000001,
                    cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
                    qop=auth,
                    response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                    opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"""");

        assertThat(response.username()).isEqualTo("Mufasa");
        assertThat(response.cnonce()).isEqualTo(CNONCE_7616);
        assertThat(response.nonceCount()).isEqualTo("00000001");
        String recomputed = DigestComputation.requestDigest(DigestAlgorithm.SHA_256,
                MUFASA_7616.ha1(DigestAlgorithm.SHA_256, response.realm()).hex(), response.nonce(),
                response.nonceCount(), response.cnonce(), response.qop(), "GET", response.uri());
        assertThat(recomputed).isEqualTo(response.response());
    }

    @Test
    void rfc2617Example() throws Exception {
        DigestChallenge challenge = DigestChallenge.parse("""
                Digest
                        realm="testrealm@host.com",
                        qop="auth,auth-int",
                        nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093",
                        opaque="5ccc069c403ebaf9f0171e9517f40e41\"""");

        assertThat(challenge.algorithm()).as("absent algorithm means MD5").isEqualTo(DigestAlgorithm.MD5);
        DigestResponse response = responder.respond(challenge, new DigestCredentials("Mufasa", "Circle Of Life"),
                "GET", "/dir/index.html", 1, "0a4f113b");

        assertThat(response.response()).isEqualTo("6629fae49393a05397450978507c4ef1");
        assertThat(DigestResponse.parse(response.toHeaderValue())).isEqualTo(response);
    }
}
