package io.switchboard.xmpp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.service.NoResponseException;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.PeerRefusedException;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;

class ServiceErrorsTest {

    @Test
    void stanzaErrorIsThePeerRefusingWithItsCondition() {
        var error = StanzaError.getBuilder(StanzaError.Condition.item_not_found).build();
        var stanza = StanzaBuilder.buildMessage("m1").setError(error).build();
        var e = new XMPPException.XMPPErrorException(stanza, error);

        assertThat(ServiceErrors.map("renaming bob", e)).isInstanceOfSatisfying(PeerRefusedException.class, p -> {
            assertThat(p.condition()).isEqualTo("item-not-found");
            assertThat(p.getMessage()).contains("renaming bob");
        });
    }

    @Test
    void noResponseAndNotConnectedAreOurSide() {
        assertThat(ServiceErrors.map("x", SmackException.NoResponseException.newWith(1000, org.jivesoftware.smack.filter.StanzaTypeFilter.MESSAGE, false)))
                .isInstanceOf(NoResponseException.class);
        assertThat(ServiceErrors.map("x", new SmackException.NotConnectedException()))
                .isInstanceOf(NotConnectedException.class);
    }
}
