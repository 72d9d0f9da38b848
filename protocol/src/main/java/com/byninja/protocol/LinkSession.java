package com.byninja.protocol;

import java.time.Instant;

/** One authenticated connection of the link, as either end sees it. Thread-safe. */
public interface LinkSession {
    /** @return the peer's name from the handshake: the bot's name on the server, the server's name on a client. */
    String peerName();

    /** @return the peer's address, such as {@code 127.0.0.1:54321}. */
    String remoteAddress();

    /** @return when the handshake completed. */
    Instant connectedAt();

    /**
     * Queues a frame for the writer thread. Never blocks.
     *
     * @return whether the frame was queued; when not, it was dropped and counted, or the session is closed
     */
    boolean send(Message message);

    /** @return whether the session can still send. */
    boolean isOpen();

    /** Closes the session after writing what is queued, within the configured close timeout. */
    void close(String reason);
}
