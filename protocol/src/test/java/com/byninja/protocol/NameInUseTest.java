package com.byninja.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.protocol.commands.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Two bots under one name: the second is refused while the first is live, instead of knocking it off. */
class NameInUseTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @AutoClose
    private final Closer closer = new Closer();

    private final List<String> events = new CopyOnWriteArrayList<>();

    private <T extends AutoCloseable> T closeLater(T c) {
        return closer.add(c);
    }

    private LinkServer.Builder recordingServer() {
        return TestLinks.server().listener(new LinkServer.Listener() {
            @Override
            public void onConnected(LinkSession session) {
                events.add("connected " + session.peerName() + " " + session.remoteAddress());
            }

            @Override
            public void onDisconnected(LinkSession session, String reason) {
                events.add("disconnected " + session.peerName());
            }

            @Override
            public void onNameInUse(LinkSession holder, String refusedAddress) {
                events.add("name in use " + holder.peerName() + " " + holder.remoteAddress() + " " + refusedAddress);
            }
        });
    }

    private static void awaitConnected(LinkClient client) {
        await().atMost(WAIT).until(() -> client.state() == LinkClient.State.CONNECTED);
    }

    @Test
    void shouldRefuseASecondLiveBotUnderTheSameNameSayingWhyWhileTheFirstKeepsItsSession() throws Exception {
        Inbox replies = new Inbox();
        LinkServer server = closeLater(recordingServer().router(new MessageRouter().on(Tag.REPLY, replies)).start());
        Inbox firstCommands = new Inbox();
        LinkClient first = closeLater(TestLinks.client("ninja", server.port())
                .router(new MessageRouter().on(Tag.COMMAND, (from, m) -> {
                    firstCommands.onMessage(from, m);
                    from.send(Message.replyTo(m, "first did it", null));
                })).start());
        awaitConnected(first);
        LinkSession holder = server.session("ninja").orElseThrow();

        List<String> secondStates = new CopyOnWriteArrayList<>();
        Inbox secondCommands = new Inbox();
        LinkClient second = closeLater(TestLinks.client("ninja", server.port())
                .router(new MessageRouter().on(Tag.COMMAND, secondCommands))
                .listener((state, detail) -> secondStates.add(state + ": " + detail)).start());
        await().atMost(WAIT).until(() -> second.stats().failedConnects() >= 3);

        assertThat(secondStates).contains("REFUSED: a trading bot named 'ninja' is already connected from "
                + holder.remoteAddress() + "; give each bot its own name (name: in its configuration, or "
                + "BYNINJA_BOT_NAME)");
        assertThat(secondStates).noneMatch(s -> s.startsWith("CONNECTED"));
        assertThat(server.session("ninja")).containsSame(holder);
        assertThat(first.state()).isEqualTo(LinkClient.State.CONNECTED);
        assertThat(events).as("one notice for every attempt of the episode, and no disconnection").hasSize(2);
        assertThat(events.get(1)).startsWith("name in use ninja " + holder.remoteAddress() + " 127.0.0.1:");

        holder.send(Message.command("c-1", Command.STATUS, null));
        assertThat(replies.take().message()).isEqualTo("first did it");
        assertThat(firstCommands.take().id()).isEqualTo("c-1");
        assertThat(secondCommands.isEmpty()).isTrue();
    }

    @Test
    void shouldLetTheRefusedBotConnectOnceTheFirstLeavesAndStartANewEpisode() throws Exception {
        LinkServer server = closeLater(recordingServer().start());
        LinkClient first = closeLater(TestLinks.client("ninja", server.port()).start());
        awaitConnected(first);
        LinkClient second = closeLater(TestLinks.client("ninja", server.port()).start());
        await().atMost(WAIT).until(() -> second.state() == LinkClient.State.REFUSED);

        first.close();
        awaitConnected(second);
        await().atMost(WAIT).until(() -> events.stream().filter(e -> e.startsWith("connected ninja")).count() == 2);

        // The first comes back and is refused in turn: a new holder, a new episode.
        LinkClient again = closeLater(TestLinks.client("ninja", server.port()).start());
        await().atMost(WAIT).until(() -> again.state() == LinkClient.State.REFUSED);
        await().atMost(WAIT).until(() -> events.stream().filter(e -> e.startsWith("name in use")).count() == 2);
        assertThat(events).filteredOn(e -> !e.startsWith("name in use")).extracting(e -> e.split(" ")[0])
                .containsExactly("connected", "disconnected", "connected");
    }

    @Test
    void shouldWaitAtLeastTheLongestReconnectionDelayBetweenRefusedAttempts() throws Exception {
        LinkServer server = closeLater(TestLinks.server().start());
        LinkClient first = closeLater(TestLinks.client("ninja", server.port()).start());
        awaitConnected(first);
        long maxDelayMs = 300;
        List<Long> attempts = new CopyOnWriteArrayList<>();
        LinkClient second = closeLater(LinkClient.builder(TestLinks.SECRET).name("ninja").port(server.port())
                .config(TestLinks.fast().withReconnectMaxDelayMs(maxDelayMs))
                .listener((state, detail) -> {
                    if (state == LinkClient.State.CONNECTING) {
                        attempts.add(System.nanoTime());
                    }
                }).start());
        await().atMost(WAIT).until(() -> attempts.size() >= 4);
        second.close();

        List<Long> gapsMs = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gapsMs.add((attempts.get(i) - attempts.get(i - 1)) / 1_000_000);
        }
        assertThat(gapsMs).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(maxDelayMs));
    }

    @Test
    void shouldNotTellAPeerThatCannotProveTheSecretThatTheNameIsInUse() throws Exception {
        LinkServer server = closeLater(recordingServer().start());
        LinkClient first = closeLater(TestLinks.client("ninja", server.port()).start());
        awaitConnected(first);
        try (RawPeer stranger = RawPeer.connect(server.port())) {
            stranger.hello("ninja", TestLinks.OTHER_SECRET);
            Message answer = stranger.read();
            assertThat(answer.message()).isEqualTo("authentication failed");
            assertThat(answer.data()).isNull();
        }
        assertThat(events).hasSize(1);
    }
}
