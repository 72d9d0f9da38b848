package com.byninja.telegram.telegram;

import java.util.OptionalInt;

/** Makes one Bot API call for one part of a {@link ChatMessage}: the only calls a {@link ChatSender} makes. */
@FunctionalInterface
public interface MessageApi {

    /**
     * @param chatId the chat
     * @param part   one part of a message, as {@link ChatMessage#parts()} made it
     * @param html   whether its text uses HTML parse mode; false for the plain-text retry
     *               ({@link ChatMessage#asPlain()})
     * @return how it went; never throws for Telegram or network failures
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    SendResult send(long chatId, ChatMessage part, boolean html) throws InterruptedException;

    /** The outcome of one call. */
    sealed interface SendResult {
        /**
         * Telegram took it.
         *
         * @param messageId the message it made or edited; empty for an answer to a button press
         */
        record Sent(OptionalInt messageId) implements SendResult {
        }

        /** HTTP 429: try again after {@code retryAfterMs}. */
        record RetryAfter(long retryAfterMs) implements SendResult {
        }

        /** A network error, a timeout or a server error: worth retrying. */
        record Transient(String reason) implements SendResult {
        }

        /** Telegram refused this call (bad request, bot blocked, chat gone): retrying will not help. */
        record Rejected(int errorCode, String reason) implements SendResult {
        }
    }
}
