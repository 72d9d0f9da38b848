package com.byninja.bot.backtest.data;

import static com.byninja.bot.backtest.data.CandleFiles.BTC;
import static com.byninja.bot.backtest.data.CandleFiles.M1;
import static com.byninja.bot.backtest.data.CandleFiles.M5;
import static com.byninja.bot.backtest.data.CandleFiles.kline;
import static com.byninja.bot.backtest.data.CandleFiles.write;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input a backtest cannot run on is refused with one line naming the file and line, what is wrong and what to do. */
class BadCandleDataTest {

    static final String FORMATS = "expected Binance klines (12 numbers a line, no header) or a header "
            + "timestamp,open,high,low,close,volume";

    @TempDir
    Path dir;

    AbstractThrowableAssert<?, ? extends Throwable> reading(Duration timeframe, Path... files) {
        return assertThatThrownBy(() -> CandleReader.read(BTC, List.of(files), timeframe, DateRange.ALL))
                .isInstanceOf(CandleDataException.class);
    }

    @Test
    void aFileThatCannotBeRead() {
        Path missing = dir.resolve("BTCUSDT-1m-2024-01.csv");

        reading(M1, missing).hasMessage(missing + ": cannot read it (no such file); check that the file exists and "
                + "that you may read it");
    }

    @Test
    void anEmptyFileAndAHeaderWithoutCandles() throws Exception {
        Path empty = write(dir, "empty.csv", "", "  ");
        Path header = write(dir, "header.csv", "timestamp,open,high,low,close,volume");

        reading(M1, empty).hasMessage(empty + ": empty, no candles in it; give a file with candles or remove it");
        reading(M1, header).hasMessage(header + ": a header but no candles; give a file with candles or remove it");
    }

    @Test
    void aZipArchiveAsDownloadedFromBinance() throws Exception {
        Path zip = Files.write(dir.resolve("BTCUSDT-1m-2024-01.zip"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});

        reading(M1, zip).hasMessage(zip + ": a zip archive, not a CSV file; unzip it and give the CSV file inside");
    }

    @Test
    void anUnknownFormat() throws Exception {
        Path prices = write(dir, "prices.csv", "", "date,price", "2024-01-01,42000");
        Path six = write(dir, "six.csv", "1704067200000,1,1,1,1,1");
        Path headless = write(dir, "headless.csv", "2024-01-01T00:00:00Z,1,1,1,1,1");

        reading(M1, prices).hasMessage(prices + ":2: unknown format: \"date,price\" has no column timestamp, open, "
                + "high, low, close; " + FORMATS);
        reading(M1, six).hasMessage(six + ":1: unknown format: a row of 6 columns without a header; " + FORMATS);
        reading(M1, headless).hasMessage(headless + ":1: unknown format: \"2024-01-01T00:00:00Z,1,1,1,1,1\" has no "
                + "column timestamp, open, high, low, close; " + FORMATS);
    }

    @Test
    void aRowWithTheWrongNumberOfColumns() throws Exception {
        Path binance = write(dir, "BTCUSDT-1m-2024-01.csv", kline(0), kline(1), "1704067320000,1,1,1,1,1");
        Path header = write(dir, "btc.csv", "timestamp,open,high,low,close,volume", "1704067200,1,1,1,1,1",
                "1704067260,1,1,1,1");

        reading(M1, binance).hasMessage(binance + ":3: 6 columns where 12 were expected as Binance klines have; fix "
                + "or remove the row");
        reading(M1, header).hasMessage(header + ":3: 5 columns where 6 were expected as in the header; fix or "
                + "remove the row");
    }

    @Test
    void aValueThatIsNotANumberOrATime() throws Exception {
        Path price = write(dir, "price.csv", "timestamp,open,high,low,close,volume", "1704067200,1,4x,1,1,1");
        Path time = write(dir, "time.csv", "timestamp,open,high,low,close,volume", "1704067200,1,1,1,1,1",
                "2024-13-01T00:00:00Z,1,1,1,1,1");
        Path closeTime = write(dir, "BTCUSDT-1m-2024-01.csv", "1704067200000,1,1,1,1,1,soon,0,0,0,0,0");

        reading(M1, price).hasMessage(price + ":2: the high \"4x\" is not a number; fix or remove the row");
        reading(M1, time).hasMessage(time + ":3: \"2024-13-01T00:00:00Z\" is not a time; write epoch seconds or "
                + "milliseconds, or ISO-8601 such as 2024-01-01T00:00:00Z");
        reading(M1, closeTime).hasMessage(closeTime + ":1: \"soon\" is not a time; write epoch seconds or "
                + "milliseconds, or ISO-8601 such as 2024-01-01T00:00:00Z");
    }

