package com.byninja.bot.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.MarketData;
import com.byninja.runtime.ErrorHandler;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MarketMonitorTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    /** Prices that rise by one each request, and can be switched off. */
    static class FlakyMarket implements MarketData {
        final AtomicInteger price = new AtomicInteger(100);
        volatile boolean down;

        @Override
        public String exchangeName() {
            return "flaky";
        }

        @Override
        public Ticker ticker(Symbol symbol) throws ExchangeException {
            if (down) {
                throw new ExchangeException("HTTP 503");
            }
            return new Ticker(symbol, BigDecimal.valueOf(price.incrementAndGet()), Clock.systemUTC().instant());
        }

        @Override
        public List<Candle> history(Symbol symbol, Duration timeframe, int count) throws ExchangeException {
            throw new ExchangeException("no history here");
        }
    }

    final List<Candle> candles = new CopyOnWriteArrayList<>();
    final List<String> health = new CopyOnWriteArrayList<>();

    MarketMonitor monitor(MarketData market) {
        return new MarketMonitor(BTC, market, Duration.ofMillis(100), 5, 10, 3, new MarketListener() {
            @Override
            public void onHistory(Symbol symbol, List<Candle> history) {
                candles.addAll(history);
            }

            @Override
            public void onCandle(Candle candle) {
                candles.add(candle);
            }
        }, new MarketMonitor.HealthListener() {
            @Override
            public void onPricesFailing(Symbol symbol, int consecutiveErrors, String lastError) {
                health.add("failing " + consecutiveErrors + " " + lastError);
            }

            @Override
            public void onPricesRecovered(Symbol symbol, int failedPolls, Duration without) {
                health.add("recovered");
            }
        }, Clock.systemUTC());
    }

    @Test
    void pollsPricesBuildsCandlesAndKnowsTheLastPrice() {
        try (MarketMonitor m = monitor(new FlakyMarket())) {
            m.start();

            await().atMost(Duration.ofSeconds(5)).until(() -> candles.size() >= 2);
            assertThat(m.lastTicker()).isPresent();
            assertThat(candles.get(1).open()).isGreaterThan(candles.get(0).close());
        }
    }

    @Test
    void persistentFailuresAreReportedOnceAndTheirEndToo() {
        FlakyMarket market = new FlakyMarket();
        try (MarketMonitor m = monitor(market)) {
            m.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> m.lastTicker().isPresent());

            market.down = true;
            await().atMost(Duration.ofSeconds(5)).until(() -> m.errorCount() >= 10);
            assertThat(health).containsExactly("failing 3 HTTP 503");

            market.down = false;
            await().atMost(Duration.ofSeconds(5)).until(() -> health.size() == 2);
            assertThat(health.get(1)).isEqualTo("recovered");
        }
    }

    @Test
    void anExchangeWhoseCandlesTurnOutMissingFallsBackToPollsAndSaysSo() {
        FlakyMarket market = new FlakyMarket() {
            @Override
            public Optional<String> followCandles(Symbol symbol, Duration timeframe) {
                return Optional.of("promised candles");
            }
        };
        try (MarketMonitor m = monitor(market)) {
            assertThat(m.candleSource()).isEqualTo("promised candles");
            m.start();

            await().atMost(Duration.ofSeconds(5)).until(() -> candles.size() >= 2);
            assertThat(m.candleSource()).isEqualTo("built from 5 ms price polls (no volume)");
        }
    }

    @Test
    void aListenerThatFailsIsToldToTheErrorHandlerAndTheMonitorCarriesOn() {
        FlakyMarket market = new FlakyMarket();
        List<String> errors = new CopyOnWriteArrayList<>();
        ErrorHandler handler = (role, error) -> errors.add(role + ": " + error.getMessage());
        MarketMonitor.HealthListener failing = new MarketMonitor.HealthListener() {
            @Override
            public void onPricesFailing(Symbol symbol, int consecutiveErrors, String lastError) {
                throw new IllegalStateException("alert outbox closed");
            }

            @Override
            public void onPricesRecovered(Symbol symbol, int failedPolls, Duration without) {
                health.add("recovered after " + failedPolls);
            }
        };
        market.down = true;
        try (MarketMonitor m = new MarketMonitor(BTC, market, Duration.ofMillis(100), 5, 0, 3, new MarketListener() {
            @Override
            public void onHistory(Symbol symbol, List<Candle> history) {
            }

            @Override
            public void onCandle(Candle candle) {
            }
        }, failing, Clock.systemUTC(), handler)) {
            m.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> m.errorCount() >= 5);

            market.down = false;
            await().atMost(Duration.ofSeconds(5)).until(() -> !health.isEmpty());
            assertThat(errors).containsExactly("market-monitor-BTC/USDT: alert outbox closed");
            assertThat(health).hasSize(1).allMatch(line -> line.startsWith("recovered after "));
        }
    }

    @Test
    void closeStopsTheThread() {
        MarketMonitor m = monitor(new FlakyMarket());
        m.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> m.lastTicker().isPresent());

        m.close();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("market-monitor-BTC/USDT"));
    }
}
