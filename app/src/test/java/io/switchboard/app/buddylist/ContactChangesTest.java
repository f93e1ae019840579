package io.switchboard.app.buddylist;

import static io.switchboard.app.buddylist.FakeSession.contact;
import static io.switchboard.app.buddylist.FakeSession.presence;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Contact;

import java.util.List;

import org.junit.jupiter.api.Test;

class ContactChangesTest {

    private final ContactChanges changes = new ContactChanges();
    private final Contact ann = contact("ann@example.com", "Ann", "Team");
    private final Contact ben = contact("ben@example.com", "Ben", "Team");

    @Test
    void changesOfferedBeforeTheSnapshotWasReadAreDroppedNewerOnesWinOverIt() {
        changes.offer(new ContactChanges.PresenceOnly(ann.address(), presence(Availability.BUSY, "old")));
        long since = changes.beginSnapshot();
        // while the snapshot is being read, Ben turns available
        changes.offer(new ContactChanges.PresenceOnly(ben.address(), presence(Availability.AVAILABLE, "new")));

        changes.offerSnapshot(List.of(ann, ben), since);
        ContactChanges.Batch batch = changes.drain(10);

        assertThat(batch.reset()).isTrue();
        assertThat(batch.keep()).containsExactlyInAnyOrder(ann.address(), ben.address());
        assertThat(batch.changes()).containsExactly(new ContactChanges.Upsert(ann),
                new ContactChanges.Upsert(ben.withPresence(presence(Availability.AVAILABLE, "new"))));
        assertThat(batch.more()).isFalse();
    }

    @Test
    void aContactRemovedWhileTheSnapshotWasReadStaysRemoved() {
        long since = changes.beginSnapshot();
        changes.offer(new ContactChanges.Removal(ben.address()));

        changes.offerSnapshot(List.of(ann, ben), since);

        assertThat(changes.drain(10).changes()).containsExactly(new ContactChanges.Upsert(ann),
                new ContactChanges.Removal(ben.address()));
    }

    @Test
    void drainingInStepsKeepsTheRestScheduled() {
        assertThat(changes.offerSnapshot(List.of(ann, ben), changes.beginSnapshot())).as("first: schedule").isTrue();
        assertThat(changes.offer(new ContactChanges.Removal(Address.parse("cy@example.com")))).as("already").isFalse();

        ContactChanges.Batch first = changes.drain(1);
        assertThat(first.changes()).hasSize(1);
        assertThat(first.more()).isTrue();
        assertThat(changes.drain(10).changes()).hasSize(2);
        assertThat(changes.offer(new ContactChanges.Removal(ann.address()))).as("drained: schedule again").isTrue();
    }
}
