package com.byninja.bot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.exchange.paper.PaperExecution;
import com.byninja.bot.exchange.paper.PaperWallet;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trading step is a function of time and inputs: a fixed series replayed twice gives the same orders and trades,
 * and the live engine, with its threads, fed the same series at the same instants, gives the same trades.
 */
class ReplayDeterminismTest {

    static final Symbol BTC = WaveCandles.BTC;
    static final Symbol ETH = WaveCandles.ETH;
    static final Instant T0 = WaveCandles.T0;
    static final int MINUTES = WaveCandles.MINUTES;

    /** SMA 3 over SMA 8 on 1 m candles, stake 100 USDT; two symbols, each at most one position. */
    static final String STRATEGY = """
            symbols: [BTC/USDT, ETH/USDT]
            timeframe: 1m
            strategy:
              name: sma-cross
              smaCross:
                fastPeriod: 3
                slowPeriod: 8
            """;

    @TempDir
    Path dir;

    /** What a run produced. */
    record Outcome(List<Order> orders, List<ClosedTrade> trades) {
    }

    Outcome replay(String name, String risk) throws Exception {
        Path data = dir.resolve(name);
        BotConfig config = TestConfigs.config(data, STRATEGY + risk);
        SimulatedClock clock = new SimulatedClock(T0);
        HistoryPrices prices = new HistoryPrices();
        InMemoryJournal journal = new InMemoryJournal();
        try (Database wallet = Database.open(config.databaseFile())) {
            PaperExecution execution = new PaperExecution(new PaperWallet(config.simulator(), "USDT", wallet, clock,
                    "SIM"), prices, Map.of(), clock);
            Replay replay = Replay.start(config, clock, prices, execution, Journals.of(journal),
                    new CollectedAlerts());
            replay.run(WaveCandles.series());
            return new Outcome(journal.orders(), journal.trades());
        }
    }

    @Test
    void theSameSeriesReplayedTwiceGivesTheSameOrdersAndTrades() throws Exception {
        // Tight stops, so that protective exits are replayed too: a 0.5 % stop-loss, a 1 % take-profit.
        String stops = """
                risk:
                  stopLossPct: 0.5
                  takeProfitPct: 1
                """;
        Outcome first = replay("first", stops);
        Outcome second = replay("second", stops);

        // Eight round trips, four of them ended by the take-profit: sixteen orders, all filled.
        assertThat(first.trades()).extracting(ClosedTrade::exitPurpose).containsExactly(Purpose.EXIT,
                Purpose.TAKE_PROFIT, Purpose.EXIT, Purpose.TAKE_PROFIT, Purpose.EXIT, Purpose.TAKE_PROFIT, Purpose.EXIT,
                Purpose.TAKE_PROFIT);
        assertThat(first.orders()).hasSize(16);
        assertThat(second.orders()).isEqualTo(first.orders());
        assertThat(second.trades()).isEqualTo(first.trades());
        assertThat(first.orders()).allMatch(o -> o.status() == OrderStatus.FILLED);
        assertThat(first.orders()).extracting(Order::clientOrderId).doesNotHaveDuplicates();
    }

    @Test
    void theLiveEngineFedTheSameSeriesAtTheSameInstantsMakesTheSameTrades() throws Exception {
        // Strategy exits only: the live engine checks stops whenever its thread wakes, which a test cannot pin to
        // the instant a replay checks them.
        String strategyOnly = """
                risk:
                  stopLossPct: 0
                  takeProfitPct: 0
                  trailingStopPct: 0
                """;
        Outcome replayed = replay("replayed", strategyOnly);

        BotConfig config = TestConfigs.config(dir.resolve("live"), STRATEGY + strategyOnly);
        List<ClosedTrade> liveTrades = LiveEngine.run(config, T0, WaveCandles.series(), "replay",
                store -> store.closedTrades(null, null));

        // Seven round trips, all ended by the strategy; the eighth position is still open at the end.
        assertThat(replayed.trades()).hasSize(7);
        // The SQLite store gives amounts back in plain digits (61000 for 6.1E+4): equal as numbers.
        assertThat(liveTrades).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(replayed.trades());
    }
}
