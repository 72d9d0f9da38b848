package com.byninja.bot.backtest;

import com.byninja.charts.EquityPoint;
import com.byninja.bot.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the wallet's worth candle by candle in bounded memory: the drawdown is measured as it goes, each UTC day
 * keeps its last value, and the curve to draw keeps the lowest and highest point of each stretch of candles. Five
 * years of one-minute candles keep a few thousand points, not millions.
 */
final class EquityCurve {

    /** Points drawn at most, about: twice the stretches, the first and the last. */
    static final int CHART_POINTS = 4_000;

    private static final long DAY_MS = 86_400_000L;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final long stretch;
    private final List<EquityPoint> points = new ArrayList<>();
    private final List<BigDecimal> dayEnds = new ArrayList<>();
    private BigDecimal peak;
    private BigDecimal worst = BigDecimal.ZERO;
    private BigDecimal worstPct = BigDecimal.ZERO;
    private BigDecimal last;
    private long day = Long.MIN_VALUE;
    private long added;
    private EquityPoint lowest;
    private EquityPoint highest;
    private Instant lastTime;

    /**
     * @param start    the worth before the first candle
     * @param expected how many points will be added, about
     */
    EquityCurve(BigDecimal start, long expected) {
        this.peak = start;
        this.last = start;
        this.stretch = Math.max(1, -Math.floorDiv(-expected, CHART_POINTS / 2));
    }

    /** The worth was {@code equity} at {@code time}, a candle's close, later than the last one added. */
    void add(Instant time, BigDecimal equity) {
        // Unchanged worth (no position, no fill) cannot set a new peak or a deeper fall.
        if (equity.compareTo(last) != 0 || added == 0) {
            drawdown(equity);
        }
        // A candle closing at midnight belongs to the day it ends.
        long today = Math.floorDiv(time.toEpochMilli() - 1, DAY_MS);
        if (today != day) {
            dayEnds.add(equity);
            day = today;
        } else {
            dayEnds.set(dayEnds.size() - 1, equity);
        }
        last = equity;
        lastTime = time;
        if (added++ == 0 || stretch == 1) {
            points.add(new EquityPoint(time, equity));
            return;
        }
        // A point is made only for a new low or high of the stretch: most closes are neither.
        if (lowest == null || equity.compareTo(lowest.equity()) < 0) {
            lowest = new EquityPoint(time, equity);
        }
        if (highest == null || equity.compareTo(highest.equity()) > 0) {
            highest = equity.compareTo(lowest.equity()) == 0 && lowest.time().equals(time) ? lowest
                    : new EquityPoint(time, equity);
        }
        if ((added - 1) % stretch == 0) {
            flush();
        }
    }

    private void drawdown(BigDecimal equity) {
        if (equity.compareTo(peak) >= 0) {
            peak = equity;
            return;
        }
        BigDecimal fall = peak.subtract(equity);
        if (fall.compareTo(worst) > 0) {
            worst = fall;
        }
        // The percentage rounded can only pass the deepest so far when the exact one does: divide only then.
        if (peak.signum() > 0 && fall.signum() > 0
                && fall.multiply(HUNDRED).compareTo(worstPct.multiply(peak)) > 0) {
            worstPct = worstPct.max(Money.pctUp(fall, peak));
        }
    }

    /** @return the worth at the last close added, or the start */
    BigDecimal last() {
        return last;
    }

    /** @return what was followed; the curve's last point is the last close */
    Equity finish() {
        flush();
        if (lastTime != null && !points.get(points.size() - 1).time().equals(lastTime)) {
            points.add(new EquityPoint(lastTime, last));
        }
        return new Equity(points, dayEnds, worst, worstPct, last);
    }

    private void flush() {
        if (lowest != null) {
            boolean lowFirst = !lowest.time().isAfter(highest.time());
            points.add(lowFirst ? lowest : highest);
            if (lowest != highest) {
                points.add(lowFirst ? highest : lowest);
            }
        }
        lowest = null;
        highest = null;
    }
}
