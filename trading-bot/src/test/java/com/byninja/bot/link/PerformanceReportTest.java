package com.byninja.bot.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.link.StatusReport.Report;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code performance} answer on a real store: per symbol, the most profitable first. */
class PerformanceReportTest {

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void perSymbolTheBestFirstWithTheWholeBotBeneath() throws Exception {
        f = new TraderFixture(dir, "");
        History.threeTradesAndAnOpenPosition(f);

        Report r = Phone.fits(new PerformanceReport(f.trader).performance());

        // BTC/USDT: +7.80 and +1.00; ETH/USDT: -2.00 (its open position is not a trade yet).
        assertThat(r.text()).isEqualTo("""
                Performance in USDT, all time, the best first
                Symbol    Trades   Won %    PnL
                BTC/USDT       2  100.00  +8.80
                ETH/USDT       1    0.00  -2.00
                Total          3   66.67  +6.80
                Won %: the trades that made money after fees; PnL: realised.""");
        assertThat(r.data().path("symbols").path(0).toString()).isEqualTo("{\"symbol\":\"BTC/USDT\","
                + "\"trades\":2,\"wins\":2,\"losses\":0,\"winRatePct\":\"100.00\",\"realisedPnl\":\"8.8\"}");
        assertThat(r.data().path("total").path("realisedPnl").asText()).isEqualTo("6.8");
    }

    @Test
    void withoutTradesThereIsNoTable() throws Exception {
        f = new TraderFixture(dir, "");

        Report r = Phone.fits(new PerformanceReport(f.trader).performance());

        assertThat(r.text()).isEqualTo("Performance in USDT: no closed trades yet.");
        assertThat(r.data().path("symbols")).isEmpty();
    }
}
