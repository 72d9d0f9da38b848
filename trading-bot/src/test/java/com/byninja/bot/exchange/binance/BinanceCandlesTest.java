package com.byninja.bot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.byninja.bot.Exchanges;
import com.byninja.bot.MutableClock;
import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.marketdata.MarketListener;
import com.byninja.bot.marketdata.MarketMonitor;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A market monitor on the real xchange-binance module against the Binance stub, the monitor, the exchange and the
 * stub sharing one clock the test moves: closed klines handed on after their period, once each, and candles built
 * from prices where Binance has no klines of the timeframe.
 */
class BinanceCandlesTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T10 = Instant.parse("2026-03-01T10:00:00Z");
    static final BinanceStub.StubKline KLINE_10_00 = new BinanceStub.StubKline("60000.00", "60123.45", "59876.50",
            "60050.00", "42.125");

    @TempDir
    Path dir;
    BinanceStub stub;
    Database db;
    final MutableClock clock = new MutableClock(T10.plusSeconds(30));
    final List<Candle> history = new CopyOnWriteArrayList<>();
    final List<Candle> candles = new CopyOnWriteArrayList<>();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    MarketMonitor monitor;

    @BeforeEach
    void start() throws Exception {
        stub = new BinanceStub();
        stub.clock = clock;
        db = Database.open(dir.resolve("test.db"));
        logs.start();
        Logger marketdata = (Logger) LoggerFactory.getLogger("com.byninja.bot.marketdata");
        marketdata.setLevel(Level.INFO);
        marketdata.addAppender(logs);
    }

    @AfterEach
    void stop() throws Exception {
        if (monitor != null) {
            monitor.close();
        }
        Logger marketdata = (Logger) LoggerFactory.getLogger("com.byninja.bot.marketdata");
        marketdata.detachAppender(logs);
        marketdata.setLevel(null);
        db.close();
        stub.close();
    }

    MarketMonitor monitor(Duration timeframe, int warmupBars) throws Exception {
        Exchange exchange = Exchanges.open(StubConfigs.paper(dir, stub, ""), db, clock,
                new RecordingAlerts());
        monitor = new MarketMonitor(BTC, exchange.marketData(), timeframe, 20, warmupBars, 3, new MarketListener() {
            @Override
            public void onHistory(Symbol symbol, List<Candle> loaded) {
                history.addAll(loaded);
            }

            @Override
            public void onCandle(Candle candle) {
                candles.add(candle);
            }
        }, new MarketMonitor.HealthListener() {
            @Override
            public void onPricesFailing(Symbol symbol, int consecutiveErrors, String lastError) {
            }

            @Override
            public void onPricesRecovered(Symbol symbol, int failedPolls, Duration without) {
            }
        }, clock);
        return monitor;
    }

    int klineRequests() {
        return stub.requests("GET", "/api/v3/klines").size();
    }

    int priceRequests() {
        return stub.requests("GET", "/api/v3/ticker/price").size();
    }

    /** Moves the clock and waits until the monitor asked for klines at the new time. */
    void advanceToAndAwaitKlines(Instant to) {
        int before = klineRequests();
        clock.set(to);
        await().atMost(Duration.ofSeconds(5)).until(() -> klineRequests() > before);
    }

    /** Waits until the monitor polled the price twice more, so it has seen what was set before. */
    void awaitTwoPolls() {
        int before = priceRequests();
        await().atMost(Duration.ofSeconds(5)).until(() -> priceRequests() >= before + 2);
    }

    @Test
    void aClosedKlineReachesTheListenerOnceWithItsRealVolumeHighAndLow() throws Exception {
        stub.kline("BTCUSDT", T10, KLINE_10_00);
        MarketMonitor m = monitor(Duration.ofMinutes(1), 5);
        assertThat(m.candleSource()).isEqualTo("binance klines");
        m.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> history.size() == 5);
        // 10:00:30: the history is 09:55 to 09:59; the 10:00 kline is in progress
        assertThat(history.get(4).start()).isEqualTo(T10.minusSeconds(60));

        advanceToAndAwaitKlines(T10.plusMillis(60_300));
        await().atMost(Duration.ofSeconds(5)).until(() -> candles.size() == 1);

        Candle c = candles.get(0);
        assertThat(c.start()).isEqualTo(T10);
        assertThat(c.open()).isEqualByComparingTo("60000.00");
        assertThat(c.high()).isEqualByComparingTo("60123.45");
        assertThat(c.low()).isEqualByComparingTo("59876.50");
        assertThat(c.close()).isEqualByComparingTo("60050.00");
        assertThat(c.volume()).isEqualByComparingTo("42.125");
        assertThat(stub.requests("GET", "/api/v3/klines").get(1).params())
                .containsEntry("startTime", Long.toString(T10.toEpochMilli())).containsEntry("interval", "1m");

        advanceToAndAwaitKlines(T10.plusMillis(120_300));
        await().atMost(Duration.ofSeconds(5)).until(() -> candles.size() == 2);
        assertThat(candles).extracting(Candle::start).containsExactly(T10, T10.plusSeconds(60));
    }

    @Test
    void aKlineBinanceStillShowsInProgressIsAskedForAgainAndHandedOnOnceFinal() throws Exception {
        stub.kline("BTCUSDT", T10, KLINE_10_00);
        stub.klineLagMs = 1_000;
        monitor(Duration.ofMinutes(1), 5).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> history.size() == 5);

        // 300 ms after the end Binance still shows the 10:00 kline in progress (open 60000, volume 0 so far).
        advanceToAndAwaitKlines(T10.plusMillis(60_300));
        advanceToAndAwaitKlines(T10.plusMillis(60_900));
        assertThat(candles).isEmpty();

        advanceToAndAwaitKlines(T10.plusMillis(61_500));
        await().atMost(Duration.ofSeconds(5)).until(() -> candles.size() == 1);
        advanceToAndAwaitKlines(T10.plusMillis(121_500));
        await().atMost(Duration.ofSeconds(5)).until(() -> candles.size() == 2);

        assertThat(candles).extracting(Candle::start).containsExactly(T10, T10.plusSeconds(60));
        assertThat(candles.get(0).volume()).isEqualByComparingTo("42.125");
        assertThat(candles.get(0).high()).isEqualByComparingTo("60123.45");
    }

    @Test
    void aKlineBinanceNeverGivesIsLoggedAsAGapAndTheNextOneStillArrives() throws Exception {
        stub.missingKlines.add(T10.plusSeconds(60).toEpochMilli());
        monitor(Duration.ofMinutes(1), 5).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> history.size() == 5);
        // No 10:01 kline shows that the 10:00 one is over: it is taken as final 3 s after its end.
        advanceToAndAwaitKlines(T10.plusMillis(60_300));
        assertThat(candles).isEmpty();
        advanceToAndAwaitKlines(T10.plusMillis(63_100));
        await().atMost(Duration.ofSeconds(5)).until(() -> candles.size() == 1);

        advanceToAndAwaitKlines(T10.plusMillis(120_300));
        advanceToAndAwaitKlines(T10.plusMillis(130_500));
        assertThat(candles).hasSize(1);
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).isEqualTo("BTC/USDT: the "
                + "exchange gave no candle from 2026-03-01T10:01:00Z to 2026-03-01T10:02:00Z within 10000 ms of its "
                + "end; skipped"));

        advanceToAndAwaitKlines(T10.plusMillis(180_300));
        await().atMost(Duration.ofSeconds(5)).until(() -> candles.size() == 2);
        assertThat(candles).extracting(Candle::start).containsExactly(T10, T10.plusSeconds(120));
    }

    @Test
    void withoutKlinesOfTheTimeframeCandlesAreBuiltFromPollsSaySoAndSkipThePartialFirstPeriod() throws Exception {
        // 3 s candles: Binance has no such klines. The monitor starts at 10:00:30.5, inside the 10:00:30 period.
        clock.set(T10.plusMillis(30_500));
        MarketMonitor m = monitor(Duration.ofSeconds(3), 5);
        assertThat(m.candleSource()).isEqualTo("built from 20 ms price polls (no volume)");
        m.start();
        awaitTwoPolls();

        clock.set(T10.plusMillis(33_100));
        awaitTwoPolls();
        stub.prices.put("BTCUSDT", new BigDecimal("60010.00"));
        awaitTwoPolls();
        stub.prices.put("BTCUSDT", new BigDecimal("60020.00"));
        awaitTwoPolls();
        stub.prices.put("BTCUSDT", new BigDecimal("60005.00"));
        awaitTwoPolls();
        clock.set(T10.plusMillis(36_100));
        await().atMost(Duration.ofSeconds(5)).until(() -> !candles.isEmpty());

        // The 10:00:30 period began before the monitor: its candle is never handed on. The 10:00:33 one is whole.
        assertThat(candles).singleElement().satisfies(c -> {
            assertThat(c.start()).isEqualTo(T10.plusSeconds(33));
            assertThat(c.open()).isEqualByComparingTo("60000.00");
            assertThat(c.high()).isEqualByComparingTo("60020.00");
            assertThat(c.low()).isEqualByComparingTo("60000.00");
            assertThat(c.close()).isEqualByComparingTo("60005.00");
            assertThat(c.volume()).isZero();
        });
        assertThat(history).isEmpty();
        assertThat(stub.requests("GET", "/api/v3/klines")).isEmpty();
        assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().contains("price polls")).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).isEqualTo("BTC/USDT: binance has no 3s candles of "
                        + "its own: they are built from 20 ms price polls, with volume 0 and highs and lows only as "
                        + "sampled"));
    }
}
