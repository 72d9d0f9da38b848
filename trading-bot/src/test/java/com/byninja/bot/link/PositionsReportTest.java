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

/**
 * The {@code positions} answer on a real store: each position's figures to the market's tick, its levels and whether
 * they act now, and its buttons: close, and a stop at break-even where that would hold.
 */
class PositionsReportTest {

    static final String NOTE = "PnL: selling at the last price, after the exit fee; % of what the position cost.";

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

    void start(String yaml) throws Exception {
        // A fee of 0.1 % and a tick of 0.01; a stop-loss 2 % below the entry, a take-profit 4 % above.
        f = TraderFixture.withRules(dir, "risk:\n  stopLossPct: 2\n  takeProfitPct: 4\n" + yaml, "0.1", tick(BTC),
                tick(ETH));
    }

    @Test
    void eachPositionWithItsLevelsWhetherTheyActAndItsButtons() throws Exception {
        start("");
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.openPosition(ETH, "0.05", "2000", "0.1");
        f.price(ETH, "1990");
        f.clock.advance(Duration.ofHours(1));
        f.price(BTC, "51000");

        Report r = Phone.fits(new PositionsReport(f.trader).positions(null));

        // BTC/USDT: 0.002 x 51,000 = 102, less a 0.102 exit fee and its cost of 100.10: +1.798, 1.796 % of 100.10.
        // ETH/USDT: 0.05 x 1,990 = 99.50, less 0.0995 and 100.10: -0.6995, -0.699 %; its price is an hour old.
        assertThat(r.text()).isEqualTo("""
                2 open positions (USDT)
                BTC/USDT 0.002 BTC, open 1h 0m
                 entry       50000.00
                 last        51000.00
                 PnL         +1.79 (+1.79 %)
                 stop-loss   49000.00
                 take-profit 52000.00
                 protection  active
                ETH/USDT 0.05 ETH, open 1h 0m
                 entry       2000.00
                 last        1990.00 (60 min old)
                 PnL         -0.70 (-0.70 %)
                 stop-loss   1960.00
                 take-profit 2080.00
                 protection  waiting: price STALE
                """ + NOTE);
        // Selling BTC/USDT at 50,100.11 keeps 100.20022 x 0.999 = 100.10002 of its cost of 100.10, 50,100.10 would
        // not: 100.1 / (0.002 x 0.999) = 50,100.1001..., up to the tick. ETH/USDT is below its break-even of 2,004.01.
        assertThat(r.data().path("buttons").toString()).isEqualTo("[{\"label\":\"Close BTC/USDT\","
                + "\"command\":\"/forcesell BTC/USDT\",\"row\":0},{\"label\":\"Break-even BTC/USDT\","
                + "\"command\":\"/breakeven BTC/USDT\",\"row\":0},{\"label\":\"Close ETH/USDT\","
                + "\"command\":\"/forcesell ETH/USDT\",\"row\":1}]");
        assertThat(r.data().path("positions").path(0).path("breakEven").asText()).isEqualTo("50100.11");
        assertThat(r.data().path("positions").path(1).path("breakEven").asText()).isEqualTo("2004.01");
        assertThat(r.data().path("positions").path(0).path("protection").toString()).isEqualTo("{\"stopLoss\":"
                + "\"49000\",\"takeProfit\":\"52000\",\"active\":true,\"state\":\"active\"}");
        assertThat(r.data().path("positions").path(1).path("unrealisedPnl").asText()).isEqualTo("-0.6995");
    }

    @Test
    void oneSymbolsPositionAndWhatItSaysWithoutProtectionOrPosition() throws Exception {
        start("  protectiveExits: false\n");
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.price(BTC, "51000");
        PositionsReport positions = new PositionsReport(f.trader);

        Report btc = Phone.fits(positions.positions(BTC));

        assertThat(btc.text()).isEqualTo("""
                Open position of BTC/USDT (USDT)
                BTC/USDT 0.002 BTC, open 0s
                 entry       50000.00
                 last        51000.00
                 PnL         +1.79 (+1.79 %)
                 stop-loss   49000.00
                 take-profit 52000.00
                 protection  OFF
                """ + NOTE + "\nProtective exits are off (risk.protectiveExits: false): no stop or target sells.");
        // No stop sells without protective exits: only the Close button.
        assertThat(btc.data().path("buttons")).hasSize(1);
        assertThat(positions.positions(null).text()).startsWith("1 open position (USDT)\nBTC/USDT 0.002 BTC");
        assertThat(positions.positions(ETH).text()).isEqualTo("No open position in ETH/USDT.");
        f.closePosition(BTC, "0.002", "51000", "0.102");
        assertThat(Phone.fits(positions.positions(null)).text()).isEqualTo("No open positions.");
        assertThat(positions.positions(null).data().path("buttons")).isEmpty();
    }
}
