package io.switchboard.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * JAIN-SIP's own message parser, reporting every message it cannot parse to
 * {@link MalformedMessageLog} (DEBUG each, a WARN summary at most once a minute) before JAIN-SIP
 * drops it. JAIN-SIP itself mentions such messages only at its DEBUG level, behind a check that
 * would switch on all of its debug output; this is the one place every UDP datagram and TCP
 * message passes through. Installed by {@link SipStackFactory} through
 * {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}; JAIN-SIP creates it reflectively. It also marks a
 * request whose start line names a SIP version other than 2.0 ({@link UnsupportedSipVersion}), which
 * JAIN-SIP's parser would otherwise silently turn into SIP/2.0, and refuses a message that repeats a
 * single-value header field ({@link RepeatedSingleValueHeader}), of which JAIN-SIP would keep one,
 * or has an address field JAIN-SIP would read leniently ({@link AddressSyntax}).
 */
public final class ReportingMessageParserFactory implements MessageParserFactory {

    private final MessageParserFactory delegate = new StringMsgParserFactory();

    /** Public no-argument constructor: JAIN-SIP creates the factory reflectively. */
    public ReportingMessageParserFactory() {
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MessageParser parser = delegate.createMessageParser(stack);
        return (bytes, readBody, strict, listener) -> {
            try {
                String repeated = RepeatedSingleValueHeader.find(bytes);
                if (repeated != null) {
                    // JAIN-SIP would keep one value silently; as a parse error the stack answers 400
                    throw new ParseException(repeated + " header field more than once", 0);
                }
                String badAddress = AddressSyntax.problem(bytes);
                if (badAddress != null) {
                    throw new ParseException(badAddress, 0);
                }
                SIPMessage message = parser.parseSIPMessage(bytes, readBody, strict, listener);
                if (message instanceof SIPRequest) {
                    String version = UnsupportedSipVersion.of(bytes);
                    if (version != null) {
                        message.setApplicationData(new UnsupportedSipVersion(version));
                    }
                }
                return message;
            } catch (ParseException | RuntimeException e) {
                MalformedMessageLog.SHARED.record(excerpt(bytes) + " (" + e.getMessage() + ")");
                throw e;
            }
        };
    }

    private static String excerpt(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        int length = Math.min(bytes.length, 200);
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
