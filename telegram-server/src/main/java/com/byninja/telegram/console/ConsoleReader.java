package com.byninja.telegram.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads commands from standard input, one per line, on the {@code console-reader} thread. A line without a leading
 * slash is taken as a command too, so {@code status} works like {@code /status}; blank lines and lines starting with
 * {@code #} are skipped, so scripts can carry comments. At the end of input it calls {@code onEnd}.
 */
public final class ConsoleReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleReader.class);

    private final BufferedReader in;
    private final Consumer<String> onLine;
    private final Runnable onEnd;
    private final Thread thread;
    private volatile boolean closed;

    public ConsoleReader(InputStream in, Consumer<String> onLine, Runnable onEnd) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.onLine = onLine;
        this.onEnd = onEnd;
        this.thread = new Thread(this::run, "console-reader");
        // Reading System.in cannot be interrupted; a daemon thread cannot hold up the exit.
        this.thread.setDaemon(true);
    }

    /** Starts reading. */
    public void start() {
        thread.start();
    }

    private void run() {
        try {
            String line;
            while (!closed && (line = in.readLine()) != null) {
                String command = line.strip();
                if (command.isEmpty() || command.startsWith("#")) {
                    continue;
                }
                try {
                    onLine.accept(command.startsWith("/") ? command : "/" + command);
                } catch (RuntimeException e) {
                    LOG.error("Console command \"{}\" failed", command, e);
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("Reading standard input failed: {}", e.getMessage());
            }
        }
        if (!closed) {
            onEnd.run();
        }
    }

    /** Stops acting on input. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
