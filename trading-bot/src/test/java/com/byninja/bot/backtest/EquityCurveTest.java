package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.charts.EquityPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EquityCurveTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void aShortRunKeepsEveryCloseAndMeasuresTheDeepestFall() {
        EquityCurve curve = new EquityCurve(new BigDecimal("1000"), 5);
        String[] values = {"1100", "990", "1200", "1080", "1150"};
        for (int i = 0; i < values.length; i++) {
            curve.add(T0.plus(Duration.ofHours(i + 1)), new BigDecimal(values[i]));
        }

        Equity e = curve.finish();

        assertThat(e.points()).extracting(EquityPoint::equity).extracting(BigDecimal::toPlainString)
                .containsExactly(values);
        // Peak 1100, low 990: 110 (10.00 %); peak 1200, low 1080: 120 (10.00 %). The deepest in quote is 120.
        assertThat(e.maxDrawdown()).isEqualByComparingTo("120");
        assertThat(e.maxDrawdownPct()).isEqualByComparingTo("10.00");
        assertThat(e.end()).isEqualByComparingTo("1150");
        // All five closes fall on 2024-01-01: one day, ending at 1150.
        assertThat(e.dayEnds()).extracting(BigDecimal::toPlainString).containsExactly("1150");
    }

    @Test
    void aPercentageFallDeeperThanTheQuoteFallIsKeptOnItsOwn() {
        EquityCurve curve = new EquityCurve(new BigDecimal("100"), 4);
        // From 100 to 50: 50 quote, 50.00 %. Then up to 1000 and down to 900: 100 quote, 10.00 %.
        String[] values = {"50", "1000", "900"};
        for (int i = 0; i < values.length; i++) {
            curve.add(T0.plus(Duration.ofMinutes(i + 1)), new BigDecimal(values[i]));
        }

        Equity e = curve.finish();

        assertThat(e.maxDrawdown()).isEqualByComparingTo("100");
        assertThat(e.maxDrawdownPct()).isEqualByComparingTo("50.00");
    }

    @Test
    void aLongRunKeepsAFewThousandPointsWithEachStretchsLowAndHighAndEveryDayEnd() {
        int minutes = 5 * 525_600;
        EquityCurve curve = new EquityCurve(new BigDecimal("10000"), minutes);
        for (int i = 0; i < minutes; i++) {
            // A saw: 10,000 + (i mod 1000), and one dip to 5,000 at minute 1,234,567.
            BigDecimal v = i == 1_234_567 ? new BigDecimal("5000") : BigDecimal.valueOf(10_000 + i % 1000);
            curve.add(T0.plus(Duration.ofMinutes(i + 1)), v);
        }

        Equity e = curve.finish();

        assertThat(e.points()).hasSizeLessThanOrEqualTo(EquityCurve.CHART_POINTS + 2);
        assertThat(e.points().get(0)).isEqualTo(new EquityPoint(T0.plus(Duration.ofMinutes(1)),
                BigDecimal.valueOf(10_000)));
        assertThat(e.points().get(e.points().size() - 1).time()).isEqualTo(T0.plus(Duration.ofMinutes(minutes)));
        assertThat(e.points()).extracting(EquityPoint::time).isSorted();
        // The dip survives the thinning: it is its stretch's low.
        assertThat(e.points()).contains(new EquityPoint(T0.plus(Duration.ofMinutes(1_234_568)),
                new BigDecimal("5000")));
        // Peak before the dip: minute 1,234,567 is i mod 1000 = 567 after 999 at i = 1,233,999: 10,999 - 5,000, which is
        // 54.541... % of 10,999, rounded up: against the trader.
        assertThat(e.maxDrawdown()).isEqualByComparingTo("5999");
        assertThat(e.maxDrawdownPct()).isEqualByComparingTo("54.55");
        // 2,628,000 minutes are 1,825 days: the last close is 2028-12-30T00:00, which ends 2028-12-29.
        assertThat(e.dayEnds()).hasSize(1825);
    }

    @Test
    void noCandleLeavesTheStartAsTheEnd() {
        Equity e = new EquityCurve(new BigDecimal("500"), 0).finish();

        assertThat(e.points()).isEmpty();
        assertThat(e.end()).isEqualByComparingTo("500");
        assertThat(e.maxDrawdown()).isEqualByComparingTo("0");
    }
}
