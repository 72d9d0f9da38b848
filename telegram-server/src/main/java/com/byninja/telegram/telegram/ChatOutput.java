package com.byninja.telegram.telegram;

import java.util.List;

/** Where messages for chats go: Telegram, or the console. Every method returns at once, without blocking. */
public interface ChatOutput {

    /** Queues a reply, alert or announcement (HTML) for one chat; ignored for a chat that is not allowed. */
    void send(long chatId, String html);

    /** Queues a message to every chat. */
    default void broadcast(String html) {
        for (long chat : chats()) {
            send(chat, html);
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
