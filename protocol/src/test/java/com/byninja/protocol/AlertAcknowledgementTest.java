package com.byninja.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Protocol version 2: a client keeps each alert until the server acknowledges it; the server drops copies by id. */
class AlertAcknowledgementTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @AutoClose
    private final Closer closer = new Closer();

    private <T extends AutoCloseable> T closeLater(T c) {
        return closer.add(c);
    }

    private static void awaitConnected(LinkClient client) {
        await().atMost(WAIT).until(() -> client.state() == LinkClient.State.CONNECTED);
    }

    @Test
    void shouldSendAnUnacknowledgedAlertAgainAfterReconnectingAndForgetItOnceAcknowledged() throws Exception {
        Inbox first = new Inbox();
        LinkServer server = TestLinks.server().router(new MessageRouter().on(Tag.ALERT, first)).start();
        int port = server.port();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        LinkClient client = closeLater(TestLinks.client("alpha", port).onAlertAcknowledged(acknowledged::add).start());
        awaitConnected(client);

        client.send(Message.alert("position opened", "BTC/USDT", null));
        Message delivered = first.take();
        assertThat(client.pendingAlerts()).as("written, but not acknowledged").isEqualTo(1);
        server.close();

        Inbox second = new Inbox();
        LinkServer restarted = closeLater(TestLinks.startAcknowledging(TestLinks.server().port(port), second,
                new Inbox()));
        Message again = second.take();
        assertThat(again.id()).isEqualTo(delivered.id());
        assertThat(again.message()).isEqualTo("position opened");
        await().atMost(WAIT).until(() -> acknowledged.size() == 1);
        assertThat(acknowledged).containsExactly(delivered.id());
        assertThat(client.pendingAlerts()).isZero();
        assertThat(client.stats().alertsAcknowledged()).isEqualTo(1);
        assertThat(restarted.stats().alertsAcknowledged()).isEqualTo(1);

        // An acknowledged alert is not sent again on the next connection: the first alert there is a new one.
        restarted.session("alpha").orElseThrow().close("test: reconnect");
        await().atMost(WAIT)
                .until(() -> client.stats().reconnects() == 2 && client.state() == LinkClient.State.CONNECTED);
        client.send(Message.alert("position closed", "BTC/USDT", null));
        assertThat(second.take().message()).isEqualTo("position closed");
        assertThat(second.isEmpty()).isTrue();
        await().atMost(WAIT).until(() -> acknowledged.size() == 2);
    }

    @Test
    void shouldIgnoreACopyOfAnAlertStillBeingDeliveredAndAcknowledgeItOnTheNewSession() throws Exception {
        Inbox alerts = new Inbox();
        LinkServer server = closeLater(TestLinks.server().router(new MessageRouter().on(Tag.ALERT, alerts)).start());
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        LinkClient client = closeLater(TestLinks.client("alpha", server.port())
                .onAlertAcknowledged(acknowledged::add).start());
        awaitConnected(client);
        client.send(Message.alert("stop loss hit", null, null));
        Message inProgress = alerts.take();

        LinkSession firstSession = server.session("alpha").orElseThrow();
        firstSession.close("test: the link drops while the alert is on its way to the chat");
        await().atMost(WAIT).until(() -> server.session("alpha").filter(s -> s != firstSession).isPresent());
        client.send(Message.alert("marker", null, null));
        // Frames are handled in order: once the marker is here, the copy sent before it was seen and ignored.
        assertThat(alerts.take().message()).isEqualTo("marker");
        assertThat(alerts.isEmpty()).isTrue();

        assertThat(server.acknowledge("alpha", inProgress.id())).isTrue();
        await().atMost(WAIT).until(() -> acknowledged.contains(inProgress.id()));
        assertThat(client.pendingAlerts()).as("the marker waits for its own acknowledgement").isEqualTo(1);
    }

    @Test
    void shouldAnswerACopyOfAnAcknowledgedAlertWithAnAckAndNotRouteItTwice() throws Exception {
        Inbox alerts = new Inbox();
        LinkServer server = closeLater(TestLinks.startAcknowledging(TestLinks.server(), alerts, new Inbox()));
        try (RawPeer bot = RawPeer.connect(server.port())) {
            bot.hello("alpha", TestLinks.SECRET);
            assertThat(bot.read().tag()).isEqualTo(Tag.WELCOME);
            bot.send(Message.alert("bought", null, null).withId("db-1"));
            assertThat(ack(bot)).isEqualTo("db-1");

            bot.send(Message.alert("bought", null, null).withId("db-1"));
            assertThat(ack(bot)).as("acknowledged again at once").isEqualTo("db-1");
            bot.send(Message.alert("sold", null, null).withId("db-2"));
            assertThat(ack(bot)).isEqualTo("db-2");
        }
        assertThat(alerts.take(2)).extracting(Message::id).containsExactly("db-1", "db-2");
        assertThat(alerts.isEmpty()).isTrue();
    }

    private static String ack(RawPeer bot) throws Exception {
        Message m = bot.readSkippingPings();
        assertThat(m.tag()).isEqualTo(Tag.ACK);
        assertThat(m.message()).isEmpty();
        return m.id();
    }

    @Test
    void shouldSendEveryUnacknowledgedAlertAgainInOrderBeforeNewOnesAndKeepTheIdsItWasGiven() throws Exception {
        try (ServerSocket raw = new ServerSocket(0)) {
            LinkClient client = closeLater(TestLinks.client("alpha", raw.getLocalPort()).start());
            try (RawPeer first = RawPeer.accept(raw)) {
                first.welcome(TestLinks.SECRET);
                awaitConnected(client);
                client.send(Message.alert("one", null, null).withId("db-1"));
                client.send(Message.alert("two", null, null));
                client.send(Message.alert("three", null, null).withId("db-3"));
                assertThat(first.readSkippingPings().id()).isEqualTo("db-1");
                String two = first.readSkippingPings().id();
                assertThat(two).isNotBlank().isNotEqualTo("db-1");
                assertThat(first.readSkippingPings().id()).isEqualTo("db-3");
                first.send(Message.ack(two));
                await().atMost(WAIT).until(() -> client.pendingAlerts() == 2);
            }
            try (RawPeer second = RawPeer.accept(raw)) {
                second.welcome(TestLinks.SECRET);
                awaitConnected(client);
                client.send(Message.alert("four", null, null).withId("db-4"));
                assertThat(List.of(second.readSkippingPings(), second.readSkippingPings(),
                        second.readSkippingPings()))
                        .extracting(Message::id).containsExactly("db-1", "db-3", "db-4");
            }
        }
    }

    @Test
    void shouldDropTheOldestUnacknowledgedAlertWhenTheBufferIsFullAndSayWhich() throws Exception {
        Inbox alerts = new Inbox();
        LinkServer server = closeLater(TestLinks.server().router(new MessageRouter().on(Tag.ALERT, alerts)).start());
        List<String> dropped = new CopyOnWriteArrayList<>();
        LinkClient client = closeLater(LinkClient.builder(TestLinks.SECRET).name("alpha").port(server.port())
                .config(TestLinks.fast().withPendingAlertCapacity(3)).onAlertDropped(dropped::add).start());
        awaitConnected(client);

        for (int i = 1; i <= 5; i++) {
            assertThat(client.send(Message.alert("alert " + i, null, null).withId("a-" + i))).isTrue();
        }
        assertThat(alerts.take(5)).extracting(Message::id).containsExactly("a-1", "a-2", "a-3", "a-4", "a-5");
        assertThat(dropped).containsExactly("a-1", "a-2");
        assertThat(client.pendingAlerts()).isEqualTo(3);
        assertThat(client.stats().alertsDropped()).isEqualTo(2);

        // The next connection says how many were dropped before sending the rest again.
        server.session("alpha").orElseThrow().close("test: reconnect");
        Message notice = alerts.take();
        assertThat(notice.message())
                .isEqualTo("2 alerts were dropped: more than 3 were waiting for the server's acknowledgement");
        assertThat(dropped).containsExactly("a-1", "a-2");
        assertThat(alerts.isEmpty()).as("a-4 and a-5 are copies of alerts under way: ignored").isTrue();
    }

    @Test
    void shouldNotKeepAnAlertTwiceWhileItsIdIsWaiting() throws Exception {
        int port;
        try (ServerSocket placeholder = new ServerSocket(0)) {
            port = placeholder.getLocalPort();
        }
        LinkClient client = closeLater(TestLinks.client("alpha", port).start());
        client.send(Message.alert("bought", null, null).withId("db-1"));
        client.send(Message.alert("bought", null, null).withId("db-1"));
        assertThat(client.pendingAlerts()).isEqualTo(1);
    }

    @Test
    void shouldRouteAgainTheCopyOfAnAlertWhoseDeliveryWasGivenUp() throws Exception {
        Inbox alerts = new Inbox();
        LinkServer server = closeLater(TestLinks.server().router(new MessageRouter().on(Tag.ALERT, alerts)).start());
        LinkClient client = closeLater(TestLinks.client("alpha", server.port()).start());
        awaitConnected(client);
        client.send(Message.alert("bought", null, null).withId("db-5"));
        assertThat(alerts.take().id()).isEqualTo("db-5");

        server.undelivered("alpha", "db-5");
        server.session("alpha").orElseThrow().close("test: reconnect");

        Message copy = alerts.take();
        assertThat(copy.id()).isEqualTo("db-5");
        assertThat(copy.message()).isEqualTo("bought");
        assertThat(client.pendingAlerts()).isEqualTo(1);
    }
}
