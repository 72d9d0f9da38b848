package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.link.StatusReport.Report;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code /status} and {@code /positions} say of the stop-loss on the exchange: not there yet, being placed,
 * resting with its prices; and the open orders in {@code /status}. A tick of 0.01, a stop-loss 2 % below the entry.
 */
class ExchangeStopReportTest {

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    StatusReport status() {
        return new StatusReport(new BotInfo("ninja", "1", "binance", "live", "1m", TraderFixture.T0), f.trader,
                f.clock, Money::object, Money::object);
    }

    @Test
    void theStopOnTheExchangeIsShownMissingThenPlacingThenRestingAndListedAmongTheOpenOrders() throws Exception {
        f = TraderFixture.withRules(dir, "risk:\n  stopLossPct: 2\n  stopLossOnExchange: true\n", "0.1",
                PositionsReportTest.tick(BTC));
        f.openPosition(BTC, "0.002", "50000", "0.1");

        Report before = new PositionsReport(f.trader).positions(BTC);
        assertThat(before.text()).contains(" on exchange NONE yet\n", "BTC/USDT: stop-loss NOT on the exchange yet: "
                + "the bot watches the price itself (risk.stopLossOnExchange), and tries again.");
        assertThat(before.data().at("/positions/0/protection/onExchange/state").asText()).isEqualTo("none");

        f.trader.periodicChecks();
        Order stop = f.gateway.last();
        // 2 % below 50,000 is 49,000; its limit 0.5 % lower, 48,755.
        assertThat(new PositionsReport(f.trader).positions(BTC).text())
                .contains(" on exchange placing stop 49000.00, limit 48755.00\n");

        f.gateway.rest(stop, f.clock.instant());
        f.drain();
        Report positions = new PositionsReport(f.trader).positions(BTC);
        assertThat(positions.text()).contains(" on exchange stop 49000.00, limit 48755.00\n")
                .doesNotContain("NOT on the exchange");
        assertThat(positions.data().at("/positions/0/protection/onExchange/orderId").asText())
                .isEqualTo(stop.clientOrderId());

        Report status = status().status();
        assertThat(status.text()).contains("  stop-loss on the exchange: stop 49000.00, limit 48755.00 (order "
                + stop.clientOrderId() + ")\n", "Open orders on the exchange (1):\n  BTC/USDT stop-loss on exchange: "
                + "sell 0.002 BTC, stop 49000.00, limit 48755.00 (order " + stop.clientOrderId() + ")\n");
        assertThat(status.data().at("/openOrders/0/type").asText()).isEqualTo("STOP_LOSS_LIMIT");
        assertThat(status.data().at("/openOrders/0/stopPrice").asText()).isEqualTo("49000");

        Report orders = new OrdersReport(f.trader).orders();
        assertThat(orders.text()).startsWith("No orders waiting for the exchange's answer.\nResting on the exchange: 1")
                .contains("BTC/USDT sell 0.002 BTC", " stop-loss on exchange, stop 49000.00, limit 48755.00",
                        " resting");
        assertThat(orders.data().at("/resting/0/type").asText()).isEqualTo("STOP_LOSS_LIMIT");
    }

    @Test
    void aPositionWithoutAStopLevelIsNotSaidToLackAStopOnTheExchange() throws Exception {
        f = TraderFixture.withRules(dir, "risk:\n  stopLossPct: 0\n  stopLossOnExchange: true\n", "0.1",
                PositionsReportTest.tick(BTC));
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.trader.periodicChecks();

        assertThat(f.gateway.placed).hasSize(1);
        assertThat(new PositionsReport(f.trader).positions(BTC).text()).doesNotContain("on exchange");
    }

    @Test
    void withoutStopsOnTheExchangeNothingIsSaidOfThem() throws Exception {
        f = TraderFixture.withRules(dir, "risk:\n  stopLossPct: 2\n  stopLossOnExchange: false\n", "0.1",
                PositionsReportTest.tick(BTC));
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.trader.periodicChecks();

        assertThat(new PositionsReport(f.trader).positions(BTC).text()).doesNotContain("on exchange");
        assertThat(status().status().text()).doesNotContain("on the exchange");
    }
}
