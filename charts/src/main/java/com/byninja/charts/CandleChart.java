package com.byninja.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.CandlestickRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.ohlc.OHLCSeries;
import org.jfree.data.time.ohlc.OHLCSeriesCollection;

/**
 * A few hundred candles of one market as candlesticks, the fills on them marked as on the backtest's price chart, and
 * the levels of an open position (entry, stop-loss, take-profit, trailing stop) as dashed lines with their prices:
 * what a trader looks at on a phone.
 */
final class CandleChart {

    private static final Color UP = new Color(0x1A, 0x9E, 0x3A);
    private static final Color DOWN = new Color(0xD6, 0x27, 0x28);
    private static final Color LEVEL_ENTRY = new Color(0x1F, 0x4E, 0x9A);
    private static final BasicStroke LEVEL_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);
    /** Room above and below the highest and lowest price drawn, as a share of the range. */
    private static final double MARGIN = 0.06;

    private CandleChart() {
    }

    static JFreeChart build(String title, List<Bar> bars, String quote, List<TradeMark> marks, List<Level> levels) {
        OHLCSeries series = new OHLCSeries("Candles");
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        Bar previous = null;
        for (Bar b : bars) {
            if (previous != null && b.start().isBefore(previous.start())) {
                throw new IllegalArgumentException("candles out of time order: " + b.start() + " after "
                        + previous.start());
            }
            previous = b;
            // Drawn at the middle of its period, so that a fill during it sits on it.
            series.add(new FixedMillisecond(b.start().toEpochMilli() + b.period().toMillis() / 2),
                    b.open().doubleValue(), b.high().doubleValue(), b.low().doubleValue(), b.close().doubleValue());
            low = Math.min(low, b.low().doubleValue());
            high = Math.max(high, b.high().doubleValue());
        }
        OHLCSeriesCollection data = new OHLCSeriesCollection();
        data.addSeries(series);
        CandlestickRenderer renderer = new CandlestickRenderer(CandlestickRenderer.WIDTHMETHOD_AVERAGE);
        renderer.setUpPaint(UP);
        renderer.setDownPaint(DOWN);
        renderer.setUseOutlinePaint(false);
        renderer.setSeriesPaint(0, ChartStyle.SUBTLE_TEXT);
        renderer.setDrawVolume(false);
        renderer.setDefaultSeriesVisibleInLegend(false);

        NumberAxis priceAxis = ChartStyle.valueAxis(quote == null ? "Price" : "Price (" + quote + ")",
                ChartStyle.numbers(0, 8));
        XYPlot plot = new XYPlot(data, ChartStyle.timeAxis(), priceAxis, renderer);
        ChartStyle.stylePlot(plot, "no candles");
        PriceChart.Marks counted = new PriceChart.Marks(marks);
        plot.setDataset(1, counted.dataset());
        plot.setRenderer(1, counted.renderer());
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        for (TradeMark m : marks) {
            low = Math.min(low, m.price().doubleValue());
            high = Math.max(high, m.price().doubleValue());
        }
        // Prices as the market writes them: to the most decimals its candles show (its tick), 8 at most.
        int decimals = Math.min(8, bars.stream().mapToInt(b -> Math.max(Math.max(b.open().scale(), b.close().scale()),
                Math.max(b.high().scale(), b.low().scale()))).max().orElse(2));
        NumberFormat price = ChartStyle.numbers(decimals, decimals);
        for (Level level : levels) {
            double at = level.price().doubleValue();
            low = Math.min(low, at);
            high = Math.max(high, at);
            ValueMarker line = new ValueMarker(at, colour(level.kind()), LEVEL_STROKE);
            line.setLabel(level.kind().label() + " " + price.format(level.price()));
            line.setLabelFont(ChartStyle.TICK_FONT);
            line.setLabelPaint(colour(level.kind()));
            // At the right, where the newest candles are: the level's distance from the price now.
            line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            line.setLabelBackgroundColor(LABEL_BACKGROUND);
            plot.addRangeMarker(line, Layer.FOREGROUND);
        }
        if (low <= high) {
            // The levels must show even when the price never came near them.
            double room = Math.max((high - low) * MARGIN, Math.abs(high) * 1e-6);
            priceAxis.setRange(low - room, high + room);
        } else {
            ChartStyle.hideScale(plot, plot.getDomainAxis(), priceAxis);
        }
        LegendItemCollection legend = new LegendItemCollection();
        counted.addLegend(legend);
        plot.setFixedLegendItems(legend);
        return ChartStyle.chart(title, subtitle(bars, counted, price), plot, legend.getItemCount() > 0);
    }

    private static Color colour(Level.Kind kind) {
        return switch (kind) {
            case ENTRY -> LEVEL_ENTRY;
            case STOP_LOSS, TRAILING_STOP -> ChartStyle.STOP_LOSS;
            case TAKE_PROFIT -> UP;
        };
    }

    private static String subtitle(List<Bar> bars, PriceChart.Marks marks, NumberFormat price) {
        if (bars.isEmpty()) {
            return "no candles";
        }
        Bar first = bars.get(0);
        Bar last = bars.get(bars.size() - 1);
        BigDecimal change = last.close().subtract(first.open());
        StringBuilder text = new StringBuilder(ChartStyle.when(first.start())).append(" to ")
                .append(ChartStyle.when(last.end())).append(" UTC     ").append(bars.size())
                .append(bars.size() == 1 ? " candle" : " candles").append("     last ")
                .append(price.format(last.close()));
        if (first.open().signum() > 0) {
            text.append(" (").append(change.signum() >= 0 ? "+" : "")
                    .append(ChartStyle.numbers(2, 2).format(change.movePointRight(2)
                            .divide(first.open(), java.math.MathContext.DECIMAL64))).append(" %)");
        }
        if (marks.entries() + marks.exits() > 0) {
            text.append("     ").append(marks.entries()).append(marks.entries() == 1 ? " entry, " : " entries, ")
                    .append(marks.exits()).append(marks.exits() == 1 ? " exit" : " exits");
        }
        return text.toString();
    }
}
