package io.switchboard.sip.stack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's message trace, bridged to SLF4J under {@code io.switchboard.sip.packets}: the first
 * line of every message in or out at DEBUG, the whole message at TRACE. Replaces JAIN-SIP's
 * default {@code ServerLog}, which writes files. Created reflectively by JAIN-SIP (property
 * {@code gov.nist.javax.sip.SERVER_LOGGER}); stateless apart from the stack's name, thread-safe.
 */
public final class Slf4jServerLogger implements ServerLogger {

    /** The SLF4J logger name of the message trace. */
    public static final String PACKET_LOGGER = "io.switchboard.sip.packets";

    private static final Logger LOG = LoggerFactory.getLogger(PACKET_LOGGER);

    private volatile String stackName = "?";

    /** Public no-argument constructor: JAIN-SIP creates the logger reflectively. */
    public Slf4jServerLogger() {
    }

    @Override
    public void closeLogFile() {
        // no file: SLF4J's backend owns the output
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    private void log(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("[{}] {} {} -> {}\n{}", stackName, sender ? "sent" : "received", from, to,
                    withoutKeys(message.encode()));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("[{}] {} {} -> {}: {}", stackName, sender ? "sent" : "received", from, to,
                    message.getFirstLine().trim());
        }
    }

    @Override
    public void logException(Exception ex) {
        LOG.debug("[{}] JAIN-SIP message trace exception", stackName, ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        stackName = stackProperties.getProperty("javax.sip.STACK_NAME", "?");
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        stackName = sipStack.getStackName();
    }

    /** SDES keys (RFC 4568 {@code a=crypto ... inline:KEY}) never reach a log, even a trace. */
    static String withoutKeys(String message) {
        return SDES_KEY.matcher(message).replaceAll("$1<key redacted>");
    }

    private static final java.util.regex.Pattern SDES_KEY =
            java.util.regex.Pattern.compile("(a=crypto:[^\\r\\n]*?inline:)[^\\s|]+");
}
