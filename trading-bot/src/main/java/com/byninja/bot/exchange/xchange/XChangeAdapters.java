package com.byninja.bot.exchange.xchange;

import com.byninja.bot.exchange.Candle;
import com.byninja.bot.exchange.ExecutionReport;
import com.byninja.bot.exchange.MarketRules;
import com.byninja.bot.exchange.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.knowm.xchange.binance.dto.marketdata.BinanceKline;
import org.knowm.xchange.binance.dto.marketdata.KlineInterval;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Filter;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderStatus;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.marketdata.CandleStick;

/** Static adapters from XChange's types to the bot's, and back. */
final class XChangeAdapters {

    static final int PRICE_DECIMALS = 8;

    private XChangeAdapters() {
    }

    static CurrencyPair pair(Symbol symbol) {
        return new CurrencyPair(symbol.base(), symbol.quote());
    }

    /** @return Binance's candle interval of exactly this length, if it has one. */
    static Optional<KlineInterval> klineInterval(Duration timeframe) {
        for (KlineInterval i : KlineInterval.values()) {
            if (i.getMillis() == timeframe.toMillis()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    static Candle candle(Symbol symbol, Duration timeframe, BinanceKline k) {
        return new Candle(symbol, Instant.ofEpochMilli(k.getOpenTime()), timeframe, k.getOpen(), k.getHigh(),
                k.getLow(), k.getClose(), k.getVolume() == null ? BigDecimal.ZERO : k.getVolume());
    }

    static Candle candle(Symbol symbol, Duration timeframe, CandleStick c) {
        return new Candle(symbol, c.getTimestamp().toInstant(), timeframe, c.getOpen(), c.getHigh(), c.getLow(),
                c.getClose(), c.getVolume() == null ? BigDecimal.ZERO : c.getVolume());
    }

    /** @return the market's rules from Binance's exchangeInfo filters; a missing filter imposes nothing. */
    static MarketRules rules(Symbol symbol, Filter[] filters) {
        BigDecimal minQty = BigDecimal.ZERO;
        BigDecimal maxQty = BigDecimal.ZERO;
        BigDecimal step = BigDecimal.ZERO;
        BigDecimal tick = BigDecimal.ZERO;
        BigDecimal minNotional = BigDecimal.ZERO;
        for (Filter f : filters == null ? new Filter[0] : filters) {
            switch (String.valueOf(f.getFilterType())) {
                case "LOT_SIZE" -> {
                    minQty = decimal(f.getMinQty());
                    maxQty = decimal(f.getMaxQty());
                    step = decimal(f.getStepSize());
                }
                case "PRICE_FILTER" -> tick = decimal(f.getTickSize());
                case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = minNotional.max(decimal(f.getMinNotional()));
                default -> {
                }
            }
        }
        return new MarketRules(symbol, minQty, maxQty, step.stripTrailingZeros(), tick.stripTrailingZeros(),
                minNotional);
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(text.trim());
    }

    /** @return the answer to a placed market order (response type FULL, with its fills). */
    static ExecutionReport report(String clientOrderId, Symbol symbol, BinanceNewOrder o) {
        Instant time = o.transactTime > 0 ? Instant.ofEpochMilli(o.transactTime) : Instant.now();
        return report(clientOrderId, Long.toString(o.orderId), symbol, o.status, o.executedQty, null, o.fills, time);
    }

    /** @return an order found by its client order id, with its trades (for fees), possibly none. */
    static ExecutionReport report(String clientOrderId, Symbol symbol, BinanceOrder o, List<BinanceTrade> trades) {
        Instant time = o.time > 0 ? Instant.ofEpochMilli(o.time) : Instant.now();
        return report(clientOrderId, Long.toString(o.orderId), symbol, o.status, o.executedQty, o.cumulativeQuoteQty,
                trades, time);
    }

    /** @return whether a market order in this status will not fill any further. */
    static boolean isFinal(OrderStatus status) {
        return status != OrderStatus.NEW && status != OrderStatus.PARTIALLY_FILLED
                && status != OrderStatus.PENDING_CANCEL;
    }

    private static ExecutionReport report(String clientOrderId, String exchangeId, Symbol symbol, OrderStatus status,
                                          BigDecimal executed, BigDecimal quoteExecuted, List<BinanceTrade> fills,
                                          Instant time) {
        BigDecimal qty = executed == null ? BigDecimal.ZERO : executed;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal fillQty = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        String feeCurrency = symbol.quote();
        if (fills != null) {
            for (BinanceTrade t : fills) {
                value = value.add(t.price.multiply(t.qty));
                fillQty = fillQty.add(t.qty);
                if (t.commission != null && t.commission.signum() > 0) {
                    fee = fee.add(t.commission);
                    feeCurrency = t.commissionAsset;
                }
            }
        }
        if (!feeCurrency.equals(symbol.base()) && !feeCurrency.equals(symbol.quote())) {
            // Paid in a third currency (BNB): it moves neither the position nor the stake balance.
            fee = BigDecimal.ZERO;
            feeCurrency = symbol.quote();
        }
        if (qty.signum() == 0) {
            qty = fillQty;
        }
        BigDecimal average = BigDecimal.ZERO;
        if (qty.signum() > 0) {
            BigDecimal quote = quoteExecuted != null && quoteExecuted.signum() > 0 ? quoteExecuted : value;
            average = quote.divide(qty, PRICE_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        if (qty.signum() == 0) {
            return ExecutionReport.rejected(clientOrderId, "the exchange executed nothing (" + status + ")", time);
        }
        ExecutionReport.Status ours = status == OrderStatus.FILLED ? ExecutionReport.Status.FILLED
                : ExecutionReport.Status.PARTIALLY_FILLED;
        return new ExecutionReport(clientOrderId, exchangeId, ours, qty, average, fee, feeCurrency, null, time);
    }
}
