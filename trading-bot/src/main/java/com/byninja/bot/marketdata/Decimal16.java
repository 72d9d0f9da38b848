package com.byninja.bot.marketdata;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Function;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;

/**
 * ta4j's decimal number at {@link CandleSeries#PRECISION} significant digits, rounded half up: the values ta4j's
 * {@code DecimalNum} gives at that precision, made for a fraction of the cost.
 *
 * <p>{@code DecimalNum} builds a {@code MathContext} for every result and adds with {@code BigDecimal.add(x, mc)},
 * which the JDK always carries out on {@code BigInteger}s. A running average over a year of one-minute candles made
 * about 10 GB of such garbage in a sweep of 16. Here a sum is worked out exactly, on the JDK's path for values that fit
 * in a {@code long}, and rounded only when it has more digits than the precision: the same value as adding with the
 * context, which the JDK defines as the exact sum rounded. Products and quotients use one shared context.
 *
 * <p>The rare operations ({@code log}, {@code pow} of a decimal exponent) are {@code DecimalNum}'s own, at this
 * precision; a square root is the correctly rounded one of {@code BigDecimal.sqrt}. Any ta4j number is accepted as an
 * operand, by its decimal value; ta4j's {@code NaN} in gives {@code NaN} out, as with {@code DecimalNum}.
 */
public final class Decimal16 implements Num {

    private static final long serialVersionUID = 1L;

    /** The context of every rounded result. */
    static final MathContext CONTEXT = new MathContext(CandleSeries.PRECISION, RoundingMode.HALF_UP);

    private static final Function<Number, Num> FUNCTION = CandleSeries::num;

    private final BigDecimal value;

    private Decimal16(BigDecimal value) {
        this.value = value;
    }

    /**
     * @param value a decimal, kept as it is (not rounded): a price has the digits it has
     * @return it as a ta4j number
     */
    public static Decimal16 of(BigDecimal value) {
        return new Decimal16(java.util.Objects.requireNonNull(value, "value"));
    }

    private static Num rounded(BigDecimal exact) {
        return new Decimal16(exact.precision() > CandleSeries.PRECISION ? exact.round(CONTEXT) : exact);
    }

    private static BigDecimal decimal(Num n) {
        return n instanceof Decimal16 d ? d.value : n.bigDecimalValue();
    }

    @Override
    public BigDecimal getDelegate() {
        return value;
    }

    @Override
    public BigDecimal bigDecimalValue() {
        return value;
    }

    @Override
    public String getName() {
        return "Decimal16";
    }

    @Override
    public Function<Number, Num> function() {
        return FUNCTION;
    }

    @Override
    public Num plus(Num augend) {
        return augend.isNaN() ? NaN.NaN : rounded(value.add(decimal(augend)));
    }

    @Override
    public Num minus(Num subtrahend) {
        return subtrahend.isNaN() ? NaN.NaN : rounded(value.subtract(decimal(subtrahend)));
    }

    @Override
    public Num multipliedBy(Num multiplicand) {
        return multiplicand.isNaN() ? NaN.NaN : new Decimal16(value.multiply(decimal(multiplicand), CONTEXT));
    }

    @Override
    public Num dividedBy(Num divisor) {
        if (divisor.isNaN() || divisor.isZero()) {
            return NaN.NaN;
        }
        return new Decimal16(value.divide(decimal(divisor), CONTEXT));
    }

    @Override
    public Num remainder(Num divisor) {
        if (divisor.isNaN() || divisor.isZero()) {
            return NaN.NaN;
        }
        return new Decimal16(value.remainder(decimal(divisor), CONTEXT));
    }

    @Override
    public Num floor() {
        return new Decimal16(value.setScale(0, RoundingMode.FLOOR));
    }

    @Override
    public Num ceil() {
        return new Decimal16(value.setScale(0, RoundingMode.CEILING));
    }

    @Override
    public Num pow(int n) {
        return new Decimal16(value.pow(n, CONTEXT));
    }

    @Override
    public Num pow(Num n) {
        if (n.isNaN()) {
            return NaN.NaN;
        }
        return back(asDecimalNum().pow(DecimalNum.valueOf(decimal(n), CandleSeries.PRECISION)));
    }

    @Override
    public Num log() {
        return back(asDecimalNum().log());
    }

    @Override
    public Num sqrt() {
        return sqrt(CandleSeries.PRECISION);
    }

    @Override
    public Num sqrt(int precision) {
        if (value.signum() < 0) {
            return NaN.NaN;
        }
        return rounded(value.sqrt(new MathContext(precision, RoundingMode.HALF_UP)));
    }

    private DecimalNum asDecimalNum() {
        return DecimalNum.valueOf(value, CandleSeries.PRECISION);
    }

    private static Num back(Num n) {
        return n.isNaN() ? NaN.NaN : rounded(n.bigDecimalValue());
    }

    @Override
    public Num abs() {
        return value.signum() < 0 ? new Decimal16(value.negate()) : this;
    }

    @Override
    public Num negate() {
        return new Decimal16(value.negate());
    }

    @Override
    public boolean isZero() {
        return value.signum() == 0;
    }

    @Override
    public boolean isPositive() {
        return value.signum() > 0;
    }

    @Override
    public boolean isPositiveOrZero() {
        return value.signum() >= 0;
    }

    @Override
    public boolean isNegative() {
        return value.signum() < 0;
    }

    @Override
    public boolean isNegativeOrZero() {
        return value.signum() <= 0;
    }

    @Override
    public boolean isEqual(Num other) {
        return !other.isNaN() && value.compareTo(decimal(other)) == 0;
    }

    @Override
    public boolean isGreaterThan(Num other) {
        return !other.isNaN() && value.compareTo(decimal(other)) > 0;
    }

    @Override
    public boolean isGreaterThanOrEqual(Num other) {
        return !other.isNaN() && value.compareTo(decimal(other)) >= 0;
    }

    @Override
    public boolean isLessThan(Num other) {
        return !other.isNaN() && value.compareTo(decimal(other)) < 0;
    }

    @Override
    public boolean isLessThanOrEqual(Num other) {
        return !other.isNaN() && value.compareTo(decimal(other)) <= 0;
    }

    /** As {@code DecimalNum}: {@code NaN} compares as equal to anything. */
    @Override
    public int compareTo(Num other) {
        return other.isNaN() ? 0 : value.compareTo(decimal(other));
    }

    @Override
    public Num min(Num other) {
        return other.isNaN() ? NaN.NaN : value.compareTo(decimal(other)) <= 0 ? this : other;
    }

    @Override
    public Num max(Num other) {
        return other.isNaN() ? NaN.NaN : value.compareTo(decimal(other)) >= 0 ? this : other;
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    /** Equal to another {@code Decimal16} of the same value, whatever its scale (2.0 and 2.00). */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Decimal16 d && value.compareTo(d.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
