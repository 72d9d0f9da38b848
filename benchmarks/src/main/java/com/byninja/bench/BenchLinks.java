package com.byninja.bench;

import com.byninja.protocol.LinkClient;
import com.byninja.protocol.LinkConfig;
import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.LinkServer;
import com.byninja.protocol.LinkSession;
import com.byninja.protocol.MessageRouter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** A server and a client of the real link on loopback, as the benchmarks use them. */
final class BenchLinks implements AutoCloseable {
    static final LinkSecret SECRET = LinkSecret.of("benchmark-secret-0123456789abcdef");

    final LinkServer server;
    final LinkClient client;
    final LinkSession bot;

    BenchLinks(MessageRouter serverRouter, MessageRouter clientRouter) throws IOException {
        LinkConfig config = LinkConfig.defaults();
        server = LinkServer.builder(SECRET).port(0).config(config).router(serverRouter).start();
        client = LinkClient.builder(SECRET).name("alpha").port(server.port()).config(config)
                .router(clientRouter).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.session("alpha").isEmpty() || client.state() != LinkClient.State.CONNECTED) {
            if (System.nanoTime() > deadline) {
                close();
                throw new IOException("the benchmark link did not connect within 10 s");
            }
            Thread.onSpinWait();
        }
        bot = server.session("alpha").orElseThrow();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
