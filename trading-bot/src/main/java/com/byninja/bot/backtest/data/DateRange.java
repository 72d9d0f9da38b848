package com.byninja.bot.backtest.data;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The days of history a backtest covers, {@code --from} and {@code --to}, both inclusive and in UTC: {@code --to
 * 2024-12-31} takes in that whole day. Either end may be open.
 *
 * @param from the first day, or null for the start of the data
 * @param to   the last day, or null for the end of the data
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** All the data. */
    public static final DateRange ALL = new DateRange(null, null);

    public DateRange {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
    }

    /**
     * @param from the {@code --from} argument as written, or null
     * @param to   the {@code --to} argument as written, or null
     * @return the range
     * @throws CandleDataException when a date cannot be read or the range is empty
     */
    public static DateRange parse(String from, String to) throws CandleDataException {
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw CandleDataException.in("--from " + from, "after --to " + to, "give the earlier day to --from");
        }
        return new DateRange(first, last);
    }

    private static LocalDate date(String option, String text) throws CandleDataException {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw CandleDataException.in(option + " " + text, "not a date", "write it as YYYY-MM-DD, such as 2024-01-01");
        }
    }

    /** @return the first instant in the range, epoch milliseconds, {@link Long#MIN_VALUE} when open */
    long fromMs() {
        return from == null ? Long.MIN_VALUE : from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** @return the first instant after the range, epoch milliseconds, {@link Long#MAX_VALUE} when open */
    long toExclusiveMs() {
        return to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** @return such as {@code from 2024-01-01 to 2024-12-31}, for messages */
    @Override
    public String toString() {
        if (from == null && to == null) {
            return "at any time";
        }
        if (to == null) {
            return "from " + from + " on";
        }
        return from == null ? "up to " + to : "from " + from + " to " + to;
    }
}
