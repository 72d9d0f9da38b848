package com.byninja.bot.exchange.xchange;

import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.marketdata.CandleStick;
import org.knowm.xchange.dto.marketdata.CandleStickData;
import org.knowm.xchange.dto.meta.InstrumentMetaData;
import org.knowm.xchange.service.trade.params.CandleStickDataParams;
import org.knowm.xchange.service.trade.params.DefaultCandleStickParamWithLimit;

/**
 * Any XChange exchange, named by its class, through XChange's generic API only: tickers, candles where the exchange
 * implements them, and its instrument metadata. Paper trading only.
 */
public final class GenericClient implements MarketSource {

    private final Exchange exchange;
    private final String name;
    private final String apiUrl;

    /**
     * @param settings the exchange's class name ({@code exchange.type}), address and timeouts
     * @throws ClassNotFoundException when no such XChange exchange is on the class path
     */
    public GenericClient(ExchangeSettings settings) throws ClassNotFoundException {
        Class<? extends Exchange> type = Class.forName(settings.type()).asSubclass(Exchange.class);
        ExchangeSpecification spec = ExchangeFactory.INSTANCE.createExchangeWithoutSpecification(type)
                .getDefaultExchangeSpecification();
        Specifications.apply(spec, settings);
        this.exchange = ExchangeFactory.INSTANCE.createExchange(spec);
        this.name = settings.name();
        this.apiUrl = spec.getSslUri();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String apiUrl() {
        return apiUrl;
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
        BigDecimal last = ticker(XChangeAdapters.pair(symbol)).getLast();
        if (last == null) {
            throw new IllegalStateException(name + " sent a ticker without a last price for " + symbol);
        }
        return last;
    }

    /**
     * XChange's generic candles exist where the exchange's market data service implements them (the interface's own
     * method only throws); whether a given length is offered shows at the first call.
     */
    @Override
    public Optional<String> candleName(Duration timeframe) {
        try {
            Class<?> declaring = exchange.getMarketDataService().getClass()
                    .getMethod("getCandleStickData", CurrencyPair.class, CandleStickDataParams.class)
                    .getDeclaringClass();
            return declaring.isInterface() ? Optional.empty() : Optional.of(name + " candles");
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<List<Candle>> candles(Symbol symbol, Duration timeframe, Instant since, int count, Instant now)
            throws Exception {
        Date start = Date.from(since != null ? since : now.minus(timeframe.multipliedBy(count)));
        CandleStickData data;
        try {
            data = exchange.getMarketDataService().getCandleStickData(XChangeAdapters.pair(symbol),
                    new DefaultCandleStickParamWithLimit(start, Date.from(now), timeframe.toSeconds(), count));
        } catch (UnsupportedOperationException e) {
            // NotAvailableFromExchangeException and NotYetImplementedForExchangeException: no candles here.
            return Optional.empty();
        }
        List<Candle> candles = new ArrayList<>();
        for (CandleStick c : data.getCandleSticks()) {
            candles.add(XChangeAdapters.candle(symbol, timeframe, c));
        }
        candles.sort(Comparator.comparing(Candle::start));
        return Optional.of(candles.size() > count ? candles.subList(candles.size() - count, candles.size())
                : candles);
    }

    /**
     * XChange 5.2 deprecates the CurrencyPair overload in favour of the Instrument one, but exchange modules such as
     * KuCoin's implement only the former: the latter would answer "not yet implemented".
     */
    @SuppressWarnings("deprecation")
    private org.knowm.xchange.dto.marketdata.Ticker ticker(org.knowm.xchange.currency.CurrencyPair pair)
            throws java.io.IOException {
        return exchange.getMarketDataService().getTicker(pair);
    }
}
