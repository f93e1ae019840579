package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class ClassWarmUpTest {

    /** Records what it is asked to load, and otherwise loads as its parent does. */
    private static final class RecordingLoader extends ClassLoader {
        final List<String> asked = new CopyOnWriteArrayList<>();

        RecordingLoader() {
            super(ClassWarmUpTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void loadsEveryNamedClassAndSkipsMissingOnes() {
        RecordingLoader loader = new RecordingLoader();

        new ClassWarmUp(List.of("no.such.Klass", "io.switchboard.app.LaunchOptions", "java.util.BitSet"), loader).run();

        assertThat(loader.asked).containsExactly("no.such.Klass", "io.switchboard.app.LaunchOptions", "java.util.BitSet");
    }
}
