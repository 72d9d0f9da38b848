package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.MarketData;
import com.byninja.bot.exchange.simulated.SimulatedExchange;
import com.byninja.bot.link.BacktestRequests;
import com.byninja.bot.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /backtest} from the chat, on the simulated exchange's own history: answered at once, run on a thread of its
 * own, one at a time, its result an alert with the equity curve.
 */
class ChatBacktestsTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;
    Database db;
    BotConfig config;
    SimulatedExchange sim;
    final RecordingAlerts alerts = new RecordingAlerts();
    ChatBacktests backtests;

    @BeforeEach
    void setUp() throws Exception {
        config = TestConfigs.config(dir, "timeframe: 1m\nstrategy:\n  smaCross: {fastPeriod: 5, slowPeriod: 20}\n");
        db = Database.open(dir.resolve("sim.db"));
        sim = new SimulatedExchange(config.simulator(), config.symbols(), "USDT", db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (backtests != null) {
            backtests.close();
        }
        db.close();
    }

    @Test
    void aDayOfOneSymbolIsAnsweredAtOnceAndItsResultFollowsAsAnAlertWithTheEquityCurve() {
        backtests = new ChatBacktests(config, sim, alerts, Clock.fixed(NOW, ZoneOffset.UTC));

        BacktestRequests.Started started = backtests.start(BTC, 1);

        assertThat(started.started()).isTrue();
        assertThat(started.text()).isEqualTo("Backtesting sma-cross (SMA 5 crossing SMA 20) on BTC/USDT, 1 day of 1m "
                + "candles: the result follows as a message with its equity curve.");
        await().atMost(30, TimeUnit.SECONDS).until(() -> !alerts.alerts.isEmpty());
        RecordingAlerts.Alert result = alerts.last("backtest_finished");
        // 1,440 one-minute candles before 12:00.
        assertThat(result.text()).startsWith("Backtest of sma-cross (SMA 5 crossing SMA 20) on BTC/USDT, 1 day of 1m "
                + "candles (2026-02-28 12:00 to 2026-03-01 12:00 UTC): ").contains("1,440 candles in ");
        assertThat(result.data().path("equity").path("title").asText()).isEqualTo("Backtest equity, 1 day");
        assertThat(result.data().path("equity").path("points").size()).isBetween(2, ChatBacktests.MAX_POINTS + 1);
        assertThat(backtests.runs()).isEqualTo(1);
    }

    @Test
    void oneRunsAtATimeAndTooManyDaysAreRefusedWithTheLimit() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MarketData slow = new MarketData() {
            @Override
            public String exchangeName() {
                return sim.exchangeName();
            }

            @Override
            public Ticker ticker(Symbol symbol) throws ExchangeException {
                return sim.ticker(symbol);
            }

            @Override
            public List<Candle> history(Symbol symbol, Duration timeframe, int count) throws ExchangeException {
                fetching.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return sim.history(symbol, timeframe, count);
            }
        };
        backtests = new ChatBacktests(config, slow, alerts, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(backtests.start(null, 1).started()).isTrue();
        assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
        BacktestRequests.Started second = backtests.start(BTC, 1);
        release.countDown();

        assertThat(second.started()).isFalse();
        assertThat(second.text()).isEqualTo("A backtest is running already; its result comes as a message. Ask again "
                + "when it is in.");
        // 150,000 one-minute candles at most: 104 days, and at most 90.
        assertThat(backtests.start(BTC, 91).text()).isEqualTo("A backtest from the chat replays 1 to 90 days of 1m "
                + "candles; got 91. For longer, run `backtest download` and `backtest` on a copy of the configuration "
                + "(docs/backtesting.md).");
        await().atMost(30, TimeUnit.SECONDS).until(() -> backtests.runs() == 1);
        assertThat(alerts.last("backtest_finished").text()).contains("on BTC/USDT, ETH/USDT, 1 day of 1m candles");
    }

    @Test
    void closingStopsTheThread() {
        backtests = new ChatBacktests(config, sim, alerts, Clock.fixed(NOW, ZoneOffset.UTC));
        backtests.start(BTC, 1);

        backtests.close();

        // The pool has ended when close returns; its thread dies a moment after it leaves its last task.
        await().atMost(5, TimeUnit.SECONDS).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("chat-backtest") && t.isAlive()));
    }
}
