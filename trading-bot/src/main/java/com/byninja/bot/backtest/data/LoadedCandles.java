package com.byninja.bot.backtest.data;

import com.byninja.bot.domain.Symbol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candles a backtest runs on, for each configured symbol, loaded from the {@code --data} arguments.
 *
 * <p>Files are CSV in either of two formats, told by their first non-empty line:
 * <ul>
 * <li>Binance's klines as published for download: no header, twelve columns (open time, open, high, low, close,
 * volume, close time, and five more not used); times in epoch milliseconds, or microseconds as in Binance's newer
 * spot files; the period is the close time less the open time, plus one unit;</li>
 * <li>a header {@code timestamp,open,high,low,close,volume} in any case and order (other columns are skipped); times
 * in epoch seconds, milliseconds or ISO-8601 (UTC unless an offset is given); the period is the spacing of the first
 * two rows.</li>
 * </ul>
 * Prices and volumes are kept exactly as written. Times must strictly increase by whole periods; missing candles are
 * counted and reported, not refused. Candles shorter than the timeframe are combined into the timeframe's; longer ones
 * are refused.
 *
 * @param bySymbol each configured symbol's candles, in the order configured
 */
public record LoadedCandles(Map<Symbol, CandleSeries> bySymbol) {

    public LoadedCandles {
        bySymbol = Collections.unmodifiableMap(new LinkedHashMap<>(bySymbol));
    }

    /**
     * @param data      the {@code --data} arguments as written ({@link DataSources})
     * @param symbols   the configured symbols
     * @param timeframe the configured timeframe
     * @param range     the {@code --from} and {@code --to} days
     * @return every symbol's candles
     * @throws CandleDataException for the first problem that stops the backtest, naming the file and line
     */
    public static LoadedCandles load(List<String> data, List<Symbol> symbols, Duration timeframe, DateRange range)
            throws CandleDataException {
        Map<Symbol, List<Path>> files = DataSources.resolve(data, symbols, timeframe);
        Map<Symbol, CandleSeries> series = new LinkedHashMap<>();
        for (Map.Entry<Symbol, List<Path>> e : files.entrySet()) {
            series.put(e.getKey(), CandleReader.read(e.getKey(), e.getValue(), timeframe, range));
        }
        return new LoadedCandles(series);
    }

    /**
     * @return the symbol's candles
     * @throws IllegalArgumentException when the symbol was not loaded
     */
    public CandleSeries of(Symbol symbol) {
        CandleSeries s = bySymbol.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException("no candles loaded for " + symbol);
        }
        return s;
    }

    /** @return every symbol's warnings, symbol after symbol */
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        bySymbol.values().forEach(s -> all.addAll(s.warnings()));
        return all;
    }
}
