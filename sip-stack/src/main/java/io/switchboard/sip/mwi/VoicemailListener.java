package io.switchboard.sip.mwi;

/** Told, on the user agent's events executor, what the mailbox reports. */
@FunctionalInterface
public interface VoicemailListener {

    /**
     * The mailbox's summary changed (a NOTIFY with a different body), or the subscription ended:
     * then {@link MessageSummary#NONE}, since nothing is known any more.
     */
    void messageSummaryChanged(MessageSummary summary);
}
