package com.byninja.telegram.telegram;

import java.util.List;
import java.util.OptionalInt;
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
     * Why a message goes to a chat, which decides its place in the chat's queue: a class goes out before every lower
     * one queued, in order within a class. Declared from highest to lowest. When the queue is full, the oldest message
     * of the lowest class queued makes room, but never one of a higher class than the message that needs the room.
     */
    enum Priority {
        /** An answer to a person: a command's reply, the answer to a button press, an edit. */
        REPLY("reply", "replies"),
        /** A trading bot's alert. */
        ALERT("alert", "alerts"),
        /** A trading bot connecting or dropping, and other notices of this server. */
        NOTICE("notice", "notices"),
        /** Relayed log lines. */
        LOG("log message", "log messages");

        private final String one;
        private final String many;

        Priority(String one, String many) {
            this.one = one;
            this.many = many;
        }

        /** @return {@code count} messages of this class, as in "1 notice" or "3 notices" */
        public String count(long count) {
            return count + " " + (count == 1 ? one : many);
        }
    }

    /**
     * How a message ended in one chat.
     *
     * @param messageId the id Telegram gave it (the part with its keyboard or photo), for a later {@link
     *                  ChatMessage.Edit}; empty when it was not sent, or is an answer to a button press
     */
    record Outcome(Delivery delivery, OptionalInt messageId) {
    }

    /**
     * Queues a message for one chat.
     *
     * @param whenDone told once how it ended, when every part of it has; on a chat sender's thread, or on the caller's
     *                 when it was not queued ({@link Delivery#DROPPED} when the queue had no room for it,
     *                 {@link Delivery#REFUSED} for a chat that is not allowed). Must not block
     */
    void send(long chatId, ChatMessage message, Priority priority, Consumer<Outcome> whenDone);

    /** Queues a message for one chat; ignored for a chat that is not allowed. */
    default void send(long chatId, ChatMessage message, Priority priority) {
        send(chatId, message, priority, outcome -> { });
    }

    /** Queues the answer (HTML) to a person in one chat. */
    default void reply(long chatId, String html) {
        send(chatId, new ChatMessage.Text(html), Priority.REPLY);
    }

    /** Queues a message to every chat. */
    default void broadcast(ChatMessage message, Priority priority) {
        for (long chat : chats()) {
            send(chat, message, priority);
        }
    }

    /**
     * Queues a message to every chat.
     *
     * @param whenDone told once, when it has ended in every chat, the worst of how it ended there; must not block
     */
    default void broadcast(ChatMessage message, Priority priority, Consumer<Delivery> whenDone) {
        List<Long> chats = chats();
        if (chats.isEmpty()) {
            whenDone.accept(Delivery.SENT);
            return;
        }
        AtomicInteger remaining = new AtomicInteger(chats.size());
        AtomicReference<Delivery> worst = new AtomicReference<>(Delivery.SENT);
        for (long chat : chats) {
            send(chat, message, priority, outcome -> {
                Delivery overall = worst.accumulateAndGet(outcome.delivery(), Delivery::worse);
                if (remaining.decrementAndGet() == 0) {
                    whenDone.accept(overall);
                }
            });
        }
    }

    /** @return whether an earlier log message for this chat is still waiting to go out */
    boolean logPending(long chatId);

    /** @return messages of this class dropped from full chat queues since the start, in every chat together */
    long dropped(Priority priority);

    /** @return the chats that receive broadcasts: the allowed chats, or the console */
    List<Long> chats();
}
