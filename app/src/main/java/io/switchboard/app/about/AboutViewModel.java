package io.switchboard.app.about;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What "About Switchboard" says: the product, the version the build stamped in, and the Java,
 * JavaFX and operating system it runs on, which is what a support request needs first.
 * Immutable; the system properties are injected so it is testable without a JavaFX runtime.
 */
public final class AboutViewModel {

    /** One line of the dialog: a label and its value. */
    public record Line(String id, String label, String value) {
    }

    private final String version;
    private final UnaryOperator<String> systemProperty;

    /** @param systemProperty a system property's value by name, or null when it is not set */
    public AboutViewModel(String version, UnaryOperator<String> systemProperty) {
        this.version = Objects.requireNonNull(version, "version");
        this.systemProperty = Objects.requireNonNull(systemProperty, "systemProperty");
    }

    public String product() {
        return "Switchboard";
    }

    public String version() {
        return version;
    }

    public String description() {
        return "An open, standards-based unified-communications client: presence, chat and calls over XMPP and"
                + " SIP/SIMPLE.";
    }

    /** The version, Java, JavaFX and OS lines, in that order. */
    public List<Line> lines() {
        return List.of(new Line("about-version", "Version", version),
                new Line("about-java", "Java", property("java.version") + " (" + property("java.vendor") + ")"),
                new Line("about-javafx", "JavaFX", javafx()),
                new Line("about-os", "Operating system",
                        property("os.name") + " " + property("os.version") + " (" + property("os.arch") + ")"));
    }

    /** The lines as plain text, for copying into a support request. */
    public String asText() {
        StringBuilder text = new StringBuilder(product()).append('\n');
        lines().forEach(line -> text.append(line.label()).append(": ").append(line.value()).append('\n'));
        return text.toString();
    }

    /** Set by the JavaFX runtime once it has started ({@code javafx.runtime.version}; older ones only javafx.version). */
    private String javafx() {
        String runtime = systemProperty.apply("javafx.runtime.version");
        return runtime != null ? runtime : property("javafx.version");
    }

    private String property(String name) {
        String value = systemProperty.apply(name);
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
