package io.switchboard.server.sip.dialog;

import io.switchboard.server.sip.calls.CallTracker;
import io.switchboard.server.sip.calls.LineDialog;
import io.switchboard.server.sip.presence.NotifyBodies;
import io.switchboard.server.sip.presence.Subscription;
import io.switchboard.sip.dialog.Dialog;
import io.switchboard.sip.dialog.DialogInfo;
import io.switchboard.sip.dialog.DialogInfoWriter;
import io.switchboard.sip.dialog.DialogState;
import io.switchboard.sip.dialog.Participant;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dialog notifier of RFC 4235 says (the busy lamp field, ADR 0026): each NOTIFY carries
 * the full state — every call of the watched user, and of the desk lines assigned to them, as the
 * {@link CallTracker} sees it — with the subscription's next version. A dialog shows its state,
 * direction, identifiers and which line it is on (the local identity); not who the other party is:
 * every colleague may watch, and a lamp needs no more. The subscriptions themselves are the
 * presence agent's, as for message-summary; a change reaches them through
 * {@link io.switchboard.server.sip.presence.PresenceAgent#resourceChanged}.
 */
public final class DialogNotifications implements NotifyBodies {

    /** More than a desk has calls at once; a NOTIFY with more would only grow without telling more. */
    public static final int MAX_DIALOGS_PER_NOTIFY = 16;

    private static final Logger LOG = LoggerFactory.getLogger(DialogNotifications.class);
    /** Live calls first (they decide the lamp), then the newest. */
    private static final Comparator<LineDialog> MOST_TELLING = Comparator
            .comparing((LineDialog d) -> d.status().state() == DialogState.TERMINATED)
            .thenComparing(LineDialog::since, Comparator.reverseOrder());

    private final CallTracker calls;
    private final String domain;
    private final Clock clock;
    private final DialogInfoWriter writer = new DialogInfoWriter();

    public DialogNotifications(CallTracker calls, String domain, Clock clock) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public byte[] body(Subscription subscription) {
        List<LineDialog> all = calls.dialogsOf(subscription.presentity());
        if (all.size() > MAX_DIALOGS_PER_NOTIFY) {
            LOG.debug("{} has {} dialogs; reporting the {} most telling", subscription.presentity(), all.size(),
                    MAX_DIALOGS_PER_NOTIFY);
        }
        List<Dialog> dialogs = all.stream().sorted(MOST_TELLING).limit(MAX_DIALOGS_PER_NOTIFY).map(this::dialog)
                .toList();
        return writer.write(new DialogInfo(subscription.takeVersion(), DialogInfo.State.FULL,
                subscription.presentityUri(), dialogs));
    }

    private Dialog dialog(LineDialog d) {
        long seconds = Math.max(0, Duration.between(d.since(), clock.instant()).toSeconds());
        return new Dialog(d.id(), d.callId(), d.localTag(), d.remoteTag(), d.direction(), d.status(), seconds,
                new Participant("sip:" + d.line() + "@" + domain, null, null), null);
    }
}