    @Test
    void pricesThatDoNotHoldTogether() throws Exception {
        Path high = write(dir, "high.csv", kline(0, "100", "99", "100", "100", "1"));
        Path low = write(dir, "low.csv", kline(0, "0", "1", "0", "1", "1"));
        Path open = write(dir, "open.csv", kline(0, "98", "105", "99", "100", "1"));
        Path close = write(dir, "close.csv", kline(0, "100", "105", "99", "106", "1"));
        Path volume = write(dir, "volume.csv", kline(0, "100", "100", "100", "100", "-1"));

        reading(M1, high).hasMessage(high + ":1: the high 99 is below the low 100; fix or remove the row");
        reading(M1, low).hasMessage(low + ":1: the low 0 is not a positive price; fix or remove the row");
        reading(M1, open).hasMessage(open + ":1: the open 98 is not between the low 99 and the high 105; fix or "
                + "remove the row");
        reading(M1, close).hasMessage(close + ":1: the close 106 is not between the low 99 and the high 105; fix or "
                + "remove the row");
        reading(M1, volume).hasMessage(volume + ":1: the volume -1 is negative; fix or remove the row");
    }

    @Test
    void aDuplicatedTime() throws Exception {
        Path file = write(dir, "BTCUSDT-1m-2024-01.csv", kline(0), kline(1), kline(2), kline(2), kline(3));

        reading(M1, file).hasMessage(file + ":4: 2024-01-01T00:02:00Z again, as on line 3; remove the duplicate");
    }

    @Test
    void unsortedTimes() throws Exception {
        Path file = write(dir, "BTCUSDT-1m-2024-01.csv", kline(0), kline(2), kline(1));

        reading(M1, file).hasMessage(file + ":3: 2024-01-01T00:01:00Z is before 2024-01-01T00:02:00Z on line 2; "
                + "sort the rows by time");
    }

    @Test
    void unsortedTimesInTheFirstTwoRowsOfAHeaderFile() throws Exception {
        Path file = write(dir, "btc.csv", "timestamp,open,high,low,close,volume", "1704067260,1,1,1,1,1",
                "1704067200,1,1,1,1,1");

        reading(M1, file).hasMessage(file + ":3: 2024-01-01T00:00:00Z is before 2024-01-01T00:01:00Z on line 2; "
                + "sort the rows by time");
    }

    @Test
    void filesThatOverlap() throws Exception {
        Path january = write(dir, "BTCUSDT-1m-2024-01.csv", kline(0), kline(1), kline(2));
        Path again = write(dir, "BTCUSDT-1m-2024-01-01.csv", kline(2), kline(3));
        Path earlier = write(dir, "BTCUSDT-1m-2023-12.csv", kline(-1));

        reading(M1, january, again).hasMessage(again + ":1: 2024-01-01T00:02:00Z again, as on " + january + ":3; "
                + "remove the duplicate");
        reading(M1, january, earlier).hasMessage(earlier + ":1: 2023-12-31T23:59:00Z is before 2024-01-01T00:02:00Z "
                + "on " + january + ":3; give each period once, the files in time order");
    }

    @Test
    void candlesOffTheGridOfTheirPeriod() throws Exception {
        Path file = write(dir, "btc.csv", "timestamp,open,high,low,close,volume", "2024-01-01T00:00:00Z,1,1,1,1,1",
                "2024-01-01T00:01:00Z,1,1,1,1,1", "2024-01-01T00:01:30Z,1,1,1,1,1");

        reading(M1, file).hasMessage(file + ":4: 2024-01-01T00:01:30Z is 30s after the candle of line 3, not a "
                + "whole number of 1m periods; give evenly spaced candles, one a period");
    }

    @Test
    void candlesOfAnotherPeriodAmongThem() throws Exception {
        Path file = write(dir, "BTCUSDT-1m-2024-01.csv", kline(0), kline(1),
                "1704067320000,1,1,1,1,1,1704067619999,0,0,0,0,0");

        reading(M5, file).hasMessage(file + ":3: a 5m candle among 1m ones; give candles of one period");
    }

    @Test
    void candlesLongerThanTheTimeframe() throws Exception {
        Path file = write(dir, "BTCUSDT-1h-2024-01.csv", "1704067200000,1,1,1,1,1,1704070799999,0,0,0,0,0");

        reading(M5, file).hasMessage(file + ":1: the candles are 1h, longer than the timeframe 5m; give candles of 5m "
                + "or shorter, or set a timeframe of 1h or longer");
    }

    @Test
    void aTimeframeThatIsNotAWholeNumberOfTheCandles() throws Exception {
        Path file = write(dir, "btc.csv", "timestamp,open,high,low,close,volume", "2024-01-01T00:00:00Z,1,1,1,1,1",
                "2024-01-01T00:02:00Z,1,1,1,1,1");

        reading(M5, file).hasMessage(file + ":3: cannot build 5m candles from 2m ones, 5m is not a whole number of "
                + "2m; give candles whose period divides 5m, or set a timeframe that is a multiple of 2m");
    }

    @Test
    void aLoneCandleWithoutAPeriod() throws Exception {
        Path file = write(dir, "btc.csv", "timestamp,open,high,low,close,volume", "2024-01-01T00:00:00Z,1,1,1,1,1");

        reading(M1, file).hasMessage(file + ":2: only one candle, so its period is unknown; give at least two "
                + "candles");
    }

    @Test
    void aLineTooLongToBeACandle() throws Exception {
        Path file = write(dir, "btc.csv", "x".repeat(70_000));

        reading(M1, file).hasMessage(file + ":1: a line longer than 65536 bytes; give candles in one of the "
                + "formats: " + FORMATS);
    }
}
