package com.byninja.telegram.telegram;

import java.time.Instant;
import java.util.Optional;

/**
 * What the people in the allowed chats do, as the rest of the server hears it: text typed, and our buttons pressed.
 * Called on the {@code telegram-updates} thread (or {@code console-reader}); must not block.
 */
public interface ChatInput {

    /**
     * A text from an allowed chat, addressed to this bot.
     *
     * @param sentAt when it was typed: its Telegram date
     */
    void typed(long chatId, String text, Instant sentAt);

    /** A press of one of our buttons in an allowed chat. */
    void pressed(ButtonPress press);

    /**
     * One press of a button.
     *
     * @param chatId          the chat of the message the button is on
     * @param callbackQueryId the id to answer the press with, so the button stops spinning; empty in the console,
     *                        where nothing spins
     * @param data            the button's callback data ({@link CommandButtons})
     */
    record ButtonPress(long chatId, Optional<String> callbackQueryId, String data) {
    }
}
