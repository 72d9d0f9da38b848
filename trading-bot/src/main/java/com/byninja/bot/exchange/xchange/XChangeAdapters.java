package com.byninja.bot.exchange.xchange;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.marketdata.CandleStick;

/** Static adapters from XChange's generic types to the bot's, and back. */
public final class XChangeAdapters {

    static final int PRICE_DECIMALS = 8;

    private XChangeAdapters() {
    }

    /** @return the market as XChange names it. */
    public static CurrencyPair pair(Symbol symbol) {
        return new CurrencyPair(symbol.base(), symbol.quote());
    }

    static Candle candle(Symbol symbol, Duration timeframe, CandleStick c) {
        return new Candle(symbol, c.getTimestamp().toInstant(), timeframe, c.getOpen(), c.getHigh(), c.getLow(),
                c.getClose(), c.getVolume() == null ? BigDecimal.ZERO : c.getVolume());
    }
}
