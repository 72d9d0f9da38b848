package com.byninja.telegram.telegram;

import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.telegram.ChatOutput.Delivery;
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
 * The outgoing queue of one chat and its thread, {@code chat-sender-<chatId>}: sends in order, paced by a token bucket,
 * waits out HTTP 429 for the {@code retry_after} Telegram asks, and retries network errors and 5xx answers with capped
 * exponential backoff, saying so once when they start and once when sending works again. The queue is bounded: when
 * it is full the oldest log message is dropped first. {@link #offer} never blocks, so callers on the link's reader
 * thread are never held up by Telegram. Each message may carry a callback told how it ended once every part of it
 * has: sent, refused by Telegram for good, or dropped unsent.
 */
public final class ChatSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatSender.class);
    private static final long CLOSE_WAIT_MS = 1_000;

    /** What a queued message is, which decides what is dropped first when the queue is full. */
    public enum Kind {
        /** Replies, alerts and announcements. */
        NORMAL,
        /** Relayed log lines: dropped first. */
        LOG
    }

    private record Outgoing(String html, Kind kind, Completion completion) {
    }

    /** The parts of one offered message still to end, and the worst way one ended so far. */
    private static final class Completion {
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

    private static final Consumer<Delivery> NOBODY = delivery -> { };

    private final long chatId;
    private final MessageApi api;
    private final TelegramServerConfig.Sending settings;
    private final TokenScrubber scrubber;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final Thread thread;
    private final Outage outage;
    private int queuedLogs;
    private boolean logInFlight;
    private boolean inFlight;
    private long droppedMessages;
    private long sentMessages;
    private boolean closed;

    public ChatSender(long chatId, MessageApi api, TelegramServerConfig.Sending settings, TokenScrubber scrubber) {
        this.chatId = chatId;
        this.api = api;
        this.settings = settings;
        this.scrubber = scrubber;
        this.thread = new Thread(this::run, "chat-sender-" + chatId);
        this.outage = new Outage(LOG, "Sending to chat " + chatId);
    }

    /** Starts the sending thread. */
    public void start() {
        thread.start();
    }

    /**
     * Queues {@code html}, split into parts Telegram accepts. Never blocks.
     *
     * @return false when the message was not queued: the sender is closed, or it is a log message and the queue is full
     */
    public boolean offer(String html, Kind kind) {
        return offer(html, kind, NOBODY);
    }

    /**
     * Queues {@code html}, split into parts Telegram accepts. Never blocks.
     *
     * @param whenDone told once how the message ended, when every part has: on this sender's thread, or on the
     *                 caller's when a part was not queued or was evicted by this offer. Must not block
     * @return false when the message was not queued: the sender is closed, or it is a log message and the queue is full
     */
    public boolean offer(String html, Kind kind, Consumer<Delivery> whenDone) {
        List<String> parts = TextSplitter.split(html, TextSplitter.TELEGRAM_LIMIT).stream()
                // Telegram refuses an empty message; a split can leave one made of line breaks only.
                .filter(part -> !part.isBlank())
                .toList();
        if (parts.isEmpty()) {
            whenDone.accept(Delivery.SENT);
            return true;
        }
        Completion completion = new Completion(parts.size(), whenDone);
        List<Outgoing> evicted = new ArrayList<>();
        int unqueued = 0;
        lock.lock();
        try {
            if (closed) {
                unqueued = parts.size();
            } else {
                for (int i = 0; i < parts.size(); i++) {
                    if (queue.size() >= settings.queueCapacity() && !makeRoom(kind, evicted)) {
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

    /** @return whether a log message is queued or being sent, so that the next one should wait and gather more lines */
    public boolean hasPendingLog() {
        lock.lock();
        try {
            return queuedLogs > 0 || logInFlight;
        } finally {
            lock.unlock();
        }
    }

    /** @return messages dropped because the queue was full */
    public long droppedMessages() {
        lock.lock();
        try {
            return droppedMessages;
        } finally {
            lock.unlock();
        }
    }

    /** @return messages Telegram accepted */
    public long sentMessages() {
        lock.lock();
        try {
            return sentMessages;
        } finally {
            lock.unlock();
        }
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
                    settings.queueCapacity(), droppedMessages);
        }
        return true;
    }

    private void run() {
        RateLimiter limiter = new RateLimiter(TimeUnit.MILLISECONDS.toNanos(settings.intervalMs()), settings.burst(),
                System.nanoTime());
        try {
            while (true) {
                Outgoing next = take();
                if (next == null) {
                    return;
                }
                Delivery outcome = Delivery.DROPPED;
                try {
                    long delay;
                    while ((delay = limiter.delayNanos(System.nanoTime())) > 0) {
                        if (!pause(delay)) {
                            return;
                        }
                    }
                    limiter.acquire(System.nanoTime());
                    Delivery delivered = deliver(next, limiter);
                    if (delivered == null) {
                        return;
                    }
                    outcome = delivered;
                } catch (RuntimeException e) {
                    // A bug while sending one message costs that message, not the chat's whole sender. It counts as
                    // finished: sending it again would most likely fail the same way.
                    outcome = Delivery.REFUSED;
                    LOG.error("Chat {}: a message was dropped after an unexpected error: {}", chatId,
                            scrubber.describe(e));
                } finally {
                    finished(next);
                    next.completion().ended(1, outcome);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the next message, or null once closed */
    private Outgoing take() throws InterruptedException {
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

    private void finished(Outgoing message) {
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

    /**
     * Waits until everything queued has been sent (or dropped).
     *
     * @return whether the queue is empty, false when the time ran out or the sender closed
     */
    public boolean awaitIdle(long timeoutMs) throws InterruptedException {
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

    /** @return how it ended, or null once closed */
    private Delivery deliver(Outgoing message, RateLimiter limiter) throws InterruptedException {
        long backoffMs = settings.retryMinDelayMs();
        boolean html = true;
        String text = message.html();
        while (true) {
            MessageApi.SendResult result = api.send(chatId, text, html);
            if (result instanceof MessageApi.SendResult.Sent) {
                outage.succeeded();
                lock.lock();
                try {
                    sentMessages++;
                } finally {
                    lock.unlock();
                }
                return Delivery.SENT;
            } else if (result instanceof MessageApi.SendResult.RetryAfter retry) {
                LOG.warn("Chat {}: Telegram asks to slow down, waiting {} ms", chatId, retry.retryAfterMs());
                limiter.drain(System.nanoTime());
                if (!pause(TimeUnit.MILLISECONDS.toNanos(retry.retryAfterMs()))) {
                    return null;
                }
            } else if (result instanceof MessageApi.SendResult.Transient failure) {
                // Once per outage, not once per try: messages wait in order meanwhile.
                outage.failed(scrubber.scrub(failure.reason()), null);
                if (!pause(TimeUnit.MILLISECONDS.toNanos(backoffMs))) {
                    return null;
                }
                backoffMs = Math.min(settings.retryMaxDelayMs(), backoffMs * 2);
            } else if (result instanceof MessageApi.SendResult.Rejected rejected) {
                if (html && rejected.errorCode() == 400) {
                    // A markup mistake must not cost the message: send it once more as plain text.
                    LOG.warn("Chat {}: Telegram refused the HTML ({}), sending as plain text", chatId,
                            scrubber.scrub(rejected.reason()));
                    html = false;
                    text = Html.toPlain(text);
                } else {
                    LOG.warn("Chat {}: Telegram refused a message with {} ({}); dropped", chatId,
                            rejected.errorCode(), scrubber.scrub(rejected.reason()));
                    return Delivery.REFUSED;
                }
            }
        }
    }

    /** Waits {@code nanos}, or less when closed. @return false when closed */
    private boolean pause(long nanos) throws InterruptedException {
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
     * Asks the thread to stop, without waiting: what is queued is discarded, and a send in flight is abandoned (its
     * HTTP call cancelled).
     */
    public void stop() {
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
                thread.interrupt();
            }
        } finally {
            lock.unlock();
        }
        for (Outgoing message : discarded) {
            message.completion().ended(1, Delivery.DROPPED);
        }
    }

    /** Stops the thread and waits for it a bounded time, interrupting it if it is still busy. */
    @Override
    public void close() {
        stop();
        if (thread.isAlive() && thread != Thread.currentThread()) {
            boolean interrupted = false;
            try {
                thread.join(CLOSE_WAIT_MS);
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(CLOSE_WAIT_MS);
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
