package com.byninja.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinMaxDownsamplerTest {

    @Test
    void keepsTheLowestAndTheHighestPointOfEachBucketInTheirOrder() {
        double[] values = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        MinMaxDownsampler sampler = new MinMaxDownsampler(values.length, 4);
        for (int i = 0; i < values.length; i++) {
            sampler.add(i, values[i]);
        }

        MinMaxDownsampler.Points points = sampler.points();

        // Two buckets of five: 3 1 4 1 5 keeps the first 1 (x 1) and the 5 (x 4); 9 2 6 5 3 keeps 9 (x 5), then 2 (x 6).
        assertThat(points.x()).containsExactly(1, 4, 5, 6);
        assertThat(points.y()).containsExactly(1, 5, 9, 2);
    }

    @Test
    void carriesEachBucketsLowestLowAndHighestHigh() {
        MinMaxDownsampler sampler = new MinMaxDownsampler(6, 4);
        sampler.add(0, 10, 9, 11);
        sampler.add(1, 12, 8, 12.5);
        sampler.add(2, 11, 10.5, 13);
        sampler.add(3, 20, 19, 21);
        sampler.add(4, 20, 15, 20);
        sampler.add(5, 18, 17, 25);

        MinMaxDownsampler.Points points = sampler.points();

        // Buckets of three: 10 12 11 keeps 10 (x 0) and 12 (x 1), lows down to 8, highs up to 13; 20 20 18 keeps the
        // first 20 (x 3) and 18 (x 5), lows down to 15, highs up to 25.
        assertThat(points.x()).containsExactly(0, 1, 3, 5);
        assertThat(points.y()).containsExactly(10, 12, 20, 18);
        assertThat(points.low()).containsExactly(8, 8, 15, 15);
        assertThat(points.high()).containsExactly(13, 13, 25, 25);
    }

    @Test
    void keepsOnePointOfABucketWhoseValuesAreAllEqual() {
        MinMaxDownsampler sampler = new MinMaxDownsampler(7, 4);
        for (int i = 0; i < 7; i++) {
            sampler.add(i, i < 4 ? 5 : i);
        }

        MinMaxDownsampler.Points points = sampler.points();

        // Buckets of four: 5 5 5 5 keeps its first point; the short last bucket 4 5 6 keeps 4 (x 4) and 6 (x 6).
        assertThat(points.x()).containsExactly(0, 4, 6);
        assertThat(points.y()).containsExactly(5, 4, 6);
    }

    @Test
    void leavesASeriesNoLongerThanTheLimitUnchanged() {
        MinMaxDownsampler sampler = new MinMaxDownsampler(3, 4);
        sampler.add(1, 30, 29, 31);
        sampler.add(2, 10, 9, 11);
        sampler.add(3, 20, 19, 21);

        MinMaxDownsampler.Points points = sampler.points();

        assertThat(points.x()).containsExactly(1, 2, 3);
        assertThat(points.y()).containsExactly(30, 10, 20);
        assertThat(points.low()).containsExactly(29, 9, 19);
        assertThat(points.high()).containsExactly(31, 11, 21);
    }

    @Test
    void keepsAOneMinuteSpikeInAYearOfMinutes() {
        int minutes = 525_600;
        MinMaxDownsampler sampler = new MinMaxDownsampler(minutes, 2_000);
        for (int i = 0; i < minutes; i++) {
            sampler.add(i, i == 300_001 ? 50 : i == 400_003 ? 170 : 100 + i % 7);
        }

        MinMaxDownsampler.Points points = sampler.points();

        // 1,000 buckets of 526 minutes, the last of 126: two points each.
        assertThat(points.size()).isEqualTo(2_000);
        assertThat(points.y()).contains(50, 170);
        assertThat(points.x()).contains(300_001, 400_003);
    }

    @Test
    void drawsNothingOfAnEmptySeries() {
        MinMaxDownsampler.Points points = new MinMaxDownsampler(0, 2_000).points();

        assertThat(points.size()).isZero();
    }

    @Test
    void refusesMorePointsThanAnnounced() {
        MinMaxDownsampler sampler = new MinMaxDownsampler(1, 4);
        sampler.add(0, 1);

        assertThatThrownBy(() -> sampler.add(1, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 points announced");
    }
}
