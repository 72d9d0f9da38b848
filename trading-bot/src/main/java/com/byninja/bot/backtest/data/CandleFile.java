package com.byninja.bot.backtest.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads one candle file, whose format is told by its first non-empty line: Binance's klines (twelve numbers, no
 * header: open time, open, high, low, close, volume, close time, then five columns not used) or a header naming
 * {@code timestamp,open,high,low,close,volume} in any case and order ({@code open_time} and {@code close_time} as in
 * Binance's futures files are understood too; other columns are skipped). Each line is split into its columns in one
 * pass over the bytes and parsed from them, with no string per line, and handed on.
 */
final class CandleFile {

    /** Receives the rows of a file in the order written. */
    interface Rows {
        void row(CandleRow row) throws CandleDataException;
    }

    static final String FORMATS = "expected Binance klines (12 numbers a line, no header) or a header "
            + "timestamp,open,high,low,close,volume";

    private static final int BUFFER = 1 << 16;
    private static final int MAX_COLUMNS = 64;
    private static final int BINANCE_COLUMNS = 12;
    private static final String[] NAMES = {"timestamp", "open", "high", "low", "close", "volume", "close_time"};
    private static final int TIME = 0;
    private static final int VOLUME = 5;
    private static final int CLOSE_TIME = 6;

    private final Path file;
    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long line;
    private int lineStart;
    private int lineEnd;
    private final int[] starts = new int[MAX_COLUMNS];
    private final int[] ends = new int[MAX_COLUMNS];
    private int columns;
    private int headerColumns;
    /** For each of {@link #NAMES}, its column in a header file, or -1. */
    private final int[] column = new int[NAMES.length];

    private CandleFile(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /**
     * Reads {@code file} into {@code rows}.
     *
     * @throws CandleDataException when the file cannot be read, has no candles, is in no known format or has a row
     *                             that cannot be read, naming the line
     */
    static void read(Path file, Rows rows) throws CandleDataException {
        try (InputStream in = Files.newInputStream(file)) {
            new CandleFile(file, in).readAll(rows);
        } catch (IOException e) {
            throw CandleDataException.in(file, "cannot read it (" + reason(e) + ")",
                    "check that the file exists and that you may read it");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void readAll(Rows rows) throws IOException, CandleDataException {
        fill();
        if (limit >= 4 && buf[0] == 'P' && buf[1] == 'K' && buf[2] == 3 && buf[3] == 4) {
            throw CandleDataException.in(file, "a zip archive, not a CSV file", "unzip it and give the CSV file inside");
        }
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
        if (!nextRow()) {
            throw CandleDataException.in(file, "empty, no candles in it", "give a file with candles or remove it");
        }
        CandleRow row = new CandleRow();
        row.file = file;
        long candles = 0;
        if (isBinance()) {
            do {
                binanceRow(row);
                rows.row(row);
                candles++;
            } while (nextRow());
        } else {
            while (nextRow()) {
                headerRow(row);
                rows.row(row);
                candles++;
            }
        }
        if (candles == 0) {
            throw CandleDataException.in(file, "a header but no candles", "give a file with candles or remove it");
        }
    }

    /**
     * @return from the first line, true for Binance's klines (a number first), false for a header (read into
     *         {@link #column})
     */
    private boolean isBinance() throws CandleDataException {
        if (new MutableDecimal().parse(buf, starts[0], ends[0])) {
            if (columns != BINANCE_COLUMNS) {
                throw unknownFormat("a row of " + columns + " columns without a header");
            }
            return true;
        }
        headerColumns = columns;
        Arrays.fill(column, -1);
        for (int c = 0; c < columns; c++) {
            String name = new String(buf, starts[c], ends[c] - starts[c], StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT);
            int known = switch (name) {
                case "timestamp", "open_time" -> TIME;
                case "close_time" -> CLOSE_TIME;
                default -> List.of(NAMES).indexOf(name);
            };
            if (known >= 0 && column[known] < 0) {
                column[known] = c;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int n = 0; n < VOLUME; n++) {
            if (column[n] < 0) {
                missing.add(NAMES[n]);
            }
        }
        if (!missing.isEmpty()) {
            throw unknownFormat("\"" + shown(lineStart, lineEnd) + "\" has no column " + String.join(", ", missing));
        }
        return false;
    }

    private CandleDataException unknownFormat(String found) {
        return CandleDataException.at(file, line, "unknown format: " + found, FORMATS);
    }

    private void binanceRow(CandleRow row) throws CandleDataException {
        if (columns != BINANCE_COLUMNS) {
            throw columnCount(BINANCE_COLUMNS, "as Binance klines have");
        }
        row.line = line;
        long open = Timestamps.integer(buf, starts[0], ends[0]);
        if (open < 0) {
            throw notATime(0);
        }
        long close = Timestamps.integer(buf, starts[CLOSE_TIME], ends[CLOSE_TIME]);
        if (close < 0) {
            throw notATime(CLOSE_TIME);
        }
        long unitsPerMs = Timestamps.unitsPerMs(open);
        row.startMs = Timestamps.toMs(open, unitsPerMs);
        row.periodMs = Timestamps.toMs(close - open + 1, unitsPerMs);
        if (row.periodMs <= 0) {
            throw closeBeforeOpen(open, close);
        }
        number(row.open, 1, "open");
        number(row.high, 2, "high");
        number(row.low, 3, "low");
        number(row.close, 4, "close");
        number(row.volume, VOLUME, "volume");
    }

    private void headerRow(CandleRow row) throws CandleDataException {
        if (columns != headerColumns) {
            throw columnCount(headerColumns, "as in the header");
        }
        row.line = line;
        int t = column[TIME];
        row.startMs = Timestamps.parse(buf, starts[t], ends[t]);
        if (row.startMs == Timestamps.NOT_A_TIME) {
            throw notATime(t);
        }
        row.periodMs = 0;
        int c = column[CLOSE_TIME];
        if (c >= 0) {
            long closeMs = Timestamps.parse(buf, starts[c], ends[c]);
            if (closeMs == Timestamps.NOT_A_TIME) {
                throw notATime(c);
            }
            row.periodMs = closeMs - row.startMs + 1;
        }
        number(row.open, column[1], "open");
        number(row.high, column[2], "high");
        number(row.low, column[3], "low");
        number(row.close, column[4], "close");
        if (column[VOLUME] >= 0) {
            number(row.volume, column[VOLUME], "volume");
        } else {
            row.volume.set(0, 0);
        }
    }

    private void number(MutableDecimal into, int c, String name) throws CandleDataException {
        if (!into.parse(buf, starts[c], ends[c])) {
            throw notANumber(c, name);
        }
    }

    private CandleDataException notANumber(int c, String name) {
        return CandleDataException.at(file, line, "the " + name + " \"" + shown(starts[c], ends[c])
                + "\" is not a number", "fix or remove the row");
    }

    private CandleDataException closeBeforeOpen(long open, long close) {
        return CandleDataException.at(file, line, "the close time " + close + " is not after the open time " + open,
                "fix or remove the row");
    }

    private CandleDataException notATime(int c) {
        return CandleDataException.at(file, line, "\"" + shown(starts[c], ends[c]) + "\" is not a time",
                "write epoch seconds or milliseconds, or ISO-8601 such as 2024-01-01T00:00:00Z");
    }

    private CandleDataException columnCount(int expected, String as) {
        return CandleDataException.at(file, line, columns + " columns where " + expected + " were expected " + as,
                "fix or remove the row");
    }

    /**
     * Moves to the next line with something on it and finds its columns.
     *
     * @return false at the end of the file
     */
    private boolean nextRow() throws IOException, CandleDataException {
        while (nextLine()) {
            if (columns > 1 || starts[0] < ends[0]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds the next line and its columns in one pass: commas split them, a line ends with LF or CRLF, spaces and
     * double quotes around a column go.
     *
     * @return false at the end of the file
     */
    private boolean nextLine() throws IOException, CandleDataException {
        while (true) {
            columns = 0;
            int from = pos;
            for (int i = pos; i < limit; i++) {
                byte b = buf[i];
                if (b == ',') {
                    column(from, i);
                    from = i + 1;
                } else if (b == '\n') {
                    endLine(from, i, i + 1);
                    return true;
                }
            }
            if (eof) {
                if (pos < limit) {
                    endLine(from, limit, limit);
                    return true;
                }
                return false;
            }
            if (pos == 0 && limit == buf.length) {
                throw CandleDataException.at(file, line + 1, "a line longer than " + BUFFER + " bytes",
                        line == 0 ? "give candles in one of the formats: " + FORMATS : "fix or remove the line");
            }
            fill();
        }
    }

    /** Moves what is left to the front of the buffer and reads more after it. */
    private void fill() throws IOException {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
        while (limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return;
            }
            limit += n;
        }
    }

    private void endLine(int from, int end, int next) throws CandleDataException {
        int to = end > from && buf[end - 1] == '\r' ? end - 1 : end;
        column(from, to);
        line++;
        lineStart = pos;
        lineEnd = to;
        pos = next;
    }

    private void column(int from, int to) throws CandleDataException {
        if (columns == MAX_COLUMNS) {
            throw CandleDataException.at(file, line + 1, "more than " + MAX_COLUMNS + " columns",
                    "give candles in one of the formats: " + FORMATS);
        }
        while (from < to && (buf[from] == ' ' || buf[from] == '\t')) {
            from++;
        }
        while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
            to--;
        }
        if (to - from >= 2 && buf[from] == '"' && buf[to - 1] == '"') {
            from++;
            to--;
        }
        starts[columns] = from;
        ends[columns] = to;
        columns++;
    }

    /** @return the text for a message: at most 60 characters, unprintable ones as '?' */
    private String shown(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to && s.length() < 60; i++) {
            int b = buf[i] & 0xff;
            s.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        return to - from > 60 ? s + "..." : s.toString();
    }
}
