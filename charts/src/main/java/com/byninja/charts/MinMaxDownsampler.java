package com.byninja.charts;

import java.util.Arrays;

/**
 * Thins a series of points in time order to at most {@code maxPoints} for drawing. The points are cut into buckets of
 * consecutive points; of each bucket the point with the lowest and the one with the highest value are kept, in their
 * order, so a spike of one point still shows at any length. Each kept point also carries its bucket's envelope: the
 * lowest low and the highest high added to the bucket.
 *
 * <p>It holds only the kept points, so a series can be fed from a list of any length without copying it. A series no
 * longer than {@code maxPoints} comes out unchanged.
 */
final class MinMaxDownsampler {

    /** The kept points, each with its bucket's envelope; arrays of equal length. */
    record Points(double[] x, double[] y, double[] low, double[] high) {

        int size() {
            return x.length;
        }
    }

    private final int count;
    private final int bucketSize;
    private final double[] x;
    private final double[] y;
    private final double[] low;
    private final double[] high;
    private int kept;
    private int added;

    private int inBucket;
    private double minX;
    private double minY;
    private int minIndex;
    private double maxX;
    private double maxY;
    private int maxIndex;
    private double bucketLow;
    private double bucketHigh;

    /**
     * @param count     how many points will be added
     * @param maxPoints at most how many to keep, at least 2
     */
    MinMaxDownsampler(int count, int maxPoints) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count: " + count);
        }
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2: " + maxPoints);
        }
        this.count = count;
        this.bucketSize = count <= maxPoints ? 1 : ceilDiv(count, maxPoints / 2);
        int capacity = bucketSize == 1 ? count : 2 * ceilDiv(count, bucketSize);
        this.x = new double[capacity];
        this.y = new double[capacity];
        this.low = new double[capacity];
        this.high = new double[capacity];
    }

    /** Adds a point whose envelope is the point itself. */
    void add(double px, double py) {
        add(px, py, py, py);
    }

    /**
     * @param px    the point's x, not less than the previous point's
     * @param py    its value
     * @param plow  its lowest value, for the envelope (a candle's low)
     * @param phigh its highest value (a candle's high)
     */
    void add(double px, double py, double plow, double phigh) {
        if (added == count) {
            throw new IllegalStateException("more than the " + count + " points announced");
        }
        if (inBucket == 0) {
            minX = px;
            minY = py;
            minIndex = added;
            maxX = px;
            maxY = py;
            maxIndex = added;
            bucketLow = plow;
            bucketHigh = phigh;
        } else {
            if (py < minY) {
                minX = px;
                minY = py;
                minIndex = added;
            }
            if (py > maxY) {
                maxX = px;
                maxY = py;
                maxIndex = added;
            }
            bucketLow = Math.min(bucketLow, plow);
            bucketHigh = Math.max(bucketHigh, phigh);
        }
        added++;
        inBucket++;
        if (inBucket == bucketSize) {
            closeBucket();
        }
    }

    /** @return the kept points; call once, after the last {@link #add}. */
    Points points() {
        if (inBucket > 0) {
            closeBucket();
        }
        return new Points(trim(x), trim(y), trim(low), trim(high));
    }

    private void closeBucket() {
        if (minIndex == maxIndex) {
            keep(minX, minY);
        } else if (minIndex < maxIndex) {
            keep(minX, minY);
            keep(maxX, maxY);
        } else {
            keep(maxX, maxY);
            keep(minX, minY);
        }
        inBucket = 0;
    }

    private void keep(double px, double py) {
        x[kept] = px;
        y[kept] = py;
        low[kept] = bucketLow;
        high[kept] = bucketHigh;
        kept++;
    }

    private double[] trim(double[] values) {
        return values.length == kept ? values : Arrays.copyOf(values, kept);
    }

    /** a / b rounded up, for positive a and b. */
    private static int ceilDiv(int a, int b) {
        return (a - 1) / b + 1;
    }
}
