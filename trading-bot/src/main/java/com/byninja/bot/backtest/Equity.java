package com.byninja.bot.backtest;

import com.byninja.charts.EquityPoint;
import java.math.BigDecimal;
import java.util.List;

/**
 * The wallet's worth through a backtest, as the report needs it.
 *
 * @param points         the curve to draw: every candle close of a short run; of a long one, the first and the last,
 *                       and the lowest and highest of each stretch between, at most about
 *                       {@value EquityCurve#CHART_POINTS} points
 * @param dayEnds        the worth at the last close of each UTC day, in order, for the daily returns
 * @param maxDrawdown    the deepest fall from a peak, in the quote currency, over every candle close
 * @param maxDrawdownPct the deepest fall from a peak as a percentage of that peak, over every candle close
 * @param end            the worth at the last close
 */
public record Equity(List<EquityPoint> points, List<BigDecimal> dayEnds, BigDecimal maxDrawdown,
                     BigDecimal maxDrawdownPct, BigDecimal end) {

    public Equity {
        points = List.copyOf(points);
        dayEnds = List.copyOf(dayEnds);
    }
}
