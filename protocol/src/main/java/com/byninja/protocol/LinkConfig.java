package com.byninja.protocol;

/**
 * Settings of one end of the link, each named with its unit. Immutable; start from {@link #defaults()}.
 *
 * @param maxFrameBytes        the largest frame body sent or accepted (default 1 MiB)
 * @param heartbeatIntervalMs  a {@code ping} goes out after this long without sending; a peer silent for three
 *                             intervals is declared dead (default 5000)
 * @param handshakeTimeoutMs   a peer that has not finished the handshake within this is disconnected (default 5000)
 * @param sendQueueCapacity    frames waiting to be written, per connection; the last quarter is kept for frames that
 *                             may not be dropped (default 4096)
 * @param pendingAlertCapacity alerts a client keeps until the server acknowledges them, connected or not; beyond it
 *                             the oldest are dropped and counted (default 1000)
 * @param closeTimeoutMs       how long {@code close()} waits for queued frames to be written (default 2000)
 * @param reconnectMinDelayMs  a client's first reconnection delay, doubled after each failure (default 500)
 * @param reconnectMaxDelayMs  the cap on a client's reconnection delay (default 10000)
 * @param connectTimeoutMs     a client's TCP connect timeout (default 5000)
 * @param maxConnections       connections a server holds at once, authenticated or not (default 64)
 */
public record LinkConfig(
        int maxFrameBytes,
        long heartbeatIntervalMs,
        long handshakeTimeoutMs,
        int sendQueueCapacity,
        int pendingAlertCapacity,
        long closeTimeoutMs,
        long reconnectMinDelayMs,
        long reconnectMaxDelayMs,
        long connectTimeoutMs,
        int maxConnections) {

    public LinkConfig {
        requirePositive("maxFrameBytes", maxFrameBytes);
        requirePositive("heartbeatIntervalMs", heartbeatIntervalMs);
        requirePositive("handshakeTimeoutMs", handshakeTimeoutMs);
        if (sendQueueCapacity < 4) {
            throw new IllegalArgumentException("sendQueueCapacity must be at least 4, got " + sendQueueCapacity);
        }
        requirePositive("pendingAlertCapacity", pendingAlertCapacity);
        requirePositive("closeTimeoutMs", closeTimeoutMs);
        requirePositive("reconnectMinDelayMs", reconnectMinDelayMs);
        if (reconnectMaxDelayMs < reconnectMinDelayMs) {
            throw new IllegalArgumentException("reconnectMaxDelayMs must be at least reconnectMinDelayMs ("
                    + reconnectMinDelayMs + "), got " + reconnectMaxDelayMs);
        }
        requirePositive("connectTimeoutMs", connectTimeoutMs);
        requirePositive("maxConnections", maxConnections);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** @return the defaults listed on this record. */
    public static LinkConfig defaults() {
        return new LinkConfig(1 << 20, 5_000, 5_000, 4096, 1000, 2_000, 500, 10_000, 5_000, 64);
    }

    public LinkConfig withMaxFrameBytes(int v) {
        return new LinkConfig(v, heartbeatIntervalMs, handshakeTimeoutMs, sendQueueCapacity, pendingAlertCapacity,
                closeTimeoutMs, reconnectMinDelayMs, reconnectMaxDelayMs, connectTimeoutMs, maxConnections);
    }

    public LinkConfig withHeartbeatIntervalMs(long v) {
        return new LinkConfig(maxFrameBytes, v, handshakeTimeoutMs, sendQueueCapacity, pendingAlertCapacity,
                closeTimeoutMs, reconnectMinDelayMs, reconnectMaxDelayMs, connectTimeoutMs, maxConnections);
    }

    public LinkConfig withHandshakeTimeoutMs(long v) {
        return new LinkConfig(maxFrameBytes, heartbeatIntervalMs, v, sendQueueCapacity, pendingAlertCapacity,
                closeTimeoutMs, reconnectMinDelayMs, reconnectMaxDelayMs, connectTimeoutMs, maxConnections);
    }

    public LinkConfig withSendQueueCapacity(int v) {
        return new LinkConfig(maxFrameBytes, heartbeatIntervalMs, handshakeTimeoutMs, v, pendingAlertCapacity,
                closeTimeoutMs, reconnectMinDelayMs, reconnectMaxDelayMs, connectTimeoutMs, maxConnections);
    }

    public LinkConfig withPendingAlertCapacity(int v) {
        return new LinkConfig(maxFrameBytes, heartbeatIntervalMs, handshakeTimeoutMs, sendQueueCapacity, v,
                closeTimeoutMs, reconnectMinDelayMs, reconnectMaxDelayMs, connectTimeoutMs, maxConnections);
    }

    public LinkConfig withCloseTimeoutMs(long v) {
        return new LinkConfig(maxFrameBytes, heartbeatIntervalMs, handshakeTimeoutMs, sendQueueCapacity,
                pendingAlertCapacity, v, reconnectMinDelayMs, reconnectMaxDelayMs, connectTimeoutMs, maxConnections);
    }

    public LinkConfig withReconnectMinDelayMs(long v) {
        return new LinkConfig(maxFrameBytes, heartbeatIntervalMs, handshakeTimeoutMs, sendQueueCapacity,
                pendingAlertCapacity, closeTimeoutMs, v, Math.max(v, reconnectMaxDelayMs), connectTimeoutMs,
                maxConnections);
    }

    public LinkConfig withReconnectMaxDelayMs(long v) {
        return new LinkConfig(maxFrameBytes, heartbeatIntervalMs, handshakeTimeoutMs, sendQueueCapacity,
                pendingAlertCapacity, closeTimeoutMs, Math.min(reconnectMinDelayMs, v), v, connectTimeoutMs,
                maxConnections);
    }

    public LinkConfig withConnectTimeoutMs(long v) {
        return new LinkConfig(maxFrameBytes, heartbeatIntervalMs, handshakeTimeoutMs, sendQueueCapacity,
                pendingAlertCapacity, closeTimeoutMs, reconnectMinDelayMs, reconnectMaxDelayMs, v, maxConnections);
    }

    public LinkConfig withMaxConnections(int v) {
        return new LinkConfig(maxFrameBytes, heartbeatIntervalMs, handshakeTimeoutMs, sendQueueCapacity,
                pendingAlertCapacity, closeTimeoutMs, reconnectMinDelayMs, reconnectMaxDelayMs, connectTimeoutMs, v);
    }

    /** @return how long a peer may stay silent before it is declared dead: three heartbeat intervals. */
    public long deadPeerTimeoutMs() {
        return 3 * heartbeatIntervalMs;
    }
}
