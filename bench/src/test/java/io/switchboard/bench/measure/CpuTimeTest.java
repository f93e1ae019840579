package io.switchboard.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuTimeTest {

    @Test
    void addsUserAndSystemTicksEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (lua 5.4 (x)) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 1 0 100 1000 200";

        assertThat(CpuTime.parseStat(stat)).isEqualTo(3.0);
    }

    @Test
    void readsThisProcessBothWays() {
        assertThat(CpuTime.ofThisProcess()).isPositive();
        assertThat(CpuTime.ofProcess(ProcessHandle.current().pid())).isPositive();
        assertThat(CpuTime.ofProcess(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
