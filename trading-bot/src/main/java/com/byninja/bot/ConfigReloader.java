package com.byninja.bot;

import com.byninja.bot.config.ConfigChanges;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.config.Reread;
import com.byninja.bot.domain.Money;
import com.byninja.bot.link.ConfigReloads;
import com.byninja.protocol.Message;
import com.byninja.runtime.Agent;
import com.byninja.runtime.AgentRunner;
import com.byninja.runtime.ErrorHandler;
import com.byninja.runtime.config.ConfigException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code config-reload} thread: reads the configuration file again for {@code /reload}, validated as at start,
 * compares it with the configuration running ({@link ConfigChanges}) and hands the outcome to the trading thread,
 * which applies it between two decisions and replies. Reading a file, strategy files and plug-in jars never happens on
 * the trading thread. One reading at a time: a second {@code /reload} while one is under way is told so.
 */
final class ConfigReloader implements ConfigReloads, AutoCloseable {

    /** The configuration as the bot read it at start, read again the same way: the same file, environment and checks. */
    @FunctionalInterface
    interface Source {
        ConfigLoader.Loaded read() throws ConfigException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);
    private static final String THREAD = "config-reload";
    private static final long POLL_MS = 200;

    /** One {@code /reload} waiting for its reading. */
    private record Request(Message command, Consumer<Reread> then) {
    }

    private final Source source;
    private final String sourceName;
    private final Predicate<Runnable> onTradingThread;
    private final Consumer<Message> replies;
    private final BlockingQueue<Request> requests = new ArrayBlockingQueue<>(1);
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AgentRunner runner;
    private volatile ConfigChanges.Running running;

    /**
     * @param started         the configuration the bot started with
     * @param source          reads it again
     * @param onTradingThread runs a task on the trading thread; false when it cannot take it (busy, stopping)
     * @param replies         where a {@code reload} is answered when the trading thread cannot take its outcome
     * @param errors          told of the thread's unexpected failures
     */
    ConfigReloader(ConfigLoader.Loaded started, Source source, Predicate<Runnable> onTradingThread,
                   Consumer<Message> replies, ErrorHandler errors) {
        this.source = source;
        this.sourceName = started.source();
        this.onTradingThread = onTradingThread;
        this.replies = replies;
        this.running = ConfigChanges.Running.of(started);
        this.runner = new AgentRunner(new Reader(), errors);
    }

    /** Starts the thread. */
    ConfigReloader start() {
        runner.start();
        return this;
    }

    @Override
    public boolean reload(Message command, Consumer<Reread> then) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        if (!requests.offer(new Request(command, then))) {
            busy.set(false);
            return false;
        }
        return true;
    }

    @Override
    public void applied(ConfigChanges changes) {
        running = changes.running();
    }

    /** @return the outcome of reading the file again; never throws */
    private Reread read() {
        try {
            ConfigLoader.Loaded loaded = source.read();
            return new Reread.Read(loaded.source(), ConfigChanges.between(running, loaded));
        } catch (ConfigException e) {
            // The reply lists the problems: a warning would repeat them in the chat.
            LOG.info("reload: {} has {}; nothing changed: {}", sourceName,
                    Money.count(e.problems().size(), "problem", "problems"), e.problems());
            return new Reread.Refused(sourceName, e.problems());
        } catch (RuntimeException e) {
            LOG.error("reload: reading {} failed; nothing changed", sourceName, e);
            return new Reread.Refused(sourceName, List.of("it could not be read: " + e));
        }
    }

    private void answer(Request request) {
        Reread outcome = read();
        boolean taken = onTradingThread.test(() -> {
            try {
                request.then().accept(outcome);
            } finally {
                busy.set(false);
            }
        });
        if (!taken) {
            busy.set(false);
            ObjectNode data = Money.object();
            data.put("error", "busy");
            replies.accept(Message.replyTo(request.command(), "The bot is busy or stopping: /reload read "
                    + outcome.source() + " but changed nothing. Try again.", data));
        }
    }

    /** Stops the thread; a reading under way is not applied. */
    @Override
    public void close() {
        runner.close();
    }

    private final class Reader implements Agent {
        @Override
        public String roleName() {
            return THREAD;
        }

        @Override
        public int doWork() throws InterruptedException {
            Request request = requests.poll(POLL_MS, TimeUnit.MILLISECONDS);
            if (request == null) {
                return 0;
            }
            answer(request);
            return 1;
        }
    }
}
