package io.switchboard.server.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpiryBoundsTest {

    final ExpiryBounds bounds = new ExpiryBounds(60, 3600, 3600);

    @Test
    void nothingAskedGetsTheDefaultZeroStaysZeroTooLongIsShortened() {
        assertThat(bounds.grant(-1)).isEqualTo(3600);
        assertThat(bounds.grant(0)).isZero();
        assertThat(bounds.grant(120)).isEqualTo(120);
        assertThat(bounds.grant(86_400)).isEqualTo(3600);
    }

    @Test
    void onlyAPositiveValueBelowTheMinimumIsTooBrief() {
        assertThat(bounds.tooBrief(59)).isTrue();
        assertThat(bounds.tooBrief(1)).isTrue();
        assertThat(bounds.tooBrief(60)).isFalse();
        assertThat(bounds.tooBrief(0)).isFalse();
        assertThat(bounds.tooBrief(-1)).isFalse();
    }

    @Test
    void theDefaultLiesWithinTheBoundsAndTheBoundsAreOrdered() {
        assertThat(new ExpiryBounds(60, 600, 3600).defaultSeconds()).isEqualTo(600);
        assertThatThrownBy(() -> new ExpiryBounds(100, 10, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpiryBounds(0, 10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
