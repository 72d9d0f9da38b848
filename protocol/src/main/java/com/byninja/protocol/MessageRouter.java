package com.byninja.protocol;

import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes incoming frames to handlers by {@link Tag}. Configure it before the link starts; it is read-only after.
 * The handshake tags, {@code ping} and {@code pong} are handled by the link itself and never reach the router.
 */
public final class MessageRouter {
    private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);

    private final Map<Tag, MessageHandler> handlers = new EnumMap<>(Tag.class);
    private MessageHandler otherwise = (from, m) ->
            log.debug("No handler for a {} frame from {}", m.tag().wireName(), from.peerName());

    /** Sends frames of {@code tag} to {@code handler}, replacing any earlier handler of that tag. */
    public MessageRouter on(Tag tag, MessageHandler handler) {
        handlers.put(tag, handler);
        return this;
    }

    /** Sends frames whose tag has no handler to {@code handler}. By default they are logged at DEBUG. */
    public MessageRouter otherwise(MessageHandler handler) {
        this.otherwise = handler;
        return this;
    }

    void dispatch(LinkSession from, Message message) {
        handlers.getOrDefault(message.tag(), otherwise).onMessage(from, message);
    }
}
