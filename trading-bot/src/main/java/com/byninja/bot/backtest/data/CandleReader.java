package com.byninja.bot.backtest.data;

import com.byninja.bot.domain.Symbol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Reads one symbol's candle files, one after the other as one history, into candles of the configured timeframe.
 * Each file's format is told by its content (see {@link LoadedCandles}). Streams: rows are parsed straight from the
 * bytes and only the timeframe's candles within the date range are kept, compactly.
 */
public final class CandleReader {

    private CandleReader() {
    }

    /**
     * @param symbol    whose candles the files hold
     * @param files     the files, oldest first, such as monthly files
     * @param timeframe the candles' period wanted; the files' period must be it or divide it
     * @param range     the days to keep
     * @return the candles, their gaps and warnings
     * @throws CandleDataException naming the file and line of the first problem that stops the backtest
     */
    public static CandleSeries read(Symbol symbol, List<Path> files, Duration timeframe, DateRange range)
            throws CandleDataException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files for " + symbol);
        }
        SeriesBuilder series = new SeriesBuilder(symbol, timeframe, range, where(files));
        for (Path file : files) {
            CandleFile.read(file, series);
        }
        return series.finish();
    }

    /** @return the file, or the directory of several files when they share one, for messages about all of them */
    private static Object where(List<Path> files) {
        Path first = files.get(0);
        if (files.size() == 1) {
            return first;
        }
        Path dir = first.getParent();
        return dir != null && files.stream().allMatch(f -> dir.equals(f.getParent())) ? dir : first;
    }
}
