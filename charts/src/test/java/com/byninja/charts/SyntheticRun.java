package com.byninja.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Made-up but plausible runs to draw: seeded random walks, so every call gives the same series. */
final class SyntheticRun {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private SyntheticRun() {
    }

    /**
     * @return {@code count} equity points {@code step} apart from 10,000, drifting up with three marked slumps (at a
     *         fifth, a half and four fifths of the run) and noise
     */
    static List<EquityPoint> equity(int count, Duration step) {
        Random random = new Random(7);
        List<EquityPoint> points = new ArrayList<>(count);
        double equity = 10_000;
        for (int i = 0; i < count; i++) {
            double progress = (double) i / count;
            double drift = 0.6 / count;
            if (slump(progress, 0.2, 0.04) || slump(progress, 0.5, 0.06) || slump(progress, 0.8, 0.03)) {
                drift = -2.5 / count;
            }
            equity *= 1 + drift + random.nextGaussian() * 0.1 / Math.sqrt(count);
            points.add(new EquityPoint(START.plus(step.multipliedBy(i)), money(equity)));
        }
        return points;
    }

    /** @return {@code count} one-step candles of a random walk from 60,000, with a sharp one-candle spike down */
    static List<Bar> candles(int count, Duration step) {
        Random random = new Random(11);
        List<Bar> candles = new ArrayList<>(count);
        double close = 60_000;
        for (int i = 0; i < count; i++) {
            double open = close;
            close = open * (1 + random.nextGaussian() * 0.3 / Math.sqrt(count) + 0.15 / count);
            double high = Math.max(open, close) * (1 + Math.abs(random.nextGaussian()) * 0.1 / Math.sqrt(count));
            double low = Math.min(open, close) * (1 - Math.abs(random.nextGaussian()) * 0.1 / Math.sqrt(count));
            if (i == count * 2 / 3 + count / 97) {
                low = Math.min(open, close) * 0.93;
            }
            candles.add(new Bar(START.plus(step.multipliedBy(i)), step, money(open), money(high), money(low),
                    money(close)));
        }
        return candles;
    }

    /**
     * @return {@code trades} round trips over the candles: each buys at a candle's close and sells some candles later,
     *         every third by the stop-loss, the others by the take-profit or the strategy's exit
     */
    static List<TradeMark> marks(List<Bar> candles, int trades) {
        List<TradeMark> marks = new ArrayList<>();
        int stride = candles.size() / trades;
        for (int t = 0; t < trades; t++) {
            Bar in = candles.get(t * stride + stride / 5);
            Bar out = candles.get(t * stride + stride * 4 / 5);
            marks.add(new TradeMark(in.end(), in.close(), true, "entry"));
            String why = t % 3 == 2 ? "stop-loss" : t % 2 == 0 ? "take-profit" : "exit";
            marks.add(new TradeMark(out.end(), out.close(), false, why));
        }
        return marks;
    }

    private static boolean slump(double progress, double at, double length) {
        return progress >= at && progress < at + length;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }
}
