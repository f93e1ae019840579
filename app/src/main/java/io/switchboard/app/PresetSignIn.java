package io.switchboard.app;

import io.switchboard.app.preset.PresetKey;
import io.switchboard.app.preset.SystemPreset;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.CallMode;
import io.switchboard.app.signin.SignInViewModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the administrator's preset into the sign-in form, in the order of ADR 0031: locked preset
 * over the command line over the user's settings over the unlocked preset over the built-in
 * defaults. {@link #applyDefaults} runs before {@link LaunchedSignIn} (which overrides it),
 * {@link #applyLocks} after it (which nothing overrides).
 */
final class PresetSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(PresetSignIn.class);

    private PresetSignIn() {
    }

    /**
     * The unlocked values, for users who have not signed in on this computer yet: once they have,
     * their settings hold what they used, and those win. The domain and the certificate are no
     * setting of the user's, so they always apply.
     */
    static void applyDefaults(SystemPreset preset, AppSettings saved, SignInViewModel form) {
        preset.domain().filter(d -> !preset.isLocked(PresetKey.DOMAIN)).ifPresent(d -> form.presetDomain(d, false));
        vouch(preset, form, false);
        if (signedInBefore(saved)) {
            return;
        }
        if (!preset.isLocked(PresetKey.ACCOUNT_TYPE)) {
            preset.accountType().ifPresent(form.accountTypeProperty()::set);
        }
        if (!preset.isLocked(PresetKey.SERVER)) {
            preset.server().ifPresent(form.serverProperty()::set);
        }
        if (!preset.isLocked(PresetKey.SIP_PROXY)) {
            preset.sipProxy().ifPresent(p -> {
                form.sipProxyProperty().set(p.address());
                form.sipProxyTransportProperty().set(p.transport());
            });
        }
        if (!preset.isLocked(PresetKey.PHONE_PROXY)) {
            preset.phoneProxy().ifPresent(p -> {
                form.phoneServerProperty().set(p.address());
                form.phoneServerTransportProperty().set(p.transport());
            });
        }
        if (!preset.isLocked(PresetKey.CALL_MODE)) {
            preset.callMode().ifPresent(form.callModeProperty()::set);
        }
        if (!preset.isLocked(PresetKey.DESK_LINE)) {
            preset.deskLine().ifPresent(form.deskLineProperty()::set);
        }
    }

    /** The locked values, over whatever the command line and the settings put in the form; every sign-in window. */
    static void applyLocks(SystemPreset preset, LaunchOptions options, SignInViewModel form) {
        conflicts(preset, options).forEach(option -> LOG.warn(
                "{} is ignored: the administrator set this in the system-wide client configuration", option));
        preset.domain().filter(d -> preset.isLocked(PresetKey.DOMAIN)).ifPresent(d -> form.presetDomain(d, true));
        lock(preset, PresetKey.ACCOUNT_TYPE, preset.accountType(), v -> form.lock(PresetKey.ACCOUNT_TYPE,
                form.accountTypeProperty(), v));
        lock(preset, PresetKey.SERVER, preset.server(), v -> form.lock(PresetKey.SERVER, form.serverProperty(), v));
        lock(preset, PresetKey.SIP_PROXY, preset.sipProxy(), v -> {
            form.lock(PresetKey.SIP_PROXY, form.sipProxyProperty(), v.address());
            form.lock(PresetKey.SIP_PROXY, form.sipProxyTransportProperty(), v.transport());
        });
        lock(preset, PresetKey.PHONE_PROXY, preset.phoneProxy(), v -> {
            form.lock(PresetKey.PHONE_PROXY, form.phoneServerProperty(), v.address());
            form.lock(PresetKey.PHONE_PROXY, form.phoneServerTransportProperty(), v.transport());
        });
        lock(preset, PresetKey.CALL_MODE, preset.callMode(), v -> form.lock(PresetKey.CALL_MODE,
                form.callModeProperty(), v));
        lock(preset, PresetKey.DESK_LINE, preset.deskLine(), v -> form.lock(PresetKey.DESK_LINE,
                form.deskLineProperty(), v));
        vouch(preset, form, true);
    }

    /** The command-line options that a locked value overrides, as typed, for the log. */
    static List<String> conflicts(SystemPreset preset, LaunchOptions options) {
        List<String> ignored = new ArrayList<>();
        if (preset.isLocked(PresetKey.SERVER) && options.server().isPresent()) {
            ignored.add("--server");
        }
        if (preset.isLocked(PresetKey.ACCOUNT_TYPE) && options.accountType().isPresent()
                && !options.accountType().equals(preset.accountType())) {
            ignored.add("--account-type");
        }
        if (preset.isLocked(PresetKey.SIP_PROXY) && options.proxy().isPresent()) {
            ignored.add("--proxy");
        }
        if (preset.isLocked(PresetKey.PHONE_PROXY) && options.phoneProxy().isPresent()) {
            ignored.add("--phone-proxy");
        }
        if ((preset.isLocked(PresetKey.DESK_LINE) || preset.callMode().filter(m -> m == CallMode.SOFTPHONE
                && preset.isLocked(PresetKey.CALL_MODE)).isPresent()) && options.deskLine().isPresent()) {
            ignored.add("--desk-line");
        }
        return ignored;
    }

    /** The certificate IT vouches for: trusted for the preset server (and its SIP side), for this run. */
    private static void vouch(SystemPreset preset, SignInViewModel form, boolean lockedOnes) {
        if (preset.isLocked(PresetKey.TRUST_FINGERPRINT) != lockedOnes || preset.trustFingerprint().isEmpty()) {
            return;
        }
        Optional<String> server = preset.server().or(preset::domain);
        if (server.isEmpty()) {
            LOG.warn("trust-fingerprint in the system-wide client configuration is ignored: it needs a server"
                    + " or a domain to belong to");
            return;
        }
        form.vouchForCertificate(server.get().toLowerCase(Locale.ROOT), preset.trustFingerprint().get());
        if (lockedOnes) {
            form.lock(PresetKey.TRUST_FINGERPRINT);
        }
    }

    private static <T> void lock(SystemPreset preset, PresetKey key, Optional<T> value,
                                 java.util.function.Consumer<T> apply) {
        if (preset.isLocked(key)) {
            value.ifPresent(apply);
        }
    }

    /** A saved sign-in of either type: from then on the user's settings hold their own choices. */
    static boolean signedInBefore(AppSettings saved) {
        return !saved.lastUser().isBlank() || !saved.sip().address().isBlank();
    }
}
