package com.byninja.bot.exchange.simulated;

import com.byninja.bot.config.BotConfig.MarketSettings;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated market's price: a geometric Brownian motion stepped once per tick of a wall-clock grid. The price is
 * advanced lazily to the tick of the time it is asked for, so no thread drives it, and the same seed and the same
 * number of steps give the same prices. Candles of the timeframes it follows are made from every step
 * ({@link TickCandles}), and while orders rest on the market every step is recorded ({@link #takeSteps}) for them to be
 * matched against.
 */
final class RandomWalk {

    private static final double MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;
    /** After a long pause (a restart after days) the walk resumes from where it stopped instead of replaying. */
    private static final long MAX_CATCH_UP_STEPS = 200_000;
    private static final long MAX_HISTORY_STEPS = 1_000;

    private final Symbol symbol;
    private final long tickMs;
    private final int decimals;
    private final double driftTerm;
    private final double shockScale;
    private final long seed;
    private final SplittableRandom random;
    private final Map<Duration, TickCandles> candles = new HashMap<>();
    private double price;
    private long tick;
    /** The steps since they were last taken, while someone matches orders against them; null otherwise. */
    private WalkSteps recording;

    /**
     * @param symbol     the market
     * @param market     start price, drift, volatility and decimals
     * @param tickMs     time between two steps
     * @param seed       the random seed
     * @param startPrice the price at {@code startTick}
     * @param startTick  the tick index (epoch milliseconds divided by {@code tickMs}) the walk starts at
     */
    RandomWalk(Symbol symbol, MarketSettings market, long tickMs, long seed, double startPrice, long startTick) {
        this.symbol = symbol;
        this.tickMs = tickMs;
        this.decimals = market.priceDecimals();
        double dt = tickMs / MS_PER_YEAR;
        double mu = market.driftPct().doubleValue() / 100;
        double sigma = market.volatilityPct().doubleValue() / 100;
        this.driftTerm = (mu - sigma * sigma / 2) * dt;
        this.shockScale = sigma * Math.sqrt(dt);
        this.seed = seed ^ (symbol.toString().hashCode() * 0x9E3779B97F4A7C15L);
        this.random = new SplittableRandom(this.seed + startTick);
        this.price = startPrice;
        this.tick = startTick;
    }

    /** @return the price at {@code epochMs}, stepping the walk forward to it. */
    synchronized BigDecimal priceAt(long epochMs) {
        long target = Math.floorDiv(epochMs, tickMs);
        if (target > tick) {
            long steps = Math.min(target - tick, MAX_CATCH_UP_STEPS);
            for (long i = 1; i <= steps; i++) {
                price = step(price, random);
                if (!candles.isEmpty() || recording != null) {
                    BigDecimal p = rounded(price);
                    long at = (tick + i) * tickMs;
                    candles.values().forEach(c -> c.onPrice(at, p));
                    if (recording != null) {
                        recording.add(tick + i, p);
                    }
                }
            }
            if (tick + steps < target && !candles.isEmpty()) {
                // Resumed after a long pause without replaying it: candles start again from here.
                BigDecimal p = rounded(price);
                candles.values().forEach(c -> {
                    c.gap();
                    c.onPrice(target * tickMs, p);
                });
            }
            tick = target;
        }
        candles.values().forEach(c -> c.closeUntil(epochMs));
        return rounded(price);
    }

    /**
     * Steps the walk forward to {@code epochMs} and hands over every step since the steps were last taken (none the
     * first time), then keeps recording the steps, whoever moves the walk, until {@link #stopRecording}.
     *
     * @return the steps after the last ones taken, up to the one in force at {@code epochMs}, oldest first
     */
    synchronized WalkSteps takeSteps(long epochMs) {
        priceAt(epochMs);
        WalkSteps taken = recording != null ? recording : new WalkSteps(tickMs, decimals);
        recording = new WalkSteps(tickMs, decimals);
        return taken;
    }

    /** Records every step from the current tick on, for {@link #takeSteps}; nothing when already recording. */
    synchronized void record() {
        if (recording == null) {
            recording = new WalkSteps(tickMs, decimals);
        }
    }

    /** Forgets the steps recorded: nothing is matched against them any more. */
    synchronized void stopRecording() {
        recording = null;
    }

    /** Starts recording candles of {@code timeframe} from every step, from {@code epochMs} on. */
    synchronized void follow(Duration timeframe, long epochMs) {
        priceAt(epochMs);
        candles.computeIfAbsent(timeframe, t -> {
            TickCandles c = new TickCandles(symbol, t);
            c.onPrice(tick * tickMs, rounded(price));
            return c;
        });
    }

    /**
     * @return the recorded candles of {@code timeframe} closed by {@code epochMs} that began at or after {@code since},
     *         oldest first; none until {@link #follow} was called for it
     */
    synchronized List<Candle> closedCandles(Duration timeframe, Instant since, long epochMs) {
        priceAt(epochMs);
        TickCandles c = candles.get(timeframe);
        return c == null ? List.of() : c.since(since);
    }

    /** @return the current tick index, for persistence. */
    synchronized long tick() {
        return tick;
    }

    /** @return the current unrounded price, for persistence. */
    synchronized double rawPrice() {
        return price;
    }

    /**
     * Candles before the one in progress at {@code epochMs}, walking backwards from the current price, so the history
     * joins the live prices without a jump. Deterministic for a seed and a time.
     */
    synchronized List<Candle> history(Duration timeframe, int count, long epochMs) {
        long frameMs = timeframe.toMillis();
        long ticksPerCandle = Math.max(1, frameMs / tickMs);
        // Long candles on short ticks would take millions of steps: walk at most MAX_HISTORY_STEPS per candle, each
        // standing for several ticks, with the same drift and variance per candle.
        int steps = (int) Math.min(ticksPerCandle, MAX_HISTORY_STEPS);
        double ticksPerStep = (double) ticksPerCandle / steps;
        double stepDrift = driftTerm * ticksPerStep;
        double stepShock = shockScale * Math.sqrt(ticksPerStep);
        long currentStart = Math.floorDiv(epochMs, frameMs) * frameMs;
        SplittableRandom backwards = new SplittableRandom(seed ^ currentStart);
        double p = price;
        List<Candle> candles = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            double close = p;
            double high = p;
            double low = p;
            for (int t = 0; t < steps; t++) {
                p = p / Math.exp(stepDrift + stepShock * backwards.nextGaussian());
                high = Math.max(high, p);
                low = Math.min(low, p);
            }
            Instant start = Instant.ofEpochMilli(currentStart - (long) (c + 1) * frameMs);
            candles.add(new Candle(symbol, start, timeframe, rounded(p), rounded(high), rounded(low), rounded(close),
                    BigDecimal.ZERO));
        }
        Collections.reverse(candles);
        return candles;
    }

    private double step(double p, SplittableRandom r) {
        return p * Math.exp(driftTerm + shockScale * r.nextGaussian());
    }

    private BigDecimal rounded(double p) {
        BigDecimal value = BigDecimal.valueOf(p).setScale(decimals, RoundingMode.HALF_UP);
        // A price never rounds down to nothing: the smallest representable price stands in.
        return value.signum() > 0 ? value : BigDecimal.ONE.movePointLeft(decimals);
    }
}
