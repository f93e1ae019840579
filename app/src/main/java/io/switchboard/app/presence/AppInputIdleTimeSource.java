package io.switchboard.app.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;

/**
 * Fallback when the system's idle time cannot be read: counts only input in Switchboard's own
 * windows. Every scene is {@link #watch watched} with an event filter.
 */
public final class AppInputIdleTimeSource implements IdleTimeSource {

    private final Clock clock;
    private final EventHandler<InputEvent> onInput = this::activity;
    private volatile Instant lastInput;

    public AppInputIdleTimeSource(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastInput = clock.instant();
    }

    /** Any key, mouse, scroll or touch event in the scene counts as activity. */
    public void watch(Scene scene) {
        scene.addEventFilter(InputEvent.ANY, onInput);
    }

    public void activity(Event ignored) {
        lastInput = clock.instant();
    }

    @Override
    public Optional<Duration> idleTime() {
        Duration idle = Duration.between(lastInput, clock.instant());
        return Optional.of(idle.isNegative() ? Duration.ZERO : idle);
    }

    @Override
    public String description() {
        return "input in Switchboard's own windows";
    }
}
