package io.switchboard.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.server.store.StoreException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The commonest operator mistake with the embedded database: running an admin command while
 * the server (another process) has the file open. They must get a sentence, not a stack trace.
 */
class DatabaseLockTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseHeldByAnotherProcessIsReportedAsInUse() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("switchboard").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // H2's shell keeps the database open while it waits for input on the pipe we never close
        // H2's shell keeps the database open while it waits for input on the pipe we never close;
        // it connects before it prints its welcome
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.h2.tools.Shell", "-url", url, "-user", "sa", "-password", "")
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = output.readLine();
                assertThat(line).as("the H2 shell in the other process should connect").isNotNull();
            } while (!line.contains("Welcome to H2 Shell"));

            assertThatThrownBy(() -> Database.open(url + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", 2))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is in use by another process")
                    .hasMessageContaining("Is the server already running");
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }
}
