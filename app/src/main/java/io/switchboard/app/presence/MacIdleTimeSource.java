package io.switchboard.app.presence;

import io.switchboard.app.settings.CommandRunner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** macOS: {@code ioreg -c IOHIDSystem} reports HIDIdleTime in nanoseconds since the last input. */
public final class MacIdleTimeSource implements IdleTimeSource {

    private static final Logger LOG = LoggerFactory.getLogger(MacIdleTimeSource.class);
    static final List<String> COMMAND = List.of("ioreg", "-c", "IOHIDSystem");
    private static final Pattern HID_IDLE_TIME = Pattern.compile("\"HIDIdleTime\"\\s*=\\s*(\\d+)");

    private final CommandRunner runner;

    public MacIdleTimeSource(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public Optional<Duration> idleTime() {
        try {
            var result = runner.run(COMMAND, Optional.empty(), Duration.ofSeconds(5));
            return result.succeeded() ? parse(result.stdout()) : Optional.empty();
        } catch (IOException e) {
            LOG.debug("ioreg failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<Duration> parse(String ioregOutput) {
        Matcher m = HID_IDLE_TIME.matcher(ioregOutput);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofNanos(Long.parseLong(m.group(1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String description() {
        return "macOS HID idle time (ioreg)";
    }
}
