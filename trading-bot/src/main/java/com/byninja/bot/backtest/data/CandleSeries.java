package com.byninja.bot.backtest.data;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.time.Duration;
import java.util.List;

/**
 * One symbol's candles for a backtest, as loaded: in the configured timeframe, in time order, within the date range.
 *
 * @param symbol         the market
 * @param timeframe      the candles' period, the configured timeframe
 * @param dataPeriod     the period of the candles in the files, the timeframe or a divisor of it
 * @param candles        oldest first; unmodifiable, and compact: each {@link Candle} is made when read
 * @param missingCandles how many candles of {@code dataPeriod} the files lack in the date range (gaps)
 * @param warnings       what the user should know but need not stop for: the gaps, data that begins after
 *                       {@code --from} or ends before {@code --to}; one line each
 */
public record CandleSeries(Symbol symbol, Duration timeframe, Duration dataPeriod, List<Candle> candles,
                           long missingCandles, List<String> warnings) {
}
