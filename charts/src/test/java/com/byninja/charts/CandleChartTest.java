package com.byninja.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

/** The chat's candle chart: candlesticks, fills and an open position's levels, drawn to a PNG in memory. */
class CandleChartTest {

    static final Duration QUARTER = Duration.ofMinutes(15);

    @Test
    void drawsAPngOfTheChatSizeTheSameBytesEachTime() throws Exception {
        List<Bar> candles = SyntheticRun.candles(120, QUARTER);
        List<TradeMark> marks = SyntheticRun.marks(candles, 3);
        List<Level> levels = List.of(new Level(Level.Kind.ENTRY, new BigDecimal("60500")),
                new Level(Level.Kind.STOP_LOSS, new BigDecimal("58685")),
                new Level(Level.Kind.TAKE_PROFIT, new BigDecimal("64130")));

        byte[] png = Charts.candles("BTC/USDT 15m", candles, "USDT", marks, levels);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(Charts.CHAT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(Charts.CHAT_HEIGHT);
        assertThat(Charts.candles("BTC/USDT 15m", candles, "USDT", marks, levels)).isEqualTo(png);
        // Kept for a person to look at: target/charts/candles-example.png.
        Path out = Path.of("target", "charts", "candles-example.png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
    }

    @Test
    void thePriceAxisReachesEveryLevelHoweverFarFromThePrice() {
        List<Bar> candles = SyntheticRun.candles(50, QUARTER);
        double highest = candles.stream().mapToDouble(b -> b.high().doubleValue()).max().orElseThrow();
        BigDecimal farTarget = BigDecimal.valueOf(highest * 1.5);

        JFreeChart chart = CandleChart.build("BTC/USDT", candles, "USDT", List.of(),
                List.of(new Level(Level.Kind.TAKE_PROFIT, farTarget)));

        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThan(farTarget.doubleValue());
        assertThat(plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(1);
    }

    @Test
    void theSubtitleSaysThePeriodTheLastPriceItsChangeAndTheFills() {
        // Two candles: open 100, close 103: +3.00 %.
        List<Bar> candles = List.of(
                new Bar(SyntheticRun.START, QUARTER, new BigDecimal("100"), new BigDecimal("102"),
                        new BigDecimal("99"), new BigDecimal("101")),
                new Bar(SyntheticRun.START.plus(QUARTER), QUARTER, new BigDecimal("101"), new BigDecimal("104"),
                        new BigDecimal("100"), new BigDecimal("103")));
        List<TradeMark> marks = List.of(new TradeMark(SyntheticRun.START.plusSeconds(60), new BigDecimal("100.5"),
                true, "entry"));

        assertThat(subtitle(CandleChart.build("BTC/USDT", candles, "USDT", marks, List.of())))
                .isEqualTo("2025-01-01 00:00 to 2025-01-01 00:30 UTC     2 candles     last 103 (+3.00 %)     "
                        + "1 entry, 0 exits");
        assertThat(subtitle(CandleChart.build("BTC/USDT", List.of(), "USDT", List.of(), List.of())))
                .isEqualTo("no candles");
    }

    @Test
    void refusesCandlesOutOfTimeOrder() {
        List<Bar> candles = SyntheticRun.candles(2, QUARTER);

        assertThatThrownBy(() -> Charts.candles("BTC/USDT", List.of(candles.get(1), candles.get(0)), "USDT",
                List.of(), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("candles out of time order: 2025-01-01T00:00:00Z after 2025-01-01T00:15:00Z");
    }

    @Test
    void theEquityCurveForAChatIsOfTheChatSize() throws Exception {
        byte[] png = Charts.equity("Equity, 30 days", "USDT", SyntheticRun.equity(720, Duration.ofHours(1)));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(Charts.CHAT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(Charts.CHAT_HEIGHT);
    }

    private static String subtitle(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle title) {
                return title.getText();
            }
        }
        throw new AssertionError("no text subtitle");
    }
}
