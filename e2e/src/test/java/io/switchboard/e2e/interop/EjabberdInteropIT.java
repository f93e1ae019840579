package io.switchboard.e2e.interop;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a real ejabberd. */
class EjabberdInteropIT extends XmppInteropScenarios {

    @RegisterExtension
    static final EjabberdFixture EJABBERD = new EjabberdFixture();

    @Override
    XmppServerFixture server() {
        return EJABBERD;
    }
}
