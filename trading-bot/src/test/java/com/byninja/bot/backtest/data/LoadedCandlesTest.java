package com.byninja.bot.backtest.data;

import static com.byninja.bot.backtest.data.CandleFiles.BTC;
import static com.byninja.bot.backtest.data.CandleFiles.ETH;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From the --data arguments to every symbol's candles, as the backtest command loads them. */
class LoadedCandlesTest {

    @TempDir
    Path dir;

    @Test
    void loadsEverySymbolFromADirectoryIntoTheTimeframeWithItsGapsAndWarnings() throws Exception {
        write(dir, "BTCUSDT-1m-2024-01.csv", kline(0, "10", "11", "9", "10.5", "1"), kline(1, "10.5", "12", "10", "11",
                "2"), kline(5, "11", "11", "11", "11", "1"));
        write(dir, "ETHUSDT-5m-2024-01.csv",
                "timestamp,open,high,low,close,volume",
                "2024-01-01T00:00:00Z,2000,2010,1990,2005,3",
                "2024-01-01T00:05:00Z,2005,2006,2001,2002,4");

        LoadedCandles loaded = LoadedCandles.load(List.of(dir.toString()), List.of(BTC, ETH), M5, DateRange.ALL);

        assertThat(loaded.bySymbol()).containsOnlyKeys(BTC, ETH);
        assertThat(loaded.of(BTC).candles()).containsExactly(
                new Candle(BTC, minute(0), M5, d("10"), d("12"), d("9"), d("11"), d("3")),
                new Candle(BTC, minute(5), M5, d("11"), d("11"), d("11"), d("11"), d("1")));
        assertThat(loaded.of(BTC).missingCandles()).isEqualTo(3);
        assertThat(loaded.of(ETH).candles()).extracting(Candle::close).containsExactly(d("2005"), d("2002"));
        assertThat(loaded.of(ETH).dataPeriod()).isEqualTo(M5);
        assertThat(loaded.warnings()).containsExactly(dir.resolve("BTCUSDT-1m-2024-01.csv") + ":3: 3 missing 1m "
                + "candles, 2024-01-01T00:02:00Z to 2024-01-01T00:04:00Z; the backtest goes on without them");
    }

    @Test
    void aDirectoryHoldingOneAndFiveMinuteFilesOfASymbolIsReadInTheTimeframesOwnLength() throws Exception {
        write(dir, "BTCUSDT-1m-2024-01.csv", kline(0, "10", "11", "9", "10.5", "1"), kline(1));
        Path m5 = write(dir, "BTCUSDT-5m-2024-01.csv", CandleFiles.kline(0, "10", "12", "9", "11", "7")
                .replace(Long.toString(CandleFiles.JAN_1 + 59_999), Long.toString(CandleFiles.JAN_1 + 299_999)));

        assertThat(LoadedCandles.load(List.of(dir.toString()), List.of(BTC), M5, DateRange.ALL).of(BTC).candles())
                .containsExactly(new Candle(BTC, minute(0), M5, d("10"), d("12"), d("9"), d("11"), d("7")));
        assertThat(LoadedCandles.load(List.of(dir.toString()), List.of(BTC), M1, DateRange.ALL).of(BTC).candles())
                .hasSize(2);
        assertThat(m5).exists();
    }

    @Test
    void theFirstProblemStopsTheLoad() throws Exception {
        Path file = write(dir, "BTCUSDT-1m-2024-01.csv", kline(0), kline(0));

        assertThatThrownBy(() -> LoadedCandles.load(List.of(file.toString()), List.of(BTC), M1, DateRange.ALL))
                .isInstanceOf(CandleDataException.class)
                .hasMessage(file + ":2: 2024-01-01T00:00:00Z again, as on line 1; remove the duplicate");
    }
}
