package io.switchboard.app;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads classes on a low-priority background thread, ahead of the UI task that first needs
 * them: the first switch to the main window spent a good part of its 250–350 ms on the UI
 * thread loading classes. It only loads them: no static initialiser runs here (one failing
 * on this thread would break the class for good), except for the icon enums, which are pure
 * data with thousands of constants. A class that is missing is skipped: the warm-up is an
 * optimisation, never a failure.
 */
final class ClassWarmUp implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ClassWarmUp.class);

    private final List<String> classNames;
    private final ClassLoader loader;

    ClassWarmUp(List<String> classNames, ClassLoader loader) {
        this.classNames = List.copyOf(classNames);
        this.loader = loader;
    }

    /** Starts loading {@code classNames} on a daemon thread of minimum priority. */
    static void startFor(List<String> classNames) {
        Thread thread = new Thread(new ClassWarmUp(classNames, ClassWarmUp.class.getClassLoader()),
                "switchboard-class-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static boolean isIconEnum(String className) {
        return className.startsWith("org.kordamp.ikonli.material2.Material2");
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        int loaded = 0;
        for (String name : classNames) {
            try {
                Class.forName(name, isIconEnum(name), loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("Class warm-up skipped {}: {}", name, e.toString());
            }
        }
        LOG.debug("Class warm-up loaded {} of {} classes in {} ms", loaded, classNames.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
