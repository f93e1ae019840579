package io.switchboard.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class Slf4jStackLoggerTest {

    final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger("gov.nist.javax.sip");

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

    @Test
    void aPeersUnusableMessageIsDebugWhileOtherStackErrorsStayErrors() {
        Slf4jStackLogger stack = new Slf4jStackLogger();
        // as JAIN-SIP words them for an RFC 4475 "insuf" request over UDP and a bad TCP message
        stack.logError("bad message INVITE sip:user@example.com SIP/2.0\nVia: SIP/2.0/UDP 192.0.2.95");
        stack.logError(">>> Dropped Bad Msg From = nullTo = nullCallId = nullCSeq = CSeq: 193942 INVITE");
        stack.logError("Malformed mandatory headers: closing socket! :Socket[addr=/127.0.0.1,port=4]");
        stack.logError("Could not bind the stack's listening point");

        assertThat(appender.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.DEBUG, Level.DEBUG, Level.DEBUG, Level.ERROR);
    }
}
