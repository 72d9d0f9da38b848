package com.byninja.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.protocol.commands.Command;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    @AutoClose
    private final Closer closer = new Closer();

    private <T extends AutoCloseable> T closeLater(T c) {
        return closer.add(c);
    }

    @Test
    void shouldAuthenticateBothWaysWithTheRightSecret() throws Exception {
        List<String> connected = new CopyOnWriteArrayList<>();
        LinkServer server = closeLater(TestLinks.server().name("control").listener(new LinkServer.Listener() {
            @Override
            public void onConnected(LinkSession session) {
                connected.add(session.peerName());
            }
        }).start());
        List<String> states = new CopyOnWriteArrayList<>();
        LinkClient client = closeLater(TestLinks.client("alpha", server.port())
                .listener((state, detail) -> states.add(state + " " + detail)).start());

        await().atMost(Duration.ofSeconds(5)).until(() -> client.state() == LinkClient.State.CONNECTED);
        assertThat(connected).containsExactly("alpha");
        assertThat(server.session("alpha")).isPresent();
        assertThat(server.session("alpha").orElseThrow().remoteAddress()).startsWith("127.0.0.1:");
        assertThat(states).last().asString().startsWith("CONNECTED control at 127.0.0.1:");
    }

    @Test
    void shouldRefuseAClientWithTheWrongSecret() throws Exception {
        LinkServer server = closeLater(TestLinks.server().start());
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.hello("mallory", TestLinks.OTHER_SECRET);
            Message answer = peer.read();
            assertThat(answer.tag()).isEqualTo(Tag.ERROR);
            assertThat(answer.message()).isEqualTo("authentication failed");
            assertThat(peer.closedByPeer()).isTrue();
        }
        assertThat(server.sessions()).isEmpty();
        assertThat(server.stats().badFrames()).isEqualTo(1);
    }

    @Test
    void shouldKeepARealClientWithTheWrongSecretOutAndSayWhy() throws Exception {
        LinkServer server = closeLater(TestLinks.server().start());
        List<String> details = new CopyOnWriteArrayList<>();
        LinkClient client = closeLater(LinkClient.builder(TestLinks.OTHER_SECRET).name("mallory")
                .port(server.port()).config(TestLinks.fast())
                .listener((state, detail) -> details.add(state + ": " + detail)).start());

        await().atMost(Duration.ofSeconds(5))
                .until(() -> details.contains("DISCONNECTED: the server refused this bot: authentication failed"));
        assertThat(client.state()).isNotEqualTo(LinkClient.State.CONNECTED);
        assertThat(server.sessions()).isEmpty();
    }

    @Test
    void shouldRejectAReplayedHello() throws Exception {
        LinkServer server = closeLater(TestLinks.server().start());
        Message recorded;
        try (RawPeer honest = RawPeer.connect(server.port())) {
            recorded = honest.hello("alpha", TestLinks.SECRET);
            assertThat(honest.read().tag()).isEqualTo(Tag.WELCOME);
        }
        try (RawPeer replayer = RawPeer.connect(server.port())) {
            replayer.read();
            replayer.send(recorded);
            Message answer = replayer.read();
            assertThat(answer.tag()).isEqualTo(Tag.ERROR);
            assertThat(answer.message()).isEqualTo("authentication failed");
            assertThat(replayer.closedByPeer()).isTrue();
        }
    }

    @Test
    void shouldDisconnectAPeerThatDoesNotFinishInTime() throws Exception {
        LinkServer server = closeLater(TestLinks.server().start());
        try (RawPeer silent = RawPeer.connect(server.port())) {
            assertThat(silent.read().tag()).isEqualTo(Tag.CHALLENGE);
            Message answer = silent.read();
            assertThat(answer.tag()).isEqualTo(Tag.ERROR);
            assertThat(answer.message()).isEqualTo("no hello within 1000 ms");
            assertThat(silent.closedByPeer()).isTrue();
        }
    }

    @Test
    void shouldDisconnectAPeerThatSendsSomethingElseFirst() throws Exception {
        LinkServer server = closeLater(TestLinks.server().start());
        try (RawPeer rude = RawPeer.connect(server.port())) {
            rude.read();
            rude.send(Message.command("1", Command.FORCEBUY, "BTC/USDT"));
            Message answer = rude.read();
            assertThat(answer.message()).isEqualTo("expected hello, got command");
            assertThat(rude.closedByPeer()).isTrue();
        }
        assertThat(server.sessions()).isEmpty();
    }

    @Test
    void shouldRefuseAVersion1BotAndTellItToUpgrade() throws Exception {
        LinkServer server = closeLater(TestLinks.server().start());
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.hello("alpha", TestLinks.SECRET, 1);
            Message answer = peer.read();
            assertThat(answer.tag()).isEqualTo(Tag.ERROR);
            assertThat(answer.message()).isEqualTo("protocol version 1 is not supported: this telegram-server speaks "
                    + "version 2 (alert acknowledgements); upgrade the trading bot");
            assertThat(answer.data().get("code").asText()).isEqualTo("unsupported-protocol");
            assertThat(peer.closedByPeer()).isTrue();
        }
        assertThat(server.sessions()).isEmpty();
    }

    @Test
    void shouldRefuseAHelloWithoutAVersionOrOfANewerOne() throws Exception {
        LinkServer server = closeLater(TestLinks.server().start());
        try (RawPeer peer = RawPeer.connect(server.port())) {
            Message challenge = peer.read();
            String nonce = Handshake.nonce();
            ObjectNode data = MessageCodec.mapper().createObjectNode().put("nonce", nonce)
                    .put("proof", Handshake.clientProof(TestLinks.SECRET, challenge.message(), nonce, "alpha"));
            peer.send(Message.of(Tag.HELLO, "alpha").withData(data));
            assertThat(peer.read().message()).isEqualTo("hello carries no protocol version: this telegram-server "
                    + "speaks version 2 (alert acknowledgements); upgrade the trading bot");
            assertThat(peer.closedByPeer()).isTrue();
        }
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.hello("alpha", TestLinks.SECRET, 3);
            assertThat(peer.read().message()).isEqualTo("protocol version 3 is not supported: this telegram-server "
                    + "speaks version 2; upgrade the telegram-server");
            assertThat(peer.closedByPeer()).isTrue();
        }
    }

    @Test
    void shouldWelcomeWithTheProtocolVersion() throws Exception {
        LinkServer server = closeLater(TestLinks.server().start());
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.hello("alpha", TestLinks.SECRET);
            Message welcome = peer.read();
            assertThat(welcome.tag()).isEqualTo(Tag.WELCOME);
            assertThat(welcome.data().get("protocol").asInt()).isEqualTo(2);
        }
    }

    @Test
    void shouldRefuseAVersion1ServerAndTellTheBotToUpgradeIt() throws Exception {
        try (ServerSocket old = new ServerSocket(0)) {
            List<String> details = new CopyOnWriteArrayList<>();
            LinkClient client = closeLater(TestLinks.client("alpha", old.getLocalPort())
                    .listener((state, detail) -> details.add(state + ": " + detail)).start());
            try (RawPeer v1 = RawPeer.accept(old)) {
                v1.welcome(TestLinks.SECRET, false);
                assertThat(v1.closedByPeer()).isTrue();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> details.stream().anyMatch(d -> d.startsWith(
                    "DISCONNECTED: the server at 127.0.0.1:") && d.endsWith(" speaks protocol version 1, this bot "
                    + "speaks version 2 (alert acknowledgements): upgrade the telegram-server")));
            assertThat(details).noneMatch(d -> d.startsWith("CONNECTED"));
            client.close();
        }
    }

    @Test
    void shouldTellTheBotToUpgradeTheServerWhenAVersion1ServerRefusesItsHello() throws Exception {
        try (ServerSocket old = new ServerSocket(0)) {
            List<String> details = new CopyOnWriteArrayList<>();
            LinkClient client = closeLater(TestLinks.client("alpha", old.getLocalPort())
                    .listener((state, detail) -> details.add(state + ": " + detail)).start());
            try (RawPeer v1 = RawPeer.accept(old)) {
                v1.send(Message.of(Tag.CHALLENGE, Handshake.nonce()));
                assertThat(v1.read().tag()).isEqualTo(Tag.HELLO);
                // What a server of version 1 answers.
                v1.send(Message.of(Tag.ERROR, "unsupported protocol version 2; this server speaks 1"));
                assertThat(v1.closedByPeer()).isTrue();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> details.contains("DISCONNECTED: the server refused this "
                    + "bot: unsupported protocol version 2; this server speaks 1; upgrade the telegram-server"));
            client.close();
        }
    }

    @Test
    void shouldNeverObeyAServerThatCannotProveTheSecret() throws Exception {
        try (ServerSocket impostor = new ServerSocket(0)) {
            Inbox commands = new Inbox();
            List<String> details = new CopyOnWriteArrayList<>();
            LinkClient client = closeLater(TestLinks.client("alpha", impostor.getLocalPort())
                    .router(new MessageRouter().on(Tag.COMMAND, commands))
                    .listener((state, detail) -> details.add(state + ": " + detail)).start());
            try (RawPeer fake = RawPeer.accept(impostor)) {
                fake.send(Message.of(Tag.CHALLENGE, Handshake.nonce()));
                assertThat(fake.read().tag()).isEqualTo(Tag.HELLO);
                ObjectNode bogus = MessageCodec.mapper().createObjectNode().put("proof", "00".repeat(32));
                fake.send(Message.of(Tag.WELCOME, "impostor").withData(bogus));
                fake.send(Message.command("1", Command.FORCEBUY, "BTC/USDT"));
                assertThat(fake.closedByPeer()).isTrue();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> details.stream()
                    .anyMatch(d -> d.contains("could not prove it knows the link secret")));
            assertThat(details).noneMatch(d -> d.startsWith("CONNECTED"));
            assertThat(commands.isEmpty()).isTrue();
            // and it keeps trying, in case the real server comes back
            try (RawPeer again = RawPeer.accept(impostor)) {
                assertThat(again.socket.isConnected()).isTrue();
            }
            client.close();
        }
    }

    @Test
    void shouldCreateOneSecretFileForBothDaemonsWithOwnerOnlyPermissions(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("data").resolve("link.secret");
        LinkSecret first = LinkSecret.resolve(null, file);
        LinkSecret second = LinkSecret.resolve("", file);
        assertThat(java.nio.file.Files.readString(file).strip()).hasSize(64).matches("[0-9a-f]+");
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(first.key()).isEqualTo(second.key());
        assertThat(first.toString()).doesNotContain(java.nio.file.Files.readString(file).strip());
        assertThat(LinkSecret.resolve("an-environment-secret", file).key())
                .isEqualTo("an-environment-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldRefuseASecretThatIsTooShortWithoutQuotingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinkSecret.of("hunter2"))
                .hasMessage("the link secret must be at least 16 characters, got 7")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldComputeTheProofsOfTheDocumentedTestVector() {
        // docs/protocol.md gives these values, computed independently, for implementers in other languages.
        String serverNonce = "00".repeat(32);
        String clientNonce = "11".repeat(32);
        assertThat(Handshake.clientProof(TestLinks.SECRET, serverNonce, clientNonce, "alpha"))
                .isEqualTo("f03e4b144d52c8bc92ece1d74005d8f29d9a277a2b7f0cbbfac5d54c58adef46");
        assertThat(Handshake.serverProof(TestLinks.SECRET, clientNonce, serverNonce))
                .isEqualTo("16ebc2d2e13fd0b434493d9c989303977363e02c98300d9ca829a4adf0dc0453");
    }
}
