package com.byninja.telegram.telegram;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the people in the allowed chats do, as the rest of the server hears it: text typed, and our buttons pressed,
 * each with who did it (in a group, every member's role is their own). Called on the {@code telegram-updates} thread
 * (or {@code console-reader}); must not block.
 */
public interface ChatInput {

    /**
     * A text from an allowed chat, addressed to this bot.
     *
     * @param from   who typed it
     * @param sentAt when it was typed: its Telegram date
     */
    void typed(long chatId, Person from, String text, Instant sentAt);

    /** A press of one of our buttons in an allowed chat. */
    void pressed(ButtonPress press);

    /**
     * One press of a button.
     *
     * @param chatId          the chat of the message the button is on
     * @param from            who pressed it
     * @param messageId       the message the button is on, when Telegram says; empty in the console
     * @param callbackQueryId the id to answer the press with, so the button stops spinning; empty in the console,
     *                        where nothing spins
     * @param data            the button's callback data ({@link CommandButtons})
     */
    record ButtonPress(long chatId, Person from, OptionalInt messageId, Optional<String> callbackQueryId,
                       String data) {

        /**
         * A press by whoever types in the console ({@link Person#CONSOLE}), on a message whose id is not known; the
         * console's presses have no {@code callbackQueryId}.
         */
        public ButtonPress(long chatId, Optional<String> callbackQueryId, String data) {
            this(chatId, Person.CONSOLE, OptionalInt.empty(), callbackQueryId, data);
        }

        /** A press in the console, by whoever types there: no message id, nothing to answer. */
        public static ButtonPress inConsole(long chatId, String data) {
            return new ButtonPress(chatId, Optional.empty(), data);
        }
    }
}
