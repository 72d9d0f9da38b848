package com.byninja.bot.engine;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.util.List;

/** What the market says to the trader: history loaded at start, or a candle that closed. */
public sealed interface MarketEvent {

    /** History to read without trading on it. */
    record History(Symbol symbol, List<Candle> candles) implements MarketEvent {
        public History {
            candles = List.copyOf(candles);
        }
    }

    /** A candle closed: the strategy decides. */
    record Closed(Candle candle) implements MarketEvent {
    }
}
