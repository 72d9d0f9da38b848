package com.byninja.telegram.telegram;

import com.byninja.telegram.telegram.ChatOutput.Delivery;
import com.byninja.telegram.telegram.ChatOutput.Outcome;
import com.byninja.telegram.telegram.ChatOutput.Priority;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing messages of one chat, waiting for its {@link ChatSender}, one queue per {@link Priority}: the sender
 * takes from the highest class that has something, in order within a class. Bounded as a whole: when full, the oldest
 * message of the lowest class queued is evicted (logs first, then notices, then alerts), but never one of a higher
 * class than the message that needs the room, which is dropped instead. Drops are counted per class. Every wait of the
 * sender (for a message, for its pace, for a retry) is on this queue's condition, so that {@link #close} ends it at
 * once. Each message's parts share one {@link Completion}, told once how the whole message ended.
 */
final class ChatQueue {
    /** The sender's: what happens to a chat's messages is said in one place. */
    private static final Logger LOG = LoggerFactory.getLogger(ChatSender.class);
    private static final Priority[] HIGHEST_FIRST = Priority.values();

    /**
     * One part of a message, as Telegram takes it.
     *
     * @param idPart whether the message id Telegram gives this part stands for the whole message
     */
    record Outgoing(ChatMessage part, Priority priority, Completion completion, boolean idPart) {
    }

    /** The parts of one offered message still to end, the worst way one ended so far, and the message's id. */
    static final class Completion {
        private final Consumer<Outcome> whenDone;
        private int remaining;
        private Delivery worst = Delivery.SENT;
        private OptionalInt messageId = OptionalInt.empty();

        Completion(int parts, Consumer<Outcome> whenDone) {
            this.remaining = parts;
            this.whenDone = whenDone;
        }

        /** Ends one part with {@code delivery}, Telegram having given it {@code id}. */
        void ended(Outgoing part, Delivery delivery, OptionalInt id) {
            if (part.idPart() && id.isPresent()) {
                synchronized (this) {
                    messageId = id;
                }
            }
            ended(1, delivery);
        }

        /** Ends {@code parts} parts with {@code delivery}; tells the owner once the last has ended. */
        void ended(int parts, Delivery delivery) {
            Outcome outcome;
            synchronized (this) {
                if (remaining <= 0) {
                    return;
                }
                worst = worst.worse(delivery);
                remaining = Math.max(0, remaining - parts);
                if (remaining > 0) {
                    return;
                }
                outcome = new Outcome(worst, worst == Delivery.SENT ? messageId : OptionalInt.empty());
            }
            try {
                whenDone.accept(outcome);
            } catch (RuntimeException e) {
                LOG.error("A message's completion callback failed", e);
            }
        }
    }

    private final long chatId;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Priority, ArrayDeque<Outgoing>> queues = new EnumMap<>(Priority.class);
    private final Map<Priority, Long> dropped = new EnumMap<>(Priority.class);
    private int size;
    private Outgoing inFlight;
    private boolean closed;

    ChatQueue(long chatId, int capacity) {
        this.chatId = chatId;
        this.capacity = capacity;
        for (Priority priority : Priority.values()) {
            queues.put(priority, new ArrayDeque<>());
            dropped.put(priority, 0L);
        }
    }

