package com.byninja.bot.backtest.data;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reproducible made-up history for tests and benchmarks, such as a year of one-minute candles (525,600).
 */
public final class SyntheticCandles {

    private static final double MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;
    /** How far wicks reach beyond the open and close, in the period's standard deviations (half-normal). */
    private static final double WICK = 0.5;
    private static final double MEAN_VOLUME = 10;
    private static final int VOLUME_DECIMALS = 4;

    private SyntheticCandles() {
    }

    /**
     * Candles of a geometric Brownian motion: each close is the open times {@code exp((mu - sigma^2/2) dt + sigma
     * sqrt(dt) Z)}, the next open is that close, and the high and low reach a random way beyond the open and close.
     * The same arguments give the same candles on every JVM ({@link SplittableRandom}, {@link StrictMath}).
     *
     * @param symbol              the market
     * @param start               when the first candle begins
     * @param period              each candle's period
     * @param count               how many candles
     * @param seed                the random seed
     * @param annualDriftPct      the expected yearly return, such as 5 for 5 %
     * @param annualVolatilityPct the yearly volatility, such as 60 for 60 %
     * @param startPrice          the first open, rounded to 2 decimals
     * @return the candles, oldest first, prices with 2 decimals, volumes with 4; unmodifiable and compact, each
     *         {@link Candle} made when read
     */
    public static List<Candle> gbm(Symbol symbol, Instant start, Duration period, int count, long seed,
                                   double annualDriftPct, double annualVolatilityPct, BigDecimal startPrice) {
        if (count < 0 || period.isNegative() || period.isZero() || startPrice.signum() <= 0
                || annualVolatilityPct < 0) {
            throw new IllegalArgumentException("need count >= 0, a positive period and start price and a volatility "
                    + ">= 0, got " + count + ", " + period + ", " + startPrice + ", " + annualVolatilityPct);
        }
        long periodMs = period.toMillis();
        double dt = periodMs / MS_PER_YEAR;
        double mu = annualDriftPct / 100;
        double sigma = annualVolatilityPct / 100;
        double drift = (mu - sigma * sigma / 2) * dt;
        double shock = sigma * Math.sqrt(dt);
        SplittableRandom random = new SplittableRandom(seed);
        CandleColumns columns = new CandleColumns(symbol, period);
        MutableDecimal open = new MutableDecimal();
        MutableDecimal high = new MutableDecimal();
        MutableDecimal low = new MutableDecimal();
        MutableDecimal close = new MutableDecimal();
        MutableDecimal volume = new MutableDecimal();
        long startMs = start.toEpochMilli();
        double price = startPrice.doubleValue();
        long openCents = cents(price);
        for (int i = 0; i < count; i++) {
            double next = price * StrictMath.exp(drift + shock * random.nextGaussian());
            long closeCents = cents(next);
            double up = StrictMath.exp(WICK * shock * Math.abs(random.nextGaussian()));
            double down = StrictMath.exp(-WICK * shock * Math.abs(random.nextGaussian()));
            long highCents = Math.max(Math.max(openCents, closeCents), cents(Math.max(price, next) * up));
            long lowCents = Math.min(Math.min(openCents, closeCents), cents(Math.min(price, next) * down));
            double units = MEAN_VOLUME * StrictMath.exp(0.5 * random.nextGaussian());
            open.set(openCents, 2);
            high.set(highCents, 2);
            low.set(lowCents, 2);
            close.set(closeCents, 2);
            volume.set(Math.round(units * 10_000), VOLUME_DECIMALS);
            columns.add(startMs + i * periodMs, open, high, low, close, volume);
            price = next;
            openCents = closeCents;
        }
        columns.trim();
        return columns.list();
    }

    /** @return the price in cents, at least one: a price never rounds down to nothing */
    private static long cents(double price) {
        return Math.max(1, Math.round(price * 100));
    }
}
