package com.byninja.bot.marketdata;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.util.List;

/** Receives a market monitor's candles. Called on the monitor's thread: implementations must not block. */
public interface MarketListener {

    /** The exchange's recent history, loaded once at start, oldest first. */
    void onHistory(Symbol symbol, List<Candle> candles);

    /** A live candle closed. */
    void onCandle(Candle candle);
}
