package com.byninja.bot.marketdata;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Function;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.num.Num;

/**
 * One symbol's closed candles as a bounded ta4j series (oldest bars dropped beyond the maximum), with decimal numbers of
 * {@link #PRECISION} significant digits. Owned by the trading thread.
 */
public final class CandleSeries {

    private final Symbol symbol;
    private final BarSeries series;

    /**
     * @param symbol  the market
     * @param maxBars bars kept at most
     */
    public CandleSeries(Symbol symbol, int maxBars) {
        this.symbol = symbol;
        this.series = new DecimalSeries(symbol.toString());
        series.setMaximumBarCount(maxBars);
    }

    /**
     * Appends a candle unless it is not newer than the last one (history and live candles may overlap).
     *
     * @return whether it was appended
     */
    public boolean add(Candle candle) {
        if (!candle.symbol().equals(symbol)) {
            throw new IllegalArgumentException(candle.symbol() + " candle for the " + symbol + " series");
        }
        Instant end = candle.end();
        if (!series.isEmpty() && !end.isAfter(series.getLastBar().getEndTime().toInstant())) {
            return false;
        }
        series.addBar(candle.period(), utc(end), num(candle.open()), num(candle.high()),
                num(candle.low()), num(candle.close()), num(candle.volume()));
        return true;
    }

    /** Appends candles, oldest first; returns how many were new. */
    public int addAll(List<Candle> candles) {
        int added = 0;
        for (Candle c : candles) {
            if (add(c)) {
                added++;
            }
        }
        return added;
    }

    /**
     * Significant digits of every indicator value. Prices and sums of prices are exact at this precision (a sum of
     * 500 prices of eight digits has eleven), so two averages that are equal are equal here too, and a cross is never
     * made of rounding noise; divisions round at the sixteenth digit, as precise as a double, and always the same way.
     * ta4j's default of 32 digits costs several times as much and changes no decision.
     */
    public static final int PRECISION = 16;

    /**
     * @return {@code n} as a ta4j decimal of {@link #PRECISION} digits ({@link Decimal16}), without going through text
     *         where it can
     */
    public static Num num(Number n) {
        if (n instanceof BigDecimal d) {
            return Decimal16.of(d);
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return Decimal16.of(BigDecimal.valueOf(n.longValue()));
        }
        return Decimal16.of(new BigDecimal(n.toString(), Decimal16.CONTEXT));
    }

    /**
     * UTC as a region, whose rules are looked up once. {@code ZoneOffset.UTC} builds new rules, with a hash map, each
     * time a bar works out its start from its end: a kilobyte a candle.
     */
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** @return {@code t} in UTC, as ta4j's bars take it */
    private static ZonedDateTime utc(Instant t) {
        return ZonedDateTime.ofInstant(LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC),
                ZoneOffset.UTC, UTC);
    }

    /**
     * ta4j's series of {@link #PRECISION}-digit decimals, whose numbers are made from binary values rather than from
     * their text: ta4j 0.17 turns every number an indicator asks for (an average's divisor, zero) into a string and
     * parses it back, on every candle.
     */
    private static final class DecimalSeries extends BaseBarSeries {

        private static final Num ZERO = CandleSeries.num(0);
        private static final Num ONE = CandleSeries.num(1);
        private static final Num HUNDRED = CandleSeries.num(100);

        DecimalSeries(String name) {
            super(name, ZERO);
        }

        @Override
        public Function<Number, Num> function() {
            return CandleSeries::num;
        }

        @Override
        public Num numOf(Number number) {
            return CandleSeries.num(number);
        }

        @Override
        public Num zero() {
            return ZERO;
        }

        @Override
        public Num one() {
            return ONE;
        }

        @Override
        public Num hundred() {
            return HUNDRED;
        }
    }

    /** @return the ta4j series, for building strategies. */
    public BarSeries series() {
        return series;
    }

    /** @return bars held. */
    public int size() {
        return series.getBarCount();
    }

    /** @return the last {@code n} candles held (fewer when fewer are held), oldest first */
    public List<Candle> last(int n) {
        int end = series.getEndIndex();
        int from = Math.max(series.getBeginIndex(), end - n + 1);
        List<Candle> candles = new java.util.ArrayList<>(Math.max(0, end - from + 1));
        for (int i = from; i <= end && i >= 0; i++) {
            org.ta4j.core.Bar b = series.getBar(i);
            candles.add(new Candle(symbol, b.getBeginTime().toInstant(), b.getTimePeriod(),
                    b.getOpenPrice().bigDecimalValue(), b.getHighPrice().bigDecimalValue(),
                    b.getLowPrice().bigDecimalValue(), b.getClosePrice().bigDecimalValue(),
                    b.getVolume().bigDecimalValue()));
        }
        return candles;
    }
}
