package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.control.Flag;
import com.byninja.bot.orders.Order;
import com.byninja.bot.orders.OrderStatus;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.risk.RejectReason;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash is simulated by opening the database a second time while the first connection is simply abandoned, as
 * {@code kill -9} abandons it: only what was committed is there.
 */
class RestartRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void positionsFlagsAndTodaysPnlSurviveACrash() throws Exception {
        try (TraderFixture f = new TraderFixture(dir, "")) {
            f.price(BTC, "100");
            Order buy = ((Submission.Sent) f.trader.forceBuy(BTC, null)).order();
            f.gateway.fill(buy, "1", "100", "0.1", f.clock.instant());
            f.drain();
            f.trader.setFlag(null, Flag.BUY, false);
            f.trader.setFlag(BTC, Flag.SELL, false);

            try (Database again = Database.open(f.config.databaseFile())) {
                Trader restarted = f.newTrader(new TradingStore(again));

                assertThat(restarted.positions().get(BTC).orElseThrow().quantity()).isEqualByComparingTo("1");
                assertThat(restarted.positions().get(BTC).orElseThrow().costBasis()).isEqualByComparingTo("100.1");
                assertThat(restarted.control().global().buy()).isFalse();
                assertThat(restarted.control().allows(BTC, Flag.SELL)).isFalse();
                assertThat(restarted.control().global().trading()).isTrue();
            }
        }
    }

    @Test
    void anOrderLeftNewByACrashIsLookedUpBeforeItsSymbolTradesAgain() throws Exception {
        try (TraderFixture f = new TraderFixture(dir, "")) {
            f.price(BTC, "100");
            Order sent = ((Submission.Sent) f.trader.forceBuy(BTC, null)).order();

            try (Database again = Database.open(f.config.databaseFile())) {
                Trader restarted = f.newTrader(new TradingStore(again));
                f.trader = restarted;

                assertThat(restarted.orders().inFlight(BTC)).isPresent();
                Submission blocked = restarted.forceBuy(BTC, null);
                assertThat(((Submission.Refused) blocked).rejection().reason()).isEqualTo(RejectReason.ORDER_IN_FLIGHT);

                restarted.checkExits();
                assertThat(f.gateway.lookups).extracting(Order::clientOrderId).containsExactly(sent.clientOrderId());

                // The exchange did execute it before the crash: the fill is applied now, once.
                f.gateway.fill(f.gateway.lookups.get(0), "0.999", "100.1", "0.1", f.clock.instant());
                f.drain();
                assertThat(restarted.positions().get(BTC).orElseThrow().quantity()).isEqualByComparingTo("0.999");
                assertThat(new TradingStore(again).order(sent.clientOrderId()).orElseThrow().status())
                        .isEqualTo(OrderStatus.FILLED);
                assertThat(f.gateway.placed).hasSize(1);
            }
        }
    }

    @Test
    void theFirstStartUsesTheConfiguredTradingFlag() throws Exception {
        try (TraderFixture f = new TraderFixture(dir, "control:\n  tradingOnFirstStart: false\n")) {
            assertThat(f.trader.control().global().trading()).isFalse();
            assertThat(f.trader.control().global().buy()).isTrue();
            assertThat(f.trader.freeQuote()).isEqualByComparingTo(new BigDecimal("10000"));
        }
    }
}
