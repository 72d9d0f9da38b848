package com.byninja.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Money;
import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.LinkServer;
import com.byninja.protocol.LinkSession;
import com.byninja.protocol.Message;
import com.byninja.protocol.MessageRouter;
import com.byninja.protocol.Tag;
import com.byninja.protocol.commands.ArgumentKind;
import com.byninja.protocol.commands.Command;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The whole bot on the simulator with 200 ms candles, against a real {@link LinkServer} on an ephemeral port:
 * it trades by itself, answers every command with a reply carrying the command's id, raises alerts, forwards
 * warnings, restarts with its history, and leaves no thread behind.
 */
class TradingBotIntegrationTest {

    static final String BOT = "itest";

    @TempDir
    Path dir;
    LinkServer server;
    final BlockingQueue<Message> replies = new LinkedBlockingQueue<>();
    final List<Message> alerts = new CopyOnWriteArrayList<>();
    final List<Message> logs = new CopyOnWriteArrayList<>();
    final List<Message> statuses = new CopyOnWriteArrayList<>();
    int ids;

    @BeforeEach
    void startServer() throws Exception {
        LinkSecret secret = LinkSecret.resolve(null, dir.resolve("link.secret"));
        server = LinkServer.builder(secret).port(0)
                .router(new MessageRouter()
                        .on(Tag.REPLY, (s, m) -> replies.add(m))
                        .on(Tag.ALERT, (s, m) -> alerts.add(m))
                        .on(Tag.LOG, (s, m) -> logs.add(m))
                        .on(Tag.STATUS, (s, m) -> statuses.add(m)))
                .start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    BotConfig config() {
        return TestConfigs.config(dir, """
                name: itest
                timeframe: 200ms
                marketData:
                  pollIntervalMs: 20
                  warmupBars: 30
                  staleAfterMs: 2000
                strategy:
                  smaCross:
                    fastPeriod: 2
                    slowPeriod: 5
                # Wide enough not to close the forced positions below in the few hundred ms between a forcebuy and
                # its forcesell: protective exits act even while trading is stopped.
                risk:
                  stopLossPct: 2
                  takeProfitPct: 2
                engine:
                  checkIntervalMs: 20
                simulator:
                  tickIntervalMs: 20
                  markets:
                    BTC/USDT:
                      volatilityPct: 3000
                    ETH/USDT:
                      volatilityPct: 3000
                link:
                  port: %d
                  secretFile: %s
                  heartbeatIntervalMs: 1000
                  reconnectMinDelayMs: 50
                  reconnectMaxDelayMs: 200
                  statusIntervalMs: 1000
                """.formatted(server.port(), dir.resolve("link.secret").toString().replace("\\", "/")));
    }

    LinkSession session() {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.session(BOT).isPresent());
        return server.session(BOT).orElseThrow();
    }

    Message request(Command command, String symbol) throws InterruptedException {
        return request(Message.command("cmd-" + (++ids), command, symbol));
    }

    Message request(Message command) throws InterruptedException {
        assertThat(session().send(command)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Message reply = replies.poll(100, TimeUnit.MILLISECONDS);
            if (reply != null && command.id().equals(reply.id())) {
                return reply;
            }
        }
        throw new AssertionError("no reply to " + command);
    }

