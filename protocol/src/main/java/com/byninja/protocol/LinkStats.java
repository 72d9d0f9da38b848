package com.byninja.protocol;

/**
 * Counters of one end of the link since it started, for {@code status} replies and monitoring.
 *
 * @param framesSent      frames written to sockets
 * @param framesReceived  frames read from sockets
 * @param logsDropped     {@code log} frames dropped because a queue was full or the link was down
 * @param alertsDropped   {@code alert} frames a client gave up: evicted from its full buffer of unacknowledged
 *                        alerts, or still unacknowledged when it closed
 * @param othersDropped   other frames not delivered: replies and status while disconnected, frames left in the queue
 *                        of a connection that closed, frames too large to send
 * @param badFrames       frames received that broke the format, and failed handshakes
 * @param reconnects      successful handshakes after the first (client) or connections accepted (server)
 * @param failedConnects  connection attempts that failed to connect or to authenticate (client); a client that keeps
 *                        counting up here is refused or cannot reach its server
 * @param alertsAcknowledged alerts a client sent and the server acknowledged (client); acknowledgements sent (server)
 */
public record LinkStats(
        long framesSent,
        long framesReceived,
        long logsDropped,
        long alertsDropped,
        long othersDropped,
        long badFrames,
        long reconnects,
        long failedConnects,
        long alertsAcknowledged) {
}
