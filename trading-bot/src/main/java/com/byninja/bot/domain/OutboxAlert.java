package com.byninja.bot.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * An alert as the outbox keeps it, from the transaction of the event that raised it until the telegram-server has
 * delivered it.
 *
 * @param id        unique for ever: the telegram-server drops a second copy by it
 * @param text      readable text
 * @param symbol    the symbol concerned, or null
 * @param data      the same facts, structured, or null
 * @param createdAt when the event happened
 */
public record OutboxAlert(String id, String text, String symbol, ObjectNode data, Instant createdAt) {

    public OutboxAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return {@code alert} as the outbox keeps it, under {@code id}, raised at {@code createdAt}. */
    public static OutboxAlert of(String id, Alert alert, Instant createdAt) {
        return new OutboxAlert(id, alert.text(), alert.symbolName(), alert.data(), createdAt);
    }
}
