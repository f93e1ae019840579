package io.switchboard.server.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.server.sip.calls.CallTracker;
import io.switchboard.server.sip.presence.EventPackage;
import io.switchboard.server.sip.presence.Subscription;
import io.switchboard.server.xmpp.im.presence.PresenceEngine;
import io.switchboard.sip.dialog.Dialog;
import io.switchboard.sip.dialog.DialogDirection;
import io.switchboard.sip.dialog.DialogInfo;
import io.switchboard.sip.dialog.DialogInfoParser;
import io.switchboard.sip.dialog.DialogState;
import io.switchboard.sip.presence.winfo.WatcherEvent;
import io.switchboard.sip.presence.winfo.WatcherStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DialogNotificationsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);
    private final CallTracker calls = new CallTracker(new PresenceEngine(Runnable::run), "example.com",
            line -> line.equals("1001") ? Optional.of("alice") : Optional.empty(), clock);
    private final DialogNotifications notifications = new DialogNotifications(calls, "example.com", clock);
    private final DialogInfoParser parser = new DialogInfoParser();

    private Subscription watching(String presentity) {
        return new Subscription("s1", EventPackage.DIALOG, presentity, Address.of("carol", "example.com"),
                "sip:carol@example.com", null, "sip:" + presentity + "@example.com", "call-of-" + presentity, "ours",
                "theirs", null, "sip:carol@127.0.0.1:5070", clock.instant(), clock.instant().plusSeconds(600),
                WatcherStatus.ACTIVE, WatcherEvent.SUBSCRIBE);
    }

    @Test
    void eachNotifyIsTheFullStateWithTheNextVersion() throws Exception {
        Subscription line = watching("1001");

        DialogInfo idle = parser.parse(notifications.body(line));
        calls.offered("c1", "bob", "1001", "bob-tag");
        calls.progressed("c1", "desk-tag");
        DialogInfo ringing = parser.parse(notifications.body(line));

        assertThat(idle.version()).isZero();
        assertThat(idle.state()).isEqualTo(DialogInfo.State.FULL);
        assertThat(idle.entity()).isEqualTo("sip:1001@example.com");
        assertThat(idle.dialogs()).isEmpty();
        assertThat(ringing.version()).isEqualTo(1);
        Dialog dialog = ringing.dialogs().get(0);
        assertThat(dialog.callId()).isEqualTo("c1");
        assertThat(dialog.localTag()).isEqualTo("desk-tag");
        assertThat(dialog.remoteTag()).isEqualTo("bob-tag");
        assertThat(dialog.direction()).isEqualTo(DialogDirection.RECIPIENT);
        assertThat(dialog.state()).isEqualTo(DialogState.EARLY);
        assertThat(dialog.local().identity()).isEqualTo("sip:1001@example.com");
        assertThat(dialog.remote()).as("who calls is not every colleague's business").isNull();
    }

    @Test
    void theOwnerOfTheLineSeesItsCallsAsTheLines() throws Exception {
        calls.offered("c1", "bob", "1001", "bob-tag");
        calls.answered("c1", "bob", "1001", "desk-tag");

        DialogInfo owner = parser.parse(notifications.body(watching("alice")));

        assertThat(owner.entity()).isEqualTo("sip:alice@example.com");
        assertThat(owner.dialogs()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(DialogState.CONFIRMED);
            assertThat(d.local().identity()).isEqualTo("sip:1001@example.com");
        });
    }

    @Test
    void aNotifyCarriesAtMostTheCapLiveCallsFirst() throws Exception {
        calls.offered("ended", "bob", "1001", "t");
        calls.failed("ended", 486);
        for (int i = 0; i < DialogNotifications.MAX_DIALOGS_PER_NOTIFY + 4; i++) {
            calls.offered("c" + i, "user" + i, "1001", "t" + i);
        }

        DialogInfo crowded = parser.parse(notifications.body(watching("1001")));

        assertThat(crowded.dialogs()).hasSize(DialogNotifications.MAX_DIALOGS_PER_NOTIFY)
                .allSatisfy(d -> assertThat(d.state()).isEqualTo(DialogState.TRYING));
    }
}
