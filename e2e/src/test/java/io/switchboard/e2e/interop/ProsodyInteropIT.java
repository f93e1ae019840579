package io.switchboard.e2e.interop;

import io.switchboard.e2e.scenarios.XmppClientScenarios;
import io.switchboard.e2e.scenarios.XmppServerFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a real Prosody. */
class ProsodyInteropIT extends XmppClientScenarios {

    @RegisterExtension
    static final ProsodyFixture PROSODY = new ProsodyFixture();

    @Override
    protected XmppServerFixture server() {
        return PROSODY;
    }
}
