package com.byninja.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.config.ConfigLoader;
import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.LinkServer;
import com.byninja.protocol.LinkSession;
import com.byninja.protocol.Message;
import com.byninja.protocol.MessageRouter;
import com.byninja.protocol.Tag;
import com.byninja.protocol.commands.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The whole bot on the simulator, started from a configuration file and answering over a real {@link LinkServer}:
 * {@code /reload} takes what it can from the file as it is now (the stake below), refuses a file with a problem
 * without changing anything, and lists what needs a restart; {@code /health}, {@code /logs} and {@code /version}
 * answer from the running bot; the reloader's thread ends with the bot. The strategy never trades here
 * ({@code control.tradingOnFirstStart: false}), so that the only orders are the test's.
 */
class ReloadAndOperationsIntegrationTest {

    static final String BOT = "reloader";

    @TempDir
    Path dir;
    LinkServer server;
    Path file;
    final BlockingQueue<Message> replies = new LinkedBlockingQueue<>();
    int ids;

    @BeforeEach
    void startServer() throws Exception {
        LinkSecret secret = LinkSecret.resolve(null, dir.resolve("link.secret"));
        server = LinkServer.builder(secret).port(0)
                .router(new MessageRouter().on(Tag.REPLY, (s, m) -> replies.add(m)))
                .start();
        file = dir.resolve("bot.yml");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Writes the configuration file; {@code risk} is the value of risk.stakeAmount, on line 3. */
    void write(String stake, String timeframe) throws Exception {
        Files.writeString(file, """
                name: reloader
                risk:
                  stakeAmount: %s
                timeframe: %s
                dataDir: %s
                control:
                  tradingOnFirstStart: false
                marketData:
                  pollIntervalMs: 20
                  staleAfterMs: 2000
                simulator:
                  tickIntervalMs: 20
                link:
                  port: %d
                  secretFile: %s
                  reconnectMinDelayMs: 50
                  reconnectMaxDelayMs: 200
                """.formatted(stake, timeframe, dir.toString().replace("\\", "/"), server.port(),
                dir.resolve("link.secret").toString().replace("\\", "/")));
    }

    Message request(Command command, String symbol) throws InterruptedException {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.session(BOT).isPresent());
        LinkSession session = server.session(BOT).orElseThrow();
        Message sent = Message.command("cmd-" + (++ids), command, symbol);
        assertThat(session.send(sent)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Message reply = replies.poll(100, TimeUnit.MILLISECONDS);
            if (reply != null && sent.id().equals(reply.id())) {
                return reply;
            }
        }
        throw new AssertionError("no reply to " + sent);
    }

    /** @return the stake of a forcebuy without an amount, which follows risk.stakeAmount */
    String stakeOfAForcedBuy(String symbol) throws InterruptedException {
        await().atMost(Duration.ofSeconds(10)).until(() -> !request(Command.STATUS, null).data().path("symbols")
                .path(symbol).path("lastPrice").isNull());
        return request(Command.FORCEBUY, symbol).data().path("quoteAmount").asText();
    }

    @Test
    void reloadAppliesTheStakeRefusesABadFileAndListsWhatNeedsARestart() throws Exception {
        write("100", "1s");
        ConfigLoader loader = new ConfigLoader(Map.of());
        try (TradingBot bot = TradingBot.start(loader.load(file), () -> loader.load(file), Clock.systemUTC())) {
            assertThat(bot.config().risk().stakeAmount()).isEqualByComparingTo("100");
            assertThat(request(Command.RELOAD, null).message()).isEqualTo("Read " + file + " again: nothing differs "
                    + "from what runs.");

            write("50", "2s");
            Message applied = request(Command.RELOAD, null);

            assertThat(applied.message()).isEqualTo("Read " + file + " again.\n"
                    + "Applied now (1):\n"
                    + "risk.stakeAmount: 100 → 50\n"
                    + "Needs a restart, runs as before until then (1):\n"
                    + "timeframe: 1s → 2s");
            assertThat(applied.data().path("applied").get(0).path("key").asText()).isEqualTo("risk.stakeAmount");
            assertThat(stakeOfAForcedBuy("BTC/USDT")).isEqualTo("50");
            assertThat(request(Command.STATUS, null).message()).startsWith("Paper on simulated, sma-cross on 1s "
                    + "candles\n");

            write("abc", "1s");
            Message refused = request(Command.RELOAD, null);

            assertThat(refused.message()).isEqualTo("/reload refused: " + file + " has 1 problem; nothing changed.\n"
                    + file + ":3: risk.stakeAmount: must be a number, got \"abc\"");
            assertThat(refused.data().path("error").asText()).isEqualTo("invalid_configuration");
            assertThat(stakeOfAForcedBuy("ETH/USDT")).isEqualTo("50");

            // The reply said it: the refusal is no warning. One logged now is the newest line of /logs.
            LoggerFactory.getLogger(TradingBot.class).warn("a warning of the test");
            Message logs = request(Command.LOGS, null);
            assertThat(logs.message()).doesNotContain("reload");
            assertThat(logs.message().lines().reduce((a, b) -> b).orElseThrow())
                    .matches("[0-9]{2}:[0-9]{2}:[0-9]{2} WARN TradingBot: a warning of the test");

            assertThat(request(Command.HEALTH, null).message()).startsWith("Link: connected to 127.0.0.1:"
                    + server.port() + ", 0 reconnects; frames ").contains("\nExchange simulated, price and candle "
                    + "calls: p50 ", "\n  order and balance calls: p50 ", "\nQueues: market events 0/1024, ");
            assertThat(request(Command.VERSION, null).message()).startsWith("trading-bot dev\nJava ")
                    .endsWith("\nDatabase schema version " + com.byninja.bot.store.Database.SCHEMA_VERSION);
        }
        assertThat(TradingBotIntegrationTest.botThreads()).isEmpty();
    }
}
