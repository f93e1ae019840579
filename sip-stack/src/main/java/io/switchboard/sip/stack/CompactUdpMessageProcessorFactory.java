package io.switchboard.sip.stack;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's message processors, with UDP's replaced by {@link CompactUdpMessageProcessor};
 * named by the stack property {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}, which JAIN-SIP
 * instantiates reflectively (hence public with a public no-argument constructor).
 */
public final class CompactUdpMessageProcessorFactory implements MessageProcessorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CompactUdpMessageProcessorFactory.class);
    private static final Field UDP_FLAG = stackField("udpFlag");
    private static final Field THREAD_POOL_SIZE = stackField("threadPoolSize");

    private final MessageProcessorFactory others = new OIOMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
                                                   String transport) throws IOException {
        if ("udp".equalsIgnoreCase(transport) && UDP_FLAG != null) {
            try {
                // what JAIN-SIP's own factory does with a UDP listener: the stack then answers
                // responses over UDP; without it no response to a UDP request is ever matched
                UDP_FLAG.setBoolean(stack, true);
                // no pool size readable: JAIN-SIP's own reading loop (0 threads means "its own")
                int threads = THREAD_POOL_SIZE == null ? 0 : THREAD_POOL_SIZE.getInt(stack);
                return new CompactUdpMessageProcessor(address, stack, port, threads);
            } catch (IllegalAccessException e) {
                LOG.warn("JAIN-SIP's UDP flag cannot be set ({}); UDP keeps JAIN-SIP's unbounded queue", e.toString());
            }
        }
        return others.createMessageProcessor(stack, address, port, transport);
    }

    /**
     * A package-private field of JAIN-SIP's stack: {@code udpFlag}, which its own factory sets, and
     * {@code threadPoolSize}; null if this JAIN-SIP has no such field (then UDP keeps JAIN-SIP's
     * own listener, or its own reading loop).
     */
    private static Field stackField(String name) {
        try {
            Field field = SIPTransactionStack.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(CompactUdpMessageProcessorFactory.class)
                    .warn("This JAIN-SIP has no {} ({}); UDP keeps more of JAIN-SIP's own listener", name, e.toString());
            return null;
        }
    }
}
