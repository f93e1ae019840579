package io.switchboard.app.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the client remembers between runs. Never a password: that lives in a
 * {@link CredentialVault}. Missing or null fields (an older file) fall back to the defaults.
 *
 * @param lastServer          what the user typed in the server field; empty for "from my address"
 * @param autoAwayMinutes     idle minutes before the presence turns Away; 0 switches it off
 * @param trustedCertificates server (as typed in the server field, lower case) → SHA-256 fingerprint
 *                            of the certificate the user explicitly accepted for it
 */
public record AppSettings(String lastServer, String lastUser, boolean rememberMe, Theme theme, int autoAwayMinutes,
                          boolean showOfflineContacts, SortOrder sortOrder, Map<String, String> trustedCertificates) {

    public static final int DEFAULT_AUTO_AWAY_MINUTES = 10;

    public AppSettings {
        lastServer = lastServer == null ? "" : lastServer;
        lastUser = lastUser == null ? "" : lastUser;
        theme = theme == null ? Theme.LIGHT : theme;
        autoAwayMinutes = Math.max(0, autoAwayMinutes);
        sortOrder = sortOrder == null ? SortOrder.BY_AVAILABILITY : sortOrder;
        trustedCertificates = Map.copyOf(trustedCertificates == null ? Map.of() : trustedCertificates);
    }

    public static AppSettings defaults() {
        return new AppSettings("", "", false, Theme.LIGHT, DEFAULT_AUTO_AWAY_MINUTES, true,
                SortOrder.BY_AVAILABILITY, Map.of());
    }

    public Optional<String> trustedCertificate(String serverKey) {
        return Optional.ofNullable(trustedCertificates.get(serverKey));
    }

    public AppSettings withSignIn(String server, String user, boolean remember) {
        return new AppSettings(server, user, remember, theme, autoAwayMinutes, showOfflineContacts, sortOrder,
                trustedCertificates);
    }

    public AppSettings withTheme(Theme newTheme) {
        return new AppSettings(lastServer, lastUser, rememberMe, newTheme, autoAwayMinutes, showOfflineContacts,
                sortOrder, trustedCertificates);
    }

    public AppSettings withAutoAwayMinutes(int minutes) {
        return new AppSettings(lastServer, lastUser, rememberMe, theme, minutes, showOfflineContacts, sortOrder,
                trustedCertificates);
    }

    public AppSettings withShowOfflineContacts(boolean show) {
        return new AppSettings(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, show, sortOrder,
                trustedCertificates);
    }

    public AppSettings withSortOrder(SortOrder order) {
        return new AppSettings(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts, order,
                trustedCertificates);
    }

    /** Replaces every accepted certificate (the preferences dialog removes some). */
    public AppSettings withTrustedCertificates(Map<String, String> certificates) {
        return new AppSettings(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts,
                sortOrder, certificates);
    }

    /** The user accepted this certificate for this server; it replaces one accepted before. */
    public AppSettings withTrustedCertificate(String serverKey, String fingerprint) {
        Map<String, String> trusted = new HashMap<>(trustedCertificates);
        trusted.put(serverKey, fingerprint);
        return new AppSettings(lastServer, lastUser, rememberMe, theme, autoAwayMinutes, showOfflineContacts,
                sortOrder, trusted);
    }
}
