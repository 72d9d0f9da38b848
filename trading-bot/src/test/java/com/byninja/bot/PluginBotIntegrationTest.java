package com.byninja.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.config.BotConfig;
import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.LinkServer;
import com.byninja.protocol.LinkSession;
import com.byninja.protocol.Message;
import com.byninja.protocol.MessageRouter;
import com.byninja.protocol.Tag;
import com.byninja.protocol.commands.Command;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot on the simulator with 200 ms candles and a plug-in that throws on every candle, against a real
 * {@link LinkServer}: the trading thread goes on, {@code status} counts every failure, and the owner is told once.
 */
class PluginBotIntegrationTest {

    static final String BOT = "plugtest";
    static final String FAULTY = """
            package com.example;

            import com.byninja.strategy.api.*;
            import org.ta4j.core.BarSeries;

            public final class Faulty implements StrategyPlugin {
                public String name() {
                    return "faulty";
                }

                public String describe(Parameters p) {
                    return "fails on every candle";
                }

                public SymbolStrategy create(BarSeries series, Parameters p) {
                    return new SymbolStrategy() {
                        public int unstableBars() {
                            return 0;
                        }

                        public Decision decide(StrategyContext c) {
                            throw new IllegalStateException("bug at candle " + c.index());
                        }
                    };
                }
            }
            """;

    @TempDir
    Path dir;
    LinkServer server;
    final BlockingQueue<Message> replies = new LinkedBlockingQueue<>();
    final List<Message> logs = new CopyOnWriteArrayList<>();
    int ids;

    @BeforeEach
    void startServer() throws Exception {
        server = LinkServer.builder(LinkSecret.resolve(null, dir.resolve("link.secret"))).port(0)
                .router(new MessageRouter()
                        .on(Tag.REPLY, (s, m) -> replies.add(m))
                        .on(Tag.LOG, (s, m) -> logs.add(m)))
                .start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    BotConfig config() throws Exception {
        Path plugins = dir.resolve("plugins");
        PluginJars.write(plugins.resolve("faulty.jar"), "com.example.Faulty\n", Map.of("com.example.Faulty", FAULTY));
        return TestConfigs.config(dir, """
                name: plugtest
                symbols: [BTC/USDT]
                timeframe: 200ms
                marketData:
                  pollIntervalMs: 20
                  staleAfterMs: 2000
                strategy:
                  name: faulty
                  pluginDir: %s
                simulator:
                  tickIntervalMs: 20
                link:
                  port: %d
                  secretFile: %s
                """.formatted(plugins, server.port(), dir.resolve("link.secret").toString().replace("\\", "/")));
    }

    Message status() throws InterruptedException {
        return request(Command.STATUS);
    }

    Message request(Command asked) throws InterruptedException {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.session(BOT).isPresent());
        LinkSession session = server.session(BOT).orElseThrow();
        Message command = Message.command("cmd-" + (++ids), asked, null);
        assertThat(session.send(command)).isTrue();
        Message reply;
        do {
            reply = replies.poll(10, TimeUnit.SECONDS);
            assertThat(reply).as("a reply to status").isNotNull();
        } while (!command.id().equals(reply.id()));
        return reply;
    }

    long failuresLogged() {
        return logs.stream().filter(m -> m.message().contains("strategy faulty failed deciding on BTC/USDT")).count();
    }

    @Test
    void aPlugInThatThrowsOnEveryCandleIsCountedInStatusAndLoggedOnce() throws Exception {
        try (TradingBot bot = TradingBot.start(config(), Clock.systemUTC())) {
            assertThat(bot.config().strategy().plugin().getClass().getName()).isEqualTo("com.example.Faulty");
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> status().data().path("candlesRead").asLong() >= 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> failuresLogged() == 1);
            long read = status().data().path("candlesRead").asLong();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> status().data().path("candlesRead").asLong() >= read + 3);

            Message status = status();
            // Every candle was asked, failed and held; the thread that asked is still trading.
            assertThat(status.data().path("counters").path("strategyErrors").asLong())
                    .isEqualTo(status.data().path("candlesRead").asLong());
            assertThat(status.data().path("signals").asLong()).isZero();
            assertThat(status.data().path("strategy").asText()).isEqualTo("faulty");
            assertThat(status.message()).startsWith("Paper on simulated, faulty on 200ms candles\n");
            assertThat(status.data().path("strategyDescription").asText()).isEqualTo("fails on every candle");
            // /health words the counter that status only carries in its data.
            assertThat(request(Command.HEALTH).message()).containsPattern("(?m)^Errors: strategy [1-9][0-9]*\\b");
            assertThat(failuresLogged()).isEqualTo(1);
            assertThat(logs.stream().filter(m -> m.message().contains("strategy faulty failed")).findFirst()
                    .orElseThrow().level()).isEqualTo("ERROR");
        }
    }
}
