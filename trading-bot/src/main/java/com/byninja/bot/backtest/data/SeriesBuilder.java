package com.byninja.bot.backtest.data;

import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.Symbol;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes one symbol's series from its rows, file after file: learns the data's period, holds the rows to strictly
 * increasing, evenly spaced times, counts the candles missing in between, keeps the candles of the date range and
 * builds the timeframe's candles from shorter ones, on a grid aligned to the epoch (as exchanges do: a 5m candle
 * starts at :00, :05, ...).
 */
final class SeriesBuilder implements CandleFile.Rows {

    /** Gaps listed one by one; more are counted in one line. */
    static final int LISTED_GAPS = 20;

    private final Symbol symbol;
    private final Duration timeframe;
    private final long timeframeMs;
    private final DateRange range;
    private final long fromMs;
    private final long toExclusiveMs;
    private final Object where;
    private final List<String> warnings = new ArrayList<>();
    private CandleColumns columns;

    private long periodMs;
    private int ratio;
    /** The first row of a file that does not tell its period, until the second one does. */
    private CandleRow pending;

    private boolean any;
    private long firstMs;
    private long lastMs;
    private Path lastFile;
    private long lastLine;

    private long missing;
    private long gaps;

    private boolean building;
    private long bucketMs;
    private final MutableDecimal open = new MutableDecimal();
    private final MutableDecimal high = new MutableDecimal();
    private final MutableDecimal low = new MutableDecimal();
    private final MutableDecimal close = new MutableDecimal();
    private final MutableDecimal volume = new MutableDecimal();

    /**
     * @param where the data's place for messages about all of it, such as its directory
     */
    SeriesBuilder(Symbol symbol, Duration timeframe, DateRange range, Object where) {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.timeframeMs = timeframe.toMillis();
        this.range = range;
        this.fromMs = range.fromMs();
        this.toExclusiveMs = range.toExclusiveMs();
        this.where = where;
    }

    @Override
    public void row(CandleRow row) throws CandleDataException {
        if (periodMs == 0) {
            if (row.periodMs > 0) {
                period(row.periodMs, row);
            } else if (pending == null) {
                pending = row.copy();
                return;
            } else {
                long spacing = row.startMs - pending.startMs;
                if (spacing <= 0) {
                    throw outOfOrder(row, pending.startMs, pending.file, pending.line);
                }
                period(spacing, row);
            }
            if (pending != null) {
                CandleRow first = pending;
                pending = null;
                accept(first);
            }
        } else if (row.periodMs > 0 && row.periodMs != periodMs) {
            throw otherPeriod(row);
        }
        accept(row);
    }

    private void period(long ms, CandleRow row) throws CandleDataException {
        String data = Durations.format(Duration.ofMillis(ms));
        String wanted = Durations.format(timeframe);
        if (ms > timeframeMs) {
            throw CandleDataException.at(row.file, row.line, "the candles are " + data + ", longer than the timeframe "
                    + wanted, "give candles of " + wanted + " or shorter, or set a timeframe of " + data + " or longer");
        }
        if (timeframeMs % ms != 0) {
            throw CandleDataException.at(row.file, row.line, "cannot build " + wanted + " candles from " + data
                    + " ones, " + wanted + " is not a whole number of " + data, "give candles whose period divides "
                    + wanted + ", or set a timeframe that is a multiple of " + data);
        }
        periodMs = ms;
        ratio = (int) (timeframeMs / ms);
        columns = new CandleColumns(symbol, timeframe);
    }

    private String period() {
        return Durations.format(Duration.ofMillis(periodMs));
    }

    private void accept(CandleRow row) throws CandleDataException {
        check(row);
        if (any) {
            long spacing = row.startMs - lastMs;
            if (spacing <= 0) {
                throw outOfOrder(row, lastMs, lastFile, lastLine);
            }
            if (spacing % periodMs != 0) {
                throw offGrid(row, spacing);
            }
            if (spacing > periodMs) {
                gap(row, spacing / periodMs - 1);
            }
        } else {
            any = true;
            firstMs = row.startMs;
        }
        lastMs = row.startMs;
        lastFile = row.file;
        lastLine = row.line;

        long start = ratio == 1 ? row.startMs : Math.floorDiv(row.startMs, timeframeMs) * timeframeMs;
        if (start < fromMs || start >= toExclusiveMs) {
            return;
        }
        if (ratio == 1) {
            columns.add(start, row.open, row.high, row.low, row.close, row.volume);
        } else if (building && start == bucketMs) {
            if (row.high.compareTo(high) > 0) {
                high.set(row.high);
            }
            if (row.low.compareTo(low) < 0) {
                low.set(row.low);
            }
            close.set(row.close);
            volume.add(row.volume);
        } else {
            flush();
            building = true;
            bucketMs = start;
            open.set(row.open);
            high.set(row.high);
            low.set(row.low);
            close.set(row.close);
            volume.set(row.volume);
        }
    }

    private void flush() {
        if (building) {
            columns.add(bucketMs, open, high, low, close, volume);
            building = false;
        }
    }

