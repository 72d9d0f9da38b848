package com.byninja.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.LinkServer;
import com.byninja.protocol.Message;
import com.byninja.protocol.MessageRouter;
import com.byninja.protocol.Tag;
import com.byninja.protocol.commands.Command;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot runs in its own JVM, is killed with SIGKILL, and a new bot on the same data finds everything. */
class KillRecoveryTest {

    @TempDir
    Path dir;
    LinkServer server;
    final List<Message> received = new CopyOnWriteArrayList<>();
    Process process;

    @BeforeEach
    void startServer() throws Exception {
        server = LinkServer.builder(LinkSecret.resolve(null, dir.resolve("link.secret"))).port(0)
                .router(new MessageRouter().otherwise((s, m) -> received.add(m)))
                .start();
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        server.close();
    }

    Message awaitFrame(Tag tag, String idOrEvent) {
        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(m -> matches(m, tag, idOrEvent)));
        return received.stream().filter(m -> matches(m, tag, idOrEvent)).findFirst().orElseThrow();
    }

    static boolean matches(Message m, Tag tag, String idOrEvent) {
        return m.tag() == tag && (idOrEvent.equals(m.id())
                || m.data() != null && idOrEvent.equals(m.data().path("event").asText()));
    }

    void send(Message command) {
        await().atMost(Duration.ofSeconds(30)).until(() -> server.session("survivor").isPresent());
        server.session("survivor").orElseThrow().send(command);
    }

    @Test
    void positionsFlagsAndTheWalletSurviveKillMinusNine() throws Exception {
        Path config = Files.writeString(dir.resolve("bot.yml"), """
                name: survivor
                dataDir: %s
                timeframe: 1s
                control:
                  tradingOnFirstStart: false
                marketData:
                  pollIntervalMs: 50
                  warmupBars: 0
                simulator:
                  tickIntervalMs: 50
                link:
                  port: %d
                  secretFile: %s
                  reconnectMinDelayMs: 50
                  reconnectMaxDelayMs: 200
                """.formatted(dir.resolve("data").toString().replace("\\", "/"), server.port(),
                dir.resolve("link.secret").toString().replace("\\", "/")));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config", config.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("bot.out").toFile());
        pb.environment().put("BYNINJA_LOG_DIR", dir.resolve("logs").toString());
        process = pb.start();

        send(Message.command("k1", Command.FORCEBUY, "BTC/USDT"));
        Message reply = awaitFrame(Tag.REPLY, "k1");
        awaitFrame(Tag.ALERT, "position_opened");
        send(Message.command("k2", Command.DISABLEBUY, "ETH/USDT"));
        awaitFrame(Tag.REPLY, "k2");

        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        received.clear();

        ConfigLoader.Loaded loaded = new ConfigLoader(Map.of()).load(config);
        try (TradingBot again = TradingBot.start(loaded.config(), Clock.systemUTC())) {
            assertThat(again.config().name()).isEqualTo("survivor");
            send(Message.command("k3", Command.STATUS, null));
            Message status = awaitFrame(Tag.REPLY, "k3");

            assertThat(status.data().path("positions")).hasSize(1);
            assertThat(status.data().path("positions").get(0).path("symbol").asText()).isEqualTo("BTC/USDT");
            assertThat(status.data().path("symbols").path("ETH/USDT").path("flags").path("buy").asBoolean()).isFalse();
            assertThat(status.data().path("global").path("trading").asBoolean()).isFalse();
            // The stop-loss the killed bot placed on the simulated exchange rests there still, and is the only one: the
            // restart takes it over rather than placing a second.
            java.util.concurrent.atomic.AtomicInteger asks = new java.util.concurrent.atomic.AtomicInteger();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                String id = "k4-" + asks.incrementAndGet();
                send(Message.command(id, Command.STATUS, null));
                return awaitFrame(Tag.REPLY, id).data().path("openOrders").size() == 1;
            });
            try (Database db = Database.openReadOnly(loaded.config().databaseFile())) {
                assertThat(new TradingStore(db).ordersWithStatus(OrderStatus.OPEN)).singleElement()
                        .satisfies(o -> assertThat(o.purpose()).isEqualTo(Purpose.STOP_ON_EXCHANGE));
                assertThat(new TradingStore(db).ordersWithStatus(OrderStatus.NEW)).isEmpty();
            }
            // The paper wallet paid for the position before the kill, and still has.
            assertThat(status.data().path("freeQuote").decimalValue()).isLessThan(new BigDecimal("9900"));
            assertThat(reply.data().path("orderId").asText()).isNotBlank();
        }
    }
}
