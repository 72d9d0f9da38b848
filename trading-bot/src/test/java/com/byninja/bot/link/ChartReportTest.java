package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.link.StatusReport.Report;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code chart} answer's data, which the telegram-server draws, and its words. */
class ChartReportTest {

    static final Instant NINE = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    /** Closes twelve one-minute candles from 09:00: the i-th opens 100 + i, spans 99 + i to 102 + i, closes 101 + i. */
    void twelveCandles() {
        for (int i = 0; i < 12; i++) {
            f.trader.onCandle(new Candle(BTC, NINE.plus(Duration.ofMinutes(i)), Duration.ofMinutes(1),
                    BigDecimal.valueOf(100 + i), BigDecimal.valueOf(102 + i), BigDecimal.valueOf(99 + i),
                    BigDecimal.valueOf(101 + i), BigDecimal.ONE));
        }
    }

    /** @return the start of the minute {@code minutes} after 09:00, in epoch milliseconds */
    static long at(int minutes) {
        return NINE.plus(Duration.ofMinutes(minutes)).toEpochMilli();
    }

    @Test
    void theLastCandlesWithThePositionsLevels() throws Exception {
        f = new TraderFixture(dir, "risk:\n  stopLossPct: 3\n  takeProfitPct: 6\n");
        twelveCandles();
        f.openPosition(BTC, "1", "110", "0");

        Report r = new ChartReport(f.trader, Duration.ofMinutes(1)).chart(BTC, null, 3);

        JsonNode chart = r.data().path("chart");
        assertThat(chart.path("title").asText()).isEqualTo("BTC/USDT 1m");
        assertThat(chart.path("periodMs").asLong()).isEqualTo(60_000);
        // 09:09, 09:10 and 09:11.
        assertThat(chart.path("candles").toString()).isEqualTo("[[" + at(9) + ",\"109\",\"111\",\"108\",\"110\"],"
                + "[" + at(10) + ",\"110\",\"112\",\"109\",\"111\"],[" + at(11) + ",\"111\",\"113\",\"110\",\"112\"]]");
        // 3 % below and 6 % above 110, exact in the data and to the candles' whole numbers in words; (112 - 109) / 109
        // = +2.75 % over the three candles.
        assertThat(chart.path("levels").toString()).isEqualTo("[{\"kind\":\"entry\",\"price\":\"110\"},"
                + "{\"kind\":\"stop_loss\",\"price\":\"106.7\"},{\"kind\":\"take_profit\",\"price\":\"116.6\"}]");
        assertThat(r.text()).isEqualTo("BTC/USDT 1m: 3 candles, last 112 USDT (+2.75 % over the chart); position 1 @ "
                + "110, stop-loss 107, take-profit 117.");
    }

    @Test
    void aLongerTimeframeMergesWholeGroupsOfTheBotsCandlesAlignedOnTheClock() throws Exception {
        f = new TraderFixture(dir, "");
        twelveCandles();

        Report r = new ChartReport(f.trader, Duration.ofMinutes(1)).chart(BTC, Duration.ofMinutes(5), null);

        // 09:00-09:05 and 09:05-09:10; 09:10 has two of its five minutes and is left out.
        assertThat(r.data().path("chart").path("candles").toString()).isEqualTo("[[" + at(0) + ",\"100\",\"106\","
                + "\"99\",\"105\"],[" + at(5) + ",\"105\",\"111\",\"104\",\"110\"]]");
        assertThat(r.text()).isEqualTo("BTC/USDT 5m: 2 candles, last 110 USDT (+10.00 % over the chart).");
    }

    @Test
    void whatCannotBeDrawnIsSaidWithWhatCan() throws Exception {
        f = new TraderFixture(dir, "");
        ChartReport charts = new ChartReport(f.trader, Duration.ofMinutes(1));

        assertThat(charts.chart(BTC, null, null).text()).isEqualTo("No BTC/USDT candles yet: the first closes 1m "
                + "after the bot started.");
        assertThat(charts.chart(BTC, Duration.ofSeconds(90), null).text()).isEqualTo("The chart's timeframe must be "
                + "a whole multiple of the bot's 1m candles, such as 5m or 1h; got 90s.");
        assertThat(charts.chart(BTC, null, 501).text()).isEqualTo("A chart draws 1 to 500 candles; got 501.");
        assertThat(charts.chart(BTC, null, 501).data().path("error").asText()).isEqualTo("bad_count");
    }
}
