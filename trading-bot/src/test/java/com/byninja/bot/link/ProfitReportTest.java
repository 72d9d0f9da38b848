package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.link.StatusReport.Report;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code profit} answer on a real store, all time, over days and for one symbol; 0, 1 and many trades. */
class ProfitReportTest {

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void allTimeAgainstTheFirstEquityWritten() throws Exception {
        f = new TraderFixture(dir, "");
        History.threeTradesAndAnOpenPosition(f);

        Report r = Phone.fits(new ProfitReport(f.trader).profit(null, null));

        // 7.80 - 2.00 + 1.00 = 6.80 realised, +0.50 open: 7.30 of 10,000 = 0.073 %, down to 0.07. Two of three won:
        // 66.67 %. Open 2h 30m, 1h and 1h: 1h 30m on average.
        assertThat(r.text()).isEqualTo("""
                Profit in USDT, all time
                Realised    +6.80 on 3 trades
                Unrealised  +0.50 on 1 open position
                Total       +7.30, +0.07 %
                Win rate    66.67 % (2 of 3 won)
                Best        +7.80 (+7.79 %) BTC/USDT
                Worst       -2.00 (-2.00 %) ETH/USDT
                Duration    1h 30m on average
                %: of 10000.00 USDT, the equity at 2026-02-27 00:00 UTC, the first the bot wrote.""");
        assertThat(r.data().path("realisedPnl").asText()).isEqualTo("6.8");
        assertThat(r.data().path("unrealisedPnl").asText()).isEqualTo("0.5");
        assertThat(r.data().path("totalPnl").asText()).isEqualTo("7.3");
        assertThat(r.data().path("pnlPct").asText()).isEqualTo("0.07");
        assertThat(r.data().path("winRatePct").asText()).isEqualTo("66.67");
        assertThat(r.data().path("averageDurationSeconds").asLong()).isEqualTo(5400);
        assertThat(r.data().path("best").toString()).isEqualTo("{\"symbol\":\"BTC/USDT\",\"realisedPnl\":\"7.8\","
                + "\"pnlPct\":\"7.79\",\"closedAt\":\"2026-02-27T11:30:00Z\",\"orderId\":\""
                + r.data().path("best").path("orderId").asText() + "\"}");
        assertThat(r.data().path("startEquity").toString()).isEqualTo("{\"equity\":\"10000\","
                + "\"at\":\"2026-02-27T00:00:00Z\",\"source\":\"first_sample\"}");
        assertThat(r.data().path("days").isNull()).isTrue();
    }

    @Test
    void todayHasOneTradeAndItsPercentIsOfTheEquityAtMidnight() throws Exception {
        f = new TraderFixture(dir, "");
        History.threeTradesAndAnOpenPosition(f);

        Report r = Phone.fits(new ProfitReport(f.trader).profit(null, 1));

        // +1.00 and +0.50 open: 1.50 of 10,005.80 = 0.01499 %, down to 0.01.
        assertThat(r.text()).isEqualTo("""
                Profit in USDT, today (UTC)
                Realised    +1.00 on 1 trade
                Unrealised  +0.50 on 1 open position
                Total       +1.50, +0.01 %
                Win rate    100.00 % (1 of 1 won)
                Trade       +1.00 (+1.00 %) BTC/USDT
                Duration    1h 0m
                %: of 10005.80 USDT, the equity at 2026-03-01 00:00 UTC, when the period began.""");
        assertThat(r.data().path("since").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(r.data().path("startEquity").path("source").asText()).isEqualTo("sample_at_start");
    }

    @Test
    void theLastDaysStartAtAMidnightAndOneSymbolIsAPartOfTheWholeEquity() throws Exception {
        f = new TraderFixture(dir, "");
        History.threeTradesAndAnOpenPosition(f);

        Report twoDays = Phone.fits(new ProfitReport(f.trader).profit(null, 2));
        Report btc = Phone.fits(new ProfitReport(f.trader).profit(BTC, null));

        // Saturday and Sunday: -2.00 + 1.00 = -1.00 realised, +0.50 open: -0.50 of 10,007.80 = -0.004996 %, down to
        // -0.01.
        assertThat(twoDays.text()).startsWith("""
                Profit in USDT, the last 2 days (UTC, since 2026-02-28)
                Realised    -1.00 on 2 trades
                Unrealised  +0.50 on 1 open position
                Total       -0.50, -0.01 %
                Win rate    50.00 % (1 of 2 won)""");
        assertThat(twoDays.text()).endsWith("%: of 10007.80 USDT, the equity at 2026-02-28 00:00 UTC, when the period "
                + "began.");
        // BTC/USDT alone: 7.80 + 1.00 = 8.80, no position open: 0.088 % of the whole bot's first equity.
        assertThat(btc.text()).isEqualTo("""
                Profit of BTC/USDT in USDT, all time
                Realised    +8.80 on 2 trades
                Unrealised  0.00 on 0 open positions
                Total       +8.80, +0.08 %
                Win rate    100.00 % (2 of 2 won)
                Best        +7.80 (+7.79 %) BTC/USDT
                Worst       +1.00 (+1.00 %) BTC/USDT
                Duration    1h 45m on average
                %: of 10000.00 USDT, the bot's whole equity: the equity at 2026-02-27 00:00 UTC, the first the bot \
                wrote.""");
        assertThat(btc.data().path("symbol").asText()).isEqualTo("BTC/USDT");
    }

    @Test
    void withoutTradesThereIsNoWinRateAndWithoutSamplesThePercentIsOfTheEquityNowLessThePnl() throws Exception {
        f = new TraderFixture(dir, "");

        Report r = Phone.fits(new ProfitReport(f.trader).profit(null, 7));

        assertThat(r.text()).isEqualTo("""
                Profit in USDT, the last 7 days (UTC, since 2026-02-23)
                Realised    0.00 on 0 trades
                Unrealised  0.00 on 0 open positions
                Total       0.00, 0.00 %
                %: of 10000.00 USDT, the equity now less this PnL (no equity written yet).""");
        assertThat(r.data().has("winRatePct")).isFalse();
        assertThat(r.data().has("best")).isFalse();
        assertThat(r.data().path("startEquity").path("source").asText()).isEqualTo("now_less_pnl");
    }

    @Test
    void aLossOfLessThanACentReadsAsACentLostAndAnEvenTradeIsNoWin() throws Exception {
        f = new TraderFixture(dir, "");
        f.openPosition(BTC, "0.002", "50000", "0");
        f.closePosition(BTC, "0.002", "50000", "0");
        f.openPosition(BTC, "0.002", "50000", "0.001");
        f.closePosition(BTC, "0.002", "50000", "0");

        Report r = Phone.fits(new ProfitReport(f.trader).profit(null, null));

        // The second trade lost its 0.001 fee: -0.001 reads -0.01, against the trader. The equity now, 9,999.999, less
        // that PnL is 10,000, of which it is -0.00001 %, down to -0.01. An even trade is no win.
        assertThat(r.text()).isEqualTo("""
                Profit in USDT, all time
                Realised    -0.01 on 2 trades
                Unrealised  0.00 on 0 open positions
                Total       -0.01, -0.01 %
                Win rate    0.00 % (0 of 2 won)
                Best        0.00 (0.00 %) BTC/USDT
                Worst       -0.01 (-0.01 %) BTC/USDT
                Duration    0s on average
                %: of 10000.00 USDT, the equity now less this PnL (no equity written yet).""");
        assertThat(r.data().path("wins").asInt()).isZero();
        assertThat(r.data().path("losses").asInt()).isEqualTo(1);
    }
}
