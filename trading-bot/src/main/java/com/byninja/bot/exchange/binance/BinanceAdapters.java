package com.byninja.bot.exchange.binance;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchange.binance.dto.marketdata.BinanceKline;
import org.knowm.xchange.binance.dto.marketdata.KlineInterval;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Filter;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderStatus;

/** Static adapters from Binance's types, as {@code xchange-binance} reads them, to the bot's. */
final class BinanceAdapters {

    private BinanceAdapters() {
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

    /** @return the answer to a placed market order (response type FULL, with its fills and their fees). */
    static ExecutionReport report(String clientOrderId, Symbol symbol, BinanceNewOrder o) {
        Instant time = o.transactTime > 0 ? Instant.ofEpochMilli(o.transactTime) : Instant.now();
        return report(clientOrderId, Long.toString(o.orderId), o.status, o.executedQty, null, o.fills, true, time);
    }

    /**
     * @param trades    the order's trades, for its fees
     * @param feesKnown false when the trades could not be read: the fees are then unknown, not zero
     * @return an order found by its client order id
     */
    static ExecutionReport report(String clientOrderId, BinanceOrder o, List<BinanceTrade> trades,
                                  boolean feesKnown) {
        Instant time = o.time > 0 ? Instant.ofEpochMilli(o.time) : Instant.now();
        return report(clientOrderId, Long.toString(o.orderId), o.status, o.executedQty, o.cumulativeQuoteQty, trades,
                feesKnown, time);
    }

    /** @return whether a market order in this status will not fill any further. */
    static boolean isFinal(OrderStatus status) {
        return status != OrderStatus.NEW && status != OrderStatus.PARTIALLY_FILLED
                && status != OrderStatus.PENDING_CANCEL;
    }

    /**
     * The quote amount is Binance's own {@code cummulativeQuoteQty} where it is given, else the sum of the fills'
     * price times quantity (both exact decimals). Fees are kept per currency: Binance charges them in the quote
     * currency, in the coin bought, or in BNB, and one order's fills may mix them.
     */
    private static ExecutionReport report(String clientOrderId, String exchangeId, OrderStatus status,
                                          BigDecimal executed, BigDecimal quoteExecuted, List<BinanceTrade> fills,
                                          boolean feesKnown, Instant time) {
        BigDecimal qty = executed == null ? BigDecimal.ZERO : executed;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal fillQty = BigDecimal.ZERO;
        List<Fee> fees = new ArrayList<>();
        for (BinanceTrade t : fills == null ? List.<BinanceTrade>of() : fills) {
            value = value.add(t.price.multiply(t.qty));
            fillQty = fillQty.add(t.qty);
            if (t.commission != null && t.commission.signum() > 0 && t.commissionAsset != null) {
                fees.add(new Fee(t.commission, t.commissionAsset));
            }
        }
        if (qty.signum() == 0) {
            qty = fillQty;
        }
        if (qty.signum() == 0) {
            return ExecutionReport.rejected(clientOrderId, "the exchange executed nothing (" + status + ")", time);
        }
        BigDecimal quote = quoteExecuted != null && quoteExecuted.signum() > 0 ? quoteExecuted : value;
        ExecutionReport.Status ours = status == OrderStatus.FILLED ? ExecutionReport.Status.FILLED
                : ExecutionReport.Status.PARTIALLY_FILLED;
        boolean known = feesKnown && (fills != null && !fills.isEmpty());
        return new ExecutionReport(clientOrderId, exchangeId, ours, qty, quote, Fee.merge(fees), known, null, null,
                time);
    }
}
