package io.switchboard.e2e.interop;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a real Prosody. */
class ProsodyInteropIT extends XmppInteropScenarios {

    @RegisterExtension
    static final ProsodyFixture PROSODY = new ProsodyFixture();

    @Override
    XmppServerFixture server() {
        return PROSODY;
    }
}
