package io.switchboard.app.settings;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs an operating-system tool ({@code secret-tool}, {@code security}, {@code ioreg}). An
 * interface so the command lines can be tested without the tools or a real keyring.
 */
public interface CommandRunner {

    /**
     * @param stdin written to the tool's standard input, then closed; secrets go here, never
     *              on the command line where other users' {@code ps} would see them
     * @throws IOException the tool does not exist, could not start or did not finish in time
     */
    Result run(List<String> command, Optional<String> stdin, Duration timeout) throws IOException;

    record Result(int exitCode, String stdout, String stderr) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }
}
