package com.byninja.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The equity curve over a run, and beneath it on the same time axis the drawdown: how far, in percent, the equity
 * stood below its highest value so far. The drawdown is computed from every point; only the drawing is thinned.
 */
final class EquityChart {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EquityChart() {
    }

    static JFreeChart build(String title, String quoteCurrency, List<EquityPoint> equity) {
        MinMaxDownsampler curve = new MinMaxDownsampler(equity.size(), ChartStyle.MAX_POINTS);
        MinMaxDownsampler drawdown = new MinMaxDownsampler(equity.size(), ChartStyle.MAX_POINTS);
        double peak = Double.NEGATIVE_INFINITY;
        double deepest = 0;
        Instant previous = Instant.MIN;
        for (EquityPoint point : equity) {
            if (point.time().isBefore(previous)) {
                throw new IllegalArgumentException("equity points out of time order: " + point.time()
                        + " after " + previous);
            }
            previous = point.time();
            double x = point.time().toEpochMilli();
            double value = point.equity().doubleValue();
            peak = Math.max(peak, value);
            double below = peak > 0 ? (value - peak) / peak * 100 : 0;
            deepest = Math.min(deepest, below);
            curve.add(x, value);
            drawdown.add(x, below);
        }

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartStyle.timeAxis());
        plot.setGap(10);
        XYPlot equityPlot = equityPlot(quoteCurrency, curve.points());
        XYPlot drawdownPlot = drawdownPlot(drawdown.points(), deepest);
        plot.add(equityPlot, 3);
        plot.add(drawdownPlot, 1);
        if (equity.isEmpty()) {
            ChartStyle.hideScale(equityPlot, equityPlot.getRangeAxis(), plot.getDomainAxis());
            ChartStyle.hideScale(drawdownPlot, drawdownPlot.getRangeAxis());
        }
        return ChartStyle.chart(title, subtitle(quoteCurrency, equity), plot, false);
    }

    private static XYPlot equityPlot(String quoteCurrency, MinMaxDownsampler.Points points) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("Equity", new double[][] {points.x(), points.y()});
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesPaint(0, ChartStyle.LINE);
        renderer.setSeriesStroke(0, ChartStyle.LINE_STROKE);
        NumberAxis axis = ChartStyle.valueAxis("Equity (" + quoteCurrency + ")", ChartStyle.numbers(0, 8));
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        ChartStyle.stylePlot(plot, "no data");
        return plot;
    }

    private static XYPlot drawdownPlot(MinMaxDownsampler.Points points, double deepest) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("Drawdown", new double[][] {points.x(), points.y()});
        XYAreaRenderer renderer = new XYAreaRenderer(XYAreaRenderer.AREA);
        renderer.setSeriesPaint(0, new Color(ChartStyle.DRAWDOWN.getRed(), ChartStyle.DRAWDOWN.getGreen(),
                ChartStyle.DRAWDOWN.getBlue(), 0x90));
        renderer.setOutline(true);
        renderer.setSeriesOutlinePaint(0, ChartStyle.DRAWDOWN);
        renderer.setSeriesOutlineStroke(0, new BasicStroke(1f));
        NumberAxis axis = ChartStyle.valueAxis("Drawdown (%)", ChartStyle.numbers(0, 2));
        // Zero at the top edge; a run with no drawdown still gets a readable 0 to -1 %.
        axis.setRange(Math.min(deepest * 1.1, -1), 0);
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        ChartStyle.stylePlot(plot, "");
        return plot;
    }

    /**
     * The figures above the picture, rounded as the bot's texts round them, against the trader: the end and the change
     * down, the deepest drawdown up, each computed exactly from the points, so that the picture and the report beside
     * it say the same numbers.
     */
    private static String subtitle(String quoteCurrency, List<EquityPoint> equity) {
        if (equity.isEmpty()) {
            return "no data";
        }
        EquityPoint first = equity.get(0);
        EquityPoint last = equity.get(equity.size() - 1);
        NumberFormat money = ChartStyle.numbers(2, 2);
        money.setRoundingMode(RoundingMode.FLOOR);
        NumberFormat percent = ChartStyle.numbers(0, 2);
        StringBuilder text = new StringBuilder()
                .append(ChartStyle.when(first.time())).append(" to ").append(ChartStyle.when(last.time()))
                .append(" UTC     start ").append(money.format(first.equity()))
                .append(", end ").append(money.format(last.equity())).append(' ').append(quoteCurrency);
        if (first.equity().signum() > 0) {
            BigDecimal change = last.equity().subtract(first.equity()).multiply(HUNDRED)
                    .divide(first.equity(), 2, RoundingMode.FLOOR);
            text.append(" (").append(change.signum() > 0 ? "+" : "").append(percent.format(change)).append(" %)");
        }
        text.append("     max drawdown ").append(percent.format(deepestPct(equity).negate())).append(" %");
        return text.toString();
    }

    /** @return the deepest fall below a high so far, in percent of that high, two decimals rounded up */
    private static BigDecimal deepestPct(List<EquityPoint> equity) {
        BigDecimal peak = null;
        BigDecimal worstFall = BigDecimal.ZERO;
        BigDecimal worstPeak = BigDecimal.ONE;
        for (EquityPoint point : equity) {
            BigDecimal value = point.equity();
            if (peak == null || value.compareTo(peak) > 0) {
                peak = value;
            } else if (peak.signum() > 0
                    && peak.subtract(value).multiply(worstPeak).compareTo(worstFall.multiply(peak)) > 0) {
                worstFall = peak.subtract(value);
                worstPeak = peak;
            }
        }
        return worstFall.multiply(HUNDRED).divide(worstPeak, 2, RoundingMode.CEILING);
    }
}
