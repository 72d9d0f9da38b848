package com.byninja.bench;

import com.byninja.bot.domain.Candle;
import java.util.List;

/**
 * The floor: the same SMA crosses and the one-position trades they make, counted in one pass over a primitive array
 * of closes, with no objects. Nothing that replays these rules can be faster by much.
 *
 * <p>Closes are held in cents, as whole numbers in doubles, so that the moving sums are exact and the comparison of the
 * two averages ({@code fastSum / fastBars} against {@code slowSum / slowBars}, cross-multiplied) is exact too: the
 * crosses are those of ta4j's decimal numbers, equal averages included.
 */
final class CrossFloor {

    /**
     * @param crosses bars at which one average crossed the other
     * @param trades  positions opened and closed: entered at the open after a cross up, left at the open after a
     *                cross down, none decided during the unstable bars or executed past the last bar
     */
    record Count(int crosses, int trades) {
    }

    private CrossFloor() {
    }

    /** @return each candle's close in cents (the prices here have two decimals) */
    static double[] closesInCents(List<Candle> candles) {
        double[] cents = new double[candles.size()];
        for (int i = 0; i < cents.length; i++) {
            cents[i] = candles.get(i).close().movePointRight(2).doubleValue();
        }
        return cents;
    }

    /**
     * Counts as ta4j's rules decide: {@code CrossedUpIndicatorRule(fast, slow)} holds at bar i when fast is above
     * slow at i and was below at the last bar before i where they differed (or at bar 0); an average over fewer bars
     * than its period, at the start, averages the bars there are.
     */
    static Count count(double[] cents, int fast, int slow) {
        int n = cents.length;
        double fastSum = 0;
        double slowSum = 0;
        int before = 0;
        boolean holding = false;
        int crosses = 0;
        int trades = 0;
        for (int i = 0; i < n; i++) {
            fastSum += cents[i];
            slowSum += cents[i];
            if (i >= fast) {
                fastSum -= cents[i - fast];
            }
            if (i >= slow) {
                slowSum -= cents[i - slow];
            }
            int fastBars = Math.min(fast, i + 1);
            int slowBars = Math.min(slow, i + 1);
            int now = Double.compare(fastSum * slowBars, slowSum * fastBars);
            boolean up = i > 0 && now > 0 && before < 0;
            boolean down = i > 0 && now < 0 && before > 0;
            if (i == 0 || now != 0) {
                before = now;
            }
            if (up || down) {
                crosses++;
            }
            if (i >= slow && i + 1 < n) {
                if (!holding && up) {
                    holding = true;
                } else if (holding && down) {
                    holding = false;
                    trades++;
                }
            }
        }
        return new Count(crosses, trades);
    }
}
