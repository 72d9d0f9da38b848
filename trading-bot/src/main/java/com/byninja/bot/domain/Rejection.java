package com.byninja.bot.domain;

import java.util.Objects;

/**
 * An order the bot did not place, as a value: a stable code and a message the chat shows as is.
 *
 * @param reason  the code
 * @param message for people, such as {@code stake 5000 USDT exceeds the maximum of 1000 USDT}
 */
public record Rejection(RejectReason reason, String message) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** @return a rejection for {@code reason}. */
    public static Rejection of(RejectReason reason, String message) {
        return new Rejection(reason, message);
    }

    @Override
    public String toString() {
        return reason.code() + ": " + message;
    }
}
