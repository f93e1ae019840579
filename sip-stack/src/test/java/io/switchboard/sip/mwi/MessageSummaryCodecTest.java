package io.switchboard.sip.mwi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageSummaryCodecTest {

    /** RFC 3842 §5.2, the example summary (also the body of the NOTIFY in the §4.1 flow's shape). */
    static final String RFC3842_SUMMARY = "Messages-Waiting: yes\r\n"
            + "Message-Account: sip:alice@vmail.example.com\r\n"
            + "Voice-Message: 4/8 (1/2)\r\n";

    /** RFC 3842 §4 example flow, the NOTIFY body after the SUBSCRIBE. */
    static final String RFC3842_FLOW_NOTIFY = "Messages-Waiting: yes\r\n"
            + "Message-Account: sip:alice@vmail.example.com\r\n"
            + "Voice-Message: 2/8 (0/2)\r\n";

    /** RFC 3842 §5.2 with opt-msg-headers: per-message headers after an empty line. */
    static final String RFC3842_WITH_MESSAGE_HEADERS = RFC3842_SUMMARY
            + "\r\n"
            + "To: <alice@atlanta.example.com>\r\n"
            + "From: <bob@biloxi.example.com>\r\n"
            + "Subject: carpool tomorrow?\r\n"
            + "Date: Sun, 09 Mar 2003 21:05:21 -0600\r\n"
            + "Priority: normal\r\n"
            + "Message-ID: 13784434989@vmail.example.com\r\n";

    private final MessageSummaryParser parser = new MessageSummaryParser();
    private final MessageSummaryWriter writer = new MessageSummaryWriter();

    @Test
    void readsTheRfcExampleWithUrgentCounts() throws Exception {
        MessageSummary summary = parse(RFC3842_SUMMARY);

        assertThat(summary.messagesWaiting()).isTrue();
        assertThat(summary.account()).contains("sip:alice@vmail.example.com");
        assertThat(summary.voice()).isEqualTo(new MessageCounts(4, 8, 1, 2));
        assertThat(summary.counts(MessageContextClass.FAX)).isEqualTo(MessageCounts.NONE);
    }

    @Test
    void readsTheFlowNotify() throws Exception {
        assertThat(parse(RFC3842_FLOW_NOTIFY).voice()).isEqualTo(new MessageCounts(2, 8, 0, 2));
    }

    @Test
    void stopsAtThePerMessageHeaders() throws Exception {
        MessageSummary summary = parse(RFC3842_WITH_MESSAGE_HEADERS);

        assertThat(summary).isEqualTo(parse(RFC3842_SUMMARY));
    }

    @Test
    void readsTheMinimalBodyAndSeveralClasses() throws Exception {
        assertThat(parse("Messages-Waiting: no\r\n")).isEqualTo(MessageSummary.NONE);

        MessageSummary several = parse("messages-waiting:YES\nVoice-Message: 1/0\nFax-Message : 0/2\nX-Vendor: 7\n");
        assertThat(several.messagesWaiting()).isTrue();
        assertThat(several.account()).isEmpty();
        assertThat(several.voice()).isEqualTo(MessageCounts.of(1, 0));
        assertThat(several.counts(MessageContextClass.FAX)).isEqualTo(MessageCounts.of(0, 2));
    }

    @Test
    void writesWhatItReads() throws Exception {
        assertThat(new String(writer.write(parse(RFC3842_SUMMARY)), StandardCharsets.UTF_8)).isEqualTo(RFC3842_SUMMARY);
        MessageSummary mailbox = MessageSummary.voice("sip:alice@example.com", 2, 1);
        assertThat(new String(writer.write(mailbox), StandardCharsets.UTF_8)).isEqualTo(
                "Messages-Waiting: yes\r\nMessage-Account: sip:alice@example.com\r\nVoice-Message: 2/1\r\n");
        assertThat(parser.parse(writer.write(mailbox))).isEqualTo(mailbox);
    }

    @Test
    void writerRefusesAnAccountThatWouldInjectLines() {
        MessageSummary evil = new MessageSummary(true, Optional.of("sip:a@b\r\nVoice-Message: 9/9"), Map.of());
        assertThatThrownBy(() -> writer.write(evil)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesBadBodiesWithAClearMessage() {
        assertRefused("", "empty");
        assertRefused("Voice-Message: 1/2\r\nMessages-Waiting: yes\r\n", "first line must be Messages-Waiting");
        assertRefused("Messages-Waiting: maybe\r\n", "yes or no");
        assertRefused("Messages-Waiting: yes\r\nVoice-Message: lots\r\n", "Voice-Message must be new/old");
        assertRefused("Messages-Waiting: yes\r\nVoice-Message: -1/2\r\n", "Voice-Message must be new/old");
        assertRefused("Messages-Waiting: yes\r\nVoice-Message: 99999999999/2\r\n", "Voice-Message must be new/old");
        assertRefused("Messages-Waiting: yes\r\nVoice-Message: 1/2\r\nvoice-message: 3/4\r\n", "appears twice");
        assertRefused("Messages-Waiting: yes\r\nMessages-Waiting: no\r\n", "appears twice");
        assertRefused("Messages-Waiting: yes\r\nMessage-Account: not a uri\r\n", "not a URI");
        assertRefused("Messages-Waiting: yes\r\nthis line has no colon\r\n", "is not 'name: value'");
        assertRefused("\r\nMessages-Waiting: yes\r\n", "no Messages-Waiting line");
    }

    @Test
    void refusesOversizedAndNonTextBodies() {
        MessageSummaryParser small = new MessageSummaryParser(64);
        byte[] big = (RFC3842_SUMMARY + "X-Padding: " + "a".repeat(100) + "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> small.parse(big)).isInstanceOf(MessageSummaryParseException.class)
                .hasMessageContaining("exceeds the limit of 64");
        byte[] binary = {'M', (byte) 0xff, (byte) 0xfe, '\r', '\n'};
        assertThatThrownBy(() -> parser.parse(binary)).isInstanceOf(MessageSummaryParseException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void manyUnknownLinesKeepNothingButTheSummary() throws Exception {
        String flood = "Messages-Waiting: no\r\n" + "X-Line: 1\r\n".repeat(1_000);
        assertThat(parse(flood)).isEqualTo(MessageSummary.NONE);
    }

    private MessageSummary parse(String body) throws MessageSummaryParseException {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRefused(String body, String message) {
        assertThatThrownBy(() -> parse(body)).as(body).isInstanceOf(MessageSummaryParseException.class)
                .hasMessageContaining(message);
    }
}
