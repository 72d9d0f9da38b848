package com.byninja.bot.backtest.data;

import static com.byninja.bot.backtest.data.CandleFiles.BTC;
import static com.byninja.bot.backtest.data.CandleFiles.M1;
import static com.byninja.bot.backtest.data.CandleFiles.M5;
import static com.byninja.bot.backtest.data.CandleFiles.d;
import static com.byninja.bot.backtest.data.CandleFiles.kline;
import static com.byninja.bot.backtest.data.CandleFiles.minute;
import static com.byninja.bot.backtest.data.CandleFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.domain.Candle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A symbol's files become one history: in order, the timeframe's candles, the gaps counted, the date range kept. */
class CandleReaderTest {

    static final Duration H1 = Duration.ofHours(1);

    @TempDir
    Path dir;

    @Test
    void monthlyBinanceFilesAreReadOneAfterTheOtherAsOneHistory() throws Exception {
        Path february = write(dir, "BTCUSDT-1m-2024-02.csv",
                "1706745600000,3,3,3,3,1,1706745659999,0,0,0,0,0",
                "1706745660000,4,4,4,4,1,1706745719999,0,0,0,0,0");
        Path january = write(dir, "BTCUSDT-1m-2024-01.csv",
                "1706745480000,1,1,1,1,1,1706745539999,0,0,0,0,0",
                "1706745540000,2,2,2,2,1,1706745599999,0,0,0,0,0");

        CandleSeries series = CandleReader.read(BTC, List.of(january, february), M1, DateRange.ALL);

        assertThat(series.candles()).extracting(Candle::start).containsExactly(
                Instant.parse("2024-01-31T23:58:00Z"), Instant.parse("2024-01-31T23:59:00Z"),
                Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-02-01T00:01:00Z"));
        assertThat(series.candles()).extracting(Candle::close).containsExactly(d("1"), d("2"), d("3"), d("4"));
        assertThat(series.missingCandles()).isZero();
    }

    @Test
    void oneMinuteCandlesAreCombinedIntoFiveMinuteCandles() throws Exception {
        Path file = write(dir, "BTCUSDT-1m-2024-01.csv",
                kline(0, "100", "105", "99", "104", "1.5"),
                kline(1, "104", "110", "103", "108", "2"),
                kline(2, "108", "109", "95", "96", "0.25"),
                kline(3, "96", "101", "96", "100", "3"),
                kline(4, "100", "102", "98", "101", "1"),
                kline(5, "101", "103", "100", "102", "1"),
                kline(6, "102", "104", "101", "103", "1"),
                kline(7, "103", "103", "90", "91", "4"),
                kline(8, "91", "95", "91", "94", "0.5"),
                kline(9, "94", "97", "93", "96", "2.5"));

        CandleSeries series = CandleReader.read(BTC, List.of(file), M5, DateRange.ALL);

        // open of the first minute, highest high, lowest low, close of the last minute, sum of the volumes
        assertThat(series.candles()).containsExactly(
                new Candle(BTC, minute(0), M5, d("100"), d("110"), d("95"), d("101"), d("7.75")),
                new Candle(BTC, minute(5), M5, d("101"), d("104"), d("90"), d("96"), d("9.0")));
        assertThat(series.timeframe()).isEqualTo(M5);
        assertThat(series.dataPeriod()).isEqualTo(M1);
    }

    @Test
    void combinedCandlesFollowTheEpochGridSoAPartialFirstOneKeepsWhatThereIs() throws Exception {
        Path file = write(dir, "BTCUSDT-1m-2024-01.csv",
                kline(3, "10", "12", "9", "11", "1"),
                kline(4, "11", "13", "11", "12", "1"),
                kline(5, "12", "12", "12", "12", "1"));

        assertThat(CandleReader.read(BTC, List.of(file), M5, DateRange.ALL).candles()).containsExactly(
                new Candle(BTC, minute(0), M5, d("10"), d("13"), d("9"), d("12"), d("2")),
                new Candle(BTC, minute(5), M5, d("12"), d("12"), d("12"), d("12"), d("1")));
    }

    @Test
    void gapsAreCountedAndReportedAndTheCandlesAroundThemKept() throws Exception {
        Path file = write(dir, "BTCUSDT-1m-2024-01.csv",
                kline(0), kline(1), kline(4), kline(5), kline(7), kline(11));

        CandleSeries series = CandleReader.read(BTC, List.of(file), M1, DateRange.ALL);

        assertThat(series.candles()).hasSize(6);
        assertThat(series.missingCandles()).isEqualTo(2 + 1 + 3);
        assertThat(series.warnings()).containsExactly(
                file + ":3: 2 missing 1m candles, 2024-01-01T00:02:00Z to 2024-01-01T00:03:00Z; the backtest goes on "
                        + "without them",
                file + ":5: 1 missing 1m candle at 2024-01-01T00:06:00Z; the backtest goes on without them",
                file + ":6: 3 missing 1m candles, 2024-01-01T00:08:00Z to 2024-01-01T00:10:00Z; the backtest goes on "
                        + "without them");
    }

    @Test
    void beyondTwentyGapsTheRestAreCountedInOneLine() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= 23; i++) {
            lines.add(kline(i * 2));
        }
        Path file = write(dir, "BTCUSDT-1m-2024-01.csv", lines.toArray(String[]::new));

