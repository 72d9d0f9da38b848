package com.byninja.protocol;

import com.byninja.protocol.commands.Command;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One frame's content: the JSON object {@code {"tag": ..., "message": ..., "timestamp": ..., ...}}.
 *
 * <p>{@code tag}, {@code message} and {@code timestamp} are required; the other fields are optional and are
 * {@code null} when absent. {@code data}, when present, is owned by this message: callers must not change it after
 * construction.
 *
 * @param tag       the kind of frame
 * @param message   human-readable content or the command name; never null, may be empty
 * @param timestamp Unix epoch seconds at which the frame was created
 * @param id        correlation id: a {@code reply} carries the {@code id} of its {@code command}; an {@code alert}
 *                  its own unique id, which its {@code ack} carries back
 * @param symbol    market symbol such as {@code BTC/USDT}, for symbol-specific commands and events
 * @param bot       the trading bot's name
 * @param level     log level on {@code log} frames, such as {@code WARN}
 * @param data      structured content
 */
public record Message(
        Tag tag,
        String message,
        long timestamp,
        String id,
        String symbol,
        String bot,
        String level,
        ObjectNode data) {

    /** The {@code message} of the {@code status} frame by which a client says it is closing the link on purpose. */
    public static final String STOPPING = "stopping";

    public Message {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(message, "message");
    }

    /** @return a message with only the required fields, stamped with the current time. */
    public static Message of(Tag tag, String message) {
        return new Message(tag, message, nowSeconds(), null, null, null, null, null);
    }

    /**
     * @param id      the correlation id the reply will carry
     * @param command the command
     * @param symbol  the symbol it applies to, or null for a global command
     * @return a {@code command} frame; {@link CommandFrames#frame} makes one with every argument of a parsed command
     */
    public static Message command(String id, Command command, String symbol) {
        return new Message(Tag.COMMAND, command.name(), nowSeconds(), id, symbol, null, null, null);
    }

    /** @return a {@code reply} to {@code command}, carrying its id and symbol. */
    public static Message replyTo(Message command, String text, ObjectNode data) {
        return new Message(Tag.REPLY, text, nowSeconds(), command.id(), command.symbol(), null, null, data);
    }

    /** @return an {@code alert} frame. */
    public static Message alert(String text, String symbol, ObjectNode data) {
        return new Message(Tag.ALERT, text, nowSeconds(), null, symbol, null, null, data);
    }

    /** @return an {@code ack} of the alert whose id is {@code alertId} */
    public static Message ack(String alertId) {
        return new Message(Tag.ACK, "", nowSeconds(), Objects.requireNonNull(alertId, "alertId"), null, null, null,
                null);
    }

    /** @return a {@code log} frame at the given level, such as {@code WARN}. */
    public static Message log(String level, String text) {
        return new Message(Tag.LOG, text, nowSeconds(), null, null, null, level, null);
    }

    /**
     * The last frame of a client that closes the link on purpose, so that the server can tell its owner that the bot
     * stopped rather than that the connection was lost. To a peer that does not know it, it is a {@code status}
     * frame like any other.
     *
     * @param reason what happened, for a person, such as {@code stopped by its owner (SIGTERM)}
     * @return a {@code status} frame with {@code message} {@value #STOPPING} and {@code data.reason}
     */
    public static Message stopping(String reason) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("reason", Objects.requireNonNull(reason, "reason"));
        return new Message(Tag.STATUS, STOPPING, nowSeconds(), null, null, null, null, data);
    }

    /** @return the reason a {@link #stopping} frame gives (possibly empty), or nothing for any other frame */
    public Optional<String> stoppingReason() {
        if (tag != Tag.STATUS || !STOPPING.equals(message)) {
            return Optional.empty();
        }
        JsonNode reason = data == null ? null : data.get("reason");
        return Optional.of(reason != null && reason.isTextual() ? reason.asText() : "");
    }

    /** @return a copy of this message with {@code id} set. */
    public Message withId(String newId) {
        return new Message(tag, message, timestamp, newId, symbol, bot, level, data);
    }

    /** @return a copy of this message with {@code symbol} set. */
    public Message withSymbol(String newSymbol) {
        return new Message(tag, message, timestamp, id, newSymbol, bot, level, data);
    }

    /** @return a copy of this message with {@code bot} set. */
    public Message withBot(String newBot) {
        return new Message(tag, message, timestamp, id, symbol, newBot, level, data);
    }

    /** @return a copy of this message with {@code data} set. */
    public Message withData(ObjectNode newData) {
        return new Message(tag, message, timestamp, id, symbol, bot, level, newData);
    }

    /** @return the current time in Unix epoch seconds, the unit of {@link #timestamp()}. */
    public static long nowSeconds() {
        return System.currentTimeMillis() / 1000L;
    }
}
