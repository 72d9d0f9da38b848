package com.byninja.bot.exchange.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.MutableClock;
import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedExchangeTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    Database db;
    BotConfig config;

    @BeforeEach
    void open() throws Exception {
        config = TestConfigs.config(dir, "");
        db = Database.open(dir.resolve("sim.db"));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    SimulatedExchange exchange(Instant now) throws Exception {
        return new SimulatedExchange(config.simulator(), config.symbols(), "USDT", db,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aMarketBuyFillsAtThePricePlusSlippageAndPaysTheFeeInQuote() throws Exception {
        SimulatedExchange sim = exchange(T0);
        assertThat(sim.ticker(BTC).price()).isEqualByComparingTo("60000.00");

        ExecutionReport r = sim.placeOrder(OrderRequest.buy("c1", BTC, new BigDecimal("100")));

        // fill 60000 * 1.0005 = 60030.00; quantity 100 / 60030 = 0.00166583 (rounded down)
        // cost 0.00166583 * 60030 = 99.9997749; fee 0.1 % = 0.0999997749, rounded up to 0.09999978
        assertThat(r.status()).isEqualTo(ExecutionReport.Status.FILLED);
        assertThat(r.averagePrice()).isEqualByComparingTo("60030.00");
        assertThat(r.filledQuantity()).isEqualByComparingTo("0.00166583");
        assertThat(r.fee("USDT")).isEqualByComparingTo("0.09999978");
        assertThat(r.quoteQuantity()).isEqualByComparingTo("99.9997749");
        // 10000 - 99.9997749 - 0.09999978
        assertThat(sim.balances().get("USDT")).isEqualByComparingTo("9899.90022532");
        assertThat(sim.balances().get("BTC")).isEqualByComparingTo("0.00166583");
    }

    @Test
    void aMarketSellFillsAtThePriceMinusSlippage() throws Exception {
        SimulatedExchange sim = exchange(T0);
        sim.placeOrder(OrderRequest.buy("c1", BTC, new BigDecimal("100")));

        ExecutionReport r = sim.placeOrder(OrderRequest.sell("c2", BTC, new BigDecimal("0.00166583")));

        // fill 60000 * 0.9995 = 59970.00; proceeds 99.8998251; fee 0.0998998251 -> 0.09989983
        assertThat(r.averagePrice()).isEqualByComparingTo("59970.00");
        assertThat(r.fee("USDT")).isEqualByComparingTo("0.09989983");
        // 9899.90022532 + 99.8998251 - 0.09989983
        assertThat(sim.balances().get("USDT")).isEqualByComparingTo("9999.70015059");
        assertThat(sim.balances().get("BTC")).isEqualByComparingTo("0");
    }

    @Test
    void slippageUnderHalfATickMovesBothFillsAgainstTheTrader() throws Exception {
        config = TestConfigs.config(dir, """
                simulator:
                  slippagePct: 0.05
                  markets:
                    BTC/USDT:
                      startPrice: 1
                      priceDecimals: 2
                """);
        SimulatedExchange sim = exchange(T0);
        assertThat(sim.ticker(BTC).price()).isEqualByComparingTo("1.00");

        ExecutionReport bought = sim.placeOrder(OrderRequest.buy("c1", BTC, new BigDecimal("100")));
        ExecutionReport sold = sim.placeOrder(OrderRequest.sell("c2", BTC, bought.filledQuantity()));

        // 1.00 * 1.0005 = 1.0005, up to the 0.01 tick: 1.01 (rounded half-up it was 1.00, as if no slippage);
        // 100 / 1.01 = 99.00990099 (8 decimals, down), costing 99.00990099 * 1.01 = 99.9999999999
        assertThat(bought.averagePrice()).isEqualByComparingTo("1.01");
        assertThat(bought.filledQuantity()).isEqualByComparingTo("99.00990099");
        assertThat(bought.quoteQuantity()).isEqualByComparingTo("99.9999999999");
        // 1.00 * 0.9995 = 0.9995, down to the tick: 0.99; 99.00990099 * 0.99 = 98.0198019801
        assertThat(sold.averagePrice()).isEqualByComparingTo("0.99");
        assertThat(sold.quoteQuantity()).isEqualByComparingTo("98.0198019801");
    }

    @Test
    void theSameClientOrderIdNeverExecutesTwice() throws Exception {
        SimulatedExchange sim = exchange(T0);

        ExecutionReport first = sim.placeOrder(OrderRequest.buy("c1", BTC, new BigDecimal("100")));
        ExecutionReport again = sim.placeOrder(OrderRequest.buy("c1", BTC, new BigDecimal("100")));

        assertThat(again).isEqualTo(first);
        assertThat(sim.balances().get("BTC")).isEqualByComparingTo("0.00166583");
    }

    @Test
    void aBuyBeyondTheWalletIsRejected() throws Exception {
        SimulatedExchange sim = exchange(T0);

        ExecutionReport r = sim.placeOrder(OrderRequest.buy("c1", BTC, new BigDecimal("10000")));

        assertThat(r.status()).isEqualTo(ExecutionReport.Status.REJECTED);
        assertThat(r.reason()).startsWith("insufficient USDT balance: need 10009.");
        assertThat(sim.balances().get("USDT")).isEqualByComparingTo("10000");
    }

    @Test
    void theWalletAndOrdersSurviveARestart() throws Exception {
        exchange(T0).placeOrder(OrderRequest.buy("c1", BTC, new BigDecimal("100")));

        SimulatedExchange restarted = exchange(T0.plusSeconds(5));

        assertThat(restarted.balances().get("USDT")).isEqualByComparingTo("9899.90022532");
        assertThat(restarted.findOrder(OrderRequest.buy("c1", BTC, new BigDecimal("100")))).isPresent();
        assertThat(restarted.findOrder(OrderRequest.buy("c9", BTC, new BigDecimal("100")))).isEmpty();
    }

    @Test
    void pricesWalkOncePerTickAndTheSameSeedGivesTheSamePrices() throws Exception {
        MutableClock clock = new MutableClock(T0);
        SimulatedExchange a = new SimulatedExchange(config.simulator(), config.symbols(), "USDT", db, clock);
        BigDecimal p0 = a.ticker(BTC).price();
        clock.advance(Duration.ofMillis(999));
        assertThat(a.ticker(BTC).price()).isEqualByComparingTo(p0);
        clock.advance(Duration.ofMillis(1));
        BigDecimal p1 = a.ticker(BTC).price();
        assertThat(p1).isNotEqualByComparingTo(p0);

        try (Database other = Database.open(dir.resolve("other.db"))) {
            MutableClock clock2 = new MutableClock(T0);
            SimulatedExchange b = new SimulatedExchange(config.simulator(), config.symbols(), "USDT", other, clock2);
            clock2.advance(Duration.ofSeconds(1));
            assertThat(b.ticker(BTC).price()).isEqualByComparingTo(p1);
        }
    }

    @Test
    void historyGivesClosedCandlesOfTheTimeframeEndingBeforeNow() throws Exception {
        SimulatedExchange sim = exchange(T0.plusSeconds(7));

        List<Candle> candles = sim.history(BTC, Duration.ofSeconds(5), 10);

        assertThat(candles).hasSize(10);
        // now is 10:00:07, inside the candle of 10:00:05; the last closed one began at 10:00:00
        assertThat(candles.get(9).start()).isEqualTo(T0);
        assertThat(candles.get(9).end()).isEqualTo(T0.plusSeconds(5));
        assertThat(candles.get(0).start()).isEqualTo(T0.minusSeconds(45));
        assertThat(candles).allSatisfy(c -> {
            assertThat(c.high()).isGreaterThanOrEqualTo(c.open().max(c.close()));
            assertThat(c.low()).isLessThanOrEqualTo(c.open().min(c.close()));
        });
    }

    @Test
    void candlesAreMadeFromEveryStepOfTheWalkAndOnlyPeriodsSeenWholeAreGiven() throws Exception {
        // One step a second; candles of 5 s. Following starts at 10:00:02.5, inside the 10:00:00 period.
        MutableClock clock = new MutableClock(T0.plusMillis(2_500));
        SimulatedExchange sim = new SimulatedExchange(config.simulator(), config.symbols(), "USDT", db, clock);
        assertThat(sim.followCandles(BTC, Duration.ofSeconds(5))).contains("simulated ticks (exact, no volume)");
        List<BigDecimal> prices = new ArrayList<>();
        for (int second = 3; second <= 10; second++) {
            clock.set(T0.plusSeconds(second));
            prices.add(sim.ticker(BTC).price());
        }
        clock.set(T0.plusMillis(10_200));

        List<Candle> candles = sim.closedCandlesSince(BTC, Duration.ofSeconds(5), T0).orElseThrow();

        // The prices in force from 10:00:05 to 10:00:09 (one per step) make the 10:00:05 candle; the 10:00:00
        // period was followed from 10:00:02 on only, so it has no candle.
        List<BigDecimal> period = prices.subList(2, 7);
        assertThat(candles).singleElement().satisfies(c -> {
            assertThat(c.start()).isEqualTo(T0.plusSeconds(5));
            assertThat(c.open()).isEqualTo(period.get(0));
            assertThat(c.high()).isEqualTo(period.stream().max(BigDecimal::compareTo).orElseThrow());
            assertThat(c.low()).isEqualTo(period.stream().min(BigDecimal::compareTo).orElseThrow());
            assertThat(c.close()).isEqualTo(period.get(4));
            assertThat(c.volume()).isZero();
        });
        assertThat(period.stream().distinct()).hasSizeGreaterThan(1);
    }

    @Test
    void candlesStayExactWhenNobodyAsksForPricesDuringThePeriod() throws Exception {
        MutableClock clock = new MutableClock(T0);
        SimulatedExchange sim = new SimulatedExchange(config.simulator(), config.symbols(), "USDT", db, clock);
        sim.followCandles(BTC, Duration.ofSeconds(5));
        clock.set(T0.plusSeconds(11));

        List<Candle> once = sim.closedCandlesSince(BTC, Duration.ofSeconds(5), T0).orElseThrow();

        try (Database other = Database.open(dir.resolve("other.db"))) {
            MutableClock clock2 = new MutableClock(T0);
            SimulatedExchange polled = new SimulatedExchange(config.simulator(), config.symbols(), "USDT", other,
                    clock2);
            polled.followCandles(BTC, Duration.ofSeconds(5));
            for (int ms = 0; ms <= 11_000; ms += 250) {
                clock2.set(T0.plusMillis(ms));
                polled.ticker(BTC);
            }
            // Started on a period's first step, the 10:00:00 candle is whole; the same seed, the same candles.
            assertThat(once).hasSize(2).isEqualTo(polled.closedCandlesSince(BTC, Duration.ofSeconds(5), T0)
                    .orElseThrow());
        }
    }

    @Test
    void anUnknownMarketIsAnExchangeError() throws Exception {
        SimulatedExchange sim = exchange(T0);

        assertThatThrownBy(() -> sim.ticker(new Symbol("XRP", "USDT"))).isInstanceOf(ExchangeException.class)
                .hasMessageContaining("unknown market XRP/USDT");
    }
}
