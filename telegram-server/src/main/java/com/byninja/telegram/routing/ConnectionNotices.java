package com.byninja.telegram.routing;

import com.byninja.runtime.DueTimer;
import com.byninja.runtime.ErrorHandler;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The chats' notices of bots connecting and dropping, as {@link Flapping} decides them, sent to every chat as
 * {@link ChatOutput.Priority#NOTICE}s. The link's reader threads tell it what happens and only queue; the episodes
 * that end by the passing of time (a flapping bot steady again, still flapping, or gone) are told on the
 * {@code connection-notices} thread, which waits for the next one due.
 */
public final class ConnectionNotices implements AutoCloseable {
    private final ChatOutput output;
    private final Clock clock;
    private final Flapping flapping;
    private final ReentrantLock lock = new ReentrantLock();
    private final DueTimer timer;

    /**
     * @param window a drop within this time of a bot's last change belongs to the same episode; zero announces every
     *               connection and drop
     * @param clock  the time the episodes are measured by
     * @param errors told of a failure of the {@code connection-notices} thread
     */
    public ConnectionNotices(ChatOutput output, Duration window, Clock clock, ErrorHandler errors) {
        this.output = output;
        this.clock = clock;
        this.flapping = new Flapping(window);
        this.timer = new DueTimer("connection-notices", lock, clock, flapping::nextDue, this::tellDue, errors);
    }

    /** Starts the thread that tells the episodes that end by the passing of time. */
    public void start() {
        timer.start();
    }

    /** A bot completed the handshake; called on its link reader thread. */
    public void connected(String bot, String address) {
        lock.lock();
        try {
            tell(flapping.connected(bot, address, clock.instant()));
            timer.changed();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A bot's connection ended; called on its link reader thread.
     *
     * @param stopped  whether the bot had said it was stopping
     * @param replaced whether a newer connection of the bot already took its place
     */
    public void disconnected(String bot, String why, boolean stopped, boolean replaced) {
        lock.lock();
        try {
            tell(flapping.disconnected(bot, why, stopped, replaced, clock.instant()));
            timer.changed();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues what an episode says, under the lock that worked it out: otherwise a link thread's "disconnected" could
     * overtake the timer's "back after N drops" on its way to the chats. Queuing never blocks.
     */
    private void tell(List<String> said) {
        said.forEach(html -> output.broadcast(new ChatMessage.Text(html), ChatOutput.Priority.NOTICE));
    }

    /** Tells the episodes due now; the {@code connection-notices} thread's work. */
    private void tellDue() {
        lock.lock();
        try {
            tell(flapping.due(clock.instant()));
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread; episodes still going on are not told. */
    @Override
    public void close() {
        timer.close();
    }
}
