package io.switchboard.bench.desktop;

import io.switchboard.app.ui.FxStallProbe;

import io.switchboard.app.Main;
import io.switchboard.app.buddylist.ContactRow;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs inside the client's JVM: starts {@link Main} with the given command line and drives and
 * watches its windows from outside, as a user with a stopwatch would: once the sign-in window has
 * been drawn it presses "Sign in", then notes when the buddy list shows all expected contacts, how long the
 * FX thread stalled in between, and the process's resident memory. Then it signs out and in again
 * through the window's own buttons for the warm rounds, writes what it measured to a properties
 * file and quits the client.
 *
 * <p>Arguments: {@code OUT CONTACTS WARM_ROUNDS PASSWORD_ENV -- client arguments...}
 */
public final class DesktopClientProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopClientProbe.class);
    private static final long SETTLE_MILLIS = 2_000;

    private final Path out;
    private final int contacts;
    private final int warmRounds;
    private final String password;
    private final Properties results = new Properties();

    private int round;              // 0: the cold sign-in at start; 1..warmRounds: sign out and in again
    private long signInStarted;
    private long signInStartedEpoch;
    /** When the main window replaced the sign-in form: the session is up, the list not yet drawn. */
    private long mainShownAt;
    private FxStallProbe stalls;
    private boolean filled;
    private ListView<?> watchedList;

    private DesktopClientProbe(Path out, int contacts, int warmRounds, String password) {
        this.out = out;
        this.contacts = contacts;
        this.warmRounds = warmRounds;
        this.password = password;
    }

    public static void main(String[] args) {
        int split = Arrays.asList(args).indexOf("--");
        if (split != 4) {
            throw new IllegalArgumentException("usage: OUT CONTACTS WARM_ROUNDS PASSWORD_ENV -- client arguments");
        }
        DesktopClientProbe probe = new DesktopClientProbe(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), System.getenv(args[3]));
        Thread watcher = new Thread(probe::watchOnceTheToolkitRuns, "bench-probe");
        watcher.setDaemon(true);
        watcher.start();
        Main.main(Arrays.copyOfRange(args, split + 1, args.length));
        // the client quit (the probe asks it to when done); its sign-out has run in its stop()
        System.exit(probe.results.containsKey("done") ? 0 : 1);
    }

    private void watchOnceTheToolkitRuns() {
        while (true) {
            try {
                Platform.runLater(this::watchWindows);
                return;
            } catch (IllegalStateException toolkitNotUpYet) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    /** On the FX thread: follow every stage's scene: the sign-in form and the main window replace each other. */
    private void watchWindows() {
        Window.getWindows().forEach(this::watchStage);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::watchStage);
            }
        });
    }

    private void watchStage(Window window) {
        if (window instanceof Stage stage && stage.getProperties().putIfAbsent("bench-probe", Boolean.TRUE) == null) {
            stage.sceneProperty().addListener((obs, old, scene) -> sceneShown(scene));
            sceneShown(stage.getScene());
        }
    }

    private void sceneShown(Scene scene) {
        if (scene == null) {
            return;
        }
        if (scene.getProperties().putIfAbsent("bench-probe", Boolean.TRUE) == null) {
            // the client may keep one scene and swap its root between the sign-in form and the main window
            scene.rootProperty().addListener((obs, old, root) -> rootShown(scene, root));
        }
        rootShown(scene, scene.getRoot());
    }

    private void rootShown(Scene scene, Parent root) {
        if (root.getStyleClass().contains("window-host")) {
            // the client keeps one root and shows its windows in it; one being prepared is hidden
            if (root.getProperties().putIfAbsent("bench-probe", Boolean.TRUE) == null) {
                // a prepared window is shown by taking the others away (no child added then)
                root.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) change -> visibleWindows(scene, root));
            }
            visibleWindows(scene, root);
        } else if (root.getStyleClass().contains("sign-in")) {
            // as a user would: press "Sign in" once the form has been laid out and drawn (a new scene
            // was laid out at once when set; a swapped root only in the next pulse)
            afterNextPulse(scene, () -> signIn(root));
        } else if (root.getStyleClass().contains("main-window")) {
            mainShownAt = System.nanoTime();
            watchBuddyList(scene, root);
        }
    }

    private void visibleWindows(Scene scene, Parent root) {
        root.getChildrenUnmodifiable().stream().filter(Node::isVisible)
                .filter(window -> window.getProperties().putIfAbsent("bench-probe-window", Boolean.TRUE) == null)
                .forEach(window -> rootShown(scene, (Parent) window));
    }

    private static void afterNextPulse(Scene scene, Runnable step) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(step);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private void startMeasuring() {
        filled = false;
        signInStarted = System.nanoTime();
        signInStartedEpoch = System.currentTimeMillis();
        stalls = FxStallProbe.start();
    }

    /** The user types the password (again) and presses "Sign in". */
    private void signIn(Parent signInForm) {
        ((TextInputControl) signInForm.lookup("#password")).setText(password);
        startMeasuring();
        ((Button) signInForm.lookup("#signIn")).fire();
    }

    private void watchBuddyList(Scene scene, Parent mainWindow) {
        ListView<?> list = (ListView<?>) mainWindow.lookup("#buddy-list");
        if (list == null) {
            // the client may add the buddy list to the main window a pulse later: look again after each pulse
            Runnable[] lookAgain = new Runnable[1];
            lookAgain[0] = () -> {
                if (mainWindow.getScene() != scene) {
                    scene.removePostLayoutPulseListener(lookAgain[0]);
                } else if (mainWindow.lookup("#buddy-list") != null) {
                    scene.removePostLayoutPulseListener(lookAgain[0]);
                    watchBuddyList(scene, mainWindow);
                }
            };
            scene.addPostLayoutPulseListener(lookAgain[0]);
            return;
        }
        watchedList = list;
        list.getItems().addListener((ListChangeListener<Object>) change -> checkFilled(list));
        checkFilled(list);
    }

    private void checkFilled(ListView<?> list) {
        if (filled || list != watchedList) {
            return;
        }
        long shown = list.getItems().stream().filter(ContactRow.class::isInstance).count();
        if (shown >= contacts) {
            filled = true;
            long now = System.nanoTime();
            long epoch = System.currentTimeMillis();
            Node signOut = list.getScene().getRoot().lookupAll(".button").stream()
                    .filter(n -> "Sign out".equals(n.getAccessibleText())).findFirst().orElseThrow();
            int measured = round;
            FxStallProbe probe = stalls;
            long mainShown = mainShownAt;
            Thread report = new Thread(() -> finishRound(measured, mainShown, now, epoch, probe, (Button) signOut),
                    "bench-report");
            report.setDaemon(true);
            report.start();
        }
    }

    /** Off the FX thread: stop the stall probe, let the client settle, read memory, then go on. */
    private void finishRound(int measured, long mainShown, long filledAt, long filledEpoch, FxStallProbe probe,
                             Button signOut) {
        try {
            probe.close();
            String prefix = measured == 0 ? "cold." : "warm." + measured + ".";
            put(prefix + "signInMs", (filledAt - signInStarted) / 1e6);
            put(prefix + "mainShownMs", (mainShown - signInStarted) / 1e6);
            put(prefix + "longestStallMs", probe.longest().toNanos() / 1e6);
            put(prefix + "busiestFxWorkMs", probe.busiest().toNanos() / 1e6);
            // what the longest stall itself was made of: the FX thread's own CPU, collector pauses, the rest waiting
            // (-1 when not known: the probe's first task, posted before it knew the FX thread)
            put(prefix + "longestStallFxCpuMs", probe.longestCpu().isNegative() ? -1 : probe.longestCpu().toNanos() / 1e6);
            put(prefix + "longestStallGcMs", probe.longestGc().toNanos() / 1e6);
            put(prefix + "stallSamples", probe.samples());
            LOG.info("{}longest stall {} ms began at {} (epoch ms; {} ms after the click)", prefix,
                    probe.longest().toMillis(), probe.longestPostedAtEpochMillis(),
                    probe.longestPostedAtEpochMillis() - signInStartedEpoch);
            // what the FX thread was doing while the probe waited long: kept with --keep-client-logs
            probe.stallStacks().forEach(stack -> LOG.info("{}stall while: {}", prefix, stack));
            if (measured == 0) {
                results.setProperty("cold.filledEpochMs", Long.toString(filledEpoch));
                results.setProperty("jvm.startEpochMs", Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime()));
                Thread.sleep(SETTLE_MILLIS);   // a benchmark, not a test: let the sign-in's stragglers finish
                put("rss.afterSignInMb", residentMegabytes());
                logLargestMappings();
                put("heap.usedAfterSignInMb", heapUsedMegabytes());
            }
            if (measured < warmRounds) {
                round = measured + 1;
                Platform.runLater(signOut::fire);
                return;
            }
            put("rss.endMb", residentMegabytes());
            results.setProperty("done", "true");
        } catch (Exception e) {
            LOG.error("Probe failed", e);
            results.setProperty("error", e.toString());
        }
        write();
        Platform.exit();
    }

    private void put(String key, double value) {
        results.setProperty(key, String.format(Locale.ROOT, "%.1f", value));
    }

    private void write() {
        try (OutputStream stream = Files.newOutputStream(out)) {
            results.store(stream, "switchboard desktop-client probe");
        } catch (IOException e) {
            LOG.error("Could not write {}", out, e);
        }
    }

    /** VmRSS of this process, from /proc (Linux; the benchmark runs under Xvfb there). */
    private static double residentMegabytes() throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
        for (String line : status) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }

    /** Where the resident memory is: the mappings of /proc/self/smaps summed by file (anonymous as one). */
    private static void logLargestMappings() throws IOException {
        java.util.Map<String, Long> byFile = new java.util.HashMap<>();
        String current = "[anonymous]";
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] parts = line.trim().split("\\s+", 6);
                current = parts.length == 6 ? parts[5] : "[anonymous]";
            } else if (line.startsWith("Rss:")) {
                byFile.merge(current, Long.parseLong(line.replaceAll("[^0-9]", "")), Long::sum);
            }
        }
        try {
            // with -XX:NativeMemoryTracking=summary: the JVM's own account of its native memory
            Object summary = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            LOG.info("Native memory after sign-in:\n{}", summary);
        } catch (Exception e) {
            LOG.debug("No native memory summary: {}", e.toString());
        }
        java.util.Map<String, Long> threads = Thread.getAllStackTraces().keySet().stream().collect(
                java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("[0-9]+", "#"),
                        java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        LOG.info("Live threads: {}", threads);
        if (Boolean.getBoolean("bench.histogram")) {
            try {
                // after the RSS was read: the class histogram runs a full collection first
                Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
                String[] lines = histogram.toString().split("\n");
                LOG.info("Live heap by class (top 40):\n{}",
                        String.join("\n", Arrays.copyOfRange(lines, 0, Math.min(43, lines.length))));
                LOG.info("Live heap total: {}", lines[lines.length - 1]);
            } catch (Exception e) {
                LOG.debug("No class histogram: {}", e.toString());
            }
        }
        byFile.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                .forEach(e -> LOG.info("RSS {} MB in {}", String.format(Locale.ROOT, "%.1f", e.getValue() / 1024.0),
                        e.getKey()));
    }

    private static double heapUsedMegabytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
