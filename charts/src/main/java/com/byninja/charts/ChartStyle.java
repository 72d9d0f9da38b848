package com.byninja.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look the backtest charts share, and their one way onto disk. Everything that could vary with the machine is
 * fixed here: the font family, the time zone (UTC), the locale of numbers and month names, so the same run gives the
 * same bytes.
 */
final class ChartStyle {

    /*
     * The bot runs with no display; AWT must know before it first starts (the fonts below may start it), or it may
     * try to reach an X server named by a stray DISPLAY. An explicit setting, either way, is left alone.
     */
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Charts draw at most this many points per series: about one per pixel column, two per bucket. */
    static final int MAX_POINTS = 2_000;

    /** DejaVu Sans comes with fontconfig on Debian and Ubuntu; where it is missing, Java's logical sans-serif. */
    static final String FONT_FAMILY = family("DejaVu Sans");

    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 18);
    static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font MESSAGE_FONT = new Font(FONT_FAMILY, Font.ITALIC, 16);

    static final Color TEXT = new Color(0x20, 0x20, 0x20);
    static final Color SUBTLE_TEXT = new Color(0x55, 0x55, 0x55);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color AXIS_LINE = new Color(0x99, 0x99, 0x99);
    static final Color LINE = new Color(0x1F, 0x4E, 0x9A);
    static final Color RANGE = new Color(0xA0, 0xB8, 0xDF);
    static final Color DRAWDOWN = new Color(0xD6, 0x27, 0x28);
    static final Color ENTRY = new Color(0x1A, 0x9E, 0x3A);
    static final Color EXIT = new Color(0xD6, 0x27, 0x28);
    static final Color STOP_LOSS = new Color(0xFF, 0x8C, 0x00);

    static final BasicStroke LINE_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ChartStyle() {
    }

    /** @return a number format with grouping and up to the given decimals, the same in every locale */
    static NumberFormat numbers(int minDecimals, int maxDecimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        return format;
    }

    /** @return the instant as {@code 2024-03-01 14:05}, in UTC */
    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** @return the shared time axis, in UTC with English month names */
    static DateAxis timeAxis() {
        DateAxis axis = new DateAxis("Time (UTC)", UTC, Locale.ENGLISH);
        // The axis starts from a tick unit formatted in the default locale and time zone, and the width of its labels
        // steers the automatic choice of unit: the same chart got ticks every 4 hours in one locale, 6 in another.
        SimpleDateFormat day = new SimpleDateFormat("d-MMM", Locale.ENGLISH);
        day.setTimeZone(UTC);
        axis.setTickUnit(new DateTickUnit(DateTickUnitType.DAY, 1, day), false, false);
        axis.setLowerMargin(0.01);
        axis.setUpperMargin(0.01);
        styleAxis(axis);
        return axis;
    }

    /** @return a value axis labelled and formatted as given, not forced to include zero */
    static NumberAxis valueAxis(String label, NumberFormat format) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        axis.setNumberFormatOverride(format);
        axis.setAutoRangeIncludesZero(false);
        styleAxis(axis);
        return axis;
    }

    /** White plot, light solid grid, the no-data message in the chart's font. */
    static void stylePlot(XYPlot plot, String noDataMessage) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(AXIS_LINE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage(noDataMessage);
        plot.setNoDataMessageFont(MESSAGE_FONT);
        plot.setNoDataMessagePaint(SUBTLE_TEXT);
    }

    /** Takes the scale off an empty plot, whose axes would otherwise count from 0 to 1 and from midnight 1970. */
    static void hideScale(XYPlot plot, ValueAxis... axes) {
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (ValueAxis axis : axes) {
            axis.setTickLabelsVisible(false);
            axis.setTickMarksVisible(false);
        }
    }

    /** @return a chart with the title in the chart's font, and its subtitle beneath */
    static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        chart.getTitle().setPaint(TEXT);
        TextTitle sub = new TextTitle(subtitle, SUBTITLE_FONT);
        sub.setPaint(SUBTLE_TEXT);
        sub.setPadding(new RectangleInsets(2, 0, 6, 0));
        chart.addSubtitle(sub);
        if (legend) {
            chart.getLegend().setItemFont(LABEL_FONT);
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    /**
     * Draws the chart and writes it as a PNG, replacing the file. ImageIO's PNG writer adds no time chunk, and the
     * image is encoded in memory rather than through ImageIO's cache file in the temporary directory.
     */
    static void writePng(JFreeChart chart, Path png, int width, int height) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(png))) {
            writePng(chart, out, width, height);
        }
    }

    /** @return the chart drawn as a PNG, as {@link #writePng(JFreeChart, Path, int, int)} writes it */
    static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        writePng(chart, out, width, height);
        return out.toByteArray();
    }

    private static void writePng(JFreeChart chart, OutputStream out, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no PNG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } finally {
            writer.dispose();
        }
    }

    private static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(AXIS_LINE);
        axis.setTickMarkPaint(AXIS_LINE);
    }

    private static String family(String wanted) {
        Font font = new Font(wanted, Font.PLAIN, 12);
        return font.getFamily(Locale.ROOT).equals(wanted) ? wanted : Font.SANS_SERIF;
    }
}
