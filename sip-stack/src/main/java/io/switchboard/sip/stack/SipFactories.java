package io.switchboard.sip.stack;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * JAIN-SIP's message, header and address factories. Created directly rather than through
 * {@code javax.sip.SipFactory}, whose JVM-wide singleton also caches every stack it ever made.
 */
record SipFactories(MessageFactory messages, HeaderFactory headers, AddressFactory addresses) {

    static SipFactories create() {
        return new SipFactories(new MessageFactoryImpl(), new HeaderFactoryImpl(), new AddressFactoryImpl());
    }
}
