package com.byninja.bot.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.marketdata.CandleSeries;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;

class ClosedBarCacheTest {

    static final Symbol BTC = Symbol.parse("BTC/USDT");

    /** Counts what it is asked. */
    record Counting(Indicator<Num> inner, AtomicInteger asked) implements Indicator<Num> {
        @Override
        public Num getValue(int index) {
            asked.incrementAndGet();
            return inner.getValue(index);
        }

        @Override
        public int getUnstableBars() {
            return inner.getUnstableBars();
        }

        @Override
        public BarSeries getBarSeries() {
            return inner.getBarSeries();
        }
    }

    @Test
    void theNewestClosedBarIsComputedOnceAndGivesWhatTheIndicatorGives() {
        CandleSeries series = new CandleSeries(BTC, 50);
        SMAIndicator sma = new SMAIndicator(new ClosePriceIndicator(series.series()), 3);
        AtomicInteger asked = new AtomicInteger();
        Indicator<Num> cached = ClosedBarCache.of(new Counting(sma, asked));
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 1; i <= 10; i++) {
            BigDecimal c = BigDecimal.valueOf(i * 10L);
            series.add(new Candle(BTC, t.plus(Duration.ofMinutes(i)), Duration.ofMinutes(1), c, c, c, c,
                    BigDecimal.ONE));
            int last = series.series().getEndIndex();
            // A cross reads the last bar and the one before, and the rules of entry and exit both do.
            for (int read = 0; read < 4; read++) {
                cached.getValue(last);
                if (last > 0) {
                    cached.getValue(last - 1);
                }
            }
        }

        // Ten bars, each computed once when it was the newest: the bar before was remembered.
        assertThat(asked.get()).isEqualTo(10);
        // SMA 3 of 80, 90, 100.
        assertThat(cached.getValue(9).doubleValue()).isEqualTo(90.0);
        assertThat(ClosedBarCache.of(cached)).isSameAs(cached);
    }
}
