package io.switchboard.e2e.interop;

import io.switchboard.e2e.scenarios.XmppClientScenarios;
import io.switchboard.e2e.scenarios.XmppServerFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a real ejabberd. */
class EjabberdInteropIT extends XmppClientScenarios {

    @RegisterExtension
    static final EjabberdFixture EJABBERD = new EjabberdFixture();

    @Override
    protected XmppServerFixture server() {
        return EJABBERD;
    }
}
