package com.byninja.bot.backtest.data;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the times of candle files straight from their bytes: epoch numbers, whose unit is told by their size (Binance
 * writes milliseconds, and microseconds in its newer spot files), and ISO-8601.
 */
final class Timestamps {

    /** What the parse methods return for text that is not a time. */
    static final long NOT_A_TIME = Long.MIN_VALUE;

    /** Epoch numbers below these are in seconds, milliseconds, microseconds (else nanoseconds): year 5138 and on. */
    private static final long SECONDS_BELOW = 100_000_000_000L;
    private static final long MILLIS_BELOW = SECONDS_BELOW * 1000;
    private static final long MICROS_BELOW = MILLIS_BELOW * 1000;

    private Timestamps() {
    }

    /** @return the non-negative integer in {@code [from, to)}, or -1 when it is not one (or too long) */
    static long integer(byte[] b, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** @return how many units of an epoch number of this size make a millisecond, negative for units per second */
    static long unitsPerMs(long epoch) {
        if (epoch < SECONDS_BELOW) {
            return -1;
        }
        if (epoch < MILLIS_BELOW) {
            return 1;
        }
        return epoch < MICROS_BELOW ? 1_000 : 1_000_000;
    }

    /** @return {@code units} (of {@code unitsPerMs}) in milliseconds, rounded down */
    static long toMs(long units, long unitsPerMs) {
        return unitsPerMs < 0 ? units * 1000 : Math.floorDiv(units, unitsPerMs);
    }

    /** @return the time in {@code [from, to)}, epoch seconds, milliseconds, microseconds or ISO-8601, in ms */
    static long parse(byte[] b, int from, int to) {
        long epoch = integer(b, from, to);
        if (epoch >= 0) {
            return toMs(epoch, unitsPerMs(epoch));
        }
        return iso(b, from, to);
    }

    /**
     * {@code 2024-01-01}, {@code 2024-01-01T00:00}, {@code 2024-01-01 00:00:00.000}, each optionally followed by
     * {@code Z} or an offset such as {@code +02:00}; without one the time is UTC.
     *
     * @return epoch milliseconds, or {@link #NOT_A_TIME}
     */
    static long iso(byte[] b, int from, int to) {
        if (to - from < 10 || b[from + 4] != '-' || b[from + 7] != '-') {
            return NOT_A_TIME;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        long millis = 0;
        int i = from + 10;
        if (i < to && (b[i] == 'T' || b[i] == 't' || b[i] == ' ')) {
            if (to - i < 6 || b[i + 3] != ':') {
                return NOT_A_TIME;
            }
            hour = digits(b, i + 1, 2);
            minute = digits(b, i + 4, 2);
            i += 6;
            if (i < to && b[i] == ':') {
                if (to - i < 3) {
                    return NOT_A_TIME;
                }
                second = digits(b, i + 1, 2);
                i += 3;
                if (i < to && (b[i] == '.' || b[i] == ',')) {
                    int start = ++i;
                    while (i < to && b[i] >= '0' && b[i] <= '9') {
                        if (i - start < 3) {
                            millis = millis * 10 + (b[i] - '0');
                        }
                        i++;
                    }
                    if (i == start) {
                        return NOT_A_TIME;
                    }
                    for (int n = i - start; n < 3; n++) {
                        millis *= 10;
                    }
                }
            }
        }
        int offsetSeconds = 0;
        if (i < to && (b[i] == 'Z' || b[i] == 'z')) {
            i++;
        } else if (i < to && (b[i] == '+' || b[i] == '-')) {
            int sign = b[i] == '-' ? -1 : 1;
            int hours = to - i >= 3 ? digits(b, i + 1, 2) : -1;
            i += 3;
            int minutes = 0;
            if (i < to && b[i] == ':') {
                i++;
            }
            if (i < to) {
                minutes = to - i >= 2 ? digits(b, i, 2) : -1;
                i += 2;
            }
            if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
                return NOT_A_TIME;
            }
            offsetSeconds = sign * (hours * 3600 + minutes * 60);
        }
        if (i != to || year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_A_TIME;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return NOT_A_TIME;
        }
        return ((epochDay * 86_400 + hour * 3600L + minute * 60L + second) - offsetSeconds) * 1000 + millis;
    }

    /** @return the {@code count} digits at {@code at} as a number, or -1 when they are not all digits */
    private static int digits(byte[] b, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
