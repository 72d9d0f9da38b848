package com.byninja.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One of the shipped unit files in {@code deploy/}, read as systemd reads the parts the tests need. */
final class SystemdUnit {
    static final Path DEPLOY = deployDirectory();
    static final List<String> NAMES = List.of("byninja-trading-bot.service", "byninja-telegram-server.service");

    final Path file;
    final String text;

    private SystemdUnit(Path file) throws IOException {
        this.file = file;
        this.text = Files.readString(file, StandardCharsets.UTF_8);
    }

    static SystemdUnit read(String name) throws IOException {
        return new SystemdUnit(DEPLOY.resolve(name));
    }

    private static Path deployDirectory() {
        Path fromRoot = Path.of("deploy");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("..", "deploy");
    }

    /** @return the logical lines (continuations joined) of the values of {@code key}, in order */
    List<String> values(String key) {
        List<String> values = new ArrayList<>();
        String joined = text.replaceAll("\\\\\\n\\s*", " ");
        for (String line : joined.split("\\n")) {
            if (line.startsWith(key + "=")) {
                values.add(line.substring(key.length() + 1).strip());
            }
        }
        return values;
    }

    /** @return the {@code Environment=} assignments, in order */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String assignment : values("Environment")) {
            int eq = assignment.indexOf('=');
            env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        return env;
    }

    /** @return {@code ExecStart=} split into words (the units quote nothing) */
    List<String> execStart() {
        return Arrays.asList(values("ExecStart").get(0).split("\\s+"));
    }
}
