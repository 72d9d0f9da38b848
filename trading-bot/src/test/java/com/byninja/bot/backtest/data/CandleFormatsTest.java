package com.byninja.bot.backtest.data;

import static com.byninja.bot.backtest.data.CandleFiles.BTC;
import static com.byninja.bot.backtest.data.CandleFiles.M1;
import static com.byninja.bot.backtest.data.CandleFiles.d;
import static com.byninja.bot.backtest.data.CandleFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.Candle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each format is told from the content and read to the same candles, prices exactly as written. */
class CandleFormatsTest {

    @TempDir
    Path dir;

    static final Candle FIRST = new Candle(BTC, Instant.parse("2024-01-01T00:00:00Z"), M1, d("42283.58000000"),
            d("42298.62000000"), d("42283.57000000"), d("42298.61000000"), d("35.92724000"));
    static final Candle SECOND = new Candle(BTC, Instant.parse("2024-01-01T00:01:00Z"), M1, d("42298.62000000"),
            d("42320.00000000"), d("42298.61000000"), d("42307.12000000"), d("21.28424000"));

    @Test
    void readsBinanceKlinesWithMillisecondTimesAndTakesThePeriodFromTheCloseTime() throws Exception {
        Path file = write(dir, "BTCUSDT-1m-2024-01.csv",
                "1704067200000,42283.58000000,42298.62000000,42283.57000000,42298.61000000,35.92724000,"
                        + "1704067259999,1519221.62587570,1241,18.80245000,795079.45286140,0",
                "1704067260000,42298.62000000,42320.00000000,42298.61000000,42307.12000000,21.28424000,"
                        + "1704067319999,900421.11034860,1007,11.04110000,467089.02341760,0");

        CandleSeries series = CandleReader.read(BTC, List.of(file), M1, DateRange.ALL);

        assertThat(series.candles()).containsExactly(FIRST, SECOND);
        assertThat(series.dataPeriod()).isEqualTo(M1);
        assertThat(series.candles().get(0).open().scale()).isEqualTo(8);
        assertThat(series.missingCandles()).isZero();
        assertThat(series.warnings()).isEmpty();
    }

    @Test
    void readsBinanceKlinesWithMicrosecondTimesAsInItsNewerSpotFiles() throws Exception {
        Path file = write(dir, "BTCUSDT-1m-2024-01.csv",
                "1704067200000000,42283.58000000,42298.62000000,42283.57000000,42298.61000000,35.92724000,"
                        + "1704067259999999,1519221.62587570,1241,18.80245000,795079.45286140,0",
                "1704067260000000,42298.62000000,42320.00000000,42298.61000000,42307.12000000,21.28424000,"
                        + "1704067319999999,900421.11034860,1007,11.04110000,467089.02341760,0");

        CandleSeries series = CandleReader.read(BTC, List.of(file), M1, DateRange.ALL);

        assertThat(series.candles()).containsExactly(FIRST, SECOND);
        assertThat(series.dataPeriod()).isEqualTo(M1);
    }

    @Test
    void readsAHeaderFileWithEpochSecondsAndTakesThePeriodFromTheSpacingOfTheFirstTwoRows() throws Exception {
        Path file = write(dir, "btc.csv",
                "timestamp,open,high,low,close,volume",
                "1704067200,42283.58000000,42298.62000000,42283.57000000,42298.61000000,35.92724000",
                "1704067260,42298.62000000,42320.00000000,42298.61000000,42307.12000000,21.28424000");

        CandleSeries series = CandleReader.read(BTC, List.of(file), M1, DateRange.ALL);

        assertThat(series.candles()).containsExactly(FIRST, SECOND);
        assertThat(series.dataPeriod()).isEqualTo(M1);
    }

    @Test
    void readsAHeaderFileWithEpochMilliseconds() throws Exception {
        Path file = write(dir, "btc.csv",
                "timestamp,open,high,low,close,volume",
                "1704067200000,42283.58000000,42298.62000000,42283.57000000,42298.61000000,35.92724000",
                "1704067260000,42298.62000000,42320.00000000,42298.61000000,42307.12000000,21.28424000");

        assertThat(CandleReader.read(BTC, List.of(file), M1, DateRange.ALL).candles()).containsExactly(FIRST, SECOND);
    }

