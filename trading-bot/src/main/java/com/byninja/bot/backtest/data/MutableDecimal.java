package com.byninja.bot.backtest.data;

import java.math.BigDecimal;

/**
 * A decimal number as written, kept as an unscaled {@code long} and a scale while it fits (prices and volumes almost
 * always do), else as a {@link BigDecimal}. Reused from row to row, so reading millions of candles makes no garbage;
 * exact, never a {@code double}.
 */
final class MutableDecimal {

    /** At most this many digits always fit in a long. */
    private static final int MAX_LONG_DIGITS = 18;

    private long unscaled;
    private int scale;
    private BigDecimal big;

    /**
     * Reads {@code [from, to)} of {@code bytes}: an optional sign, digits, an optional point and digits; anything else
     * (an exponent, say) goes through {@link BigDecimal}.
     *
     * @return false when the text is not a number
     */
    boolean parse(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            int b = bytes[i];
            if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (b == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return parseBig(bytes, from, to);
            }
        }
        if (digits == 0) {
            return false;
        }
        if (digits > MAX_LONG_DIGITS) {
            return parseBig(bytes, from, to);
        }
        unscaled = negative ? -value : value;
        scale = Math.max(fraction, 0);
        big = null;
        return true;
    }

    private boolean parseBig(byte[] bytes, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            chars[i - from] = (char) (bytes[i] & 0xff);
        }
        try {
            set(new BigDecimal(chars));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    void set(long unscaledValue, int scaleValue) {
        unscaled = unscaledValue;
        scale = scaleValue;
        big = null;
    }

    void set(MutableDecimal other) {
        unscaled = other.unscaled;
        scale = other.scale;
        big = other.big;
    }

    void set(BigDecimal value) {
        if (value.precision() <= MAX_LONG_DIGITS) {
            set(value.unscaledValue().longValue(), value.scale());
        } else {
            big = value;
        }
    }

    void add(MutableDecimal other) {
        if (big == null && other.big == null && scale == other.scale) {
            long sum = unscaled + other.unscaled;
            // Overflow only when both have the sign the sum lacks (Math.addExact without the exception).
            if (((unscaled ^ sum) & (other.unscaled ^ sum)) >= 0) {
                unscaled = sum;
                return;
            }
        }
        set(toBigDecimal().add(other.toBigDecimal()));
    }

    int compareTo(MutableDecimal other) {
        if (big == null && other.big == null && scale == other.scale) {
            return Long.compare(unscaled, other.unscaled);
        }
        return toBigDecimal().compareTo(other.toBigDecimal());
    }

    int signum() {
        return big == null ? Long.signum(unscaled) : big.signum();
    }

    /** @return whether the value is the unscaled long and scale, not a big one */
    boolean isCompact() {
        return big == null;
    }

    long unscaled() {
        return unscaled;
    }

    int scale() {
        return scale;
    }

    BigDecimal toBigDecimal() {
        return big != null ? big : BigDecimal.valueOf(unscaled, scale);
    }

    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }
}
