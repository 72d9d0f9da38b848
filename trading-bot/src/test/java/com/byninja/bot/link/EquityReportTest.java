package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.EquitySample;
import com.byninja.bot.link.StatusReport.Report;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code equity} answer: the samples of the last days and the equity now, in data for a chart and in words. */
class EquityReportTest {

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    void sample(int hoursBefore, String equity) throws Exception {
        f.store.saveEquity(new EquitySample(T0.minus(Duration.ofHours(hoursBefore)), new BigDecimal(equity)));
    }

    @Test
    void theCurveOfTheLastDaysEndsWithTheEquityNowAndIsSummedUp() throws Exception {
        f = new TraderFixture(dir, "");
        sample(80, "9000");    // older than the 3 days asked for
        sample(48, "9800");
        sample(24, "10400");
        sample(12, "9880");    // 5 % below the peak of 10,400
        sample(1, "10100");

        Report r = new EquityReport(f.trader, "USDT", 60).equity(3);

        // The equity now is the free balance of 10,000 USDT: +2.04 % from 9,800.
        assertThat(r.text()).isEqualTo("Equity 10000.00 USDT now. Since 2026-02-27 10:00 UTC: +200.00 USDT "
                + "(+2.04 %) from 9800.00; highest 10400.00, deepest drawdown 5.00 %; 4 samples, every 60 min.");
        assertThat(r.data().path("equity").path("title").asText()).isEqualTo("Equity, last 3 days");
        assertThat(r.data().path("equity").path("points").toString()).isEqualTo("[[" + at(48) + ",\"9800\"],["
                + at(24) + ",\"10400\"],[" + at(12) + ",\"9880\"],[" + at(1) + ",\"10100\"],[" + at(0)
                + ",\"10000\"]]");
    }

    @Test
    void withoutHistoryItSaysWhenTheFirstSampleIsAndBadDaysAreRefused() throws Exception {
        f = new TraderFixture(dir, "");
        f.clock.advance(Duration.ofMinutes(7));

        EquityReport equity = new EquityReport(f.trader, "USDT", 15);

        assertThat(equity.equity(null).text()).isEqualTo("Equity 10000.00 USDT now. No history yet: the bot writes "
                + "its equity every 15 min on the clock, the first at 10:15 UTC.");
        assertThat(equity.equity(null).data().has("equity")).isTrue();
        assertThat(equity.equity(0).text()).isEqualTo("An equity chart covers 1 to 3650 days; got 0.");
    }

    static long at(int hoursBefore) {
        return T0.minus(Duration.ofHours(hoursBefore)).toEpochMilli();
    }
}
