package com.byninja.telegram.telegram;

/** Sends one text message to one chat: the only Bot API call a {@link ChatSender} makes. */
@FunctionalInterface
public interface MessageApi {

    /**
     * @param chatId the chat
     * @param text   the text, at most 4096 characters
     * @param html   whether {@code text} uses HTML parse mode
     * @return how it went; never throws for Telegram or network failures
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    SendResult send(long chatId, String text, boolean html) throws InterruptedException;

    /** The outcome of one send. */
    sealed interface SendResult {
        /** Telegram took the message. */
        record Sent() implements SendResult {
        }

        /** HTTP 429: try again after {@code retryAfterMs}. */
        record RetryAfter(long retryAfterMs) implements SendResult {
        }

        /** A network error, a timeout or a server error: worth retrying. */
        record Transient(String reason) implements SendResult {
        }

        /** Telegram refused this message (bad request, bot blocked, chat gone): retrying will not help. */
        record Rejected(int errorCode, String reason) implements SendResult {
        }
    }
}
