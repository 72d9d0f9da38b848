package com.byninja.telegram.telegram;

import com.byninja.runtime.ErrorHandler;
import com.byninja.telegram.config.TelegramServerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link ChatOutput} with one {@link ChatSender}, and so one queue and one thread, per allowed chat. */
public final class ChatSenders implements ChatOutput, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatSenders.class);

    private final Map<Long, ChatSender> senders = new LinkedHashMap<>();
    private final List<Long> chats;

    /** @param errors told of a failure of a sender's thread outside sending a message */
    public ChatSenders(List<Long> chats, MessageApi api, TelegramServerConfig.Sending settings,
                       TokenScrubber scrubber, ErrorHandler errors) {
        for (long chat : chats) {
            senders.putIfAbsent(chat, new ChatSender(chat, api, settings, scrubber, errors));
        }
        this.chats = List.copyOf(senders.keySet());
    }

    /** Starts every sender thread. */
    public void start() {
        senders.values().forEach(ChatSender::start);
    }

    @Override
    public void send(long chatId, ChatMessage message, Priority priority, Consumer<Outcome> whenDone) {
        ChatSender sender = senders.get(chatId);
        if (sender == null) {
            LOG.warn("Not sending to chat {}: it is not an allowed chat", chatId);
            whenDone.accept(new Outcome(Delivery.REFUSED, OptionalInt.empty()));
        } else if (!sender.offer(message, priority, whenDone)) {
            LOG.debug("Chat {}: message not queued (closed, or no room)", chatId);
        }
    }

    @Override
    public boolean logPending(long chatId) {
        ChatSender sender = senders.get(chatId);
        return sender != null && sender.hasPendingLog();
    }

    @Override
    public long dropped(Priority priority) {
        return senders.values().stream().mapToLong(sender -> sender.dropped(priority)).sum();
    }

    /** @return messages of a class waiting in one chat's queue, not counting one in flight; 0 for an unknown chat */
    public int queued(long chatId, Priority priority) {
        ChatSender sender = senders.get(chatId);
        return sender == null ? 0 : sender.queued(priority);
    }

    @Override
    public List<Long> chats() {
        return chats;
    }

    /** Waits until every chat's queue has been sent; false when {@code timeoutMs} ran out first. */
    public boolean awaitIdle(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (ChatSender sender : senders.values()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (!sender.awaitIdle(Math.max(0, left))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        senders.values().forEach(ChatSender::stop);
        senders.values().forEach(ChatSender::close);
    }
}
