package com.byninja.telegram.telegram;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Where messages for chats go: Telegram, or the console. Every method returns at once, without blocking. */
public interface ChatOutput {

    /** How a queued message ended in a chat. Declared from best to worst. */
    enum Delivery {
        /** Telegram accepted every part of it (the console printed it). */
        SENT,
        /** Telegram refused a part of it for good (such as 400 after the plain-text retry, or 403): it is finished. */
        REFUSED,
        /** A part of it was dropped unsent: evicted from a full queue, or discarded at shutdown. */
        DROPPED;

        Delivery worse(Delivery other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    /**
     * Queues a reply, alert or announcement (HTML) for one chat.
     *
     * @param whenDone told once how it ended, when every part of it has; on a chat sender's thread, or on the caller's
     *                 when it was not queued at all (a chat that is not allowed: {@link Delivery#REFUSED}). Must not
     *                 block
     */
    void send(long chatId, String html, Consumer<Delivery> whenDone);

    /** Queues a reply, alert or announcement (HTML) for one chat; ignored for a chat that is not allowed. */
    default void send(long chatId, String html) {
        send(chatId, html, delivery -> { });
    }

    /** Queues a message to every chat. */
    default void broadcast(String html) {
        for (long chat : chats()) {
            send(chat, html);
        }
    }

    /**
     * Queues a message to every chat.
     *
     * @param whenDone told once, when it has ended in every chat, the worst of how it ended there; must not block
     */
    default void broadcast(String html, Consumer<Delivery> whenDone) {
        List<Long> chats = chats();
        if (chats.isEmpty()) {
            whenDone.accept(Delivery.SENT);
            return;
        }
        AtomicInteger remaining = new AtomicInteger(chats.size());
        AtomicReference<Delivery> worst = new AtomicReference<>(Delivery.SENT);
        for (long chat : chats) {
            send(chat, html, delivery -> {
                Delivery overall = worst.accumulateAndGet(delivery, Delivery::worse);
                if (remaining.decrementAndGet() == 0) {
                    whenDone.accept(overall);
                }
            });
        }
    }

    /**
     * Queues gathered log lines for one chat.
     *
     * @return false when the chat's queue had no room for it
     */
    boolean sendLog(long chatId, String html);

    /** @return whether an earlier log message for this chat is still waiting to go out */
    boolean logPending(long chatId);

    /** @return the chats that receive broadcasts: the allowed chats, or the console */
    List<Long> chats();
}
