package io.switchboard.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The probe against a real JVM: this test's own, through the JDK's jcmd. */
class JvmHeapProbeTest {

    @Test
    void readsTheLiveHeapOfARunningJvm() throws Exception {
        long bytes = new JvmHeapProbe(ProcessHandle.current().pid()).bytes();

        assertThat(bytes).isPositive().isLessThan(Runtime.getRuntime().maxMemory());
    }
}
