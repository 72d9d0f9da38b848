package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.orders.Submission;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts on the same database file. Every change is committed before it is acted upon, so what a restart finds is
 * what a crash leaves; {@code KillRecoveryTest} checks that against a real {@code kill -9}.
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

            Trader restarted = f.restart();

            assertThat(restarted.positions().get(BTC).orElseThrow().quantity()).isEqualByComparingTo("1");
            assertThat(restarted.positions().get(BTC).orElseThrow().costBasis()).isEqualByComparingTo("100.1");
            assertThat(restarted.control().global().buy()).isFalse();
            assertThat(restarted.control().allows(BTC, Flag.SELL)).isFalse();
            assertThat(restarted.control().global().trading()).isTrue();
        }
    }

    @Test
    void anOrderLeftNewByACrashIsLookedUpBeforeItsSymbolTradesAgain() throws Exception {
        try (TraderFixture f = new TraderFixture(dir, "")) {
            f.price(BTC, "100");
            Order sent = ((Submission.Sent) f.trader.forceBuy(BTC, null)).order();

            Trader restarted = f.restart();

            assertThat(restarted.orders().inFlight(BTC)).isPresent();
            Submission blocked = restarted.forceBuy(BTC, null);
            assertThat(((Submission.Refused) blocked).rejection().reason()).isEqualTo(RejectReason.ORDER_IN_FLIGHT);

            restarted.periodicChecks();
            assertThat(f.gateway.lookups).extracting(Order::clientOrderId).containsExactly(sent.clientOrderId());

            // The exchange did execute it before the crash: the fill is applied now, once.
            f.gateway.fill(f.gateway.lookups.get(0), "0.999", "100.1", "0.1", f.clock.instant());
            f.drain();
            assertThat(restarted.positions().get(BTC).orElseThrow().quantity()).isEqualByComparingTo("0.999");
            assertThat(f.store.order(sent.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(f.gateway.placed).hasSize(1);
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