        CandleSeries series = CandleReader.read(BTC, List.of(file), M1, DateRange.ALL);

        assertThat(series.missingCandles()).isEqualTo(23);
        assertThat(series.warnings()).hasSize(21);
        assertThat(series.warnings().get(20)).isEqualTo(file + ": 3 more gaps not listed; 23 missing 1m candles in all");
    }

    @Test
    void theDateRangeKeepsWholeDaysInUtcBothEndsIncluded() throws Exception {
        Path file = hourlyFile("2023-12-31T00:00:00Z", 72);

        CandleSeries series = CandleReader.read(BTC, List.of(file), H1,
                new DateRange(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-01")));

        assertThat(series.candles()).hasSize(24);
        assertThat(series.candles().get(0).start()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(series.candles().get(23).start()).isEqualTo(Instant.parse("2024-01-01T23:00:00Z"));
        assertThat(series.warnings()).isEmpty();
    }

    @Test
    void onlyTheGapsInsideTheDateRangeCount() throws Exception {
        Path file = write(dir, "BTCUSDT-1h.csv",
                "timestamp,open,high,low,close,volume",
                "2024-01-01T21:00:00Z,1,1,1,1,1",
                "2024-01-01T22:00:00Z,1,1,1,1,1",
                "2024-01-02T02:00:00Z,1,1,1,1,1");

        CandleSeries series = CandleReader.read(BTC, List.of(file), H1, DateRange.parse(null, "2024-01-01"));

        assertThat(series.missingCandles()).isEqualTo(1);
        assertThat(series.warnings()).containsExactly(
                file + ":4: 1 missing 1h candle at 2024-01-01T23:00:00Z; the backtest goes on without them");
    }

    @Test
    void dataThatBeginsAfterFromOrEndsBeforeToIsReported() throws Exception {
        Path file = hourlyFile("2023-12-31T00:00:00Z", 72);

        CandleSeries series = CandleReader.read(BTC, List.of(file), H1, DateRange.parse("2023-12-30", "2024-01-05"));

        assertThat(series.candles()).hasSize(72);
        assertThat(series.warnings()).containsExactly(
                file + ": the BTC/USDT data begins 2023-12-31T00:00:00Z, after --from 2023-12-30; the backtest "
                        + "starts there",
                file + ": the BTC/USDT data ends 2024-01-03T00:00:00Z, before the end of --to 2024-01-05; the "
                        + "backtest stops there");
    }

    @Test
    void noCandleInTheDateRangeNamesTheRangeAndWhereTheDataRuns() throws Exception {
        Path file = hourlyFile("2023-12-31T00:00:00Z", 72);

        assertThatThrownBy(() -> CandleReader.read(BTC, List.of(file), H1, DateRange.parse("2025-01-01", null)))
                .isInstanceOf(CandleDataException.class)
                .hasMessage(file + ": no BTC/USDT candle from 2025-01-01 on (UTC); the data runs from "
                        + "2023-12-31T00:00:00Z to 2024-01-02T23:00:00Z, choose --from and --to within it");
        assertThatThrownBy(() -> CandleReader.read(BTC, List.of(file), H1, DateRange.parse("2023-01-01",
                "2023-06-30")))
                .hasMessage(file + ": no BTC/USDT candle from 2023-01-01 to 2023-06-30 (UTC); the data runs from "
                        + "2023-12-31T00:00:00Z to 2024-01-02T23:00:00Z, choose --from and --to within it");
    }

    @Test
    void datesThatCannotBeReadOrAnEmptyRangeAreRefused() {
        assertThatThrownBy(() -> DateRange.parse("2024-13-01", null))
                .hasMessage("--from 2024-13-01: not a date; write it as YYYY-MM-DD, such as 2024-01-01");
        assertThatThrownBy(() -> DateRange.parse("2024-12-31", "2024-01-01"))
                .hasMessage("--from 2024-12-31: after --to 2024-01-01; give the earlier day to --from");
    }

    private Path hourlyFile(String start, int hours) throws Exception {
        Path file = dir.resolve("BTCUSDT-1h.csv");
        CandleCsvWriter.write(file, SyntheticCandles.gbm(BTC, Instant.parse(start), H1, hours, 7, 0, 50,
                d("100")));
        return file;
    }
}
