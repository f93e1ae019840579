package io.switchboard.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmppWarmUpTest {

    @Test
    void everyStepRunsWithoutTheNetwork() {
        assertThat(new XmppWarmUp().runSteps()).isEmpty();
    }
}
