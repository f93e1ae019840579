package io.switchboard.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryProbeParsingTest {

    @Test
    void readsG1HeapUsage() throws Exception {
        String out = "4242:\n garbage-first heap   total 262144K, used 23456K [0x0000000080000000, 0x0000000100000000)\n"
                + "  region size 1024K, 5 young (5120K), 0 survivors (0K)\n"
                + " Metaspace       used 12345K, committed 12800K, reserved 1114112K\n"
                + "  class space    used 1234K, committed 1408K, reserved 1048576K\n";

        assertThat(JvmHeapProbe.parseHeapInfo(out)).isEqualTo(23456L * 1024);
    }

    @Test
    void addsYoungAndOldForGenerationalCollectors() throws Exception {
        String out = "1:\n PSYoungGen      total 76288K, used 1310K [0x1, 0x2, 0x3)\n"
                + " ParOldGen       total 175104K, used 2000K [0x4, 0x5, 0x6)\n"
                + " Metaspace       used 3000K, committed 3100K, reserved 1056768K\n";

        assertThat(JvmHeapProbe.parseHeapInfo(out)).isEqualTo(3310L * 1024);
    }

    @Test
    void failsWhenNothingWasMeasured() {
        assertThatThrownBy(() -> JvmHeapProbe.parseHeapInfo("4242:\nCommand not found\n"))
                .isInstanceOf(MemoryProbe.ProbeException.class);
    }

    @Test
    void readsRssFromProcStatus() throws Exception {
        assertThat(RssProbe.parseStatus("Name:\tlua5.4\nVmPeak:\t  99 kB\nVmRSS:\t   68840 kB\nThreads:\t1\n"))
                .isEqualTo(68840L * 1024);
    }

    @Test
    void parsesProbeSpecs() {
        assertThat(MemoryProbe.parse("none")).isNull();
        assertThat(MemoryProbe.parse("jvm:12")).isInstanceOf(JvmHeapProbe.class);
        assertThat(MemoryProbe.parse("rss:12")).isInstanceOf(RssProbe.class);
        assertThatThrownBy(() -> MemoryProbe.parse("heap:12")).isInstanceOf(IllegalArgumentException.class);
    }
}
