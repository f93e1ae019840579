package io.switchboard.xmpp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jxmpp.jid.impl.JidCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does, once and ahead of time, the one-off work of a first sign-in that does not depend on the
 * account: Smack's initialisation (it reads its configuration and registers every provider and
 * manager: half a second cold), JID parsing, a TLS client hello (loads the JSSE and key-exchange
 * code) and a SCRAM-sized run of HMACs, and parses a small roster. Run it on a background thread
 * while the sign-in window is shown: a cold first sign-in spent 1–1.5 s of its time on this.
 *
 * <p>Nothing here touches the network and nothing is kept. A step that fails is logged and
 * skipped; the real sign-in then does that work itself, as it would without a warm-up.
 */
public final class XmppWarmUp implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(XmppWarmUp.class);
    private static final String DOMAIN = "warm-up.invalid";
    /** SCRAM's usual iteration count (RFC 5802 recommends at least 4096). */
    private static final int SCRAM_ITERATIONS = 4096;
    private static final int ROSTER_ITEMS = 200;

    @Override
    public void run() {
        long started = System.nanoTime();
        List<String> skipped = runSteps();
        LOG.debug("XMPP warm-up done in {} ms; skipped: {}", (System.nanoTime() - started) / 1_000_000, skipped);
    }

    /** The names of the steps that failed (and were skipped). */
    List<String> runSteps() {
        List<String> skipped = new ArrayList<>();
        step("Smack initialisation", () -> SmackConfiguration.getVersion(), skipped);
        step("JIDs and connection configuration", () -> XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(JidCreate.domainBareFrom(DOMAIN))
                .setUsernameAndPassword("warm-up", "warm-up")
                .build(), skipped);
        step("TLS client hello", XmppWarmUp::clientHello, skipped);
        step("SCRAM", XmppWarmUp::scramIterations, skipped);
        step("roster parsing", XmppWarmUp::parseRoster, skipped);
        return skipped;
    }

    private static void parseRoster() throws Exception {
        if (!(PacketParserUtils.parseStanza(roster()) instanceof RosterPacket parsed)
                || parsed.getRosterItemCount() != ROSTER_ITEMS) {
            throw new IllegalStateException("the warm-up roster did not parse as a roster");
        }
    }

    private static void clientHello() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustNothing()}, null);
        SSLEngine engine = context.createSSLEngine(DOMAIN, 5222);
        engine.setUseClientMode(true);
        engine.beginHandshake();
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        engine.closeOutbound();
    }

    private static void scramIterations() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("warm-up".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] u = "salt".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < SCRAM_ITERATIONS; i++) {
            u = mac.doFinal(u);
        }
    }

    private static String roster() {
        StringBuilder xml = new StringBuilder("<iq xmlns='jabber:client' type='result' id='warm-up' to='warm-up@")
                .append(DOMAIN).append("/r'><query xmlns='jabber:iq:roster' ver='1'>");
        for (int i = 0; i < ROSTER_ITEMS; i++) {
            xml.append("<item jid='contact").append(i).append('@').append(DOMAIN).append("' name='Contact ").append(i)
                    .append("' subscription='both'><group>Group ").append(i % 10).append("</group></item>");
        }
        return xml.append("</query></iq>").toString();
    }

    private static void step(String what, ThrowingStep step, List<String> skipped) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            LOG.debug("XMPP warm-up step '{}' skipped: {}", what, e.toString());
            skipped.add(what);
        }
    }

    @FunctionalInterface
    private interface ThrowingStep {
        void run() throws Exception;
    }

    /** The hello is never answered; should anything ask, nothing is trusted. */
    private static final class TrustNothing implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("warm-up trusts nothing");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("warm-up trusts nothing");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
