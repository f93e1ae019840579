package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RingRosterTest {

    @Test
    void everyUserHasThirtyDistinctContactsAndEveryRelationIsMutual() {
        RingRoster ring = new RingRoster(100, 30);
        for (int i = 0; i < 100; i++) {
            int[] contacts = ring.contactsOf(i);
            assertThat(contacts).hasSize(30).doesNotContain(i);
            assertThat(Arrays.stream(contacts).distinct().count()).isEqualTo(30);
            for (int c : contacts) {
                assertThat(ring.contactsOf(c)).contains(i);
            }
        }
    }

    @Test
    void wrapsAroundTheEnds() {
        assertThat(new RingRoster(40, 4).contactsOf(0)).containsExactly(1, 39, 2, 38);
    }

    @Test
    void needsMoreUsersThanContacts() {
        assertThatThrownBy(() -> new RingRoster(30, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RingRoster(100, 31)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreFixedWidth() {
        assertThat(RingRoster.username(7)).isEqualTo("u00007");
        assertThat(RingRoster.password(7)).isEqualTo("pw-u00007");
    }
}
