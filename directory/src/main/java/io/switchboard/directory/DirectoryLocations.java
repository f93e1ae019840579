package io.switchboard.directory;

import io.switchboard.core.model.DirectoryLocation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * A client's directory configuration from a {@link DirectoryLocation} (what the server advertises):
 * the URL's scheme and StartTLS choose the protection (the JDK's trust store decides, as for any
 * company service), and the user reads as themselves when the location names how to bind.
 */
public final class DirectoryLocations {

    private DirectoryLocations() {
    }

    /**
     * @param username the signed-in user's name, for the bind template
     * @param password their password: a directory that needs a bind gets the sign-in password
     */
    public static DirectoryConfig config(DirectoryLocation location, String username, char[] password) {
        URI url;
        try {
            url = new URI(location.url());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a directory URL: " + location.url(), e);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("The directory URL names no host: " + location.url());
        }
        boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : ldaps ? 636 : 389;
        DirectorySecurity security = ldaps ? DirectorySecurity.LDAPS
                : location.startTls() ? DirectorySecurity.START_TLS : DirectorySecurity.NONE;
        DirectoryConfig config = DirectoryConfig.of(url.getHost(), port, location.peopleBase(),
                AttributeProfile.forName(location.profile())).withSecurity(security, List.of());
        Optional<String> bindDn = location.bindDnOf(username);
        return bindDn.isPresent() ? config.withServiceAccount(new DirectoryConfig.ServiceAccount(bindDn.get(), password))
                : config;
    }
}