    Message awaitAlert(Predicate<Message> which) {
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts.stream().anyMatch(which));
        return alerts.stream().filter(which).findFirst().orElseThrow();
    }

    static Predicate<Message> event(String name, String orderId) {
        return m -> m.data() != null && name.equals(m.data().path("event").asText())
                && (orderId == null || orderId.equals(m.data().path("orderId").asText()));
    }

    @Test
    void theBotTradesAnswersEveryCommandAndRaisesAlertsOverARealLink() throws Exception {
        try (TradingBot bot = TradingBot.start(config(), Clock.systemUTC())) {
            assertThat(bot.config().name()).isEqualTo(BOT);
            session();
            awaitAlert(event("bot_started", null));

            // It trades on its own: the strategy opens a position within a few 200 ms candles.
            Message entry = awaitAlert(m -> event("position_opened", null).test(m)
                    && "entry".equals(m.data().path("purpose").asText()));
            assertThat(entry.bot()).isEqualTo(BOT);
            assertThat(entry.message()).startsWith("Opened ").contains(" for 100.00 USDT");

            Message stop = request(Command.STOPTRADING, null);
            assertThat(stop.message()).startsWith("Trading stopped globally. The strategy stops")
                    .contains("Stop-loss, take-profit and the trailing stop keep protecting open positions");
            awaitAlert(event("trading_stopped", null));
            Message start = request(Command.STARTTRADING, "BTC-USDT");
            assertThat(start.message()).startsWith("Trading was already on for BTC/USDT. It is still off globally");
            assertThat(request(Command.DISABLEBUY, "btcusdt").message()).startsWith("Buying disabled for BTC/USDT. ");
            assertThat(request(Command.ENABLEBUY, "BTC/USDT").message()).isEqualTo("Buying enabled for BTC/USDT.");
            assertThat(request(Command.DISABLESELL, null).message()).startsWith("Selling disabled globally. ");
            assertThat(request(Command.ENABLESELL, null).message()).isEqualTo("Selling enabled globally.");

            // Whatever the strategy holds is closed first, so the forced orders below start from nothing.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                request(Command.FORCESELL, ArgumentKind.ALL);
                return request(Command.STATUS, null).data().path("positions").isEmpty();
            });

            ObjectNode amount = Money.object();
            amount.put(ArgumentKind.AMOUNT.field(), "50");
            Message buy = request(Message.command("cmd-" + (++ids), Command.FORCEBUY, "BTC/USDT").withData(amount));
            String buyId = buy.data().path("orderId").asText();
            assertThat(buy.message()).startsWith("Buying BTC/USDT for 50.00 USDT at market (order " + buyId);
            Message opened = awaitAlert(event("position_opened", buyId));
            assertThat(opened.symbol()).isEqualTo("BTC/USDT");
            assertThat(opened.data().path("purpose").asText()).isEqualTo("force-buy");

            // The stop-loss rests on the simulated exchange once the buy fills; the sell cancels it first.
            await().atMost(Duration.ofSeconds(10)).until(() -> request(Command.STATUS, null).message()
                    .contains("Open orders on the exchange (1):\n  BTC/USDT stop-loss on exchange: sell "));
            Message sell = request(Command.FORCESELL, "BTC/USDT");
            assertThat(sell.message()).startsWith("Cancelling the stop-loss on the exchange (order ");
            Message closed = awaitAlert(m -> event("position_closed", null).test(m)
                    && "BTC/USDT".equals(m.symbol()));
            assertThat(closed.message()).startsWith("Closed by /forcesell: sold ").contains(" BTC at ")
                    .contains(", PnL ");

            String ethBuy = request(Command.FORCEBUY, "ETH/USDT").data().path("orderId").asText();
            awaitAlert(event("position_opened", ethBuy));
            Message sellAll = request(Command.FORCESELL, "all");
            assertThat(sellAll.message()).startsWith("Closing 1 position at market:");
            awaitAlert(m -> event("position_closed", null).test(m) && "ETH/USDT".equals(m.symbol()));

            Message stats = request(Command.STATS, null);
            assertThat(stats.message()).startsWith("Stats for all symbols (USDT)");
            assertThat(stats.data().path("allTime").path("trades").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(request(Command.STATS, "ETHUSDT").data().path("symbol").asText()).isEqualTo("ETH/USDT");

            Message status = request(Command.STATUS, null);
            assertThat(status.message()).startsWith("Paper on simulated, sma-cross on 200ms candles\n"
                    + "Global: trading off, buy on, sell on\n");
            assertThat(status.data().path("link").path("framesReceived").asLong()).isPositive();
            assertThat(request(Command.HEALTH, null).message()).startsWith("Link: connected to 127.0.0.1:"
                    + server.port() + ", 0 reconnects; frames ");
            assertThat(status.data().path("symbols").path("BTC/USDT").path("priceAgeMs").asLong()).isLessThan(2000);

            assertThat(request(Command.FORCEBUY, "XRP/USDT").message())
                    .isEqualTo("Unknown symbol 'XRP/USDT'. Configured symbols: BTC/USDT, ETH/USDT");
            assertThat(request(Command.FORCEBUY, null).data().path("error").asText()).isEqualTo("missing_symbol");
            Message unknown = request(new Message(Tag.COMMAND, "lambo", Message.nowSeconds(), "cmd-x", null, null,
                    null, null));
            assertThat(unknown.message()).isEqualTo("Unknown command /lambo. Send /help for the list.");

            await().atMost(Duration.ofSeconds(10)).until(() -> !statuses.isEmpty());
            assertThat(statuses.get(0).data().path("name").asText()).isEqualTo(BOT);

            LoggerFactory.getLogger(TradingBot.class).warn("integration test warning");
            await().atMost(Duration.ofSeconds(10)).until(() -> logs.stream()
                    .anyMatch(m -> m.message().contains("integration test warning") && "WARN".equals(m.level())));
        }
        awaitAlert(event("bot_stopped", null));
        assertThat(botThreads()).isEmpty();

        // A restart finds the history and the switches as they were left.
        try (TradingBot again = TradingBot.start(config(), Clock.systemUTC())) {
            assertThat(again.link().status().path("state").asText()).isNotEqualTo("disabled");
            Message stats = request(Command.STATS, null);
            assertThat(stats.data().path("allTime").path("trades").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(request(Command.STATUS, null).data().path("global").path("trading").asBoolean()).isFalse();
        }
        assertThat(botThreads()).isEmpty();
    }

    static List<String> botThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("trading-engine") || n.startsWith("market-monitor")
                        || n.startsWith("order-executor") || n.startsWith("log-forwarder")
                        || n.startsWith("config-reload"))
                .toList();
    }
}
