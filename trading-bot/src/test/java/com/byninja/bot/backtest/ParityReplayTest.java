package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.backtest.data.DateRange;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.CandleDecision.Action;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.exchange.paper.PaperExecution;
import com.byninja.bot.exchange.paper.PaperWallet;
import com.byninja.bot.replay.CollectedAlerts;
import com.byninja.bot.replay.HistoryPrices;
import com.byninja.bot.replay.Replay;
import com.byninja.bot.replay.SimulatedClock;
import com.byninja.bot.replay.WaveCandles;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What no candle explains is replayed as it happened live. A take-profit, which live acts on prices between candles,
 * and a {@code forcebuy} are applied at their instants: without them the replay would still hold the positions the
 * take-profits closed and sell them at the next exit signal, which the live bot, holding nothing, ignored. An order
 * the exchange took long to fill fills as late in the replay: a candle that closed live while it waited finds it
 * waiting. The "live" runs here are the trader on the bot's SQLite store, driven by hand so that these happen.
 */
class ParityReplayTest {

    static final Symbol BTC = WaveCandles.BTC;
    static final Symbol ETH = WaveCandles.ETH;
    static final Instant T0 = WaveCandles.T0;
    /** The minute before which the age limit forgets the candles of the run, in the test that needs it. */
    static final int CUT = 90;

    /** SMA 3 over SMA 8 on 1 m candles, two symbols, a 0.5 % stop-loss and a 1 % take-profit. */
    static final String YAML = """
            symbols: [BTC/USDT, ETH/USDT]
            timeframe: 1m
            strategy:
              name: sma-cross
              smaCross:
                fastPeriod: 3
                slowPeriod: 8
            risk:
              stopLossPct: 0.5
              takeProfitPct: 1
            """;

    @TempDir
    Path dir;

    @Test
    void takeProfitsAndAForceBuyOfTheLiveRunAreAppliedWhereTheyHappened() throws Exception {
        BotConfig config = TestConfigs.config(dir, YAML);
        // A forcebuy of ETH five seconds after its candle of 00:40 closes; every order fills at once.
        liveRun(config, T0.plusSeconds(41 * 60 + 5), order -> null);

        try (Database db = Database.openReadOnly(config.databaseFile())) {
            TradingStore store = new TradingStore(db);
            List<Order> takeProfits = store.ordersWithStatus(OrderStatus.FILLED).stream()
                    .filter(o -> o.purpose() == Purpose.TAKE_PROFIT).toList();
            assertThat(takeProfits).hasSizeGreaterThanOrEqualTo(2);
            assertThat(store.ordersWithStatus(OrderStatus.FILLED)).filteredOn(o -> o.purpose() == Purpose.FORCE_BUY)
                    .hasSize(1);
            // The proof that they matter: after a take-profit the strategy's exit signal found no position, where a
            // replay still holding it would have sold.
            List<CandleDecision> decided = store.decisions(store.decisionSessions().get(0).id());
            assertThat(takeProfits).anyMatch(tp -> decided.stream().filter(d -> d.symbol().equals(tp.symbol())
                    && d.decidedAt().isAfter(tp.createdAt()) && d.action() != Action.HOLD).findFirst()
                    .map(d -> d.describe().equals("SELL_IGNORED (NO_POSITION)")).orElse(false));
        }

        String text = parity(config);
        // Each kind of order the strategy did not make, by its label: force-buy, stop-loss, take-profit.
        Map<String, Long> applied = new java.util.TreeMap<>();
        try (Database db = Database.openReadOnly(config.databaseFile())) {
            new TradingStore(db).ordersWithStatus(OrderStatus.FILLED).stream()
                    .filter(o -> o.purpose() != Purpose.ENTRY && o.purpose() != Purpose.EXIT)
                    .forEach(o -> applied.merge(o.purpose().label(), 1L, Long::sum));
        }
        assertThat(applied).containsEntry("force-buy", 1L).containsKey("take-profit");
        assertThat(text).contains("Applied as live, at their instants: "
                + applied.values().stream().mapToLong(n -> n).sum() + " order(s) the strategy did not make ("
                + applied.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(java.util.stream.Collectors.joining(", ")) + ")");
        // 300 minutes of two symbols, the first twenty of each read as history.
        assertThat(text.lines().toList()).last().asString()
                .matches("560 candles, \\d+ live decisions, the replay agrees with every one");
    }

