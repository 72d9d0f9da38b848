package com.byninja.protocol;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Settings and probes shared by the socket tests. */
final class TestLinks {
    static final LinkSecret SECRET = LinkSecret.of("test-secret-0123456789abcdef");
    static final LinkSecret OTHER_SECRET = LinkSecret.of("some-other-secret-fedcba9876543210");

    private TestLinks() {
    }

    /** Short intervals so that heartbeats, deadlines and reconnections happen within a test's patience. */
    static LinkConfig fast() {
        return LinkConfig.defaults()
                .withHeartbeatIntervalMs(200)
                .withHandshakeTimeoutMs(1_000)
                .withReconnectMaxDelayMs(200)
                .withReconnectMinDelayMs(50)
                .withCloseTimeoutMs(1_000)
                .withConnectTimeoutMs(1_000);
    }

    static LinkServer.Builder server() {
        return LinkServer.builder(SECRET).port(0).config(fast());
    }

    static LinkClient.Builder client(String name, int port) {
        return LinkClient.builder(SECRET).name(name).port(port).config(fast());
    }

    /**
     * Starts a server that hands every alert to {@code alerts} and then acknowledges it, as a server that delivered it
     * would. Other frames go to {@code others}.
     */
    static LinkServer startAcknowledging(LinkServer.Builder builder, MessageHandler alerts, MessageHandler others)
            throws IOException {
        CompletableFuture<LinkServer> self = new CompletableFuture<>();
        LinkServer server = builder.router(new MessageRouter()
                .on(Tag.ALERT, (from, m) -> {
                    alerts.onMessage(from, m);
                    self.join().acknowledge(from.peerName(), m.id());
                })
                .otherwise(others)).start();
        self.complete(server);
        return server;
    }

    /** @return the names of the live threads this module starts. */
    static Set<String> linkThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("link-"))
                .collect(Collectors.toSet());
    }
}
