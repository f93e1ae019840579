package io.switchboard.app;

import io.switchboard.app.settings.AccountType;
import io.switchboard.app.settings.CallMode;
import io.switchboard.app.signin.SignInViewModel;
import io.switchboard.sip.stack.SipTransport;

import java.util.Map;

/**
 * Puts the launch options into the first sign-in form, so a script starts the client with an
 * account of either type filled in (and, with {@code --auto-sign-in}, signed in).
 */
final class LaunchedSignIn {

    private LaunchedSignIn() {
    }

    static void apply(LaunchOptions options, Map<String, String> environment, SignInViewModel viewModel) {
        if (options.accountType().orElse(null) == AccountType.SIP) {
            viewModel.accountTypeProperty().set(AccountType.SIP);
            options.user().filter(u -> !u.equals(viewModel.sipAddressProperty().get())).ifPresent(u -> {
                viewModel.sipAddressProperty().set(u);
                viewModel.sipAuthUserProperty().set("");   // the saved one belonged to another account
            });
            // a script's proxies are exactly the ones given: none given means the defaults, not the saved ones
            viewModel.sipProxyProperty().set(options.proxy().map(LaunchOptions.ProxyOption::address).orElse(""));
            viewModel.sipProxyTransportProperty().set(
                    options.proxy().map(LaunchOptions.ProxyOption::transport).orElse(SipTransport.UDP));
            viewModel.sipBackupProxyProperty().set(
                    options.backupProxy().map(LaunchOptions.ProxyOption::address).orElse(""));
            viewModel.sipBackupTransportProperty().set(
                    options.backupProxy().map(LaunchOptions.ProxyOption::transport).orElse(SipTransport.UDP));
            viewModel.sipXcapRootProperty().set(options.xcapRoot().orElse(""));
        } else {
            // scripts written before SIP accounts give --server/--user without a type: they mean XMPP
            if (options.accountType().isPresent() || options.server().isPresent() || options.user().isPresent()) {
                viewModel.accountTypeProperty().set(AccountType.XMPP);
            }
            options.server().ifPresent(viewModel.serverProperty()::set);
            options.user().ifPresent(viewModel.userProperty()::set);
            // like the SIP proxies: a script's phone server is exactly the one given, none means no phone
            if (options.accountType().isPresent() || options.server().isPresent() || options.user().isPresent()) {
                viewModel.phoneServerProperty().set(
                        options.phoneProxy().map(LaunchOptions.ProxyOption::address).orElse(""));
                viewModel.phoneServerTransportProperty().set(
                        options.phoneProxy().map(LaunchOptions.ProxyOption::transport).orElse(SipTransport.UDP));
            }
        }
        options.deskLine().ifPresent(line -> {
            viewModel.deskLineProperty().set(line);
            viewModel.callModeProperty().set(CallMode.DESK_PHONE);
        });
        options.password(environment).ifPresent(p -> viewModel.passwordProperty().set(new String(p)));
        if (options.passwordEnv().isPresent() && options.password(environment).isEmpty()) {
            viewModel.showNotice("The environment variable " + options.passwordEnv().get()
                    + " given with --password-env is not set; enter your password.");
        }
        options.trustFingerprint().ifPresent(viewModel::vouchForCertificate);
    }
}
