package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.link.StatusReport.Report;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code trades} answer on a real store: the latest first, prices to the tick, the exit reason in words. */
class TradesReportTest {

    static final String NOTE = "Prices: entry → exit; PnL after fees, % of what the trade cost; the time it closed "
            + "(UTC) and how long it was open.";

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    static MarketRules tick(Symbol s) {
        return new MarketRules(s, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.01"),
                BigDecimal.ZERO);
    }

    @Test
    void theLatestFirstWithPricesToTheTickAndWhyEachClosed() throws Exception {
        f = TraderFixture.withRules(dir, "risk:\n  stopLossPct: 2\n  takeProfitPct: 4\n", "0", tick(BTC),
                tick(ETH));
        // BTC/USDT: 0.002 at 50,000 (100), 90 min later at 48,900 it is below the stop of 49,000: sold for 97.80.
        f.openPosition(BTC, "0.002", "50000", "0");
        f.clock.advance(Duration.ofMinutes(90));
        f.price(BTC, "48900");
        f.trader.periodicChecks();
        f.gateway.fill(f.gateway.last(), "0.002", "48900", "0", f.clock.instant());
        f.drain();
        // ETH/USDT: 0.03 at 3,333.3333 (99.999999, fee 0.10); 3,470 is above its target of 3,466.67: sold for 104.10,
        // fee 0.10. PnL 104.10 - 0.10 - 99.999999 - 0.10 = 3.900001, of its cost of 100.099999: 3.896 %.
        f.openPosition(ETH, "0.03", "3333.3333", "0.1");
        f.clock.advance(Duration.ofSeconds(45));
        f.price(ETH, "3470");
        f.trader.periodicChecks();
        f.gateway.fill(f.gateway.last(), "0.03", "3470", "0.1", f.clock.instant());
        f.drain();

        Report r = Phone.fits(new TradesReport(f.trader).trades(null, null));

        assertThat(r.text()).isEqualTo("""
                The last 2 closed trades, the latest first (USDT)
                ETH/USDT 2026-03-01 11:30, 45s
                 3333.33 → 3470.00  +3.90 (+3.89 %)
                 closed by the take-profit
                BTC/USDT 2026-03-01 11:30, 1h 30m
                 50000.00 → 48900.00  -2.20 (-2.20 %)
                 closed by the stop-loss
                """ + NOTE);
        assertThat(r.data().path("trades").path(0).toString()).isEqualTo("{\"symbol\":\"ETH/USDT\","
                + "\"quantity\":\"0.03\",\"entryPrice\":\"3333.3333\",\"exitPrice\":\"3470\","
                + "\"realisedPnl\":\"3.900001\",\"pnlPct\":\"3.89\",\"fees\":\"0.2\","
                + "\"openedAt\":\"2026-03-01T11:30:00Z\",\"closedAt\":\"2026-03-01T11:30:45Z\","
                + "\"durationSeconds\":45,\"exitReason\":\"take_profit\",\"orderId\":\""
                + r.data().path("trades").path(0).path("orderId").asText() + "\"}");
    }

    @Test
    void aCountAndASymbolNarrowTheListAndOneTradeReadsInTheSingular() throws Exception {
        f = new TraderFixture(dir, "");
        History.threeTradesAndAnOpenPosition(f);
        TradesReport trades = new TradesReport(f.trader);

        Report one = Phone.fits(trades.trades(BTC, 1));
        Report ethTwo = Phone.fits(trades.trades(ETH, 2));

        // Without a tick, prices read as they are.
        assertThat(one.text()).isEqualTo("""
                The last closed trade of BTC/USDT (USDT)
                BTC/USDT 2026-03-01 09:00, 1h 0m
                 50000 → 50500  +1.00 (+1.00 %)
                 closed by /forcesell
                """ + NOTE);
        assertThat(ethTwo.text()).startsWith("The last closed trade of ETH/USDT (USDT)\nETH/USDT 2026-02-28 13:00");
        assertThat(trades.trades(null, null).data().path("trades")).hasSize(3);
    }

    @Test
    void noTradeSaysSo() throws Exception {
        f = new TraderFixture(dir, "");

        assertThat(Phone.fits(new TradesReport(f.trader).trades(null, null)).text()).isEqualTo("No closed trades "
                + "yet.");
        assertThat(new TradesReport(f.trader).trades(BTC, 5).text()).isEqualTo("No closed trades of BTC/USDT yet.");
    }
}
