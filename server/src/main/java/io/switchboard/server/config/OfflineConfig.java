package io.switchboard.server.config;

/**
 * Offline message storage (XEP-0160).
 *
 * @param quotaPerUser messages kept per user; further messages are bounced with resource-constraint
 */
public record OfflineConfig(int quotaPerUser) {

    public static OfflineConfig defaults() {
        return new OfflineConfig(1000);
    }
}
