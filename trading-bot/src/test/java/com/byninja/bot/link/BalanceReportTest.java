package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.link.StatusReport.Report;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code balance} answer on a real store: per asset, free and in positions, the equity and the budget. */
class BalanceReportTest {

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void everyAssetWithWhatCountsInTheEquityAndTheBudgetUsed() throws Exception {
        f = new TraderFixture(dir, "risk:\n  budget: 1000\n");
        f.balances.put("ETH", new BigDecimal("0.5"));
        f.restart();
        // 0.002 BTC for 100 USDT and a fee of 0.10: 10,000 - 100.10 = 9,899.90 USDT left.
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.price(BTC, "51000");

        Report r = Phone.fits(new BalanceReport(f.trader).balance());

        // 0.002 x 51,000 = 102; 9,899.90 + 102 = 10,001.90. The 0.5 ETH belong to no position: not in the equity.
        assertThat(r.text()).isEqualTo("""
                Balance: equity 10001.90 USDT
                Asset     Free  In positions    Value
                USDT   9899.90             -  9899.90
                BTC          0         0.002   102.00
                ETH        0.5             -        -
                Equity: the free USDT and the positions at their last price; coins outside positions are not counted.
                Budget: 100.00 of 1000.00 USDT used (risk.budget), 900.00 left.""");
        assertThat(r.data().path("equity").asText()).isEqualTo("10001.9");
        assertThat(r.data().path("assets").toString()).isEqualTo("[{\"asset\":\"USDT\",\"free\":\"9899.9\","
                + "\"inPositions\":\"0\",\"value\":\"9899.9\"},{\"asset\":\"BTC\",\"free\":\"0\","
                + "\"inPositions\":\"0.002\",\"value\":\"102\",\"symbol\":\"BTC/USDT\",\"price\":\"51000\","
                + "\"priceStale\":false},{\"asset\":\"ETH\",\"free\":\"0.5\",\"inPositions\":\"0\","
                + "\"value\":null}]");
        assertThat(r.data().path("budget").toString()).isEqualTo("{\"limit\":\"1000\",\"inPositions\":\"100\","
                + "\"left\":\"900\"}");
        assertThat(new BigDecimal(r.data().path("equity").asText())).isEqualByComparingTo(f.trader.equity());
    }

    @Test
    void aStalePriceAndABuyOnItsWayAreSaid() throws Exception {
        f = new TraderFixture(dir, "");
        f.openPosition(BTC, "0.002", "50000", "0");
        f.clock.advance(Duration.ofMinutes(3));
        // A buy waiting for the exchange keeps its 100 USDT aside (no fee: the fixture's exchange takes none).
        f.forceBuy(ETH, "3000");

        Report r = Phone.fits(new BalanceReport(f.trader).balance());

        // 10,000 - 100 = 9,900 free; BTC at its 3 min old price: 0.002 x 50,000 = 100.
        assertThat(r.text()).isEqualTo("""
                Balance: equity 10000.00 USDT
                Asset     Free  In positions    Value
                USDT   9900.00             -  9900.00
                BTC          0         0.002   100.00
                Equity: the free USDT and the positions at their last price.
                BTC/USDT's last price is 3 min old (STALE).
                100.00 USDT of the free USDT is kept for buys waiting for the exchange.""");
        assertThat(r.data().has("budget")).isFalse();
        assertThat(r.data().path("reservedForBuys").asText()).isEqualTo("100");
        assertThat(r.data().path("assets").path(1).path("priceStale").asBoolean()).isTrue();
    }

    @Test
    void aPositionWithoutAPriceCountsAtItsEntryCost() throws Exception {
        f = new TraderFixture(dir, "");
        f.openPosition(ETH, "0.03", "3000", "0.09");
        f.prices.remove(ETH);

        Report r = Phone.fits(new BalanceReport(f.trader).balance());

        // 10,000 - 90 - 0.09 = 9,909.91 free; the position at its cost of 0.03 x 3,000 = 90, fee excluded.
        assertThat(r.text()).isEqualTo("""
                Balance: equity 9999.91 USDT
                Asset     Free  In positions    Value
                USDT   9909.91             -  9909.91
                ETH          0          0.03    90.00
                Equity: the free USDT and the positions at their last price.
                ETH/USDT has no price yet: valued at its entry cost.""");
        assertThat(r.data().path("assets").path(1).path("price").isNull()).isTrue();
    }
}
