package io.switchboard.server.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where a new password comes from: the first line of a file (for scripts; never a command-line
 * argument, which other users can read in the process list), or typed twice at the console.
 */
public final class PasswordInput {

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from the first line of FILE instead of asking.")
    Path passwordFile;

    char[] read(CommandLine commandLine, String username) {
        if (passwordFile != null) {
            return fromFile(commandLine);
        }
        Console console = System.console();
        if (console == null) {
            throw new CommandLine.ParameterException(commandLine,
                    "No console to ask for the password of '" + username + "': use --password-file FILE");
        }
        char[] first = console.readPassword("New password for %s: ", username);
        char[] second = console.readPassword("Repeat the password: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new CommandLine.ParameterException(commandLine, "The passwords did not match");
        }
        Arrays.fill(second, '\0');
        return first;
    }

    private char[] fromFile(CommandLine commandLine) {
        try {
            String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String line = end < 0 ? content : content.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new CommandLine.ParameterException(commandLine,
                        "The first line of the password file " + passwordFile + " is empty");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new CommandLine.ParameterException(commandLine,
                    "Cannot read the password file " + passwordFile + ": " + e.getMessage());
        }
    }
}
