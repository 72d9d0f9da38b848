package com.byninja.telegram.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands sent and not yet answered, by id. Each has a deadline on the {@code command-timeouts} thread: past it the
 * command is reported as unanswered and forgotten, except for a short memory that lets a late answer still reach its
 * chat. Nothing is ever re-sent.
 */
public final class PendingCommands implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PendingCommands.class);
    private static final int LATE_MEMORY = 256;

    /**
     * A command in flight.
     *
     * @param id         its correlation id
     * @param chatId     the chat that asked
     * @param bot        the bot it went to
     * @param connection the connection it went on
     * @param label      how the chat wrote it, such as {@code /status}
     */
    public record Pending(String id, long chatId, String bot, BotConnection connection, String label) {
    }

    private final Map<String, Entry> pending = new ConcurrentHashMap<>();
    private final Map<String, Pending> timedOut = Collections.synchronizedMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > LATE_MEMORY;
        }
    });
    private final Object idle = new Object();
    private final ScheduledThreadPoolExecutor timeouts;
    private final long timeoutMs;
    private final Consumer<Pending> onTimeout;
    private final String idPrefix = Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffffffL, 36);
    private final AtomicLong counter = new AtomicLong();

    private record Entry(Pending pending, ScheduledFuture<?> timeout) {
    }

    /**
     * @param timeoutMs how long a reply may take
     * @param onTimeout told of each command that got no reply in time, on the {@code command-timeouts} thread
     */
    public PendingCommands(long timeoutMs, Consumer<Pending> onTimeout) {
        this.timeoutMs = timeoutMs;
        this.onTimeout = onTimeout;
        this.timeouts = new ScheduledThreadPoolExecutor(1, runnable -> new Thread(runnable, "command-timeouts"));
        this.timeouts.setRemoveOnCancelPolicy(true);
    }

    /** @return a new id, unique across restarts of this process in practice: a random prefix and a counter */
    public String nextId() {
        return idPrefix + "-" + counter.incrementAndGet();
    }

    /** Starts the deadline of a command that was just queued on its connection. */
    public void register(Pending command) {
        // The entry goes in before its deadline can fire, so a quick timeout always finds it.
        Entry placeholder = new Entry(command, null);
        pending.put(command.id(), placeholder);
        ScheduledFuture<?> timeout = timeouts.schedule(() -> expire(command.id()), timeoutMs, TimeUnit.MILLISECONDS);
        if (!pending.replace(command.id(), placeholder, new Entry(command, timeout))) {
            timeout.cancel(false);
        }
    }

    /** Forgets a command whose frame could not be queued. */
    public void cancel(String id) {
        Entry entry = pending.remove(id);
        if (entry != null && entry.timeout() != null) {
            entry.timeout().cancel(false);
        }
        removed();
    }

    /**
     * Completes the command this reply answers: {@code answer} runs with it before anyone waiting in
     * {@link #awaitNone} is woken.
     *
     * @param bot the bot that replied; a reply from any other bot than the one asked does not count
     * @return false for an unknown id
     */
    public boolean complete(String id, String bot, Consumer<Pending> answer) {
        if (id == null) {
            return false;
        }
        Entry entry = pending.get(id);
        if (entry == null || !entry.pending().bot().equals(bot) || !pending.remove(id, entry)) {
            return false;
        }
        if (entry.timeout() != null) {
            entry.timeout().cancel(false);
        }
        try {
            answer.accept(entry.pending());
        } finally {
            removed();
        }
        return true;
    }

    /** @return the command this late reply from {@code bot} answers, if it timed out recently; forgotten afterwards */
    public Optional<Pending> completeLate(String id, String bot) {
        if (id == null) {
            return Optional.empty();
        }
        synchronized (timedOut) {
            Pending late = timedOut.get(id);
            if (late == null || !late.bot().equals(bot)) {
                return Optional.empty();
            }
            timedOut.remove(id);
            return Optional.of(late);
        }
    }

    /** Forgets the unanswered commands that went out on {@code connection}, telling {@code lost} of each. */
    public void failAll(BotConnection connection, Consumer<Pending> lost) {
        try {
            for (Entry entry : List.copyOf(pending.values())) {
                if (entry.pending().connection().equals(connection) && pending.remove(entry.pending().id(), entry)) {
                    if (entry.timeout() != null) {
                        entry.timeout().cancel(false);
                    }
                    lost.accept(entry.pending());
                }
            }
        } finally {
            removed();
        }
    }

    /**
     * Waits until no command awaits a reply.
     *
     * @return false when {@code timeoutMs} ran out first
     */
    public boolean awaitNone(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (idle) {
            while (!pending.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                idle.wait(left);
            }
            return true;
        }
    }

    private void removed() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    /** @return how many commands await a reply */
    public int size() {
        return pending.size();
    }

    private void expire(String id) {
        Entry entry = pending.remove(id);
        if (entry != null) {
            timedOut.put(id, entry.pending());
            try {
                onTimeout.accept(entry.pending());
            } catch (RuntimeException e) {
                LOG.error("Reporting the timeout of command {} failed", id, e);
            }
            removed();
        }
    }

    /** Stops the timeout thread; unanswered commands are dropped without a message. */
    @Override
    public void close() {
        timeouts.shutdownNow();
        boolean interrupted = false;
        try {
            timeouts.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        pending.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
