package io.switchboard.sip.stack;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's internal log, bridged to SLF4J under {@code gov.nist.javax.sip}.
 *
 * <p>JAIN-SIP reports routine events — every message in and out — at its INFO level, so its
 * INFO becomes our DEBUG and its DEBUG and TRACE become our TRACE: a server log at INFO stays
 * quiet under load. Warnings and errors keep their level. JAIN-SIP instantiates this class by
 * name (property {@code gov.nist.javax.sip.STACK_LOGGER}) and keeps the last one in a JVM-wide
 * static, so it holds no per-stack state. Thread-safe.
 */
public final class Slf4jStackLogger implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");
    private static final Logger PACKETS = LoggerFactory.getLogger(Slf4jServerLogger.PACKET_LOGGER);

    /** Public no-argument constructor: JAIN-SIP creates the logger reflectively. */
    public Slf4jStackLogger() {
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("JAIN-SIP stack trace", new RequestedStackTrace());
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        // JAIN-SIP reports per-packet trouble (a peer's bad message, a closed socket) this way:
        // one line at WARN, the trace only for whoever debugs the stack.
        LOG.warn("JAIN-SIP: {}", String.valueOf(ex));
        LOG.debug("JAIN-SIP exception detail", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.trace(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.trace(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        if (isPeerInputError(message)) {
            LOG.debug(message);
        } else {
            LOG.error(message);
        }
    }

    /**
     * JAIN-SIP reports a request it cannot use (no Call-ID/From/To, a TCP message whose mandatory
     * headers do not parse) at ERROR, once per packet and with the packet in the text. That is
     * hostile input, not a server fault: the parser factory already counts it in the rate-limited
     * malformed-message report, so here it is DEBUG only (RFC 4475 messages must not flood the log).
     */
    static boolean isPeerInputError(String message) {
        if (message == null) {
            return false;
        }
        String start = message.stripLeading();
        return start.startsWith("bad message") || start.startsWith(">>> Dropped Bad Msg")
                || start.startsWith("Malformed mandatory headers") || start.startsWith("BAD MESSAGE!");
    }

    @Override
    public void logError(String message, Exception ex) {
        if (ex instanceof java.io.IOException) {
            // a refused or broken connection (a dead proxy, a peer gone): expected in failover, one line
            LOG.warn("JAIN-SIP: {} {}", message == null ? "" : message.strip(), ex.toString());
            LOG.debug("JAIN-SIP I/O failure detail", ex);
        } else {
            LOG.error(message, ex);
        }
    }

    @Override
    public void logWarning(String message) {
        if (isTlsDefaultsNotice(message)) {
            LOG.debug(message);
        } else {
            LOG.warn(message);
        }
    }

    /**
     * JAIN-SIP warns about its TLS key store and policy defaults at every stack start, TLS used or
     * not; five warnings per stack would drown real ones, so they go to DEBUG.
     */
    private static boolean isTlsDefaultsNotice(String message) {
        String lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("tls ") || lower.startsWith("using default tls")
                || lower.startsWith("using default keystore") || lower.startsWith("using default truststore");
    }

    @Override
    public void logInfo(String message) {
        LOG.debug(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isErrorEnabled();
    }

    /** JAIN-SIP asks before it builds a costly message: answer for the level we map it to. */
    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel >= TRACE_DEBUG) {
            return LOG.isTraceEnabled();
        }
        if (logLevel >= TRACE_INFO) {
            // TRACE_MESSAGES equals TRACE_INFO: the stack asks this before it hands a message to
            // the ServerLogger, so the packet trace must be able to switch it on by itself.
            return LOG.isDebugEnabled() || PACKETS.isDebugEnabled();
        }
        if (logLevel >= TRACE_WARN) {
            return LOG.isWarnEnabled();
        }
        return logLevel > TRACE_NONE && LOG.isErrorEnabled();
    }

    @Override
    public void disableLogging() {
        // levels belong to the SLF4J backend's configuration, not to the stack
    }

    @Override
    public void enableLogging() {
        // levels belong to the SLF4J backend's configuration, not to the stack
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("JAIN-SIP build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to read: levels come from the SLF4J backend
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }

    /** Not thrown: carries the current stack into the log when JAIN-SIP asks for it. */
    private static final class RequestedStackTrace extends Exception {
        private static final long serialVersionUID = 1L;

        RequestedStackTrace() {
            super("stack trace requested by JAIN-SIP");
        }
    }
}
