package com.byninja.bot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.exchange.paper.PaperExecution;
import com.byninja.bot.exchange.paper.PaperWallet;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protections lock the same candles live as in a replay: the live engine, with its threads and the SQLite store,
 * fed the same candles at the same instants, refuses the same buys for the same reasons and makes the same trades.
 * The candles alternate, one minute up from 100 to 101, the next down to 100; the strategy buys on an up candle and
 * sells on a down one, at a loss of 1 plus fees each time (1.19 % of what the entry cost). A cooldown of one candle and
 * a low-profit lock (1 % within an hour, for 3 minutes) leave one round trip in three.
 */
class LocksLiveAndReplayedTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    static final String CONFIG = """
            symbols: [BTC/USDT]
            timeframe: 1m
            strategy:
              name: rules
              rules:
                entry: "close > open"
                exit: "close < open"
            risk:
              stopLossPct: 0
              takeProfitPct: 0
              trailingStopPct: 0
            protections:
              cooldownCandles: 1
              lowProfitLock:
                lossPct: 1
                window: 1h
                lock: 3m
            """;

    @TempDir
    Path dir;

    static List<Candle> zigzag() {
        List<Candle> candles = new ArrayList<>();
        BigDecimal low = BigDecimal.valueOf(100);
        BigDecimal high = BigDecimal.valueOf(101);
        for (int i = 0; i < 12; i++) {
            candles.add(WaveCandles.candle(BTC, T0.plusSeconds(60L * i), i % 2 == 0 ? low : high,
                    i % 2 == 0 ? high : low));
        }
        return candles;
    }

    /** What a run decided on each candle and the trades it made. */
    record Run(List<String> decisions, List<ClosedTrade> trades) {
    }

    Run replayed() throws Exception {
        BotConfig config = TestConfigs.config(dir.resolve("replayed"), CONFIG);
        SimulatedClock clock = new SimulatedClock(T0);
        HistoryPrices prices = new HistoryPrices();
        InMemoryJournal journal = InMemoryJournal.keepingDecisions();
        try (Database wallet = Database.open(config.databaseFile())) {
            PaperExecution execution = new PaperExecution(new PaperWallet(config.simulator(), "USDT", wallet, clock,
                    "SIM"), prices, Map.of(), clock);
            Replay replay = Replay.start(config, clock, prices, execution, Journals.of(journal),
                    new CollectedAlerts());
            replay.run(zigzag());
            return new Run(decisions(journal.decisions(journal.decisionSessions().get(0).id())), journal.trades());
        }
    }

    Run live() throws Exception {
        return LiveEngine.run(TestConfigs.config(dir.resolve("live"), CONFIG), T0, zigzag(), "live",
                store -> new Run(decisions(store.decisions(store.decisionSessions().get(0).id())),
                        store.closedTrades(null, null)));
    }

    static List<String> decisions(List<CandleDecision> decided) {
        return decided.stream().map(CandleDecision::describe).toList();
    }

    @Test
    void theLiveEngineLocksTheSameCandlesAsTheReplayAndMakesTheSameTrades() throws Exception {
        Run replayed = replayed();
        Run live = live();

        // Bought at the 00:01 close, sold at 00:02: cooldown until 00:04, and 1.19 % lost: locked until 00:05. The
        // buy of 00:05 is sold at 00:06 (locked until 00:08 and 00:09), the buy of 00:09 at 00:10.
        assertThat(replayed.decisions()).containsExactly("ENTRY", "EXIT", "BUY_IGNORED (LOW_PROFIT_LOCK)",
                "SELL_IGNORED (NO_POSITION)", "ENTRY", "EXIT", "BUY_IGNORED (LOW_PROFIT_LOCK)",
                "SELL_IGNORED (NO_POSITION)", "ENTRY", "EXIT", "BUY_IGNORED (LOW_PROFIT_LOCK)",
                "SELL_IGNORED (NO_POSITION)");
        assertThat(replayed.trades()).extracting(ClosedTrade::closedAt).containsExactly(
                Instant.parse("2026-03-02T00:02:00Z"), Instant.parse("2026-03-02T00:06:00Z"),
                Instant.parse("2026-03-02T00:10:00Z"));
        assertThat(live.decisions()).isEqualTo(replayed.decisions());
        // The SQLite store gives amounts back in plain digits: equal as numbers.
        assertThat(live.trades()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(replayed.trades());
    }
}
