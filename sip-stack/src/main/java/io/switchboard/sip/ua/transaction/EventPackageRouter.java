package io.switchboard.sip.ua.transaction;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.header.EventHeader;
import javax.sip.message.Response;

/**
 * Hands a NOTIFY to the processor of its event package ({@code presence}, {@code presence.winfo}),
 * since the dispatcher keeps one processor per method. A NOTIFY without an Event header or for a
 * package nobody subscribed to is answered 489 Bad Event (RFC 6665 §4.1.3). Thread-safe.
 */
public final class EventPackageRouter implements RequestProcessor {

    private final Map<String, RequestProcessor> byPackage = new ConcurrentHashMap<>();

    /** Routes NOTIFYs of {@code eventPackage} (case-insensitive) to {@code processor}. */
    public EventPackageRouter route(String eventPackage, RequestProcessor processor) {
        String key = eventPackage.toLowerCase(Locale.ROOT);
        if (byPackage.putIfAbsent(key, Objects.requireNonNull(processor, "processor")) != null) {
            throw new IllegalStateException("a processor for " + eventPackage + " is already routed");
        }
        return this;
    }

    @Override
    public void process(IncomingRequest incoming) {
        EventHeader event = (EventHeader) incoming.request().getHeader(EventHeader.NAME);
        RequestProcessor processor = event == null || event.getEventType() == null ? null
                : byPackage.get(event.getEventType().toLowerCase(Locale.ROOT));
        if (processor == null) {
            incoming.respond(Response.BAD_EVENT);
            return;
        }
        processor.process(incoming);
    }
}
