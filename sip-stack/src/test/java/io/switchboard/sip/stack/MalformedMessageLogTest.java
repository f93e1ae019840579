package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MalformedMessageLogTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final MalformedMessageLog log = new MalformedMessageLog(Duration.ofMinutes(1), nanos::get);
    final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(MalformedMessageLog.LOGGER);

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    private long warnings() {
        return appender.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
    }

    @Test
    void aFloodOfGarbageGivesOneWarningPerMinuteAndOneDebugLineEach() {
        assertThat(log.record("INVITE garbage\r\nVia: nothing")).isTrue();
        for (int i = 0; i < 999; i++) {
            nanos.addAndGet(Duration.ofMillis(10).toNanos());
            log.record("garbage " + i);
        }
        assertThat(warnings()).isEqualTo(1);

        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(log.record("more garbage")).isTrue();

        assertThat(warnings()).isEqualTo(2);
        assertThat(appender.list.stream().filter(e -> e.getLevel() == Level.WARN).skip(1).findFirst().orElseThrow()
                .getFormattedMessage()).startsWith("1000 malformed SIP message(s)");
        assertThat(appender.list.stream().filter(e -> e.getLevel() == Level.DEBUG).count()).isEqualTo(1001);
        assertThat(appender.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    }

    @Test
    void theExcerptIsOneShortLineWithoutControlCharacters() {
        assertThat(MalformedMessageLog.excerpt("REGISTER sip:x SIP/2.0\r\nVia: y")).isEqualTo("REGISTER sip:x SIP/2.0?");
        assertThat(MalformedMessageLog.excerpt("a\u0000b\u001b[31m")).isEqualTo("a?b?[31m");
        assertThat(MalformedMessageLog.excerpt("x".repeat(500))).hasSize(123).endsWith("...");
    }
}
