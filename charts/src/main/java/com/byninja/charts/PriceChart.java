package com.byninja.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.YIntervalRenderer;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * One market's close price over a run, over the range from the lows to the highs, with the run's fills marked: entries as
 * green triangles pointing up at their price from below, exits as red triangles pointing down at it from above, exits
 * by the stop-loss in orange.
 */
final class PriceChart {

    /** Half the width of a mark's triangle, in pixels, when the marks have room. */
    private static final double MARK_SIZE = 6.5;
    /** The smallest half width: a triangle still tells up from down. */
    private static final double MARK_SIZE_MIN = 2.0;
    /** Marks of one kind drawn at full size at most: about one per 4 pixels of the plot, where they still read. */
    private static final int MARKS_WITH_ROOM = 300;
    /** Opacity of crowded marks, so that the price shows through where thousands of trades overlap. */
    private static final int CROWDED_ALPHA = 120;
    /** The widest a candle's range is drawn, in pixels, when there are few. */
    private static final float RANGE_WIDTH_MAX = 6f;
    private static final BasicStroke MARK_OUTLINE = new BasicStroke(1f);

    private PriceChart() {
    }

    static JFreeChart build(String title, PricePath path, List<TradeMark> marks) {
        MinMaxDownsampler.Points points = path.points();
        // The range as a thin vertical line per point, not a filled band: a one-candle wick, far narrower than a
        // pixel, would fade to nothing in a band, while a line keeps its colour.
        DefaultIntervalXYDataset ranges = new DefaultIntervalXYDataset();
        ranges.addSeries("Low to high", new double[][] {points.x(), points.x(), points.x(), points.y(), points.low(),
            points.high()});
        YIntervalRenderer rangeRenderer = new YIntervalRenderer();
        rangeRenderer.setSeriesPaint(0, ChartStyle.RANGE);
        rangeRenderer.setSeriesStroke(0, rangeStroke(points.size()));
        rangeRenderer.setSeriesShape(0, new Rectangle2D.Double());
        DefaultXYDataset closeLine = new DefaultXYDataset();
        closeLine.addSeries("Close", new double[][] {points.x(), points.y()});
        XYLineAndShapeRenderer closeRenderer = new XYLineAndShapeRenderer(true, false);
        closeRenderer.setDrawSeriesLineAsPath(true);
        closeRenderer.setSeriesPaint(0, ChartStyle.LINE);
        closeRenderer.setSeriesStroke(0, ChartStyle.LINE_STROKE);

        String quote = path.quote();
        NumberAxis priceAxis = ChartStyle.valueAxis(quote == null ? "Price" : "Price (" + quote + ")",
                ChartStyle.numbers(0, 8));
        XYPlot plot = new XYPlot(ranges, ChartStyle.timeAxis(), priceAxis, rangeRenderer);
        ChartStyle.stylePlot(plot, "no data");
        Marks counted = new Marks(marks);
        // Drawn in index order: the marks over the price while they have room, under it once crowded.
        int line = counted.crowded() ? 2 : 1;
        plot.setDataset(line, closeLine);
        plot.setRenderer(line, closeRenderer);
        plot.setDataset(3 - line, counted.dataset());
        plot.setRenderer(3 - line, counted.renderer());
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("Close", null, null, null, new Line2D.Double(-9, 0, 9, 0),
                ChartStyle.LINE_STROKE, ChartStyle.LINE));
        legend.add(new LegendItem("Low to high", null, null, null, new Rectangle2D.Double(-9, -5, 18, 10),
                ChartStyle.RANGE));
        counted.addLegend(legend);
        plot.setFixedLegendItems(legend);
        if (path.count() == 0 && marks.isEmpty()) {
            ChartStyle.hideScale(plot, plot.getDomainAxis(), plot.getRangeAxis());
        }
        return ChartStyle.chart(title, subtitle(path, counted), plot, true);
    }

    private static String subtitle(PricePath path, Marks marks) {
        NumberFormat count = ChartStyle.numbers(0, 0);
        StringBuilder text = new StringBuilder();
        if (path.count() == 0) {
            text.append("no data");
        } else {
            text.append(ChartStyle.when(path.first())).append(" to ").append(ChartStyle.when(path.lastEnd()))
                    .append(" UTC     ").append(count.format(path.count()))
                    .append(path.count() == 1 ? " candle" : " candles");
        }
        text.append("     ");
        if (marks.entries + marks.exits + marks.stopLosses == 0) {
            text.append("no trades");
        } else {
            text.append(count.format(marks.entries)).append(marks.entries == 1 ? " entry, " : " entries, ")
                    .append(count.format(marks.exits + marks.stopLosses))
                    .append(marks.exits + marks.stopLosses == 1 ? " exit" : " exits");
            if (marks.stopLosses > 0) {
                text.append(" (").append(count.format(marks.stopLosses)).append(" by the stop-loss)");
            }
        }
        return text.toString();
    }

    /** The marks sorted into entries, exits and stop-loss exits: a series each. */
    static final class Marks {

        private final double[][] entry;
        private final double[][] exit;
        private final double[][] stopLoss;
        private final int entries;
        private final int exits;
        private final int stopLosses;

        Marks(List<TradeMark> marks) {
            int e = 0;
            int s = 0;
            for (TradeMark mark : marks) {
                if (mark.entry()) {
                    e++;
                } else if (mark.isStopLoss()) {
                    s++;
                }
            }
            entries = e;
            stopLosses = s;
            exits = marks.size() - e - s;
            entry = new double[2][entries];
            exit = new double[2][exits];
            stopLoss = new double[2][stopLosses];
            int ei = 0;
            int xi = 0;
            int si = 0;
            for (TradeMark mark : marks) {
                double[][] series = mark.entry() ? entry : mark.isStopLoss() ? stopLoss : exit;
                int i = mark.entry() ? ei++ : mark.isStopLoss() ? si++ : xi++;
                series[0][i] = mark.time().toEpochMilli();
                series[1][i] = mark.price().doubleValue();
            }
        }

        DefaultXYDataset dataset() {
            DefaultXYDataset data = new DefaultXYDataset();
            data.addSeries("Entry", entry);
            data.addSeries("Exit", exit);
            data.addSeries("Stop-loss exit", stopLoss);
            return data;
        }

        /**
         * Full-size outlined triangles while they have room; past {@link #MARKS_WITH_ROOM} of one kind, smaller (by
         * the square root of the crowding, down to {@link #MARK_SIZE_MIN}), translucent, without an outline and
         * beneath the price line, so that a year of one-minute trades still shows the price.
         */
        /** @return whether there are more marks of a kind than fit at full size */
        boolean crowded() {
            return Math.max(entries, exits + stopLosses) > MARKS_WITH_ROOM;
        }

        XYLineAndShapeRenderer renderer() {
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
            int most = Math.max(entries, exits + stopLosses);
            boolean crowded = crowded();
            double size = crowded ? Math.max(MARK_SIZE_MIN, MARK_SIZE * Math.sqrt((double) MARKS_WITH_ROOM / most))
                    : MARK_SIZE;
            renderer.setUseFillPaint(true);
            renderer.setDrawOutlines(!crowded);
            renderer.setUseOutlinePaint(true);
            Color[] colours = {ChartStyle.ENTRY, ChartStyle.EXIT, ChartStyle.STOP_LOSS};
            for (int series = 0; series < colours.length; series++) {
                Color c = colours[series];
                renderer.setSeriesShape(series, series == 0 ? pointingUp(size) : pointingDown(size));
                renderer.setSeriesFillPaint(series, crowded
                        ? new Color(c.getRed(), c.getGreen(), c.getBlue(), CROWDED_ALPHA) : c);
                renderer.setSeriesOutlinePaint(series, c.darker());
                renderer.setSeriesOutlineStroke(series, MARK_OUTLINE);
            }
            return renderer;
        }

        /** Adds a legend item for each kind of mark there is. */
        void addLegend(LegendItemCollection items) {
            if (entries > 0) {
                items.add(mark("Entry", pointingUp(MARK_SIZE), ChartStyle.ENTRY));
            }
            if (exits > 0) {
                items.add(mark("Exit", pointingDown(MARK_SIZE), ChartStyle.EXIT));
            }
            if (stopLosses > 0) {
                items.add(mark("Stop-loss exit", pointingDown(MARK_SIZE), ChartStyle.STOP_LOSS));
            }
        }

        /** @return marks of each kind: entries, exits by the strategy or a target, exits by the stop-loss */
        int entries() {
            return entries;
        }

        int exits() {
            return exits + stopLosses;
        }

        int stopLosses() {
            return stopLosses;
        }

        private static LegendItem mark(String label, Shape shape, Color colour) {
            return new LegendItem(label, null, null, null, shape, colour, MARK_OUTLINE, colour.darker());
        }
    }

    /**
     * @return one pixel wide where the points crowd, as at the limit of the downsampler, and up to a third of the
     *         space between two points where there are few, such as daily candles over two months
     */
    private static BasicStroke rangeStroke(int points) {
        float spacing = (float) Charts.PRICE_WIDTH / Math.max(points, 1);
        float width = Math.max(1f, Math.min(RANGE_WIDTH_MAX, spacing / 3));
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    }

    /** A triangle of half width {@code size} whose tip is the point, below it. */
    private static Shape pointingUp(double size) {
        Path2D.Double triangle = new Path2D.Double();
        triangle.moveTo(0, 0);
        triangle.lineTo(size, 1.6 * size);
        triangle.lineTo(-size, 1.6 * size);
        triangle.closePath();
        return triangle;
    }

    /** A triangle of half width {@code size} whose tip is the point, above it. */
    private static Shape pointingDown(double size) {
        Path2D.Double triangle = new Path2D.Double();
        triangle.moveTo(0, 0);
        triangle.lineTo(-size, -1.6 * size);
        triangle.lineTo(size, -1.6 * size);
        triangle.closePath();
        return triangle;
    }
}
