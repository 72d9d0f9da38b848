package com.byninja.telegram.telegram;

import com.byninja.runtime.Agent;
import com.byninja.runtime.AgentRunner;
import com.byninja.runtime.Backoff;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
import com.byninja.runtime.RateLimiter;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.telegram.ChatOutput.Delivery;
import com.byninja.telegram.telegram.ChatOutput.Outcome;
import com.byninja.telegram.telegram.ChatOutput.Priority;
import com.byninja.telegram.telegram.ChatQueue.Completion;
import com.byninja.telegram.telegram.ChatQueue.Outgoing;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing messages of one chat and its thread, {@code chat-sender-<chatId>}: sends the highest class of message
 * first ({@link Priority}: a person's answer never waits behind alerts, notices or logs), in order within a class,
 * paced by a token bucket; waits out HTTP 429 for the {@code retry_after} Telegram asks and then goes on at the steady
 * pace, without a burst; retries network errors and 5xx answers with capped exponential backoff, saying so once when
 * they start and once when sending works again. The queue ({@link ChatQueue}) is bounded: when it is full the oldest
 * log message is dropped first, then notices, then alerts. {@link #offer} never blocks, so callers on the link's
 * reader thread are never held up by Telegram. Each message may carry a callback told how it ended once every part of
 * it has: sent (with the id Telegram gave it), refused by Telegram for good, or dropped unsent.
 */
public final class ChatSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatSender.class);
    private static final long CLOSE_WAIT_MS = 1_000;
    private static final Consumer<Outcome> NOBODY = outcome -> { };

    private final long chatId;
    private final MessageApi api;
    private final TelegramServerConfig.Sending settings;
    private final TokenScrubber scrubber;
    private final ChatQueue queue;
    private final Outage outage;
    private final AtomicLong sentMessages = new AtomicLong();
    private final AgentRunner runner;

    public ChatSender(long chatId, MessageApi api, TelegramServerConfig.Sending settings, TokenScrubber scrubber) {
        this(chatId, api, settings, scrubber, ErrorHandler.logging(LOG, new Counters(), scrubber::describe));
    }

    /** @param errors told of a failure of the sender's thread outside sending a message */
    public ChatSender(long chatId, MessageApi api, TelegramServerConfig.Sending settings, TokenScrubber scrubber,
                      ErrorHandler errors) {
        this.chatId = chatId;
        this.api = api;
        this.settings = settings;
        this.scrubber = scrubber;
        this.queue = new ChatQueue(chatId, settings.queueCapacity());
        this.outage = new Outage(LOG, "Sending to chat " + chatId);
        this.runner = new AgentRunner(new Sending(), errors, CLOSE_WAIT_MS);
    }

    /** Starts the sending thread. */
    public void start() {
        runner.start();
    }

    /**
     * Queues {@code message}, in parts Telegram accepts. Never blocks.
     *
     * @return false when the message was not queued: the sender is closed, or the queue is full of higher classes
     */
    public boolean offer(ChatMessage message, Priority priority) {
        return offer(message, priority, NOBODY);
    }

    /**
     * Queues {@code message}, in parts Telegram accepts. Never blocks.
     *
     * @param whenDone told once how the message ended, when every part has: on this sender's thread, or on the
     *                 caller's when a part was not queued or was evicted by this offer. Must not block
     * @return false when the message was not queued: the sender is closed, or the queue is full of higher classes
     */
    public boolean offer(ChatMessage message, Priority priority, Consumer<Outcome> whenDone) {
        List<ChatMessage> parts = message.parts();
        if (parts.isEmpty()) {
            whenDone.accept(new Outcome(Delivery.SENT, OptionalInt.empty()));
            return true;
        }
        return queue.offer(parts, message.idPart(parts), priority, new Completion(parts.size(), whenDone));
    }

    /** @return whether a log message is queued or being sent, so that the next one should wait and gather more lines */
    public boolean hasPendingLog() {
        return queue.hasPendingLog();
    }

    /** @return messages of a class dropped because the queue was full */
    public long dropped(Priority priority) {
        return queue.dropped(priority);
    }

    /** @return messages of a class waiting to be sent, not counting one in flight */
    public int queued(Priority priority) {
        return queue.queued(priority);
    }

    /** @return messages Telegram accepted */
    public long sentMessages() {
        return sentMessages.get();
    }

    /**
     * Waits until everything queued has been sent (or dropped).
     *
     * @return whether the queue is empty, false when the time ran out or the sender closed
     */
    public boolean awaitIdle(long timeoutMs) throws InterruptedException {
        return queue.awaitIdle(timeoutMs);
    }

    /**
     * Asks the thread to stop, without waiting: what is queued is discarded, and a send in flight is abandoned (its
     * HTTP call cancelled).
     */
    public void stop() {
        runner.requestStop();
    }

    /** Stops the thread and waits for it a bounded time, interrupting it if it is still busy. */
    @Override
    public void close() {
        runner.close();
    }

    /** How one part ended, and the id Telegram gave it. */
    private record Result(Delivery delivery, OptionalInt messageId) {
    }

    /** The chat's role on its thread: one message per step, paced, until the queue closes. */
    private final class Sending implements Agent {
        private RateLimiter limiter;

        @Override
        public String roleName() {
            return "chat-sender-" + chatId;
        }

        @Override
        public void onStart() {
            limiter = new RateLimiter(TimeUnit.MILLISECONDS.toNanos(settings.intervalMs()), settings.burst(),
                    System.nanoTime());
        }

        @Override
        public int doWork() throws InterruptedException {
            Outgoing next = queue.take();
            if (next == null) {
                return 0;
            }
            Result outcome = new Result(Delivery.DROPPED, OptionalInt.empty());
            try {
                Result delivered = paced(next);
                if (delivered != null) {
                    outcome = delivered;
                }
            } catch (RuntimeException e) {
                // A bug while sending one message costs that message, not the chat's whole sender. It counts as
                // finished: sending it again would most likely fail the same way.
                outcome = new Result(Delivery.REFUSED, OptionalInt.empty());
                LOG.error("Chat {}: a message was dropped after an unexpected error: {}", chatId,
                        scrubber.describe(e));
            } finally {
                queue.finished();
                next.completion().ended(next, outcome.delivery(), outcome.messageId());
            }
            return 1;
        }

        @Override
        public void onStopRequested() {
            queue.close(runner::interrupt);
        }

        /** @return how it ended, or null once closed */
        private Result paced(Outgoing message) throws InterruptedException {
            long delay;
            while ((delay = limiter.delayNanos(System.nanoTime())) > 0) {
                if (!queue.pause(delay)) {
                    return null;
                }
            }
            limiter.acquire(System.nanoTime());
            return deliver(message);
        }

        /** @return how it ended, or null once closed */
        private Result deliver(Outgoing message) throws InterruptedException {
            Backoff backoff = Backoff.of(settings.retryMinDelayMs(), settings.retryMaxDelayMs());
            ChatMessage part = message.part();
            boolean html = part.hasMarkup();
            while (true) {
                MessageApi.SendResult result = api.send(chatId, part, html);
                if (result instanceof MessageApi.SendResult.Sent sent) {
                    outage.succeeded();
                    sentMessages.incrementAndGet();
                    return new Result(Delivery.SENT, sent.messageId());
                } else if (result instanceof MessageApi.SendResult.RetryAfter retry) {
                    LOG.warn("Chat {}: Telegram asks to slow down, waiting {} ms", chatId, retry.retryAfterMs());
                    if (!queue.pause(TimeUnit.MILLISECONDS.toNanos(retry.retryAfterMs()))) {
                        return null;
                    }
                    // The wait must not have saved up a burst: this try takes the pace's turn, and what follows goes
                    // out at the steady rate.
                    limiter.drain(System.nanoTime());
                } else if (result instanceof MessageApi.SendResult.Transient failure) {
                    // Once per outage, not once per try: messages wait in order meanwhile.
                    outage.failed(scrubber.scrub(failure.reason()), null);
                    if (!queue.pause(TimeUnit.MILLISECONDS.toNanos(backoff.next()))) {
                        return null;
                    }
                } else if (result instanceof MessageApi.SendResult.Rejected rejected) {
                    if (html && rejected.errorCode() == 400) {
                        // A markup mistake must not cost the message: send it once more as plain text.
                        LOG.warn("Chat {}: Telegram refused the HTML ({}), sending as plain text", chatId,
                                scrubber.scrub(rejected.reason()));
                        html = false;
                        part = part.asPlain();
                    } else {
                        LOG.warn("Chat {}: Telegram refused a message with {} ({}); dropped", chatId,
                                rejected.errorCode(), scrubber.scrub(rejected.reason()));
                        return new Result(Delivery.REFUSED, OptionalInt.empty());
                    }
                }
            }
        }
    }
}
