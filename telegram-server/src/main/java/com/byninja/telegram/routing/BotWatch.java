package com.byninja.telegram.routing;

import com.byninja.protocol.Message;

/**
 * Told what each trading bot does, so that something can watch over the bots (the watchdog): called by
 * {@link BotEvents} on the link's reader threads, so every method only queues or updates memory, never blocks.
 */
public interface BotWatch {
    /** Watches nothing. */
    BotWatch NONE = new BotWatch() {
    };

    /** A bot completed the handshake. */
    default void connected(String bot) {
    }

    /**
     * A bot's connection ended.
     *
     * @param why      how it ended, or what the bot said when it stopped
     * @param stopped  whether the bot had said it was stopping: on purpose
     * @param replaced whether a newer connection of the bot already took its place
     */
    default void disconnected(String bot, String why, boolean stopped, boolean replaced) {
    }

    /** A bot's periodic {@code status} frame (not the one by which it says it is stopping). */
    default void status(String bot, Message status) {
    }

    /** An {@code alert} frame of a bot, before it goes to the chats. */
    default void alert(String bot, Message alert) {
    }
}
