package io.switchboard.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.cert.ManageCertificates;

/** Self-signed certificates made for one test run, with UnboundID's certificate tool. */
final class TestCertificates {

    static final String ALIAS = "server";

    /** A key store holding a key and its self-signed certificate. */
    record Identity(Path keyStore, char[] password, X509Certificate certificate) {
    }

    private TestCertificates() {
    }

    static Identity selfSigned(Path directory, String commonName, List<String> dnsNames, List<String> ipAddresses) {
        Path keyStore = directory.resolve(commonName.replaceAll("[^A-Za-z0-9]", "_") + "-" + System.nanoTime() + ".p12");
        String password = "test-keystore-password";
        List<String> args = new ArrayList<>(List.of("generate-self-signed-certificate",
                "--keystore", keyStore.toString(), "--keystore-password", password, "--keystore-type", "PKCS12",
                "--alias", ALIAS, "--subject-dn", "CN=" + commonName + ",O=Switchboard Test",
                "--days-valid", "2", "--key-algorithm", "EC", "--key-size-bits", "256",
                "--signature-algorithm", "SHA256withECDSA"));
        dnsNames.forEach(name -> args.addAll(List.of("--subject-alternative-name-dns", name)));
        ipAddresses.forEach(ip -> args.addAll(List.of("--subject-alternative-name-ip-address", ip)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(InputStream.nullInputStream(), out, out, args.toArray(String[]::new));
        if (result != ResultCode.SUCCESS) {
            throw new IllegalStateException("manage-certificates failed: " + out.toString(StandardCharsets.UTF_8));
        }
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return new Identity(keyStore, password.toCharArray(), (X509Certificate) store.getCertificate(ALIAS));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