    @Test
    void anOrderStillWaitingForTheExchangeWhenTheNextCandleClosedWaitsInTheReplayToo() throws Exception {
        BotConfig config = TestConfigs.config(dir, YAML.replace("stopLossPct: 0.5", "stopLossPct: 0")
                .replace("takeProfitPct: 1", "takeProfitPct: 0"));
        // Every entry fills 45 minutes after it was placed, longer than half a swing, as if the exchange were that
        // slow to answer.
        liveRun(config, null, order -> order.purpose() == Purpose.ENTRY ? order.createdAt().plusSeconds(2700) : null);

        try (Database db = Database.openReadOnly(config.databaseFile())) {
            TradingStore store = new TradingStore(db);
            List<Order> entries = store.ordersWithStatus(OrderStatus.FILLED).stream()
                    .filter(o -> o.purpose() == Purpose.ENTRY).toList();
            List<CandleDecision> decided = store.decisions(store.decisionSessions().get(0).id());
            // While an entry waited, the strategy's exit signal found no position: a replay filling it at once
            // would have sold there.
            assertThat(entries).anyMatch(e -> decided.stream().anyMatch(d -> d.symbol().equals(e.symbol())
                    && d.decidedAt().isAfter(e.createdAt()) && d.decidedAt().isBefore(e.updatedAt())
                    && d.describe().equals("SELL_IGNORED (NO_POSITION)")));
        }

        String text = parity(config);
        assertThat(text.lines().toList()).last().asString()
                .matches("560 candles, \\d+ live decisions, the replay agrees with every one");
    }

    @Test
    void aSessionWhoseFirstCandlesWereForgottenWarmsUpOnTheKeptOnesAndTakesThePositionsTheBotHeld() throws Exception {
        BotConfig config = TestConfigs.config(dir, YAML + "marketData:\n  warmupBars: 20\n");
        liveRun(config, null, order -> null);
        // The age limit has forgotten the candles that started before 01:30: the history and the first 70 minutes.
        try (Database db = Database.open(config.databaseFile())) {
            assertThat(new TradingStore(db).forgetDecisionsBefore(T0.plusSeconds(CUT * 60))).isEqualTo(2 * CUT);
        }

        String text = parity(config);

        assertThat(text).contains("Session 1 (started 2026-03-02T00:20Z) lost its first candles to the age limit: its "
                + "first 20 decided candle(s) of each symbol warm the replay up and are not compared");
        // At 01:51, when the replay begins to compare, the bot held ETH (bought at 01:39, sold at 02:17), not BTC.
        assertThat(text).contains("Taken as the bot held them when the replay began to compare: the positions of "
                + "ETH/USDT");
        // Of the 210 minutes left, each symbol's first 20 warm the replay up.
        assertThat(text.lines().toList()).last().asString()
                .matches((2 * (300 - CUT - 20)) + " candles, \\d+ live decisions, the replay agrees with every one");
    }

    /**
     * The live run: the trader on the bot's SQLite store, stops acting as configured, the first twenty candles of
     * each symbol read as history at start, then the rest decided one by one.
     *
     * @param forceBuyAt when a forcebuy of 50 USDT of ETH comes, or null for none
     * @param fillAt     when each order fills, or null for at once
     */
    void liveRun(BotConfig config, Instant forceBuyAt, java.util.function.Function<Order, Instant> fillAt)
            throws Exception {
        List<Candle> candles = WaveCandles.series();
        SimulatedClock clock = new SimulatedClock(T0.plusSeconds(20 * 60));
        HistoryPrices prices = new HistoryPrices();
        try (Database db = Database.open(config.databaseFile())) {
            PaperExecution execution = new PaperExecution(new PaperWallet(config.simulator(), "USDT", db, clock,
                    "SIM"), prices, Map.of(), clock);
            Replay live = Replay.start(config, clock, prices, execution, Journals.of(new TradingStore(db)),
                    new CollectedAlerts(), "live");
            live.fillOrdersAt(fillAt);
            live.history(BTC, candles.stream().filter(c -> c.symbol().equals(BTC)).limit(20).toList());
            live.history(ETH, candles.stream().filter(c -> c.symbol().equals(ETH)).limit(20).toList());
            for (Candle c : candles.subList(40, candles.size())) {
                if (forceBuyAt != null && !forceBuyAt.isAfter(c.end())) {
                    live.fillUntil(forceBuyAt);
                    live.command(forceBuyAt, t -> t.forceBuy(ETH, new BigDecimal("50")));
                    forceBuyAt = null;
                }
                live.fillUntil(c.end());
                live.close(c);
            }
            live.fillUntil(Instant.MAX);
        }
    }

    /** @return what {@code backtest --replay-db} prints for the run's database, which must agree (exit 0) */
    String parity(BotConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LiveParity.run(config.databaseFile(), config, DateRange.ALL,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
        return text;
    }
}