    /** A candle's prices must hold together: low &le; open, close &le; high, prices above zero, volume not negative. */
    private static void check(CandleRow row) throws CandleDataException {
        if (row.low.signum() <= 0 || row.high.compareTo(row.low) < 0 || row.volume.signum() < 0
                || row.open.compareTo(row.low) < 0 || row.open.compareTo(row.high) > 0
                || row.close.compareTo(row.low) < 0 || row.close.compareTo(row.high) > 0) {
            throw CandleDataException.at(row.file, row.line, whatIsWrong(row), "fix or remove the row");
        }
    }

    private static String whatIsWrong(CandleRow row) {
        if (row.high.compareTo(row.low) < 0) {
            return "the high " + row.high + " is below the low " + row.low;
        }
        if (row.low.signum() <= 0) {
            return "the low " + row.low + " is not a positive price";
        }
        if (row.open.compareTo(row.low) < 0 || row.open.compareTo(row.high) > 0) {
            return "the open " + row.open + " is not between the low " + row.low + " and the high " + row.high;
        }
        if (row.close.compareTo(row.low) < 0 || row.close.compareTo(row.high) > 0) {
            return "the close " + row.close + " is not between the low " + row.low + " and the high " + row.high;
        }
        return "the volume " + row.volume + " is negative";
    }

    /** Counts the {@code count} candles missing before {@code row} that fall in the date range. */
    private void gap(CandleRow row, long count) {
        long first = 1;
        long last = count;
        if (fromMs != Long.MIN_VALUE) {
            first = Math.max(first, -Math.floorDiv(lastMs - fromMs, periodMs));
        }
        if (toExclusiveMs != Long.MAX_VALUE) {
            last = Math.min(last, -Math.floorDiv(lastMs - toExclusiveMs, periodMs) - 1);
        }
        if (last < first) {
            return;
        }
        long inRange = last - first + 1;
        missing += inRange;
        gaps++;
        if (gaps <= LISTED_GAPS) {
            String candles = inRange == 1 ? "1 missing " + period() + " candle at " + time(lastMs + periodMs * first)
                    : inRange + " missing " + period() + " candles, " + time(lastMs + periodMs * first) + " to "
                    + time(lastMs + periodMs * last);
            warnings.add(row.where() + ": " + candles + "; the backtest goes on without them");
        }
    }

    /**
     * @return the series
     * @throws CandleDataException when a lone candle leaves the period unknown or no candle is in the date range
     */
    CandleSeries finish() throws CandleDataException {
        if (pending != null) {
            throw CandleDataException.at(pending.file, pending.line, "only one candle, so its period is unknown",
                    "give at least two candles");
        }
        flush();
        if (columns == null || columns.size() == 0) {
            throw CandleDataException.in(where, "no " + symbol + " candle " + range + " (UTC)", "the data runs from "
                    + time(firstMs) + " to " + time(lastMs) + ", choose --from and --to within it");
        }
        columns.trim();
        if (gaps > LISTED_GAPS) {
            warnings.add(where + ": " + (gaps - LISTED_GAPS) + " more gaps not listed; " + missing + " missing "
                    + period() + " candles in all");
        }
        // Against all the data, not the candles kept: a range edge in a gap is a gap, counted above.
        long end = lastMs + periodMs;
        if (fromMs != Long.MIN_VALUE && firstMs > fromMs) {
            warnings.add(where + ": the " + symbol + " data begins " + time(firstMs) + ", after --from "
                    + range.from() + "; the backtest starts there");
        }
        if (toExclusiveMs != Long.MAX_VALUE && end < toExclusiveMs) {
            warnings.add(where + ": the " + symbol + " data ends " + time(end) + ", before the end of --to "
                    + range.to() + "; the backtest stops there");
        }
        return new CandleSeries(symbol, timeframe, Duration.ofMillis(periodMs), columns.list(), missing,
                List.copyOf(warnings));
    }

    private CandleDataException otherPeriod(CandleRow row) {
        return CandleDataException.at(row.file, row.line, "a " + Durations.format(Duration.ofMillis(row.periodMs))
                + " candle among " + period() + " ones", "give candles of one period");
    }

    private CandleDataException offGrid(CandleRow row, long spacing) {
        return CandleDataException.at(row.file, row.line, time(row.startMs) + " is "
                + Durations.format(Duration.ofMillis(spacing)) + " after the candle of " + place(row, lastFile, lastLine)
                + ", not a whole number of " + period() + " periods", "give evenly spaced candles, one a period");
    }

    private static CandleDataException outOfOrder(CandleRow row, long previousMs, Path file, long line) {
        String before = place(row, file, line);
        if (row.startMs == previousMs) {
            return CandleDataException.at(row.file, row.line, time(row.startMs) + " again, as on " + before,
                    "remove the duplicate");
        }
        return CandleDataException.at(row.file, row.line, time(row.startMs) + " is before " + time(previousMs)
                + " on " + before, row.file.equals(file) ? "sort the rows by time"
                : "give each period once, the files in time order");
    }

    /** @return {@code line 3} in the row's own file, else {@code FILE:3} */
    private static String place(CandleRow row, Path file, long line) {
        return row.file.equals(file) ? "line " + line : file + ":" + line;
    }

    private static String time(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
