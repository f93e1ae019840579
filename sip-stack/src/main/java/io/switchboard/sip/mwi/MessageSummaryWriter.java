package io.switchboard.sip.mwi;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes {@code application/simple-message-summary} bodies (RFC 3842 §5.2): the status line, the
 * account if any, one line per class, CRLF line ends. Stateless and thread-safe.
 */
public final class MessageSummaryWriter {

    public byte[] write(MessageSummary summary) {
        StringBuilder out = new StringBuilder(96);
        out.append("Messages-Waiting: ").append(summary.messagesWaiting() ? "yes" : "no").append("\r\n");
        summary.account().ifPresent(account -> {
            // a URI with a line break would let a caller append lines of their own
            if (account.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
                throw new IllegalArgumentException("Message-Account must be a URI without spaces or line breaks");
            }
            out.append("Message-Account: ").append(account).append("\r\n");
        });
        for (Map.Entry<MessageContextClass, MessageCounts> line : summary.counts().entrySet()) {
            MessageCounts counts = line.getValue();
            out.append(line.getKey().headerName()).append(": ")
                    .append(counts.newMessages()).append('/').append(counts.oldMessages());
            if (counts.hasUrgent()) {
                out.append(" (").append(counts.urgentNew()).append('/').append(counts.urgentOld()).append(')');
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
