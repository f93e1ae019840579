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
    private static final Field UDP_FLAG = udpFlag();

    private final MessageProcessorFactory others = new OIOMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
                                                   String transport) throws IOException {
        if ("udp".equalsIgnoreCase(transport) && UDP_FLAG != null) {
            try {
                // what JAIN-SIP's own factory does with a UDP listener: the stack then answers
                // responses over UDP; without it no response to a UDP request is ever matched
                UDP_FLAG.setBoolean(stack, true);
                return new CompactUdpMessageProcessor(address, stack, port);
            } catch (IllegalAccessException e) {
                LOG.warn("JAIN-SIP's UDP flag cannot be set ({}); UDP keeps JAIN-SIP's unbounded queue", e.toString());
            }
        }
        return others.createMessageProcessor(stack, address, port, transport);
    }

    /** The package-private flag JAIN-SIP's factory sets; null (JAIN-SIP's own listener) if it is gone. */
    private static Field udpFlag() {
        try {
            Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            flag.setAccessible(true);
            return flag;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(CompactUdpMessageProcessorFactory.class)
                    .warn("This JAIN-SIP has no udpFlag ({}); UDP keeps JAIN-SIP's unbounded queue", e.toString());
            return null;
        }
    }
}
