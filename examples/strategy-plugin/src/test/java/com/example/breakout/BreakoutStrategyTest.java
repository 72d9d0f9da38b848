package com.example.breakout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.byninja.strategy.api.Decision;
import com.byninja.strategy.api.OpenPosition;
import com.byninja.strategy.api.ParameterException;
import com.byninja.strategy.api.Parameters;
import com.byninja.strategy.api.StrategyContext;
import com.byninja.strategy.api.SymbolStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;

/** The strategy on a series built by hand, asked as the bot asks it: a context per closed candle. */
class BreakoutStrategyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Parameters THREE_AND_TWO = Parameters.of(Map.of("entryBars", 3, "stopBars", 2));

    private final BarSeries series = new BaseBarSeriesBuilder().withName("BTC/USDT").build();

    /** Adds a one-minute candle: open, high, low, close. */
    private void candle(double open, double high, double low, double close) {
        series.addBar(Duration.ofMinutes(1), T0.plus(Duration.ofMinutes(series.getBarCount() + 1))
                .atZone(ZoneOffset.UTC), open, high, low, close, 1);
    }

    private StrategyContext flat(Parameters p) {
        return new StrategyContext("BTC/USDT", series, T0, Optional.empty(), p);
    }

    private StrategyContext holding(String entry, String pnlPct, Parameters p) {
        return new StrategyContext("BTC/USDT", series, T0, Optional.of(new OpenPosition(new BigDecimal(entry),
                BigDecimal.ONE, T0, Duration.ofMinutes(3), BigDecimal.ZERO, new BigDecimal(pnlPct),
                Optional.empty())), p);
    }

    @Test
    void entersOnACloseAboveTheHighestHighOfTheCandlesBefore() {
        SymbolStrategy s = new BreakoutPlugin().create(series, THREE_AND_TWO);
        candle(100, 101, 99, 100);
        candle(100, 101, 99, 100);
        candle(100, 101, 99, 100);
        candle(100, 101.5, 100, 101);   // 101 is not above 101

        assertEquals(3, s.unstableBars());
        assertEquals(Decision.hold(), s.decide(flat(THREE_AND_TWO)));

        candle(101, 103, 100, 102);     // above 101.5, the highest of the three before
        assertEquals(Decision.enter(), s.decide(flat(THREE_AND_TWO)));
        assertEquals("close 102 against the 3-candle high 101.5: enters on a close above it",
                s.explain(flat(THREE_AND_TWO)));
    }

    @Test
    void holdsWithTheStopAtTheLowestLowOfTheLastCandles() {
        SymbolStrategy s = new BreakoutPlugin().create(series, THREE_AND_TWO);
        candle(100, 101, 99, 100);
        candle(100, 101, 99, 100);
        candle(100, 103, 100, 102);
        candle(102, 104, 101, 103);

        assertEquals(Decision.stopAt(new BigDecimal("100.0")), s.decide(holding("102", "0.5", THREE_AND_TWO)));

        candle(103, 106, 102, 105);
        assertEquals(Decision.stopAt(new BigDecimal("101.0")), s.decide(holding("102", "2.9", THREE_AND_TWO)));
    }

    @Test
    void fromTheBreakEvenGainTheStopIsAtLeastTheEntry() {
        Parameters p = Parameters.of(Map.of("entryBars", 3, "stopBars", 2, "breakEvenPct", "2"));
        SymbolStrategy s = new BreakoutPlugin().create(series, p);
        candle(100, 101, 99, 100);
        candle(100, 101, 99, 100);
        candle(100, 103, 100, 102);
        candle(102, 104, 101, 103);

        assertEquals(Decision.stopAt(new BigDecimal("100.0")), s.decide(holding("102", "1.99", p)));
        assertEquals(Decision.stopAt(new BigDecimal("102")), s.decide(holding("102", "2", p)));
        assertEquals("holding from 102, 2 %; stop at 102 (lowest low of 2 candles, at least the entry)",
                s.explain(holding("102", "2", p)));
    }

    @Test
    void aWrongParameterIsNamed() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> new BreakoutPlugin().describe(Parameters.of(Map.of("entryBars", 0))));

        assertEquals("entryBars: must be a whole number between 1 and 10000, got 0", e.getMessage());
    }

    @Test
    void everyParameterIsReadSoThatTheBotCanTellAMisspeltOne() {
        Parameters p = Parameters.of(Map.of("entryBars", 5, "stopbars", 3));

        new BreakoutPlugin().create(series, p);

        assertEquals(java.util.List.of("stopbars"), p.unread());
    }
}
