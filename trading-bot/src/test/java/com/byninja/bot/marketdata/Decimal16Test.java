package com.byninja.bot.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;

class Decimal16Test {

    private static final int PRECISION = CandleSeries.PRECISION;

    @Test
    void sumsDifferencesProductsAndQuotientsAreDecimalNumsAtSixteenDigits() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal a = decimal(random);
            BigDecimal b = decimal(random);
            same(a, b, Num::plus);
            same(a, b, Num::minus);
            same(a, b, Num::multipliedBy);
            same(a, b, Num::dividedBy);
        }
    }

    @Test
    void aSumOfManyPricesStaysExactAndRoundsHalfUpAtTheSeventeenthDigit() {
        Num sum = Decimal16.of(BigDecimal.ZERO);
        for (int i = 0; i < 500; i++) {
            sum = sum.plus(Decimal16.of(new BigDecimal("58139.69")));
        }
        assertThat(sum.bigDecimalValue()).isEqualByComparingTo("29069845");
        // 17 digits: 1234567890123456.5 rounds half up to 1234567890123457
        Num rounded = Decimal16.of(new BigDecimal("1234567890123456")).plus(Decimal16.of(new BigDecimal("0.5")));
        assertThat(rounded.bigDecimalValue()).isEqualByComparingTo("1234567890123457");
        // a third, at sixteen digits
        assertThat(Decimal16.of(BigDecimal.ONE).dividedBy(Decimal16.of(new BigDecimal(3))).toString())
                .isEqualTo("0.3333333333333333");
    }

    @Test
    void notANumberInGivesNotANumberOutAsWithDecimalNum() {
        Num two = Decimal16.of(new BigDecimal(2));
        assertThat(two.plus(NaN.NaN).isNaN()).isTrue();
        assertThat(two.dividedBy(Decimal16.of(BigDecimal.ZERO)).isNaN()).isTrue();
        assertThat(two.isGreaterThan(NaN.NaN)).isFalse();
        assertThat(two.isLessThan(NaN.NaN)).isFalse();
        assertThat(Decimal16.of(new BigDecimal(-4)).sqrt().isNaN()).isTrue();
        assertThat(two.max(NaN.NaN).isNaN()).isTrue();
    }

    @Test
    void squareRootLogAndPowerAreThoseOfSixteenDigits() {
        assertThat(Decimal16.of(new BigDecimal(2)).sqrt().toString()).isEqualTo("1.414213562373095");
        assertThat(Decimal16.of(new BigDecimal(16)).sqrt().bigDecimalValue()).isEqualByComparingTo("4");
        assertThat(Decimal16.of(new BigDecimal("2.5")).pow(2).bigDecimalValue()).isEqualByComparingTo("6.25");
        Num log = Decimal16.of(new BigDecimal(10)).log();
        assertThat(log.bigDecimalValue().precision()).isLessThanOrEqualTo(PRECISION);
        assertThat(log.doubleValue()).isCloseTo(Math.log(10), org.assertj.core.data.Offset.offset(1e-14));
    }

    @Test
    void equalValuesOfOtherScalesAreEqualWithTheSameHash() {
        Num a = Decimal16.of(new BigDecimal("2.0"));
        Num b = Decimal16.of(new BigDecimal("2.00"));
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a.isEqual(b)).isTrue();
        assertThat(CandleSeries.num(0).function().apply(7)).isEqualTo(Decimal16.of(new BigDecimal(7)));
    }

    private static void same(BigDecimal a, BigDecimal b, BinaryOperator<Num> op) {
        Num ours = op.apply(Decimal16.of(a), Decimal16.of(b));
        Num ta4j = op.apply(DecimalNum.valueOf(a, PRECISION), DecimalNum.valueOf(b, PRECISION));
        assertThat(ours.isNaN()).isEqualTo(ta4j.isNaN());
        if (!ta4j.isNaN()) {
            assertThat(ours.bigDecimalValue()).as("%s and %s", a, b).isEqualByComparingTo(ta4j.bigDecimalValue());
        }
    }

    /** A price or a quantity: up to 12 digits, 0 to 10 of them decimals, sometimes negative or zero. */
    private static BigDecimal decimal(SplittableRandom random) {
        long unscaled = random.nextLong(1_000_000_000_000L) * (random.nextInt(10) == 0 ? -1 : 1);
        if (random.nextInt(50) == 0) {
            unscaled = 0;
        }
        return BigDecimal.valueOf(unscaled, random.nextInt(11));
    }
}
