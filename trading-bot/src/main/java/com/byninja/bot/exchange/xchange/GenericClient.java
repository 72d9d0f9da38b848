package com.byninja.bot.exchange.xchange;

import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.exchange.Candle;
import com.byninja.bot.exchange.MarketRules;
import com.byninja.bot.exchange.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.dto.marketdata.CandleStick;
import org.knowm.xchange.dto.marketdata.CandleStickData;
import org.knowm.xchange.dto.meta.InstrumentMetaData;
import org.knowm.xchange.service.trade.params.DefaultCandleStickParamWithLimit;

/**
 * Any XChange exchange, named by its class, through XChange's generic API only: tickers, candles where the exchange
 * implements them, and its instrument metadata. Paper trading only.
 */
final class GenericClient implements MarketSource {

    private final Exchange exchange;
    private final String name;

    GenericClient(ExchangeSettings settings) throws ClassNotFoundException {
        Class<? extends Exchange> type = Class.forName(settings.type()).asSubclass(Exchange.class);
        ExchangeSpecification spec = ExchangeFactory.INSTANCE.createExchangeWithoutSpecification(type)
                .getDefaultExchangeSpecification();
        Specifications.apply(spec, settings);
        this.exchange = ExchangeFactory.INSTANCE.createExchange(spec);
        this.name = settings.name();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<Symbol, MarketRules> rules(List<Symbol> symbols) {
        Map<Symbol, MarketRules> rules = new LinkedHashMap<>();
        if (exchange.getExchangeMetaData() == null || exchange.getExchangeMetaData().getInstruments() == null) {
            return rules;
        }
        for (Symbol s : symbols) {
            InstrumentMetaData m = exchange.getExchangeMetaData().getInstruments().get(XChangeAdapters.pair(s));
            if (m == null) {
                continue;
            }
            BigDecimal step = m.getAmountStepSize() != null ? m.getAmountStepSize()
                    : m.getVolumeScale() != null ? BigDecimal.ONE.movePointLeft(m.getVolumeScale()) : BigDecimal.ZERO;
            BigDecimal tick = m.getPriceStepSize() != null ? m.getPriceStepSize()
                    : m.getPriceScale() != null ? BigDecimal.ONE.movePointLeft(m.getPriceScale()) : BigDecimal.ZERO;
            rules.put(s, new MarketRules(s, orZero(m.getMinimumAmount()), orZero(m.getMaximumAmount()), step, tick,
                    orZero(m.getCounterMinimumAmount())));
        }
        return rules;
    }

    private static BigDecimal orZero(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) throws Exception {
        BigDecimal last = exchange.getMarketDataService().getTicker(XChangeAdapters.pair(symbol)).getLast();
        if (last == null) {
            throw new IllegalStateException(name + " sent a ticker without a last price for " + symbol);
        }
        return last;
    }

    @Override
    public Optional<List<Candle>> closedCandles(Symbol symbol, Duration timeframe, int count, Instant now)
            throws Exception {
        Date end = Date.from(now);
        Date start = Date.from(now.minus(timeframe.multipliedBy(count + 1L)));
        CandleStickData data;
        try {
            data = exchange.getMarketDataService().getCandleStickData(XChangeAdapters.pair(symbol),
                    new DefaultCandleStickParamWithLimit(start, end, timeframe.toSeconds(), count + 1));
        } catch (UnsupportedOperationException e) {
            // NotAvailableFromExchangeException and NotYetImplementedForExchangeException: no candles here.
            return Optional.empty();
        }
        List<Candle> candles = new ArrayList<>();
        for (CandleStick c : data.getCandleSticks()) {
            Candle candle = XChangeAdapters.candle(symbol, timeframe, c);
            if (!candle.end().isAfter(now)) {
                candles.add(candle);
            }
        }
        return Optional.of(candles.size() > count ? candles.subList(candles.size() - count, candles.size())
                : candles);
    }
}
