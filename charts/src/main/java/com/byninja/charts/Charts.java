package com.byninja.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The backtest report's PNG charts, drawn with JFreeChart without a display.
 *
 * <p>A chart draws at most about 2,000 points per line: longer series (a year of one-minute candles is 525,600) are
 * thinned by keeping the lowest and the highest point of each stretch, so every spike shows. Drawing takes memory for
 * the kept points and the image only. The same input gives the same bytes: the font, time zone (UTC) and number
 * format are fixed, and the PNG carries no time. An empty series gives a chart that says {@code no data} or
 * {@code no trades}, never an exception.
 */
public final class Charts {

    /** The equity chart's width in pixels. */
    public static final int EQUITY_WIDTH = 1200;
    /** The equity chart's height in pixels. */
    public static final int EQUITY_HEIGHT = 700;
    /** The price chart's width in pixels. */
    public static final int PRICE_WIDTH = 1200;
    /** The price chart's height in pixels. */
    public static final int PRICE_HEIGHT = 600;
    /** The width of the pictures sent into a chat, in pixels: sharp on a phone, small to send. */
    public static final int CHAT_WIDTH = 1000;
    /** The height of the pictures sent into a chat, in pixels. */
    public static final int CHAT_HEIGHT = 600;

    private Charts() {
    }

    /**
     * Writes the equity curve with the drawdown beneath it: the percentage below the highest equity so far, zero at
     * the top. The subtitle gives the period, the start and end equity, the change and the deepest drawdown.
     *
     * @param png           the file to write, replaced if it exists; missing parent directories are created
     * @param title         the chart's title
     * @param quoteCurrency the currency the equity is counted in, for the axis, such as {@code USDT}
     * @param equity        the equity over the run, in time order; may be empty
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException if the points are out of time order
     */
    public static void equity(Path png, String title, String quoteCurrency, List<EquityPoint> equity)
            throws IOException {
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        Objects.requireNonNull(equity, "equity");
        ChartStyle.writePng(EquityChart.build(title, quoteCurrency, equity), png, EQUITY_WIDTH, EQUITY_HEIGHT);
    }

    /**
     * Writes one market's close price, in a band from the lows to the highs, with the fills marked: entries as green
     * triangles pointing up at their price, exits as red ones pointing down at it, exits by the stop-loss in orange.
     *
     * @param png     the file to write, replaced if it exists; missing parent directories are created
     * @param title   the chart's title
     * @param candles the market's candles, in time order; may be empty
     * @param quote   the currency of their prices, such as {@code USDT}
     * @param marks   the fills to mark, in any order; may be empty
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException if the candles are out of time order
     */
    public static void price(Path png, String title, List<Bar> candles, String quote, List<TradeMark> marks)
            throws IOException {
        Objects.requireNonNull(candles, "candles");
        price(png, title, PricePath.of(candles, quote), marks);
    }

    /**
     * As {@link #price(Path, String, List, String, List)}, from the candles' path gathered beforehand, such as during a
     * backtest's replay.
     */
    public static void price(Path png, String title, PricePath path, List<TradeMark> marks) throws IOException {
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(marks, "marks");
        ChartStyle.writePng(PriceChart.build(title, path, marks), png, PRICE_WIDTH, PRICE_HEIGHT);
    }

    /**
     * Draws one market's candles as candlesticks, with the fills marked and the open position's levels as dashed
     * lines with their prices; the price axis shows every level, however far from the price.
     *
     * @param title   the chart's title, such as {@code BTC/USDT 15m}
     * @param candles the candles, in time order; may be empty
     * @param quote   the currency of their prices, for the axis, such as {@code USDT}
     * @param marks   the fills to mark, in any order; may be empty
     * @param levels  the levels to draw; may be empty
     * @return the PNG, {@link #CHAT_WIDTH} by {@link #CHAT_HEIGHT}
     * @throws IOException              if the image cannot be encoded
     * @throws IllegalArgumentException if the candles are out of time order
     */
    public static byte[] candles(String title, List<Bar> candles, String quote, List<TradeMark> marks,
                                 List<Level> levels) throws IOException {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(levels, "levels");
        return ChartStyle.png(CandleChart.build(title, candles, quote, marks, levels), CHAT_WIDTH, CHAT_HEIGHT);
    }

    /**
     * The equity curve and its drawdown, as {@link #equity(Path, String, String, List)} draws them, for a chat.
     *
     * @return the PNG, {@link #CHAT_WIDTH} by {@link #CHAT_HEIGHT}
     * @throws IOException if the image cannot be encoded
     */
    public static byte[] equity(String title, String quoteCurrency, List<EquityPoint> equity) throws IOException {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        Objects.requireNonNull(equity, "equity");
        return ChartStyle.png(EquityChart.build(title, quoteCurrency, equity), CHAT_WIDTH, CHAT_HEIGHT);
    }
}
