package com.byninja.telegram.console;

import com.byninja.runtime.Agent;
import com.byninja.runtime.AgentRunner;
import com.byninja.runtime.AgentTerminationException;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
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
 *
 * <p>A read of standard input cannot be interrupted: {@link #close()} stops acting on input without waiting, and the
 * thread, a daemon, stays in that read until input ends or the process does.
 */
public final class ConsoleReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleReader.class);

    private final BufferedReader in;
    private final Consumer<String> onLine;
    private final Runnable onEnd;
    private final AgentRunner runner;
    private volatile boolean closed;

    public ConsoleReader(InputStream in, Consumer<String> onLine, Runnable onEnd) {
        this(in, onLine, onEnd, ErrorHandler.logging(LOG, new Counters()));
    }

    /** @param errors told of a failure of the reader's thread outside running a command */
    public ConsoleReader(InputStream in, Consumer<String> onLine, Runnable onEnd, ErrorHandler errors) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.onLine = onLine;
        this.onEnd = onEnd;
        this.runner = new AgentRunner(new Reading(), errors);
    }

    /** Starts reading. */
    public void start() {
        runner.start();
    }

    /** One line per step, until the input ends. */
    private final class Reading implements Agent {
        @Override
        public String roleName() {
            return "console-reader";
        }

        @Override
        public int doWork() {
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Reading standard input failed: {}", e.getMessage());
                }
                line = null;
            }
            if (line == null || closed) {
                if (!closed) {
                    onEnd.run();
                }
                throw new AgentTerminationException("end of input");
            }
            String command = line.strip();
            if (command.isEmpty() || command.startsWith("#")) {
                return 0;
            }
            try {
                onLine.accept(command.startsWith("/") ? command : "/" + command);
            } catch (RuntimeException e) {
                LOG.error("Console command \"{}\" failed", command, e);
            }
            return 1;
        }

        @Override
        public void onStopRequested() {
            closed = true;
        }
    }

    /** Stops acting on input. */
    @Override
    public void close() {
        runner.requestStop();
    }
}
