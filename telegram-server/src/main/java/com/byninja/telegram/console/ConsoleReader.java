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
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads commands from standard input, one per line, on the {@code console-reader} thread. A line without a leading
 * slash is taken as a command too, so {@code status} works like {@code /status}; a number presses that button of the
 * last buttons printed ({@link ConsoleButtons}), as a tap would in Telegram; blank lines and lines starting with
 * {@code #} are skipped, so scripts can carry comments. At the end of input it calls {@code onEnd}.
 *
 * <p>A read of standard input cannot be interrupted: {@link #close()} stops acting on input without waiting, and the
 * thread, a daemon, stays in that read until input ends or the process does.
 */
public final class ConsoleReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleReader.class);
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,3}");

    private final BufferedReader in;
    private final Consumer<String> onLine;
    private final ConsoleButtons buttons;
    private final Consumer<String> onPress;
    private final Runnable onEnd;
    private final AgentRunner runner;
    private volatile boolean closed;

    public ConsoleReader(InputStream in, Consumer<String> onLine, ConsoleButtons buttons, Consumer<String> onPress,
                         Runnable onEnd) {
        this(in, onLine, buttons, onPress, onEnd, ErrorHandler.logging(LOG, new Counters()));
    }

    /**
     * @param onLine  told of each command, with its leading slash
     * @param buttons the buttons printed last
     * @param onPress told of the callback data of each button pressed by its number
     * @param errors  told of a failure of the reader's thread outside running a command
     */
    public ConsoleReader(InputStream in, Consumer<String> onLine, ConsoleButtons buttons, Consumer<String> onPress,
                         Runnable onEnd, ErrorHandler errors) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.onLine = onLine;
        this.buttons = buttons;
        this.onPress = onPress;
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
                Optional<String> pressed = NUMBER.matcher(command).matches()
                        ? buttons.press(Integer.parseInt(command)) : Optional.empty();
                if (pressed.isPresent()) {
                    onPress.accept(pressed.get());
                } else {
                    onLine.accept(command.startsWith("/") ? command : "/" + command);
                }
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