    @Test
    void readsAHeaderFileWithIsoTimesInAnySpellingAndOffset() throws Exception {
        Path file = write(dir, "btc.csv",
                "timestamp,open,high,low,close,volume",
                "2024-01-01T00:00:00Z,42283.58000000,42298.62000000,42283.57000000,42298.61000000,35.92724000",
                "2024-01-01 01:01:00.000+01:00,42298.62000000,42320.00000000,42298.61000000,42307.12000000,"
                        + "21.28424000",
                "2024-01-01T00:02,1,1,1,1,0",
                "2024-01-01t00:03:00z,1,1,1,1,0",
                "2023-12-31T19:04:00-0500,1,1,1,1,0");

        List<Candle> candles = CandleReader.read(BTC, List.of(file), M1, DateRange.ALL).candles();

        assertThat(candles).startsWith(FIRST, SECOND);
        assertThat(candles).extracting(Candle::start).containsExactly(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-01T00:01:00Z"), Instant.parse("2024-01-01T00:02:00Z"),
                Instant.parse("2024-01-01T00:03:00Z"), Instant.parse("2024-01-01T00:04:00Z"));
    }

    @Test
    void theHeaderMayBeInAnyCaseAndOrderWithMoreColumnsQuotesSpacesBlankLinesCrlfAndAByteOrderMark()
            throws Exception {
        String text = "\uFEFF\"Date\", VOLUME ,Close,Low,High,Open,TimeStamp\r\n"
                + "\r\n"
                + "x,35.92724000,42298.61000000,42283.57000000,42298.62000000,42283.58000000,1704067200000\r\n"
                + "y,21.28424000,42307.12000000,42298.61000000,42320.00000000,42298.62000000,1704067260000\r\n"
                + "\r\n";
        Path file = Files.write(dir.resolve("btc.csv"), text.getBytes(StandardCharsets.UTF_8));

        assertThat(CandleReader.read(BTC, List.of(file), M1, DateRange.ALL).candles()).containsExactly(FIRST, SECOND);
    }

    @Test
    void readsBinanceFuturesFilesWhoseHeaderNamesOpenAndCloseTime() throws Exception {
        Path file = write(dir, "BTCUSDT-1m-2024-01.csv",
                "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                        + "taker_buy_quote_volume,ignore",
                "1704067200000,42283.58000000,42298.62000000,42283.57000000,42298.61000000,35.92724000,"
                        + "1704067259999,1519221.62587570,1241,18.80245000,795079.45286140,0");

        CandleSeries series = CandleReader.read(BTC, List.of(file), M1, DateRange.ALL);

        assertThat(series.candles()).containsExactly(FIRST);
        assertThat(series.dataPeriod()).isEqualTo(M1);
    }

    @Test
    void aFileWithoutVolumeGivesCandlesOfZeroVolume() throws Exception {
        Path file = write(dir, "btc.csv",
                "timestamp,open,high,low,close",
                "1704067200,10,12,9,11",
                "1704067260,11,11,11,11");

        assertThat(CandleReader.read(BTC, List.of(file), M1, DateRange.ALL).candles())
                .extracting(Candle::volume).containsExactly(d("0"), d("0"));
    }

    @Test
    void pricesTooLongForALongAndExponentsAreKeptExactly() throws Exception {
        Path file = write(dir, "btc.csv",
                "timestamp,open,high,low,close,volume",
                "1704067200,0.000012345678901234567,0.00001300,0.00001200,1.2345E-5,98765432109876543210.12345678",
                "1704067260,1,1,1,1,0");

        Candle c = CandleReader.read(BTC, List.of(file), M1, DateRange.ALL).candles().get(0);

        assertThat(c.open()).isEqualTo(d("0.000012345678901234567"));
        assertThat(c.close()).isEqualTo(d("1.2345E-5"));
        assertThat(c.volume()).isEqualTo(d("98765432109876543210.12345678"));
    }

    @Test
    void dailyCandlesWithDateOnlyTimesAreOneDayLong() throws Exception {
        Path file = write(dir, "btc.csv",
                "timestamp,open,high,low,close,volume",
                "2024-01-01,1,2,1,2,5",
                "2024-01-02,2,3,2,3,5");

        CandleSeries series = CandleReader.read(BTC, List.of(file), Duration.ofDays(1), DateRange.ALL);

        assertThat(series.dataPeriod()).isEqualTo(Duration.ofDays(1));
        assertThat(series.candles()).extracting(Candle::start).containsExactly(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-02T00:00:00Z"));
    }
}
