package com.byninja.bot.backtest.data;

import static com.byninja.bot.backtest.data.CandleFiles.BTC;
import static com.byninja.bot.backtest.data.CandleFiles.M1;
import static com.byninja.bot.backtest.data.CandleFiles.kline;
import static com.byninja.bot.backtest.data.CandleFiles.minute;
import static com.byninja.bot.backtest.data.CandleFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.backtest.data.MonthlyCandleFiles.Stretch;
import com.byninja.bot.domain.Candle;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A symbol's monthly kline files: what they hold, read from their ends, and a month written whole or not at all. */
class MonthlyCandleFilesTest {

    static final YearMonth JAN = YearMonth.of(2024, 1);
    static final YearMonth FEB = YearMonth.of(2024, 2);

    @TempDir
    Path dir;

    MonthlyCandleFiles files() {
        return new MonthlyCandleFiles(dir, BTC, M1, "1m");
    }

    @Test
    void theFilesAreNamedAsBinanceNamesItsMonthlyFilesAndOnlyThoseCount() throws Exception {
        write(dir, "BTCUSDT-1m-2024-02.csv", kline(44_640));
        write(dir, "BTCUSDT-1m-2024-01.csv", kline(0));
        write(dir, "BTCUSDT-1h-2024-01.csv", kline(0));
        write(dir, "BTCUSDT-1m-2024-01-05.csv", kline(0));
        write(dir, "ETHUSDT-1m-2024-01.csv", kline(0));

        assertThat(files().months()).containsExactly(JAN, FEB);
        assertThat(files().file(JAN)).isEqualTo(dir.resolve("BTCUSDT-1m-2024-01.csv"));
        assertThat(MonthlyCandleFiles.monthOf(Instant.parse("2024-01-31T23:59:00Z"))).isEqualTo(JAN);
        assertThat(new MonthlyCandleFiles(dir.resolve("none"), BTC, M1, "1m").months()).isEmpty();
    }

    @Test
    void filesThatFollowOneAnotherAreOneStretchAndAGapBetweenThemSplitsIt() throws Exception {
        // January: minutes 0 to 2 and, after a gap inside the file, 44,639 (23:59 on the 31st); February from 00:00.
        write(dir, "BTCUSDT-1m-2024-01.csv", kline(0), kline(1), kline(2), kline(44_639));
        write(dir, "BTCUSDT-1m-2024-02.csv", kline(44_640), kline(44_641));
        write(dir, "BTCUSDT-1m-2024-04.csv", kline(131_040));

        assertThat(files().stretches()).containsExactly(new Stretch(minute(0), minute(44_642)),
                new Stretch(minute(131_040), minute(131_041)));
    }

    @Test
    void microsecondTimesOfBinancesNewerFilesAreReadToo() throws Exception {
        String micros = (CandleFiles.JAN_1 * 1000) + ",1,1,1,1,1," + (CandleFiles.JAN_1 * 1000 + 59_999_999)
                + ",0,0,0,0,0";
        write(dir, "BTCUSDT-1m-2024-01.csv", micros);

        assertThat(files().stretches()).containsExactly(new Stretch(minute(0), minute(1)));
    }

    @Test
    void aFileThatIsNotKlinesIsNamedWithWhatToDo() throws Exception {
        Path bad = write(dir, "BTCUSDT-1m-2024-01.csv", "timestamp,open,high,low,close,volume", "1,1,1,1,1,1");
        assertThatThrownBy(() -> files().stretches()).isInstanceOf(CandleDataException.class)
                .hasMessage(bad + ": not Binance klines (\"timestamp,open,high,low,close,volume\"); move it out of "
                        + dir + " or delete it, and download again");
        Files.writeString(bad, "");
        assertThatThrownBy(() -> files().stretches()).hasMessage(bad + ": empty; move it out of " + dir
                + " or delete it, and download again");
    }

    @Test
    void aMonthIsWrittenWholeInBinancesFormatAndReadBackExactlyAsWritten() throws Exception {
        Candle first = new Candle(BTC, minute(0), M1, new BigDecimal("42000.01000000"), new BigDecimal("42010"),
                new BigDecimal("41990.5"), new BigDecimal("42005.00000000"), new BigDecimal("1.23400000"));
        Candle second = new Candle(BTC, minute(1), M1, new BigDecimal("42005"), new BigDecimal("42005"),
                new BigDecimal("42005"), new BigDecimal("42005"), BigDecimal.ZERO);
        write(dir, "BTCUSDT-1m-2024-01.csv.tmp", "half a line fr");

        files().write(JAN, List.of(first, second));

        assertThat(Files.readString(dir.resolve("BTCUSDT-1m-2024-01.csv"))).isEqualTo(
                "1704067200000,42000.01000000,42010,41990.5,42005.00000000,1.23400000,1704067259999,0,0,0,0,0\n"
                        + "1704067260000,42005,42005,42005,42005,0,1704067319999,0,0,0,0,0\n");
        assertThat(files().read(JAN)).containsExactly(first, second);
        assertThat(files().read(FEB)).isEmpty();
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactly("BTCUSDT-1m-2024-01.csv");
        }
    }

    @Test
    void leftoversOfAKilledWriteAreRemovedAndNothingElse() throws Exception {
        write(dir, "BTCUSDT-1m-2024-01.csv.tmp", "torn");
        write(dir, "BTCUSDT-1m-2024-01.csv", kline(0));
        write(dir, "ETHUSDT-1m-2024-01.csv.tmp", "someone else's");
        write(dir, "notes.tmp", "mine");

        files().removeLeftovers();

        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("BTCUSDT-1m-2024-01.csv",
                    "ETHUSDT-1m-2024-01.csv.tmp", "notes.tmp");
        }
    }

    @Test
    void aFileOfShorterCandlesUnderTheNameOfLongerOnesIsRefused() throws Exception {
        Path file = write(dir, "BTCUSDT-5m-2024-01.csv", kline(0), kline(1));

        assertThatThrownBy(() -> new MonthlyCandleFiles(dir, BTC, CandleFiles.M5, "5m").read(JAN))
                .hasMessage(file + ": holds candles of PT1M, not of 5m as its name says; move it out of " + dir
                        + " or delete it");
    }
}
