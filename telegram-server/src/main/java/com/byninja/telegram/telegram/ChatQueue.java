package com.byninja.telegram.telegram;

import com.byninja.telegram.telegram.ChatOutput.Delivery;
import com.byninja.telegram.telegram.ChatSender.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing messages of one chat, waiting for its {@link ChatSender}: bounded, and when full the oldest log
 * message goes first, then the oldest message at all. Every wait of the sender (for a message, for its pace, for a
 * retry) is on this queue's condition, so that {@link #close()} ends it at once. Each message's parts share one
 * {@link Completion}, told once how the whole message ended.
 */
final class ChatQueue {
    /** The sender's: what happens to a chat's messages is said in one place. */
    private static final Logger LOG = LoggerFactory.getLogger(ChatSender.class);

    /** One part of a message, as Telegram takes it. */
    record Outgoing(String html, Kind kind, Completion completion) {
    }

    /** The parts of one offered message still to end, and the worst way one ended so far. */
    static final class Completion {
        private final Consumer<Delivery> whenDone;
        private int remaining;
        private Delivery worst = Delivery.SENT;

        Completion(int parts, Consumer<Delivery> whenDone) {
            this.remaining = parts;
            this.whenDone = whenDone;
        }

        /** Ends {@code parts} parts with {@code delivery}; tells the owner once the last has ended. */
        void ended(int parts, Delivery delivery) {
            Delivery overall;
            synchronized (this) {
                if (remaining <= 0) {
                    return;
                }
                worst = worst.worse(delivery);
                remaining = Math.max(0, remaining - parts);
                if (remaining > 0) {
                    return;
                }
                overall = worst;
            }
            try {
                whenDone.accept(overall);
            } catch (RuntimeException e) {
                LOG.error("A message's completion callback failed", e);
            }
        }
    }

    private final long chatId;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private int queuedLogs;
    private boolean logInFlight;
    private boolean inFlight;
    private long droppedMessages;
    private boolean closed;

    ChatQueue(long chatId, int capacity) {
        this.chatId = chatId;
        this.capacity = capacity;
    }

    /**
     * Queues every part of one message, making room as needed. Never blocks; the parts evicted to make room, and
     * those that found none, are told they were dropped once the lock is released.
     *
     * @return false when not every part was queued: the queue is closed, or it is a log message and the queue is full
     */
    boolean offer(List<String> parts, Kind kind, Completion completion) {
        List<Outgoing> evicted = new ArrayList<>();
        int unqueued = 0;
        lock.lock();
        try {
            if (closed) {
                unqueued = parts.size();
            } else {
                for (int i = 0; i < parts.size(); i++) {
                    if (queue.size() >= capacity && !makeRoom(kind, evicted)) {
                        unqueued = parts.size() - i;
                        break;
                    }
                    queue.addLast(new Outgoing(parts.get(i), kind, completion));
                    if (kind == Kind.LOG) {
                        queuedLogs++;
                    }
                }
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        for (Outgoing dropped : evicted) {
            dropped.completion().ended(1, Delivery.DROPPED);
        }
        if (unqueued > 0) {
            completion.ended(unqueued, Delivery.DROPPED);
            return false;
        }
        return true;
    }

    /**
     * Called with the lock held and the queue full: evicts the oldest log message, or the oldest message at all.
     *
     * @param evicted where the evicted message goes, to be told it was dropped once the lock is released
     * @return whether there is room now
     */
    private boolean makeRoom(Kind incoming, List<Outgoing> evicted) {
        for (Iterator<Outgoing> it = queue.iterator(); it.hasNext(); ) {
            Outgoing queued = it.next();
            if (queued.kind() == Kind.LOG) {
                it.remove();
                evicted.add(queued);
                queuedLogs--;
                droppedMessages++;
                return true;
            }
        }
        if (incoming == Kind.LOG) {
            droppedMessages++;
            return false;
        }
        evicted.add(queue.removeFirst());
        droppedMessages++;
        // Once per hundred drops: a long Telegram outage must not turn into a log flood of its own.
        if (droppedMessages % 100 == 1) {
            LOG.warn("Chat {}: outgoing queue full ({} messages), dropping the oldest; {} dropped so far", chatId,
                    capacity, droppedMessages);
        }
        return true;
    }

    /** @return the next message, marked in flight until {@link #finished}, or null once closed */
    Outgoing take() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                changed.await();
            }
            if (closed) {
                return null;
            }
            Outgoing next = queue.removeFirst();
            inFlight = true;
            if (next.kind() == Kind.LOG) {
                queuedLogs--;
                logInFlight = true;
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** The message {@link #take} gave is no longer in flight. */
    void finished(Outgoing message) {
        lock.lock();
        try {
            inFlight = false;
            if (message.kind() == Kind.LOG) {
                logInFlight = false;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits {@code nanos}, or less when closed. @return false when closed */
    boolean pause(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = nanos;
            while (remaining > 0 && !closed) {
                remaining = changed.awaitNanos(remaining);
            }
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until everything queued has been sent (or dropped).
     *
     * @return whether the queue is empty, false when the time ran out or the queue closed
     */
    boolean awaitIdle(long timeoutMs) throws InterruptedException {
        lock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while ((inFlight || !queue.isEmpty()) && !closed && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return !inFlight && queue.isEmpty() && !closed;
        } finally {
            lock.unlock();
        }
    }

    /** @return whether a log message is queued or being sent */
    boolean hasPendingLog() {
        lock.lock();
        try {
            return queuedLogs > 0 || logInFlight;
        } finally {
            lock.unlock();
        }
    }

    /** @return messages dropped because the queue was full */
    long droppedMessages() {
        lock.lock();
        try {
            return droppedMessages;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the queue: what is queued is discarded and told it was dropped, every wait ends, and nothing more is
     * queued.
     *
     * @param whileInFlight run with the lock held when a message is being sent, so that the sender is still in that
     *                      send when it runs (to cut it short)
     */
    void close(Runnable whileInFlight) {
        List<Outgoing> discarded;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (!queue.isEmpty()) {
                LOG.info("Chat {}: {} unsent messages discarded at shutdown", chatId, queue.size());
            }
            discarded = new ArrayList<>(queue);
            queue.clear();
            queuedLogs = 0;
            changed.signalAll();
            if (inFlight) {
                whileInFlight.run();
            }
        } finally {
            lock.unlock();
        }
        for (Outgoing message : discarded) {
            message.completion().ended(1, Delivery.DROPPED);
        }
    }
}
