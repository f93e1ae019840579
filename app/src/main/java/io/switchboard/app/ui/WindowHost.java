package io.switchboard.app.ui;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The primary stage's one scene and its one root, which holds the window shown (the sign-in
 * form or the main window) and, while it is being prepared, the next one, hidden behind it.
 *
 * <p>Why a root that stays: JavaFX caches the style lookups of a scene per scene root, so a
 * root swapped at each sign-in made every sign-in look up all of the main window's styles
 * again. Why prepare behind: shown at once, the main window and its buddy list were styled,
 * skinned and laid out in two pulses of 70–90 ms each on the UI thread (first sign-in),
 * during which the window did not react. Prepared, its parts join one per UI task, each
 * styled in that task, and it is laid out at growing heights so that the list's virtual flow
 * makes its cells a few at a time; the switch itself then only changes what is visible.
 */
public final class WindowHost {

    private final Stage stage;
    private final StackPane root = new StackPane();
    private final Scene scene;
    private Parent shown;
    private Preparation preparing;

    public WindowHost(Stage stage, List<String> stylesheets, double width, double height) {
        this.stage = Objects.requireNonNull(stage, "stage");
        root.getStyleClass().add("window-host");
        scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
    }

    public Scene scene() {
        return scene;
    }

    /** The window shown now, or null before the first. */
    public Parent shown() {
        return shown;
    }

    /** Shows {@code window} at once, in place of the one shown and of any being prepared. */
    public void show(Parent window, double width, double height, String title) {
        cancelPreparation();
        window.setVisible(true);
        window.setManaged(true);
        root.getChildren().setAll(window);
        shown = window;
        finishShowing(width, height, title);
    }

    /**
     * Starts preparing {@code window} hidden behind the shown one, laid out at its own size:
     * add steps, then {@link Preparation#showWhen}.
     */
    public Preparation prepare(Parent window, double width, double height) {
        cancelPreparation();
        if (shown != null) {
            shown.setMouseTransparent(true);   // done with: it only stands in until the next is ready
        }
        window.setVisible(false);
        window.setManaged(false);   // the host does not lay it out; the preparation does, at its own size
        root.getChildren().add(window);
        preparing = new Preparation(window, width, height);
        return preparing;
    }

    private void cancelPreparation() {
        if (preparing != null) {
            preparing.cancelled = true;
            root.getChildren().remove(preparing.window);
            preparing = null;
        }
    }

    private void finishShowing(double width, double height, String title) {
        // each window opens at its own size, as a scene of that size did
        if (stage.isShowing()) {
            stage.setWidth(width + stage.getWidth() - scene.getWidth());
            stage.setHeight(height + stage.getHeight() - scene.getHeight());
        }
        stage.setTitle(title);
        stage.show();
    }

    /** A window being prepared: its steps run in UI tasks of their own, one after the other. */
    public final class Preparation {

        /** UI-thread time the steps may take in one task, as the buddy list's view model allows itself. */
        private static final long TASK_BUDGET_NANOS = 8_000_000;
        /** Heights, as fractions of the window's, at which it is laid out before it is shown. */
        private static final double[] GROWING_HEIGHTS = {0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 1.0};

        private final Parent window;
        private final double width;
        private final double height;
        private final Deque<Runnable> steps = new ArrayDeque<>();
        private boolean cancelled;

        private Preparation(Parent window, double width, double height) {
            this.window = window;
            this.width = width;
            this.height = height;
            // styled by the first part that joins (applyCss styles from the topmost ancestor not yet styled)
            window.resize(width, height * GROWING_HEIGHTS[0]);
        }

        /** Adds a step of its own (keep it short: it is one UI task). */
        public Preparation then(Runnable step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * Lets the children of {@code container}, a part of the window, join it one per step,
         * each styled in its step (styled together they were one long CSS pass); children that
         * are panes themselves have their own children join them the same way, down to
         * {@code depth} levels.
         */
        public Preparation joinOneByOne(Pane container, int depth) {
            // taken out now, before a pulse could style them together with the window
            steps.addAll(joinSteps(container, depth));
            return this;
        }

        /**
         * Like {@link #joinOneByOne(Pane, int)} for a container made by {@code container} in a
         * step of its own (with its children in it), joined to the window by the supplier.
         */
        public Preparation joinOneByOne(Supplier<Pane> container, int depth) {
            steps.add(() -> {
                List<Runnable> joins = joinSteps(container.get(), depth);
                for (int i = joins.size() - 1; i >= 0; i--) {
                    steps.addFirst(joins.get(i));
                }
            });
            return this;
        }

        private List<Runnable> joinSteps(Pane container, int depth) {
            List<Node> children = new ArrayList<>(container.getChildren());
            container.getChildren().clear();
            List<Runnable> joins = new ArrayList<>();
            for (Node child : children) {
                List<Runnable> inner = depth > 1 && child instanceof Pane pane ? joinSteps(pane, depth - 1) : List.of();
                joins.add(() -> {
                    container.getChildren().add(child);
                    child.applyCss();
                });
                joins.addAll(inner);
            }
            return joins;
        }

        /**
         * Once {@code ready} holds (or {@code atMost} passed), lays the window out at growing
         * heights, one step each, then shows it in place of the shown window.
         */
        public void showWhen(ObservableBooleanValue ready, Duration atMost, String title) {
            steps.add(() -> {
                if (ready.get()) {
                    addLayoutAndShowSteps(title);   // the steps go on by themselves
                    return;
                }
                PauseTransition cap = new PauseTransition(javafx.util.Duration.millis(atMost.toMillis()));
                ChangeListener<Boolean> whenReady = new ChangeListener<>() {
                    private boolean done;

                    @Override
                    public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                        if (now && !done) {
                            done = true;
                            ready.removeListener(this);
                            cap.stop();
                            addLayoutAndShowSteps(title);
                            // in a task of its own: a change of ready comes within someone else's task
                            Platform.runLater(Preparation.this::next);
                        }
                    }
                };
                cap.setOnFinished(e -> whenReady.changed(ready, false, true));
                ready.addListener(whenReady);
                cap.play();
            });
            Platform.runLater(this::next);
        }

        private void addLayoutAndShowSteps(String title) {
            for (double fraction : GROWING_HEIGHTS) {
                steps.add(() -> {
                    window.resize(width, height * fraction);
                    window.layout();
                });
            }
            steps.add(() -> {
                preparing = null;
                window.setManaged(true);
                window.setVisible(true);
                // only the window shown so far goes: setAll would take this one out and put it back,
                // and a node that leaves the scene is styled again from scratch
                root.getChildren().removeIf(child -> child != window);
                shown = window;
                finishShowing(width, height, title);
            });
        }

        /**
         * Runs steps for up to {@link #TASK_BUDGET_NANOS} (at least one), then posts a task for the
         * rest, so input and pulses get their turn in between: warm, most steps take well under a
         * millisecond, and a task (and a pulse) per step made the window appear later on a busy machine.
         */
        private void next() {
            long started = System.nanoTime();
            while (!cancelled) {
                Runnable step = steps.poll();
                if (step == null) {
                    return;   // done, or waiting until the window is ready
                }
                step.run();
                if (System.nanoTime() - started >= TASK_BUDGET_NANOS) {
                    break;
                }
            }
            if (!cancelled && !steps.isEmpty()) {
                Platform.runLater(this::next);
            }
        }
    }
}
