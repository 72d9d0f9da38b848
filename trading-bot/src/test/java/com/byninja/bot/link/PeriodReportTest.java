package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.link.PeriodReport.Unit;
import com.byninja.bot.link.StatusReport.Report;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code daily}, {@code weekly} and {@code monthly} tables on a real store: the current period first, a trade in
 * the period it closed in, on each side of midnight UTC, of Monday and of the first of the month.
 */
class PeriodReportTest {

    static final String NOTE_DAY = "PnL: realised, in the day each trade closed. %: of the equity the day began with, "
            + "as the bot wrote it (or its first written in the day); - where it had written none.";

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void theLastSevenDaysEachAgainstTheEquityAtItsMidnight() throws Exception {
        f = new TraderFixture(dir, "");
        History.threeTradesAndAnOpenPosition(f);

        Report r = Phone.fits(new PeriodReport(f.trader).periods(Unit.DAY, null));

        // Sunday: +1.00 of 10,005.80 = 0.0099 %, down to 0.00; Saturday: -2.00 of 10,007.80 = -0.0199 %, down to
        // -0.02; Friday: +7.80 of 10,000 = 0.078 %, down to 0.07. Nothing was written before Friday. The total, 6.80,
        // is of the first equity written in the seven days, Friday's 10,000: 0.068 %, down to 0.06.
        assertThat(r.text()).isEqualTo("""
                Daily PnL in USDT, the last 7 days (UTC)
                Day         Trades    PnL      %
                2026-03-01       1  +1.00   0.00
                2026-02-28       1  -2.00  -0.02
                2026-02-27       1  +7.80  +0.07
                2026-02-26       0   0.00      -
                2026-02-25       0   0.00      -
                2026-02-24       0   0.00      -
                2026-02-23       0   0.00      -
                Total            3  +6.80  +0.06
                """ + NOTE_DAY);
        assertThat(r.data().path("periods").path(1).toString()).isEqualTo("{\"start\":\"2026-02-28T00:00:00Z\","
                + "\"label\":\"2026-02-28\",\"trades\":1,\"pnl\":\"-2\",\"pnlPct\":\"-0.02\","
                + "\"startEquity\":{\"equity\":\"10007.8\",\"at\":\"2026-02-28T00:00:00Z\","
                + "\"source\":\"sample_at_start\"}}");
        assertThat(r.data().path("periods").path(3).path("pnlPct").isNull()).isTrue();
        assertThat(r.data().path("total").path("startEquity").path("source").asText()).isEqualTo("first_sample_in");
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() throws Exception {
        f = new TraderFixture(dir, "");
        History.threeTradesAndAnOpenPosition(f);

        Report weeks = Phone.fits(new PeriodReport(f.trader).periods(Unit.WEEK, 3));
        Report months = Phone.fits(new PeriodReport(f.trader).periods(Unit.MONTH, null));

        // Sunday 2026-03-01 is in the week of Monday 2026-02-23; its first equity written, Friday's 10,000.
        assertThat(weeks.text()).startsWith("""
                Weekly PnL in USDT, the last 3 weeks (from Monday, UTC)
                Week of     Trades    PnL      %
                2026-02-23       3  +6.80  +0.06
                2026-02-16       0   0.00      -
                2026-02-09       0   0.00      -
                Total            3  +6.80  +0.06
                PnL: realised, in the week each trade closed.""");
        // March: +1.00 of 10,005.80 written at its first midnight, 0.00 %; February: +5.80 of Friday's 10,000, the
        // first written in it: 0.058 %, down to 0.05.
        assertThat(months.text()).startsWith("""
                Monthly PnL in USDT, the last 6 months (UTC)
                Month    Trades    PnL      %
                2026-03       1  +1.00   0.00
                2026-02       2  +5.80  +0.05
                2026-01       0   0.00      -
                2025-12       0   0.00      -
                2025-11       0   0.00      -
                2025-10       0   0.00      -
                Total         3  +6.80  +0.06
                """);
        assertThat(weeks.data().path("unit").asText()).isEqualTo("week");
        assertThat(months.data().path("periods").path(1).path("startEquity").path("source").asText())
                .isEqualTo("first_sample_in");
    }

    @Test
    void aTradeCountsInThePeriodItClosedInOnEitherSideOfEachBoundary() throws Exception {
        f = new TraderFixture(dir, "");
        // +1 a second before Sunday 2026-03-01, +2 at its midnight, +4 a second before Monday, +8 at its midnight.
        trade("2026-02-28T23:59:00Z", "2026-02-28T23:59:59Z", "50500");
        trade("2026-02-28T23:59:59.500Z", "2026-03-01T00:00:00Z", "51000");
        trade("2026-03-01T23:59:00Z", "2026-03-01T23:59:59Z", "52000");
        trade("2026-03-01T23:59:59.500Z", "2026-03-02T00:00:00Z", "54000");
        History.at(f, "2026-03-02T12:00:00Z");
        PeriodReport periods = new PeriodReport(f.trader);

        assertThat(Phone.tables(Phone.fits(periods.periods(Unit.DAY, 3)))).containsExactly("""
                Day         Trades     PnL  %
                2026-03-02       1   +8.00  -
                2026-03-01       2   +6.00  -
                2026-02-28       1   +1.00  -
                Total            4  +15.00  -""");
        assertThat(Phone.tables(Phone.fits(periods.periods(Unit.WEEK, 2)))).containsExactly("""
                Week of     Trades     PnL  %
                2026-03-02       1   +8.00  -
                2026-02-23       3   +7.00  -
                Total            4  +15.00  -""");
        assertThat(Phone.tables(Phone.fits(periods.periods(Unit.MONTH, 2)))).containsExactly("""
                Month    Trades     PnL  %
                2026-03       3  +14.00  -
                2026-02       1   +1.00  -
                Total         4  +15.00  -""");
    }

    /** BTC/USDT: 0.002 bought at 50,000 at {@code open}, sold at {@code exit} at {@code close}, without fees. */
    void trade(String open, String close, String exit) {
        History.at(f, open);
        f.openPosition(BTC, "0.002", "50000", "0");
        History.at(f, close);
        f.closePosition(BTC, "0.002", exit, "0");
    }
}
