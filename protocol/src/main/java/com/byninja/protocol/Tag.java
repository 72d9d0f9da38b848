package com.byninja.protocol;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kind of a frame, carried in its {@code tag} field. Incoming frames are routed to handlers by tag.
 *
 * <p>Delivery classes matter when a connection's outgoing queue is full: {@link #LOG} frames are
 * {@linkplain #isDroppable() droppable} and are counted when dropped; every other tag is critical and is never
 * dropped silently.
 */
public enum Tag {
    /** Server to client, first frame of the handshake: the server nonce. */
    CHALLENGE,
    /** Client to server, the client's proof of the shared secret. */
    HELLO,
    /** Server to client, the server's proof of the shared secret; the link is authenticated after it. */
    WELCOME,
    /** Server to client: a remote control command, with an {@code id} the reply carries back. */
    COMMAND,
    /** Client to server: the answer to a {@link #COMMAND}, carrying its {@code id}. */
    REPLY,
    /** Client to server: a trade or risk event, with an {@code id}; kept by the client until {@link #ACK}ed. */
    ALERT,
    /**
     * Server to client: the alert whose {@code id} this carries has been delivered (protocol version 2); the client
     * forgets it.
     */
    ACK,
    /** Client to server: a forwarded log line; dropped (and counted) under pressure. */
    LOG,
    /** Client to server: a periodic state snapshot. */
    STATUS,
    /** Either way: sent after a quiet interval; answered with {@link #PONG}. */
    PING,
    /** Either way: the answer to {@link #PING}. */
    PONG,
    /** Either way: the peer sent something wrong; {@code message} says what. */
    ERROR;

    private static final Map<String, Tag> BY_WIRE_NAME = new HashMap<>();

    static {
        for (Tag tag : values()) {
            BY_WIRE_NAME.put(tag.wireName, tag);
        }
    }

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** @return the name of this tag on the wire, in lowercase, such as {@code "command"}. */
    public String wireName() {
        return wireName;
    }

    /** @return whether frames of this tag may be dropped (and counted) when a queue is full. */
    public boolean isDroppable() {
        return this == LOG;
    }

    /**
     * @param wireName the exact lowercase name found on the wire
     * @return the tag of that name, or empty when it is not one this version knows
     */
    public static Optional<Tag> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
