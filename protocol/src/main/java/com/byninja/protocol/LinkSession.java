package com.byninja.protocol;

import java.time.Instant;

/**
 * One authenticated connection of the link, as either end sees it. Thread-safe.
 *
 * <p>Each connection is one object from its handshake to its close: the session passed to
 * {@link LinkServer.Listener#onConnected}, to every handler of its frames and to
 * {@link LinkServer.Listener#onDisconnected} is the same instance, so it may key per-connection state. A bot that
 * reconnects gets a new session.
 */
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