    /**
     * Queues every part of one message, making room as needed. Never blocks; the parts evicted to make room, and
     * those that found none, are told they were dropped once the lock is released.
     *
     * @param idPart the index of the part whose message id stands for the whole message
     * @return false when not every part was queued: the queue is closed, or full of messages of higher classes
     */
    boolean offer(List<ChatMessage> parts, int idPart, Priority priority, Completion completion) {
        List<Outgoing> evicted = new ArrayList<>();
        int unqueued = 0;
        lock.lock();
        try {
            if (closed) {
                unqueued = parts.size();
            } else {
                for (int i = 0; i < parts.size(); i++) {
                    if (size >= capacity && !makeRoom(priority, evicted)) {
                        unqueued = parts.size() - i;
                        break;
                    }
                    queues.get(priority).addLast(new Outgoing(parts.get(i), priority, completion, i == idPart));
                    size++;
                }
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        for (Outgoing gone : evicted) {
            gone.completion().ended(1, Delivery.DROPPED);
        }
        if (unqueued > 0) {
            completion.ended(unqueued, Delivery.DROPPED);
            return false;
        }
        return true;
    }

    /**
     * Called with the lock held and the queue full: evicts the oldest message of the lowest class queued, provided
     * that class is not above {@code incoming}'s.
     *
     * @param evicted where the evicted message goes, to be told it was dropped once the lock is released
     * @return whether there is room now; when not, the incoming message is counted as dropped
     */
    private boolean makeRoom(Priority incoming, List<Outgoing> evicted) {
        for (int i = HIGHEST_FIRST.length - 1; i >= incoming.ordinal(); i--) {
            ArrayDeque<Outgoing> queue = queues.get(HIGHEST_FIRST[i]);
            if (!queue.isEmpty()) {
                evicted.add(queue.removeFirst());
                size--;
                countDrop(HIGHEST_FIRST[i]);
                return true;
            }
        }
        countDrop(incoming);
        return false;
    }

    private void countDrop(Priority priority) {
        long count = dropped.merge(priority, 1L, Long::sum);
        // Once per hundred drops of a class: a long Telegram outage must not turn into a log flood of its own.
        if (count % 100 == 1) {
            LOG.warn("Chat {}: outgoing queue full ({} messages), dropping {}; {} dropped so far", chatId, capacity,
                    describe(priority), priority.count(count));
        }
    }

    private static String describe(Priority priority) {
        return switch (priority) {
            case REPLY -> "the oldest reply";
            case ALERT -> "an alert";
            case NOTICE -> "a notice";
            case LOG -> "a log message";
        };
    }

    /** @return the next message, of the highest class queued, in flight until {@link #finished}; null once closed */
    Outgoing take() throws InterruptedException {
        lock.lock();
        try {
            while (size == 0 && !closed) {
                changed.await();
            }
            if (closed) {
                return null;
            }
            for (Priority priority : HIGHEST_FIRST) {
                Outgoing next = queues.get(priority).pollFirst();
                if (next != null) {
                    size--;
                    inFlight = next;
                    return next;
                }
            }
            throw new IllegalStateException("chat " + chatId + ": " + size + " queued, none found");
        } finally {
            lock.unlock();
        }
    }

    /** The message {@link #take} gave is no longer in flight. */
    void finished() {
        lock.lock();
        try {
            inFlight = null;
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
            while ((inFlight != null || size > 0) && !closed && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return inFlight == null && size == 0 && !closed;
        } finally {
            lock.unlock();
        }
    }

    /** @return whether a log message is queued or being sent */
    boolean hasPendingLog() {
        lock.lock();
        try {
            return !queues.get(Priority.LOG).isEmpty() || inFlight != null && inFlight.priority() == Priority.LOG;
        } finally {
            lock.unlock();
        }
    }

    /** @return the messages of a class waiting, not counting one in flight */
    int queued(Priority priority) {
        lock.lock();
        try {
            return queues.get(priority).size();
        } finally {
            lock.unlock();
        }
    }

    /** @return messages of a class dropped because the queue was full */
    long dropped(Priority priority) {
        lock.lock();
        try {
            return dropped.get(priority);
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
        List<Outgoing> discarded = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (size > 0) {
                LOG.info("Chat {}: {} unsent messages discarded at shutdown", chatId, size);
            }
            for (ArrayDeque<Outgoing> queue : queues.values()) {
                discarded.addAll(queue);
                queue.clear();
            }
            size = 0;
            changed.signalAll();
            if (inFlight != null) {
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
