package io.switchboard.server.directory;

import io.switchboard.directory.AttributeProfile;
import io.switchboard.directory.DirectoryConfig;
import io.switchboard.directory.DirectorySecurity;
import io.switchboard.server.config.ConfigException;
import io.switchboard.server.config.LdapSourceConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Turns the server's {@code directory} settings into the directory client's {@link DirectoryConfig}:
 * the URL's scheme and {@code start-tls} choose the protection, the service account's password is
 * read from its file, extra trusted certificates from their PEM file. Problems are
 * {@link ConfigException}s naming the setting.
 */
final class DirectoryConnector {

    private DirectoryConnector() {
    }

    /** The embedded directory: plain LDAP on loopback, anonymous search, inetOrgPerson. */
    static DirectoryConfig embedded(EmbeddedDirectory directory) {
        return DirectoryConfig.of(directory.host(), directory.port(), directory.peopleBase(), AttributeProfile.OPENLDAP);
    }

    static DirectoryConfig external(LdapSourceConfig ldap) throws ConfigException {
        URI url;
        try {
            url = new URI(ldap.url());
        } catch (URISyntaxException e) {
            throw new ConfigException("directory.ldap.url: '" + ldap.url() + "' is not a URL (" + e.getMessage() + ")");
        }
        boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        if (url.getHost() == null) {
            throw new ConfigException("directory.ldap.url: '" + ldap.url() + "' names no host");
        }
        int port = url.getPort() > 0 ? url.getPort() : ldaps ? 636 : 389;
        DirectorySecurity security = ldaps ? DirectorySecurity.LDAPS
                : ldap.startTls() ? DirectorySecurity.START_TLS : DirectorySecurity.NONE;
        DirectoryConfig config = DirectoryConfig.of(url.getHost(), port, ldap.peopleBase(),
                AttributeProfile.forName(ldap.profile())).withSecurity(security, trusted(ldap.trustedCertificates()));
        if (!ldap.bindDn().isBlank()) {
            config = config.withServiceAccount(new DirectoryConfig.ServiceAccount(ldap.bindDn(),
                    password(ldap.bindPasswordFile())));
        }
        return config;
    }

    private static char[] password(String file) throws ConfigException {
        try {
            String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            // a file written by an editor or `echo` ends with a line break that is not part of the password
            return content.stripTrailing().toCharArray();
        } catch (IOException e) {
            throw new ConfigException("directory.ldap.bind-password-file: cannot read " + file + " (" + e + ")");
        }
    }

    private static List<X509Certificate> trusted(String pemFile) throws ConfigException {
        if (pemFile.isBlank()) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException | CertificateException e) {
            throw new ConfigException("directory.ldap.trusted-certificates: cannot read certificates from " + pemFile
                    + " (" + e.getMessage() + ")");
        }
    }
}
