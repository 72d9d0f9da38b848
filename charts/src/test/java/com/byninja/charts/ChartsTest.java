package com.byninja.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int YEAR_OF_MINUTES = 525_600;

    @TempDir
    Path dir;

    @Test
    void equityChartIsAPngOfTheStatedSizeWithTheCurveAndTheDrawdown() throws IOException {
        Path png = dir.resolve("equity.png");

        Charts.equity(png, "Backtest", "USDT", SyntheticRun.equity(2_000, Duration.ofHours(1)));

        BufferedImage image = read(png, Charts.EQUITY_WIDTH, Charts.EQUITY_HEIGHT);
        assertThat(pixelsLike(image, ChartStyle.LINE)).isGreaterThan(500);
        assertThat(pixelsLike(image, ChartStyle.DRAWDOWN)).isGreaterThan(100);
    }

    @Test
    void priceChartIsAPngOfTheStatedSizeWithThePriceEntriesExitsAndStopLosses() throws IOException {
        Path png = dir.resolve("price.png");
        List<Bar> candles = SyntheticRun.candles(3_000, Duration.ofMinutes(15));

        Charts.price(png, "BTC/USDT", candles, "USDT", SyntheticRun.marks(candles, 10));

        BufferedImage image = read(png, Charts.PRICE_WIDTH, Charts.PRICE_HEIGHT);
        assertThat(pixelsLike(image, ChartStyle.LINE)).isGreaterThan(500);
        // Ten marks of each kind (a triangle is about 80 pixels), not only the legend's.
        assertThat(pixelsLike(image, ChartStyle.ENTRY)).isGreaterThan(500);
        assertThat(pixelsLike(image, ChartStyle.EXIT)).isGreaterThan(250);
        assertThat(pixelsLike(image, ChartStyle.STOP_LOSS)).isGreaterThan(150);
    }

    @Test
    void sameInputGivesTheSameBytes() throws IOException {
        List<EquityPoint> equity = SyntheticRun.equity(5_000, MINUTE);
        List<Bar> candles = SyntheticRun.candles(5_000, MINUTE);
        List<TradeMark> marks = SyntheticRun.marks(candles, 10);

        Charts.equity(dir.resolve("equity-1.png"), "Backtest", "USDT", equity);
        Charts.equity(dir.resolve("equity-2.png"), "Backtest", "USDT", equity);
        Charts.price(dir.resolve("price-1.png"), "BTC/USDT", candles, "USDT", marks);
        Charts.price(dir.resolve("price-2.png"), "BTC/USDT", candles, "USDT", marks);

        assertThat(dir.resolve("equity-2.png")).hasSameBinaryContentAs(dir.resolve("equity-1.png"));
        assertThat(dir.resolve("price-2.png")).hasSameBinaryContentAs(dir.resolve("price-1.png"));
    }

    @Test
    void theBytesDoNotDependOnTheDefaultLocaleOrTimeZone() throws IOException {
        List<EquityPoint> equity = SyntheticRun.equity(3_000, MINUTE);
        List<Bar> candles = SyntheticRun.candles(3_000, MINUTE);
        List<TradeMark> marks = SyntheticRun.marks(candles, 10);
        Charts.equity(dir.resolve("equity-here.png"), "Backtest", "USDT", equity);
        Charts.price(dir.resolve("price-here.png"), "BTC/USDT", candles, "USDT", marks);

        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            Charts.equity(dir.resolve("equity-there.png"), "Backtest", "USDT", equity);
            Charts.price(dir.resolve("price-there.png"), "BTC/USDT", candles, "USDT", marks);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }

        assertThat(dir.resolve("equity-there.png")).hasSameBinaryContentAs(dir.resolve("equity-here.png"));
        assertThat(dir.resolve("price-there.png")).hasSameBinaryContentAs(dir.resolve("price-here.png"));
    }

    @Test
    void drawsWithoutADisplay() throws IOException {
        Charts.equity(dir.resolve("equity.png"), "Backtest", "USDT", SyntheticRun.equity(10, MINUTE));

        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void priceChartWithoutTradesSaysSo() throws IOException {
        List<Bar> candles = SyntheticRun.candles(500, MINUTE);
        Path png = dir.resolve("price.png");

        Charts.price(png, "BTC/USDT", candles, "USDT", List.of());

        BufferedImage image = read(png, Charts.PRICE_WIDTH, Charts.PRICE_HEIGHT);
        assertThat(pixelsLike(image, ChartStyle.LINE)).isGreaterThan(500);
        assertThat(subtitle(PriceChart.build("BTC/USDT", PricePath.of(candles, "USDT"), List.of())))
                .isEqualTo("2025-01-01 00:00 to 2025-01-01 08:20 UTC     500 candles     no trades");
    }

    @Test
    void thousandsOfTradesLeaveThePriceLineVisible() throws IOException {
        // A year of one-minute trading can mark 10,000 entries and exits: at full size, opaque and outlined, they
        // cover the price. Past 300 of a kind they shrink, turn translucent and go beneath the price line.
        // 30,000 minutes with a round trip every 40: 750 entries and 750 exits, as dense as the year's benchmark.
        List<Bar> candles = SyntheticRun.candles(30_000, MINUTE);
        List<TradeMark> marks = new java.util.ArrayList<>();
        for (int i = 0; i + 20 < candles.size(); i += 40) {
            marks.add(new TradeMark(candles.get(i).end(), candles.get(i).close(), true, "entry"));
            marks.add(new TradeMark(candles.get(i + 20).end(), candles.get(i + 20).close(), false, "exit"));
        }
        Path bare = dir.resolve("bare.png");
        Path marked = dir.resolve("marked.png");

        Charts.price(bare, "BTC/USDT", candles, "USDT", List.of());
        Charts.price(marked, "BTC/USDT", candles, "USDT", marks);

        int lineAlone = pixelsLike(read(bare, Charts.PRICE_WIDTH, Charts.PRICE_HEIGHT), ChartStyle.LINE);
        int lineUnderMarks = pixelsLike(read(marked, Charts.PRICE_WIDTH, Charts.PRICE_HEIGHT), ChartStyle.LINE);
        assertThat(lineUnderMarks).as("line pixels with the marks, of %d without", lineAlone)
                .isGreaterThan(lineAlone * 9 / 10);
    }

    @Test
    void emptySeriesGiveChartsThatSayNoData() throws IOException {
        Charts.equity(dir.resolve("equity.png"), "Backtest", "USDT", List.of());
        Charts.price(dir.resolve("price.png"), "BTC/USDT", List.<Bar>of(), "USDT", List.of());

        read(dir.resolve("equity.png"), Charts.EQUITY_WIDTH, Charts.EQUITY_HEIGHT);
        read(dir.resolve("price.png"), Charts.PRICE_WIDTH, Charts.PRICE_HEIGHT);
        assertThat(subtitle(EquityChart.build("Backtest", "USDT", List.of()))).isEqualTo("no data");
        assertThat(subtitle(PriceChart.build("BTC/USDT", PricePath.of(List.of(), "USDT"), List.of()))).isEqualTo("no data     no trades");
    }

    @Test
    void aSinglePointIsDrawn() throws IOException {
        List<Bar> candles = SyntheticRun.candles(1, MINUTE);
        Charts.equity(dir.resolve("equity.png"), "Backtest", "USDT", SyntheticRun.equity(1, MINUTE));
        Charts.price(dir.resolve("price.png"), "BTC/USDT", candles, "USDT", SyntheticRun.marks(candles, 1));

        read(dir.resolve("equity.png"), Charts.EQUITY_WIDTH, Charts.EQUITY_HEIGHT);
        read(dir.resolve("price.png"), Charts.PRICE_WIDTH, Charts.PRICE_HEIGHT);
    }

    @Test
    void equitySubtitleGivesThePeriodTheChangeAndTheDeepestDrawdown() {
        List<EquityPoint> equity = List.of(
                point(0, "10000"), point(1, "12000"), point(2, "9000"), point(3, "11000"));

        JFreeChart chart = EquityChart.build("Backtest", "USDT", equity);

        // From the peak of 12,000 down to 9,000 is 25 % below it.
        assertThat(subtitle(chart)).isEqualTo("2025-01-01 00:00 to 2025-01-01 00:03 UTC     start 10,000.00, "
                + "end 11,000.00 USDT (+10 %)     max drawdown -25 %");
    }

    @Test
    void equitySubtitleRoundsAgainstTheTraderAsTheReportsDo() {
        List<EquityPoint> equity = List.of(
                point(0, "10000"), point(1, "10003.01"), point(2, "9987.54"), point(3, "9988.4699"));

        JFreeChart chart = EquityChart.build("Backtest", "USDT", equity);

        // The end, 9,988.4699, reads down; -11.5301 of 10,000 is -0.115301 %, down to -0.12; the fall of 15.47 from
        // 10,003.01 is 0.154653... % of it, up to 0.16.
        assertThat(subtitle(chart)).isEqualTo("2025-01-01 00:00 to 2025-01-01 00:03 UTC     start 10,000.00, "
                + "end 9,988.46 USDT (-0.12 %)     max drawdown -0.16 %");
    }

    @Test
    void aYearOfMinutesIsDrawn() throws IOException {
        List<EquityPoint> equity = SyntheticRun.equity(YEAR_OF_MINUTES, MINUTE);
        List<Bar> candles = SyntheticRun.candles(YEAR_OF_MINUTES, MINUTE);

        Charts.equity(dir.resolve("equity.png"), "Backtest", "USDT", equity);
        Charts.price(dir.resolve("price.png"), "BTC/USDT", candles, "USDT", SyntheticRun.marks(candles, 200));

        BufferedImage equityImage = read(dir.resolve("equity.png"), Charts.EQUITY_WIDTH, Charts.EQUITY_HEIGHT);
        assertThat(pixelsLike(equityImage, ChartStyle.LINE)).isGreaterThan(500);
        BufferedImage priceImage = read(dir.resolve("price.png"), Charts.PRICE_WIDTH, Charts.PRICE_HEIGHT);
        assertThat(pixelsLike(priceImage, ChartStyle.LINE)).isGreaterThan(500);
    }

    @Test
    void refusesCandlesOutOfTimeOrder() {
        List<Bar> candles = SyntheticRun.candles(2, MINUTE);
        List<Bar> backwards = List.of(candles.get(1), candles.get(0));

        assertThatThrownBy(() -> Charts.price(dir.resolve("price.png"), "BTC/USDT", backwards, "USDT", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candles out of time order: 2025-01-01T00:00:00Z after 2025-01-01T00:01:00Z");
    }

    private static EquityPoint point(int minute, String equity) {
        return new EquityPoint(SyntheticRun.START.plus(MINUTE.multipliedBy(minute)), new BigDecimal(equity));
    }

    private static BufferedImage read(Path png, int width, int height) throws IOException {
        assertThat(png).isRegularFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG that ImageIO decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        return image;
    }

    /** @return how many pixels are within a small distance of the colour, allowing for anti-aliasing's blends */
    private static int pixelsLike(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int dr = ((rgb >> 16) & 0xFF) - colour.getRed();
                int dg = ((rgb >> 8) & 0xFF) - colour.getGreen();
                int db = (rgb & 0xFF) - colour.getBlue();
                if (dr * dr + dg * dg + db * db < 30 * 30) {
                    count++;
                }
            }
        }
        return count;
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
