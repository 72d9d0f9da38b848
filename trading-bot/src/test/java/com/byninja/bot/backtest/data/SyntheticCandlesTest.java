package com.byninja.bot.backtest.data;

import static com.byninja.bot.backtest.data.CandleFiles.BTC;
import static com.byninja.bot.backtest.data.CandleFiles.M1;
import static com.byninja.bot.backtest.data.CandleFiles.d;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.Candle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic history tests and benchmarks run on: reproducible, well-formed, and read back as written. */
class SyntheticCandlesTest {

    static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    @TempDir
    Path dir;

    static List<Candle> day(long seed) {
        return SyntheticCandles.gbm(BTC, START, M1, 1440, seed, 5, 60, d("30000"));
    }

    @Test
    void theSameSeedGivesTheSameCandlesAndAnotherSeedOthers() {
        List<Candle> first = day(42);

        assertThat(day(42)).isEqualTo(first);
        assertThat(day(43)).isNotEqualTo(first);
        assertThat(day(43).get(0).open()).isEqualTo(first.get(0).open());
        assertThat(day(43).get(0).close()).isNotEqualTo(first.get(0).close());
    }

    @Test
    void aYearOfOneMinuteCandlesIs525600OneMinuteApart() {
        List<Candle> year = SyntheticCandles.gbm(BTC, START, M1, 525_600, 1, 5, 60, d("30000"));

        assertThat(year).hasSize(525_600);
        assertThat(year.get(0).start()).isEqualTo(START);
        assertThat(year.get(525_599).start()).isEqualTo(Instant.parse("2023-12-31T23:59:00Z"));
        assertThat(year.get(525_599).period()).isEqualTo(M1);
    }

    @Test
    void eachCandleOpensAtTheLastCloseWithTwoDecimalsAndItsWicksAroundOpenAndClose() {
        List<Candle> candles = day(7);

        assertThat(candles.get(0).open()).isEqualTo(d("30000.00"));
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            assertThat(c.start()).isEqualTo(START.plusSeconds(60L * i));
            assertThat(List.of(c.open(), c.high(), c.low(), c.close())).allSatisfy(p -> {
                assertThat(p.scale()).isEqualTo(2);
                assertThat(p.signum()).isPositive();
            });
            assertThat(c.high()).isGreaterThanOrEqualTo(c.open().max(c.close()));
            assertThat(c.low()).isLessThanOrEqualTo(c.open().min(c.close()));
            assertThat(c.volume().signum()).isPositive();
            if (i > 0) {
                assertThat(c.open()).isEqualTo(candles.get(i - 1).close());
            }
        }
    }

    @Test
    void writtenCandlesAreReadBackAsTheyWereInEitherFormat() throws Exception {
        List<Candle> candles = day(42);
        Path header = dir.resolve("btc.csv");
        Path binance = dir.resolve("BTCUSDT-1m-2023-01.csv");

        CandleCsvWriter.write(header, candles);
        CandleCsvWriter.writeBinance(binance, candles);

        assertThat(CandleReader.read(BTC, List.of(header), M1, DateRange.ALL).candles()).isEqualTo(candles);
        assertThat(CandleReader.read(BTC, List.of(binance), M1, DateRange.ALL).candles()).isEqualTo(candles);
    }
}
