package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static com.byninja.bot.TraderFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.control.SymbolResolver;
import com.byninja.bot.domain.Money;
import com.byninja.bot.exchange.CallTimes;
import com.byninja.protocol.Message;
import com.byninja.protocol.commands.ArgumentKind;
import com.byninja.protocol.commands.Command;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.jar.Attributes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health}, {@code /logs} and {@code /version} on a trader with a real SQLite file: each figure a person can
 * check against what the test put in, exactly as the reply words it. The clock starts at 10:00:00 UTC.
 */
class OperationsCommandsTest {

    @TempDir
    Path dir;
    TraderFixture f;
    CommandHandler handler;
    final RecentLogs recent = new RecentLogs();
    final CallTimes prices = new CallTimes();
    final CallTimes orders = new CallTimes();
    final ObjectNode link = Money.object();
    final ObjectNode counters = Money.object();
    int ids;

    @BeforeEach
    void setUp() throws Exception {
        f = new TraderFixture(dir, "");
        link.put("state", "connected");
        link.put("server", "127.0.0.1:7070");
        link.put("framesSent", 120);
        link.put("framesReceived", 45);
        link.put("logsDropped", 0);
        link.put("alertsDropped", 0);
        link.put("othersDropped", 2);
        link.put("badFrames", 0);
        link.put("reconnects", 1);
        link.put("pendingAlerts", 0);
        counters.put("marketEventsDropped", 3);
        counters.put("commandsRefused", 0);
        counters.put("engineErrors", 0);
        counters.put("strategyErrors", 2);
        counters.put("feesBeingLookedUp", 1);
        counters.put("errors", 1);
        counters.put("errors.market-monitor-BTC/USDT", 1);
        BotInfo info = new BotInfo("ninja", "1.2.3", "simulated", "paper", "1m", T0.minus(Duration.ofMinutes(62)));
        BotOperations operations = new BotOperations(
                new HealthReport(() -> link, () -> counters, () -> List.of(
                        new HealthReport.Queue("market events", 0, 1024), new HealthReport.Queue("commands", 1, 64),
                        new HealthReport.Queue("orders", 0, 32), new HealthReport.Queue("order results", 0, 0)),
                        new HealthReport.ExchangeCalls("simulated", prices, orders), f.trader::snapshot,
                        s -> s.equals(ETH) ? "built from 1000 ms price polls (no volume)" : "simulated candles",
                        f.clock),
                new LogsReport(recent, f.clock),
                new VersionReport(BuildInfo.of(attributes("1.2.3", "2026-02-27T08:15:42Z")), info.startedAt(),
                        OptionalInt.of(5), f.clock),
                ConfigReloads.none());
        handler = new CommandHandler(f.trader, new SymbolResolver(f.config.symbols()),
                new StatusReport(info, f.trader, f.clock, () -> link, () -> counters), f.alerts, operations, null);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    Message send(Command command) {
        return handler.handle(Message.command("c" + (++ids), command, null));
    }

    Message logs(String count) {
        ObjectNode data = Money.object();
        data.put(ArgumentKind.COUNT.field(), count);
        return handler.handle(Message.command("l" + (++ids), Command.LOGS, null).withData(data));
    }

    static Attributes attributes(String version, String builtAt) {
        Attributes a = new Attributes();
        a.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        a.putValue(BuildInfo.BUILD_TIME, builtAt);
        return a;
    }

    static long ms(double millis) {
        return (long) (millis * 1_000_000);
    }

    @Test
    void healthTellsTheLinkTheExchangesLatencyTheQueuesThePricesAndWhatWasDroppedOrFailed() {
        // Four price calls of 1, 2, 3 and 40 ms, the last failed: the median of four is the lower middle one.
        prices.record(ms(1), true);
        prices.record(ms(2), true);
        prices.record(ms(3), true);
        prices.record(ms(40), false);
        orders.record(ms(120.4), true);
        f.price(BTC, "60000");
        f.clock.advance(Duration.ofMillis(1500));
        f.price(ETH, "3000");
        f.clock.advance(Duration.ofMillis(500));

        Message reply = send(Command.HEALTH);

        assertThat(reply.message()).isEqualTo("""
                Link: connected to 127.0.0.1:7070, 1 reconnect; frames 120 sent, 45 received
                Exchange simulated, price and candle calls: p50 2.0 ms, max 40 ms over the last 4, 1 failed
                  order and balance calls: p50 120 ms, max 120 ms over the last 1, none failed
                Queues: market events 0/1024, commands 1/64, orders 0/32, order results 0
                Prices: BTC/USDT 2.0 s ago, ETH/USDT 500 ms ago (candles built from 1000 ms price polls (no volume))
                Dropped: market events (trading thread behind) 3, replies and status on the link 2
                Errors: strategy 2, thread market-monitor-BTC/USDT 1
                Waiting: fees being looked up 1""");
        ObjectNode d = reply.data();
        assertThat(d.path("exchange").path("prices").path("p50Ms").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(d.path("exchange").path("prices").path("recentFailed").asInt()).isEqualTo(1);
        assertThat(d.path("queues").path("commands").path("waiting").asInt()).isEqualTo(1);
        assertThat(d.path("prices").path("BTC/USDT").path("ageMs").asLong()).isEqualTo(2000);
        assertThat(d.path("counters").path("marketEventsDropped").asLong()).isEqualTo(3);
        assertThat(d.path("link").path("othersDropped").asLong()).isEqualTo(2);
    }

    @Test
    void healthOfAFreshBotSaysNoneWhereNothingHappenedYet() {
        counters.removeAll();
        link.put("othersDropped", 0);

        Message reply = send(Command.HEALTH);

        assertThat(reply.message()).contains("Exchange simulated, price and candle calls: none yet\n"
                + "  order and balance calls: none yet\n", "\nPrices: BTC/USDT none yet, ETH/USDT none yet\n"
                + "Dropped: none\nErrors: none");
        assertThat(reply.message()).doesNotContain("Waiting");
    }

    @Test
    void logsGivesTheLastWarningAndErrorLinesNewestLastWithHowManyCameAndWentSinceTheStart() {
        for (int i = 1; i <= 103; i++) {
            recent.add(T0.plusSeconds(i), i % 10 == 0 ? "ERROR" : "WARN", "com.byninja.bot.engine.Trader",
                    "line " + i);
        }

        Message three = logs("3");
        Message twenty = send(Command.LOGS);

        assertThat(three.message()).isEqualTo("""
                The last 3 of 103 warnings and errors since the start (the oldest 3 no longer kept), times UTC:
                10:01:41 WARN Trader: line 101
                10:01:42 WARN Trader: line 102
                10:01:43 WARN Trader: line 103""");
        assertThat(three.data().path("lines").get(2).path("text").asText()).isEqualTo("line 103");
        assertThat(three.data().path("noLongerKept").asLong()).isEqualTo(3);
        assertThat(twenty.message().lines()).hasSize(21).element(1).isEqualTo("10:01:24 WARN Trader: line 84");
        assertThat(twenty.message().lines()).contains("10:01:30 ERROR Trader: line 90");
    }

    @Test
    void logsShowsTheDateOfAnEarlierDayCutsLongLinesAndMasksSecrets() {
        recent.mask(List.of("sk-live-0123456789abcdef", "short"));
        recent.add(Instant.parse("2026-02-28T23:59:58Z"), "ERROR", "com.byninja.bot.exchange.binance.BinanceClient",
                "signature failed for key sk-live-0123456789abcdef");
        recent.add(T0, "WARN", "Fills", "x".repeat(300));

        Message reply = send(Command.LOGS);

        assertThat(reply.message()).isEqualTo("The 2 warnings and errors since the start, times UTC:\n"
                + "02-28 23:59:58 ERROR BinanceClient: signature failed for key ***\n"
                + "10:00:00 WARN Fills: " + "x".repeat(199) + "…");
        assertThat(reply.data().toString()).doesNotContain("sk-live");
    }

    @Test
    void logsOfABotWithoutWarningsSaysSo() {
        assertThat(send(Command.LOGS).message()).isEqualTo("No warnings or errors since the start.");
        assertThat(logs("1").data().path("sinceStart").asLong()).isZero();
    }

    @Test
    void versionTellsTheBuildTheJavaItRunsOnTheUptimeAndTheSchema() {
        Message reply = send(Command.VERSION);

        assertThat(reply.message()).isEqualTo("trading-bot 1.2.3, built 2026-02-27 08:15 UTC\n"
                + "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")\n"
                + "Up 1h 2m, since 2026-03-01 08:58 UTC\n"
                + "Database schema version 5");
        assertThat(reply.data().path("builtAt").asText()).isEqualTo("2026-02-27T08:15:42Z");
        assertThat(reply.data().path("commit").isNull()).isTrue();
        assertThat(reply.data().path("uptimeSeconds").asLong()).isEqualTo(3720);
    }

    @Test
    void reloadOfABotGivenItsConfigurationDirectlySaysThereIsNothingToRead() {
        Message reply = send(Command.RELOAD);

        assertThat(reply.message()).isEqualTo("This bot's configuration was given directly, not read from a file: "
                + "/reload has nothing to read.");
        assertThat(reply.data().path("error").asText()).isEqualTo("no_configuration_file");
    }

    @Test
    void aBuildThatRecordedNothingIsDev() {
        assertThat(BuildInfo.of(new Attributes())).isEqualTo(new BuildInfo("dev", Optional.empty(),
                Optional.empty()));
        // Tests run from classes, not from a jar.
        assertThat(BuildInfo.of(OperationsCommandsTest.class).version()).isEqualTo("dev");
        Attributes commit = attributes("2.0.0", "not a time");
        commit.putValue(BuildInfo.GIT_COMMIT, "1a2b3c4d5e6f");
        assertThat(BuildInfo.of(commit)).isEqualTo(new BuildInfo("2.0.0", Optional.empty(),
                Optional.of("1a2b3c4d5e6f")));
    }
}
