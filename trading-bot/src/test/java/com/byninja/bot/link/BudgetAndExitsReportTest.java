package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.control.SymbolResolver;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.protocol.Message;
import com.byninja.protocol.commands.ArgumentKind;
import com.byninja.protocol.commands.Command;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code status} and {@code forcebuy} say about the budget, the minimal ROI and the trailing stop's offset. */
class BudgetAndExitsReportTest {

    @TempDir
    Path dir;
    TraderFixture f;
    CommandHandler handler;
    int ids;

    void start(String yaml) throws Exception {
        f = TraderFixture.withFee(dir, yaml, "0.1");
        handler = new CommandHandler(f.trader, new SymbolResolver(f.config.symbols()),
                new StatusReport(new BotInfo("ninja", "1", "simulated", "paper", "1m", TraderFixture.T0), f.trader,
                        f.clock, Money::object, Money::object), f.alerts);
        f.price(BTC, "100");
        f.price(ETH, "3000");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    Message send(Command command, String symbol, String amount) {
        Message m = Message.command("c" + (++ids), command, symbol);
        if (amount != null) {
            ObjectNode data = Money.object();
            data.put(ArgumentKind.AMOUNT.field(), amount);
            m = m.withData(data);
        }
        return handler.handle(m);
    }

    @Test
    void statusShowsTheBudgetUsedAndForcebuySaysWhenItCutsOrRefuses() throws Exception {
        start("risk:\n  budget: 150\n");
        f.openPosition(BTC, "0.9", "100", "0.09");

        Message status = send(Command.STATUS, null, null);
        assertThat(status.message()).contains("Budget: 90.00 of 150.00 USDT in positions (risk.budget), 60.00 left");
        JsonNode budget = status.data().path("budget");
        assertThat(budget.path("limit").asText()).isEqualTo("150");
        assertThat(budget.path("inPositions").asText()).isEqualTo("90");
        assertThat(budget.path("left").asText()).isEqualTo("60");

        Message cut = send(Command.FORCEBUY, "ETH/USDT", "100");
        Order o = f.gateway.last();
        assertThat(o.quoteAmount()).isEqualByComparingTo("60");
        assertThat(cut.message()).isEqualTo("Buying ETH/USDT for 60.00 USDT at market (order " + o.clientOrderId()
                + "); the fill follows as an alert. Note: the amount was cut from 100 USDT to the 60 USDT left of the "
                + "budget of 150 USDT (risk.budget; 90 USDT in positions).");
        assertThat(cut.data().path("note").asText()).startsWith("the amount was cut from 100 USDT");

        Message refused = send(Command.FORCEBUY, "BTC/USDT", null);
        assertThat(refused.message()).isEqualTo("Force buy of BTC/USDT refused (over_budget): the budget of 150 USDT "
                + "(risk.budget) has 0 USDT left, with 150 USDT in positions; that is below the minimum order of "
                + "10 USDT (risk.minOrderAmount)");
        assertThat(refused.data().path("reason").asText()).isEqualTo("OVER_BUDGET");
    }

    @Test
    void withoutABudgetStatusSaysNothingOfItButTheDataHasTheMoneyInPositions() throws Exception {
        start("");
        f.openPosition(BTC, "0.9", "100", "0.09");

        Message status = send(Command.STATUS, null, null);

        assertThat(status.message()).doesNotContain("Budget");
        assertThat(status.data().path("budget").path("limit").asText()).isEqualTo("0");
        assertThat(status.data().path("budget").path("inPositions").asText()).isEqualTo("90");
    }

    @Test
    void statusShowsTheMinimalRoiNowAndWhereTheTrailingStopWillStart() throws Exception {
        start("risk:\n  minimalRoi: {0: 4, 30: 2}\n  takeProfitPct: 0\n  trailingStopPct: 1\n"
                + "  trailingStopPositiveOffsetPct: 3\n");
        // 1 BTC for 100 and a fee of 0.1: 4 % after both fees is 100.1 x 1.04 / 0.999 = 104.2082082...
        f.openPosition(BTC, "1", "100", "0.1");

        Message status = send(Command.STATUS, null, null);

        // Selling at 100 would pay a fee of 0.1: -0.20 USDT, -0.20 / 100.10 = -0.20 %.
        assertThat(status.message()).contains("BTC/USDT 1 @ 100.00, now 100.00: -0.20 USDT (-0.20%)\n  protected: "
                + "stop-loss 98.00, minimal ROI 4 % at 104.21 for 30 min more, trailing stop once the price reaches "
                + "103.00\n");
        JsonNode protection = status.data().path("positions").get(0).path("protection");
        assertThat(protection.path("minimalRoi").path("pct").asText()).isEqualTo("4");
        assertThat(protection.path("minimalRoi").path("price").asText())
                .isEqualTo("104.2082082082082082082082082082083");
        assertThat(protection.path("minimalRoi").path("untilMs").asLong()).isEqualTo(1_800_000);
        assertThat(protection.path("trailingStart").asText()).isEqualTo("103");
        assertThat(protection.has("trailingStop")).isFalse();
    }
}
