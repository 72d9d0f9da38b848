package com.byninja.bot.exchange.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.MutableClock;
import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.ExecutionReport.Status;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resting orders in the simulator, matched against every step of the walk. The shipped settings: seed 42, one step
 * a second, BTC/USDT from 60000.00 in cents, fee 0.1 %, slippage 0.05 %. From 10:00:00 the walk goes 60000.00,
 * 60006.66, 60010.35, 60017.97, 60014.03, 60004.84, 60002.35, 60000.59, 59992.38 (10:00:08), 60003.49, 60011.52
 * (10:00:10): the only price below 60000 in those ten seconds is at 10:00:08.
 */
class SimulatedRestingOrdersTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    /** What 100 USDT buys at 10:00:00 (see SimulatedExchangeTest): 0.00166583 BTC, leaving 9899.90022532 USDT. */
    static final BigDecimal HELD = new BigDecimal("0.00166583");

    @TempDir
    Path dir;
    BotConfig config;
    MutableClock clock;

    @BeforeEach
    void setUp() {
        config = TestConfigs.config(dir, "");
        clock = new MutableClock(T0);
    }

    SimulatedExchange open(Database db) throws Exception {
        return new SimulatedExchange(config.simulator(), config.symbols(), "USDT", db, clock);
    }

    static OrderRequest stop(BigDecimal limit) {
        return OrderRequest.stopLoss("stop", BTC, HELD, new BigDecimal("59995.00"), limit);
    }

    @Test
    void aDipBetweenTwoReadsTriggersAStopAtTheStepThatCrossedIt() throws Exception {
        try (Database db = Database.open(dir.resolve("sim.db"))) {
            SimulatedExchange sim = open(db);
            sim.placeOrder(OrderRequest.buy("buy", BTC, new BigDecimal("100")));
            assertThat(sim.placeOrder(stop(new BigDecimal("59950.00"))).status()).isEqualTo(Status.OPEN);
            assertThat(sim.balances().get("BTC")).isEqualByComparingTo("0");
            assertThat(sim.lockedBalances().get("BTC")).isEqualByComparingTo(HELD);

            clock.set(T0.plusSeconds(10));
            assertThat(sim.ticker(BTC).price()).isEqualByComparingTo("60011.52");
            ExecutionReport filled = sim.findOrder(stop(new BigDecimal("59950.00"))).orElseThrow();

            // Read at 10:00:00 (60000.00) and 10:00:10 (60011.52), never at or below 59995.00; the walk was at
            // 59992.38 at 10:00:08: 59992.38 * 0.9995 = 59962.38381, down to the cent 59962.38 (above the limit);
            // 0.00166583 * 59962.38 = 99.8871314754, fee 0.09988714 (rounded up)
            assertThat(filled.status()).isEqualTo(Status.FILLED);
            assertThat(filled.time()).isEqualTo(T0.plusSeconds(8));
            assertThat(filled.averagePrice()).isEqualByComparingTo("59962.38");
            assertThat(filled.quoteQuantity()).isEqualByComparingTo("99.8871314754");
            assertThat(filled.fee("USDT")).isEqualByComparingTo("0.09988714");
            // 9899.90022532 + 99.8871314754 - 0.09988714
            assertThat(sim.balances().get("USDT")).isEqualByComparingTo("9999.6874696554");
            assertThat(sim.balances().get("BTC")).isEqualByComparingTo("0");
            assertThat(sim.lockedBalances()).isEmpty();
        }
    }

    @Test
    void aStopTriggeredBelowItsLimitRestsUntilAStepGoesAboveTheLimit() throws Exception {
        try (Database db = Database.open(dir.resolve("sim.db"))) {
            SimulatedExchange sim = open(db);
            sim.placeOrder(OrderRequest.buy("buy", BTC, new BigDecimal("100")));
            OrderRequest stop = stop(new BigDecimal("59993.00"));
            sim.placeOrder(stop);

            // 10:00:08 at 59992.38: triggered, but below the limit 59993.00
            clock.set(T0.plusSeconds(8));
            assertThat(sim.findOrder(stop).orElseThrow().status()).isEqualTo(Status.OPEN);
            assertThat(sim.lockedBalances().get("BTC")).isEqualByComparingTo(HELD);

            // 10:00:09 at 60003.49, above the limit: sold at the limit
            clock.set(T0.plusSeconds(9));
            ExecutionReport filled = sim.findOrder(stop).orElseThrow();

            // 0.00166583 * 59993 = 99.93813919, fee 0.09993814; 9899.90022532 + 99.93813919 - 0.09993814
            assertThat(filled.status()).isEqualTo(Status.FILLED);
            assertThat(filled.time()).isEqualTo(T0.plusSeconds(9));
            assertThat(filled.averagePrice()).isEqualByComparingTo("59993.00");
            assertThat(filled.fee("USDT")).isEqualByComparingTo("0.09993814");
            assertThat(sim.balances().get("USDT")).isEqualByComparingTo("9999.73842637");
        }
    }

    @Test
    void aRestingStopAndItsLockedCoinsSurviveARestartAndMatchingResumesFromTheSavedTick() throws Exception {
        Path file = dir.resolve("sim.db");
        try (Database db = Database.open(file)) {
            SimulatedExchange sim = open(db);
            sim.placeOrder(OrderRequest.buy("buy", BTC, new BigDecimal("100")));
            sim.placeOrder(stop(new BigDecimal("59950.00")));
            sim.close();
        }

        clock.set(T0.plusSeconds(10));
        try (Database db = Database.open(file)) {
            SimulatedExchange sim = open(db);
            assertThat(sim.balances().get("BTC")).isEqualByComparingTo("0");
            assertThat(sim.lockedBalances().get("BTC")).isEqualByComparingTo(HELD);

            ExecutionReport filled = sim.findOrder(stop(new BigDecimal("59950.00"))).orElseThrow();

            // The walk resumed from 10:00:00, the tick saved with the order, and went through 59992.38 at 10:00:08.
            assertThat(filled.status()).isEqualTo(Status.FILLED);
            assertThat(filled.exchangeOrderId()).isEqualTo("SIM-2");
            assertThat(filled.time()).isEqualTo(T0.plusSeconds(8));
            assertThat(filled.averagePrice()).isEqualByComparingTo("59962.38");
            assertThat(sim.balances().get("USDT")).isEqualByComparingTo("9999.6874696554");
        }
    }

    @Test
    void cancellingAStopGivesItsCoinsBack() throws Exception {
        try (Database db = Database.open(dir.resolve("sim.db"))) {
            SimulatedExchange sim = open(db);
            sim.placeOrder(OrderRequest.buy("buy", BTC, new BigDecimal("100")));
            OrderRequest stop = stop(new BigDecimal("59950.00"));
            sim.placeOrder(stop);

            clock.set(T0.plusSeconds(5));
            ExecutionReport cancelled = sim.cancelOrder(stop).orElseThrow();

            assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
            assertThat(cancelled.time()).isEqualTo(T0.plusSeconds(5));
            assertThat(sim.balances().get("BTC")).isEqualByComparingTo(HELD);
            assertThat(sim.lockedBalances()).isEmpty();
            // The dip at 10:00:08 comes after the cancel: nothing more happens.
            clock.set(T0.plusSeconds(10));
            assertThat(sim.findOrder(stop)).contains(cancelled);
            assertThat(sim.cancelOrder(stop)).contains(cancelled);
        }
    }

    @Test
    void stepsBeforeAStopWasPlacedNeverTriggerIt() throws Exception {
        try (Database db = Database.open(dir.resolve("sim.db"))) {
            SimulatedExchange sim = open(db);
            sim.placeOrder(OrderRequest.buy("buy", BTC, new BigDecimal("100")));
            clock.set(T0.plusSeconds(10));

            assertThat(sim.match(BTC)).isEmpty();
            assertThat(sim.placeOrder(stop(new BigDecimal("59950.00"))).status()).isEqualTo(Status.OPEN);
            // Placed at 10:00:10, after the dip: the steps before it do not count.
            clock.set(T0.plusSeconds(11));
            assertThat(sim.match(BTC)).isEmpty();
        }
    }
}
