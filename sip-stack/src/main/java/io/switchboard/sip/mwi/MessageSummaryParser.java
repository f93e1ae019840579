package io.switchboard.sip.mwi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code application/simple-message-summary} bodies (RFC 3842 §5.2) from hostile peers.
 * Stateless and thread-safe.
 *
 * <p>Bounded: the body must fit {@code maxBytes} (checked before decoding), must be UTF-8, and
 * nothing but the status, the account and one count per known class is kept, so memory does not
 * grow with the input. Strict where a wrong lamp would follow (the status line first and
 * {@code yes}/{@code no}, counts as digits, no class or account twice), lenient where the RFC
 * allows extensions: header names are case-insensitive, unknown lines of the {@code name: value}
 * form are skipped, and the per-message headers after the first blank line are not read.
 */
public final class MessageSummaryParser {

    /** A summary is a few lines; the per-message headers that may follow are what needs room. */
    public static final int DEFAULT_MAX_BYTES = 16 * 1024;

    private static final Pattern HEADER = Pattern.compile("([!-9;-~]+)[ \\t]*:[ \\t]*(.*)");
    private static final Pattern COUNTS = Pattern.compile(
            "(\\d{1,9})[ \\t]*/[ \\t]*(\\d{1,9})(?:[ \\t]*\\([ \\t]*(\\d{1,9})[ \\t]*/[ \\t]*(\\d{1,9})[ \\t]*\\))?[ \\t]*");
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:[!-~]+");
    private static final int MAX_URI_LENGTH = 1_024;

    private final int maxBytes;

    public MessageSummaryParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public MessageSummaryParser(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    public MessageSummary parse(byte[] body) throws MessageSummaryParseException {
        if (body == null || body.length == 0) {
            throw new MessageSummaryParseException("empty message summary");
        }
        if (body.length > maxBytes) {
            throw new MessageSummaryParseException("message summary of " + body.length
                    + " bytes exceeds the limit of " + maxBytes);
        }
        String text = utf8(body);
        // the summary ends at the first empty line; what follows are per-message headers we do not keep
        String[] lines = text.split("\r\n|\n", -1);
        boolean waiting = false;
        boolean sawStatus = false;
        String account = null;
        Map<MessageContextClass, MessageCounts> counts = new EnumMap<>(MessageContextClass.class);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                // a folded continuation (RFC 3261 LWS) belongs to the line before, which must be
                // one we skip: our lines' values are single tokens
                if (!sawStatus) {
                    throw new MessageSummaryParseException("line 1 is a continuation, not Messages-Waiting");
                }
                continue;
            }
            Matcher header = HEADER.matcher(line);
            if (!header.matches()) {
                throw new MessageSummaryParseException("line " + (i + 1) + " is not 'name: value': "
                        + abbreviate(line));
            }
            String name = header.group(1).toLowerCase(Locale.ROOT);
            String value = header.group(2).strip();
            if (!sawStatus) {
                if (!name.equals("messages-waiting")) {
                    throw new MessageSummaryParseException("the first line must be Messages-Waiting, not "
                            + abbreviate(header.group(1)));
                }
                waiting = status(value);
                sawStatus = true;
                continue;
            }
            if (name.equals("messages-waiting")) {
                throw new MessageSummaryParseException("Messages-Waiting appears twice");
            }
            if (name.equals("message-account")) {
                if (account != null) {
                    throw new MessageSummaryParseException("Message-Account appears twice");
                }
                account = accountUri(value);
                continue;
            }
            Optional<MessageContextClass> messageClass = MessageContextClass.fromToken(name);
            if (messageClass.isEmpty()) {
                continue; // an extension line (RFC 3842 §5.2 allows them): not ours to interpret
            }
            if (counts.put(messageClass.get(), counts(messageClass.get(), value)) != null) {
                throw new MessageSummaryParseException(messageClass.get().headerName() + " appears twice");
            }
        }
        if (!sawStatus) {
            throw new MessageSummaryParseException("no Messages-Waiting line");
        }
        return new MessageSummary(waiting, Optional.ofNullable(account), counts);
    }

    private static String utf8(byte[] body) throws MessageSummaryParseException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new MessageSummaryParseException("message summary is not UTF-8 text");
        }
    }

    private static boolean status(String value) throws MessageSummaryParseException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new MessageSummaryParseException("Messages-Waiting must be yes or no, not "
                    + abbreviate(value));
        };
    }

    private static String accountUri(String value) throws MessageSummaryParseException {
        if (value.length() > MAX_URI_LENGTH || !URI.matcher(value).matches()) {
            throw new MessageSummaryParseException("Message-Account is not a URI: " + abbreviate(value));
        }
        return value;
    }

    private static MessageCounts counts(MessageContextClass messageClass, String value)
            throws MessageSummaryParseException {
        Matcher m = COUNTS.matcher(value);
        if (!m.matches()) {
            throw new MessageSummaryParseException(messageClass.headerName()
                    + " must be new/old or new/old (urgent-new/urgent-old), not " + abbreviate(value));
        }
        return new MessageCounts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[^ -~]", "?");
        return printable.length() <= 40 ? "'" + printable + "'" : "'" + printable.substring(0, 40) + "...'";
    }
}
