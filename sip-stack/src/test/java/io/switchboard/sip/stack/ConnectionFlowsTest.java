package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionFlowsTest {

    private final ConnectionFlows flows = new ConnectionFlows();

    @Test
    void aContactIsReachedOverTheLatestConnectionItCameFrom() {
        flows.remember("127.0.0.1", 5071, new ConnectionFlows.Flow("127.0.0.1", 40001));
        flows.remember("127.0.0.1", 5071, new ConnectionFlows.Flow("127.0.0.1", 40002));

        assertThat(flows.flowTo("127.0.0.1", 5071)).contains(new ConnectionFlows.Flow("127.0.0.1", 40002));
        assertThat(flows.flowTo("127.0.0.1", 5072)).isEmpty();
    }

    @Test
    void hostsMatchWhateverTheirCaseOrIpv6Brackets() {
        flows.remember("[::1]", 5071, new ConnectionFlows.Flow("::1", 40001));
        flows.remember("Phone.Example.COM", 5061, new ConnectionFlows.Flow("10.0.0.5", 40002));

        assertThat(flows.flowTo("::1", 5071)).isPresent();
        assertThat(flows.flowTo("phone.example.com", 5061)).isPresent();
    }

    @Test
    void theOldestFlowsGoFirstBeyondTheBound() {
        for (int i = 0; i <= ConnectionFlows.MAX_FLOWS; i++) {
            flows.remember("10.0." + (i / 250) + "." + (i % 250), 5061, new ConnectionFlows.Flow("10.0.0.1", 1 + i % 60000));
        }
        assertThat(flows.size()).isEqualTo(ConnectionFlows.MAX_FLOWS);
        assertThat(flows.flowTo("10.0.0.0", 5061)).as("the first one learnt").isEmpty();
    }
}
