package com.byninja.telegram.routing;

import com.byninja.runtime.Agent;
import com.byninja.runtime.AgentRunner;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands sent and not yet answered, by id. Each has a deadline on the {@code command-timeouts} thread (an
 * {@link AgentRunner}'s, started with the first command): past it the command is reported as unanswered and
 * forgotten, except for a short memory that lets a late answer still reach its chat. Nothing is ever re-sent. Every
 * command has the same timeout, so deadlines come due in the order the commands were registered, and only those of
 * unanswered commands are kept.
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

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Pending> timedOut = Collections.synchronizedMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > LATE_MEMORY;
        }
    });
    private final Object idle = new Object();
    private final long timeoutMs;
    private final Consumer<Pending> onTimeout;
    private final String idPrefix = Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffffffL, 36);
    private final AtomicLong counter = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** The deadlines of the unanswered commands, earliest first. */
    private final ArrayDeque<Deadline> deadlines = new ArrayDeque<>();
    private final AgentRunner timeouts;

    private record Deadline(String id, long dueNanos) {
    }

    /**
     * @param timeoutMs how long a reply may take
     * @param onTimeout told of each command that got no reply in time, on the {@code command-timeouts} thread
     */
    public PendingCommands(long timeoutMs, Consumer<Pending> onTimeout) {
        this(timeoutMs, onTimeout, ErrorHandler.logging(LOG, new Counters()));
    }

    /** @param errors told of a failure of the {@code command-timeouts} thread */
    public PendingCommands(long timeoutMs, Consumer<Pending> onTimeout, ErrorHandler errors) {
        this.timeoutMs = timeoutMs;
        this.onTimeout = onTimeout;
        this.timeouts = new AgentRunner(new Timeouts(), errors);
    }

    /** @return a new id, unique across restarts of this process in practice: a random prefix and a counter */
    public String nextId() {
        return idPrefix + "-" + counter.incrementAndGet();
    }

    /** Starts the deadline of a command that was just queued on its connection. */
    public void register(Pending command) {
        // The entry goes in before its deadline can fire, so a quick timeout always finds it.
        pending.put(command.id(), command);
        lock.lock();
        try {
            deadlines.addLast(new Deadline(command.id(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs)));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        timeouts.start();
    }

    /** Forgets a command whose frame could not be queued. */
    public void cancel(String id) {
        if (pending.remove(id) != null) {
            forgetDeadline(id);
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
        Pending command = pending.get(id);
        if (command == null || !command.bot().equals(bot) || !pending.remove(id, command)) {
            return false;
        }
        forgetDeadline(id);
        try {
            answer.accept(command);
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
            for (Pending command : List.copyOf(pending.values())) {
                if (command.connection().equals(connection) && pending.remove(command.id(), command)) {
                    forgetDeadline(command.id());
                    lost.accept(command);
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

    private void forgetDeadline(String id) {
        lock.lock();
        try {
            deadlines.removeIf(deadline -> deadline.id().equals(id));
        } finally {
            lock.unlock();
        }
    }

    private void expire(String id) {
        Pending command = pending.remove(id);
        if (command != null) {
            timedOut.put(id, command);
            try {
                onTimeout.accept(command);
            } catch (RuntimeException e) {
                LOG.error("Reporting the timeout of command {} failed", id, e);
            }
            removed();
        }
    }

    /** Expires each command when its deadline comes, waiting for the next deadline, or a first one, meanwhile. */
    private final class Timeouts implements Agent {
        private boolean stopping;

        @Override
        public String roleName() {
            return "command-timeouts";
        }

        @Override
        public int doWork() throws InterruptedException {
            Deadline due;
            lock.lock();
            try {
                Deadline first = deadlines.peekFirst();
                long waitNanos = first == null ? TimeUnit.MILLISECONDS.toNanos(timeoutMs)
                        : first.dueNanos() - System.nanoTime();
                if (waitNanos > 0) {
                    if (!stopping) {
                        changed.awaitNanos(waitNanos);
                    }
                    return 0;
                }
                due = deadlines.removeFirst();
            } finally {
                lock.unlock();
            }
            expire(due.id());
            return 1;
        }

        @Override
        public void onStopRequested() {
            lock.lock();
            try {
                stopping = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Stops the timeout thread; unanswered commands are dropped without a message. */
    @Override
    public void close() {
        timeouts.close();
        pending.clear();
    }
}
