package com.byninja.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.protocol.commands.Command;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class LinkTest {
    @AutoClose
    private final Closer closer = new Closer();

    private <T extends AutoCloseable> T closeLater(T c) {
        return closer.add(c);
    }

    /** A bot that answers every command with a reply naming it. */
    private static MessageRouter answering() {
        return new MessageRouter().on(Tag.COMMAND,
                (from, m) -> from.send(Message.replyTo(m, "done: " + m.message(), null)));
    }

    private static void awaitConnected(LinkClient client) {
        await().atMost(Duration.ofSeconds(5)).until(() -> client.state() == LinkClient.State.CONNECTED);
    }

    @Test
    void shouldCarryACommandToTheBotAndItsReplyBackWithTheSameId() throws Exception {
        Inbox replies = new Inbox();
        LinkServer server = closeLater(TestLinks.server().router(new MessageRouter().on(Tag.REPLY, replies)).start());
        LinkClient client = closeLater(TestLinks.client("alpha", server.port()).router(answering()).start());
        awaitConnected(client);

        LinkSession alpha = server.session("alpha").orElseThrow();
        assertThat(alpha.send(Message.command("c-42", Command.STOPTRADING, "ETH/USDT"))).isTrue();

        Message reply = replies.take();
        assertThat(reply.id()).isEqualTo("c-42");
        assertThat(reply.symbol()).isEqualTo("ETH/USDT");
        assertThat(reply.message()).isEqualTo("done: stoptrading");
    }

    @Test
    void shouldReconnectAfterTheServerRestarts() throws Exception {
        LinkServer first = TestLinks.server().start();
        int port = first.port();
        LinkClient client = closeLater(TestLinks.client("alpha", port).router(answering()).start());
        awaitConnected(client);

        first.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> client.state() != LinkClient.State.CONNECTED);

        Inbox replies = new Inbox();
        LinkServer second = closeLater(TestLinks.server().port(port)
                .router(new MessageRouter().on(Tag.REPLY, replies)).start());
        awaitConnected(client);
        await().atMost(Duration.ofSeconds(5)).until(() -> second.session("alpha").isPresent());
        second.session("alpha").orElseThrow().send(Message.command("c-1", Command.STATUS, null));
        assertThat(replies.take().id()).isEqualTo("c-1");
        assertThat(client.stats().reconnects()).isEqualTo(1);
    }

    @Test
    void shouldKeepAlertsWhileDisconnectedAndDeliverThemInOrderAfterReconnecting() throws Exception {
        LinkServer first = TestLinks.server().start();
        int port = first.port();
        LinkClient client = closeLater(TestLinks.client("alpha", port).start());
        awaitConnected(client);
        first.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> client.state() != LinkClient.State.CONNECTED);

        for (int i = 1; i <= 5; i++) {
            assertThat(client.send(Message.alert("position " + i + " opened", "BTC/USDT", null))).isFalse();
        }
        assertThat(client.send(Message.log("WARN", "a log line"))).isFalse();
        assertThat(client.send(Message.of(Tag.REPLY, "a stale reply").withId("old"))).isFalse();
        assertThat(client.pendingAlerts()).isEqualTo(5);

        Inbox received = new Inbox();
        Inbox others = new Inbox();
        closeLater(TestLinks.startAcknowledging(TestLinks.server().port(port), received, others));
        List<String> texts = received.take(5).stream().map(Message::message).toList();
        assertThat(texts).containsExactly("position 1 opened", "position 2 opened", "position 3 opened",
                "position 4 opened", "position 5 opened");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.pendingAlerts() == 0);
        assertThat(client.stats().alertsAcknowledged()).isEqualTo(5);
        assertThat(client.stats().logsDropped()).isEqualTo(1);
        assertThat(client.stats().othersDropped()).isEqualTo(1);
        client.send(Message.alert("after", null, null));
        assertThat(received.take().message()).isEqualTo("after");
        assertThat(others.isEmpty()).as("the log and the reply were not delivered late").isTrue();
    }

    @Test
    @SuppressWarnings("try") // the placeholder is closed early on purpose: it only reserved a port nobody listens on
    void shouldDropTheOldestAlertsWhenThePendingBufferIsFullAndSaySo() throws Exception {
        try (ServerSocket placeholder = new ServerSocket(0)) {
            int port = placeholder.getLocalPort();
            placeholder.close();
            LinkClient client = closeLater(LinkClient.builder(TestLinks.SECRET).name("alpha").port(port)
                    .config(TestLinks.fast().withPendingAlertCapacity(3)).start());
            for (int i = 1; i <= 5; i++) {
                client.send(Message.alert("alert " + i, null, null));
            }
            assertThat(client.pendingAlerts()).isEqualTo(3);
            assertThat(client.stats().alertsDropped()).isEqualTo(2);

            Inbox received = new Inbox();
            closeLater(TestLinks.server().port(port).router(new MessageRouter().on(Tag.ALERT, received)).start());
            assertThat(received.take(4)).extracting(Message::message).containsExactly(
                    "2 alerts were dropped: more than 3 were waiting for the server's acknowledgement", "alert 3",
                    "alert 4", "alert 5");
        }
    }

    @Test
    void shouldDeclareASilentServerDeadAndReconnect() throws Exception {
        try (ServerSocket raw = new ServerSocket(0)) {
            List<String> details = new CopyOnWriteArrayList<>();
            LinkClient client = closeLater(TestLinks.client("alpha", raw.getLocalPort())
                    .listener((state, detail) -> details.add(state + ": " + detail)).start());
            try (RawPeer mute = RawPeer.accept(raw)) {
                mute.welcome(TestLinks.SECRET);
                awaitConnected(client);
                // The mute server reads nothing and answers no ping.
                await().atMost(Duration.ofSeconds(5)).until(() -> details.stream()
                        .anyMatch(d -> d.startsWith("DISCONNECTED: peer silent for")));
            }
            try (RawPeer second = RawPeer.accept(raw)) {
                second.welcome(TestLinks.SECRET);
                awaitConnected(client);
            }
        }
    }

    @Test
    void shouldDeclareASilentBotDead() throws Exception {
        List<String> reasons = new CopyOnWriteArrayList<>();
        LinkServer server = closeLater(TestLinks.server().listener(new LinkServer.Listener() {
            @Override
            public void onDisconnected(LinkSession session, String reason) {
                reasons.add(session.peerName() + ": " + reason);
            }
        }).start());
        try (RawPeer mute = RawPeer.connect(server.port())) {
            mute.hello("zombie", TestLinks.SECRET);
            assertThat(mute.read().tag()).isEqualTo(Tag.WELCOME);
            await().atMost(Duration.ofSeconds(5)).until(() -> !reasons.isEmpty());
            assertThat(reasons.get(0)).startsWith("zombie: peer silent for");
            assertThat(server.session("zombie")).isEmpty();
        }
    }

    @Test
    void shouldStayConnectedWhileIdleThanksToHeartbeats() throws Exception {
        List<String> reasons = new CopyOnWriteArrayList<>();
        LinkServer server = closeLater(TestLinks.server().listener(new LinkServer.Listener() {
            @Override
            public void onDisconnected(LinkSession session, String reason) {
                reasons.add(reason);
            }
        }).start());
        LinkClient client = closeLater(TestLinks.client("alpha", server.port()).start());
        awaitConnected(client);
        long sentBefore = client.stats().framesSent();
        // Ten heartbeat intervals of silence from the application: pings keep both ends alive.
        await().atMost(Duration.ofSeconds(10)).until(() -> client.stats().framesSent() >= sentBefore + 10);
        // The last of them may still be on its way to the server.
        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().framesReceived() >= 10);
        assertThat(client.state()).isEqualTo(LinkClient.State.CONNECTED);
        assertThat(reasons).isEmpty();
    }

    @Test
    void shouldDropAndCountLogsButLoseNoAlertWhenTheServerStopsReading() throws Exception {
        LinkConfig config = TestLinks.fast().withHeartbeatIntervalMs(60_000).withSendQueueCapacity(64)
                .withPendingAlertCapacity(10_000);
        try (ServerSocket raw = smallBufferListener()) {
            List<String> details = new CopyOnWriteArrayList<>();
            LinkClient client = closeLater(recordingClient(raw.getLocalPort(), config, details));
            RawPeer stalled = RawPeer.accept(raw);
            stalled.welcome(TestLinks.SECRET);
            awaitConnected(client);

            String padding = "x".repeat(8 * 1024);
            for (int i = 0; i < 500; i++) {
                client.send(Message.log("WARN", padding));
            }
            assertThat(client.stats().logsDropped()).as("logs dropped while the server does not read")
                    .isPositive();

            int alerts = 2_000;
            for (int i = 0; i < alerts; i++) {
                client.send(Message.alert("alert " + i + " " + padding, null, null));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> details.stream()
                    .anyMatch(d -> d.equals("DISCONNECTED: send queue full: the peer is not reading")));

            // Now the server reads everything: what reached the first connection, then the rest after reconnecting.
            List<String> received = new ArrayList<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            readAlerts(stalled, received, ids);
            stalled.close();
            try (RawPeer second = RawPeer.accept(raw)) {
                second.welcome(TestLinks.SECRET);
                while (ids.size() < alerts) {
                    Message m = second.read();
                    if (m.tag() == Tag.ALERT && ids.add(m.id())) {
                        received.add(m.message().substring(0, m.message().indexOf(' ', 6)));
                    }
                }
            }
            assertThat(received).containsExactlyElementsOf(
                    IntStream.range(0, alerts).mapToObj(i -> "alert " + i).toList());
            assertThat(client.stats().alertsDropped()).isZero();
        }
    }

    @Test
    void shouldCloseAConnectionWhoseReplyFindsTheQueueFullAndCountTheReply() throws Exception {
        LinkConfig config = TestLinks.fast().withHeartbeatIntervalMs(60_000).withSendQueueCapacity(8);
        try (ServerSocket raw = smallBufferListener()) {
            List<String> details = new CopyOnWriteArrayList<>();
            LinkClient client = closeLater(recordingClient(raw.getLocalPort(), config, details));
            try (RawPeer stalled = RawPeer.accept(raw)) {
                stalled.welcome(TestLinks.SECRET);
                awaitConnected(client);
                String big = "r".repeat(64 * 1024);
                int sent = 0;
                while (client.state() == LinkClient.State.CONNECTED && sent < 1_000) {
                    client.send(Message.of(Tag.REPLY, big).withId("r-" + sent++));
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> details.contains(
                        "DISCONNECTED: send queue full: the peer is not reading"));
                assertThat(client.stats().othersDropped()).as("the reply that did not fit, and those queued")
                        .isPositive();
            }
        }
    }

    /** A listener whose connections take little in before the sender's writes block: a peer that stops reading. */
    private static ServerSocket smallBufferListener() throws IOException {
        ServerSocket raw = new ServerSocket();
        raw.setReceiveBufferSize(4096);
        raw.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
        return raw;
    }

    /** A client named alpha that records its state changes as "STATE: detail". */
    private static LinkClient recordingClient(int port, LinkConfig config, List<String> details) {
        return LinkClient.builder(TestLinks.SECRET).name("alpha").port(port).config(config)
                .listener((state, detail) -> details.add(state + ": " + detail)).start();
    }

    private static void readAlerts(RawPeer peer, List<String> received, java.util.Set<String> ids) {
        try {
            while (true) {
                Message m = peer.read();
                if (m.tag() == Tag.ALERT && ids.add(m.id())) {
                    received.add(m.message().substring(0, m.message().indexOf(' ', 6)));
                }
            }
        } catch (IOException endOfFirstConnection) {
            // the client closed the stuck connection; what it had written has been read
        }
    }

    @Test
    void shouldTellEveryFailedAttemptBeforeTheFirstConnectionAndCountIt() throws Exception {
        int port;
        try (ServerSocket placeholder = new ServerSocket(0)) {
            port = placeholder.getLocalPort();
        }
        List<String> states = new CopyOnWriteArrayList<>();
        LinkClient client = closeLater(TestLinks.client("alpha", port)
                .listener((state, detail) -> states.add(state.name())).start());
        await().atMost(Duration.ofSeconds(5)).until(() -> client.stats().failedConnects() >= 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> states.stream().filter("DISCONNECTED"::equals).count() >= 3);
        assertThat(states.get(0)).isEqualTo("CONNECTING");
        assertThat(states.get(1)).isEqualTo("DISCONNECTED");
        assertThat(client.stats().reconnects()).isZero();

        closeLater(TestLinks.server().port(port).start());
        awaitConnected(client);
        assertThat(client.stats().reconnects()).as("the first connection is not a reconnection").isZero();
    }

    @Test
    void shouldServeManyBotsAtOnce() throws Exception {
        Inbox replies = new Inbox();
        LinkServer server = closeLater(TestLinks.server().router(new MessageRouter().on(Tag.REPLY, replies)).start());
        int bots = 40;
        List<LinkClient> clients = new ArrayList<>();
        for (int i = 0; i < bots; i++) {
            clients.add(closeLater(TestLinks.client("bot-" + i, server.port()).router(answering()).start()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> server.sessions().size() == bots);
        for (LinkSession s : server.sessions()) {
            s.send(Message.command(s.peerName(), Command.STATS, null));
        }
        assertThat(replies.take(bots)).extracting(Message::id)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, bots).mapToObj(i -> "bot-" + i).toList());
    }

    @Test
    void shouldLetANewConnectionUnderTheSameNameReplaceASessionSilentPastTheDeadPeerLimit() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch stuck = new CountDownLatch(1);
        // The stale session's reader hangs in a handler, so that nothing is read from it and nothing declares it
        // dead: it stays open, silent past the limit.
        MessageRouter router = new MessageRouter().on(Tag.ALERT, (from, m) -> awaitQuietly(stuck));
        LinkServer server = closeLater(TestLinks.server().router(router).listener(new LinkServer.Listener() {
            @Override
            public void onConnected(LinkSession session) {
                events.add("connected " + session.peerName());
            }

            @Override
            public void onDisconnected(LinkSession session, String reason) {
                events.add("disconnected " + session.peerName() + ": " + reason);
            }
        }).start());
        try (RawPeer stale = RawPeer.connect(server.port())) {
            stale.hello("alpha", TestLinks.SECRET);
            stale.read();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.session("alpha").isPresent());
            String staleAddress = server.session("alpha").orElseThrow().remoteAddress();
            stale.send(Message.alert("the last frame of a bot that hangs", null, null));
            List<String> states = new CopyOnWriteArrayList<>();
            LinkClient fresh = closeLater(TestLinks.client("alpha", server.port())
                    .listener((state, detail) -> states.add(state.name())).start());
            awaitConnected(fresh);
            stuck.countDown();
            assertThat(states).as("refused while the first was live, then let in").contains("REFUSED");
            assertThat(stale.closedByPeer()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 3);
            assertThat(server.sessions()).hasSize(1);
            assertThat(server.session("alpha").orElseThrow().remoteAddress()).isNotEqualTo(staleAddress);
            assertThat(events.get(0)).isEqualTo("connected alpha");
            assertThat(events.get(1)).as("the stale session is told gone before the new one is told connected")
                    .startsWith("disconnected alpha: replaced by a new connection from 127.0.0.1:");
            assertThat(events.get(2)).isEqualTo("connected alpha");
        } finally {
            stuck.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldAnswerABadBodyWithAnErrorAndKeepTheSession() throws Exception {
        Inbox alerts = new Inbox();
        LinkServer server = closeLater(TestLinks.server().router(new MessageRouter().on(Tag.ALERT, alerts)).start());
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.hello("alpha", TestLinks.SECRET);
            peer.read();
            byte[] body = "{\"tag\":\"alert\",\"timestamp\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] frame = new byte[body.length + 4];
            frame[3] = (byte) body.length;
            System.arraycopy(body, 0, frame, 4, body.length);
            peer.sendRaw(frame);
            Message error = nextNonPing(peer);
            assertThat(error.tag()).isEqualTo(Tag.ERROR);
            assertThat(error.message()).isEqualTo("bad frame: missing required field 'message'");
            peer.send(Message.alert("still here", null, null));
            assertThat(alerts.take().message()).isEqualTo("still here");
        }
    }

    @Test
    void shouldCloseTheConnectionOnAnOversizedHeaderAndServeOthers() throws Exception {
        LinkServer server = closeLater(TestLinks.server().start());
        LinkClient good = closeLater(TestLinks.client("good", server.port()).start());
        awaitConnected(good);
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.hello("evil", TestLinks.SECRET);
            peer.read();
            peer.sendRaw(new byte[] {(byte) 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            assertThat(peer.closedByPeer()).isTrue();
        }
        try (RawPeer garbage = RawPeer.connect(server.port())) {
            garbage.read();
            garbage.sendRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(garbage.closedByPeer()).isTrue();
        }
        assertThat(server.session("good")).isPresent();
        assertThat(good.state()).isEqualTo(LinkClient.State.CONNECTED);
        assertThat(server.stats().badFrames()).isEqualTo(2);
    }

    @Test
    void shouldCloseATruncatedFrameAndCountIt() throws Exception {
        LinkServer server = closeLater(TestLinks.server().start());
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.hello("alpha", TestLinks.SECRET);
            peer.read();
            peer.sendRaw(new byte[] {0, 0, 0, 50, '{', '"'});
            peer.socket.shutdownOutput();
            assertThat(peer.closedByPeer()).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().badFrames() == 1);
    }

    @Test
    void shouldLeaveNoThreadBehindAfterClose() throws Exception {
        LinkServer server = TestLinks.server().start();
        List<LinkClient> clients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clients.add(TestLinks.client("bot-" + i, server.port()).router(answering()).start());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().size() == 5);
        RawPeer half = RawPeer.connect(server.port());
        half.read();
        assertThat(TestLinks.linkThreads()).isNotEmpty();

        clients.get(0).close();
        server.close();
        for (LinkClient c : clients) {
            c.close();
        }
        half.close();
        assertThat(TestLinks.linkThreads()).isEmpty();
        assertThat(clients.get(1).state()).isEqualTo(LinkClient.State.CLOSED);
    }

    @Test
    void shouldFlushQueuedAlertsWhenTheClientCloses() throws Exception {
        Inbox alerts = new Inbox();
        LinkServer server = closeLater(TestLinks.server().router(new MessageRouter().on(Tag.ALERT, alerts)).start());
        LinkClient client = TestLinks.client("alpha", server.port()).start();
        awaitConnected(client);
        for (int i = 0; i < 100; i++) {
            client.send(Message.alert("a" + i, null, null));
        }
        client.close();
        assertThat(alerts.take(100)).extracting(Message::message)
                .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "a" + i).toList());
    }

    private static Message nextNonPing(RawPeer peer) throws IOException {
        Message m;
        do {
            m = peer.read();
        } while (m.tag() == Tag.PING);
        return m;
    }
}
