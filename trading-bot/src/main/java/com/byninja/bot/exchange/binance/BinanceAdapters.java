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
import org.knowm.xchange.binance.dto.trade.BinanceCancelledOrder;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderStatus;
import org.knowm.xchange.binance.dto.trade.OrderType;

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

    /** @return Binance's decimal as text, zero when absent. */
    static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(text.trim());
    }

    /**
     * @param rests whether the order is of a type that may rest (limit, stop-loss): then a non-final answer is an
     *              open order, and a cancelled or expired one keeps what filled
     * @return the answer to a placed order (response type FULL, with its fills and their fees)
     */
    static ExecutionReport report(String clientOrderId, BinanceNewOrder o, boolean rests) {
        Instant time = o.transactTime > 0 ? Instant.ofEpochMilli(o.transactTime) : Instant.now();
        String id = Long.toString(o.orderId);
        return rests ? resting(clientOrderId, id, o.status, o.executedQty, null, o.fills, true, null, time)
                : report(clientOrderId, id, o.status, o.executedQty, null, o.fills, true, time);
    }

    /**
     * @param trades    the order's trades, for its fees
     * @param feesKnown false when the trades could not be read: the fees are then unknown, not zero
     * @return an order found by its client order id; a limit or stop-loss order may be open or cancelled
     */
    static ExecutionReport report(String clientOrderId, BinanceOrder o, List<BinanceTrade> trades,
                                  boolean feesKnown) {
        Instant time = o.time > 0 ? Instant.ofEpochMilli(o.time) : Instant.now();
        String id = Long.toString(o.orderId);
        return rests(o.type)
                ? resting(clientOrderId, id, o.status, o.executedQty, o.cumulativeQuoteQty, trades, feesKnown, null,
                time)
                : report(clientOrderId, id, o.status, o.executedQty, o.cumulativeQuoteQty, trades, feesKnown, time);
    }

    /**
     * @param status    Binance's status in the answer, such as {@code CANCELED}
     * @param trades    the order's trades, for the fees of what filled before the cancel
     * @param feesKnown false when the trades could not be read
     * @param time      when the cancel was confirmed (Binance's answer, as XChange reads it, has no time)
     * @return the answer to a cancel the bot sent
     */
    static ExecutionReport cancelled(String clientOrderId, BinanceCancelledOrder c, OrderStatus status,
                                     List<BinanceTrade> trades, boolean feesKnown, Instant time) {
        return resting(clientOrderId, Long.toString(c.orderId), status, decimal(c.executedQty),
                decimal(c.cummulativeQuoteQty), trades, feesKnown, "cancelled by the bot", time);
    }

    /** @return whether a market order in this status will not fill any further. */
    static boolean isFinal(OrderStatus status) {
        return status != OrderStatus.NEW && status != OrderStatus.PARTIALLY_FILLED
                && status != OrderStatus.PENDING_CANCEL;
    }

    /** @return whether an order of Binance's type may rest on the book or wait for its trigger. */
    static boolean rests(OrderType type) {
        return type != null && type != OrderType.MARKET;
    }

    /** @return Binance's status as written in an answer XChange leaves as text; empty when it is not one. */
    static Optional<OrderStatus> status(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrderStatus.valueOf(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A limit or stop-loss order: open while Binance has it as NEW or PARTIALLY_FILLED, with what filled so far;
     * cancelled or expired with what filled before (zero when nothing did), which a market order's report would call
     * a rejection.
     *
     * @param cancelReason why a cancelled order was cancelled, when the bot knows; null to say it from the status
     */
    private static ExecutionReport resting(String clientOrderId, String exchangeId, OrderStatus status,
                                           BigDecimal executed, BigDecimal quoteExecuted, List<BinanceTrade> fills,
                                           boolean feesKnown, String cancelReason, Instant time) {
        if (status == OrderStatus.FILLED) {
            return report(clientOrderId, exchangeId, status, executed, quoteExecuted, fills, feesKnown, time);
        }
        if (status == OrderStatus.REJECTED) {
            return ExecutionReport.rejected(clientOrderId, "binance rejected the order (" + status + ")", time);
        }
        Executed so = executed(executed, quoteExecuted, fills);
        boolean known = feesKnown && (so.quantity().signum() == 0 || fills != null && !fills.isEmpty());
        if (!isFinal(status)) {
            return new ExecutionReport(clientOrderId, exchangeId, ExecutionReport.Status.OPEN, so.quantity(),
                    so.quote(), so.fees(), known, null, null, time);
        }
        String reason = cancelReason != null ? cancelReason : switch (status) {
            case EXPIRED -> "expired on binance";
            case EXPIRED_IN_MATCH -> "expired on binance (self-trade prevention)";
            default -> "cancelled on binance";
        };
        return new ExecutionReport(clientOrderId, exchangeId, ExecutionReport.Status.CANCELLED, so.quantity(),
                so.quote(), so.fees(), known, null, reason, time);
    }

    /** What an order executed: its quantity and quote (Binance's own where given) and its fees per currency. */
    private record Executed(BigDecimal quantity, BigDecimal quote, List<Fee> fees) {
    }

    private static Executed executed(BigDecimal executed, BigDecimal quoteExecuted, List<BinanceTrade> fills) {
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
        BigDecimal quote = quoteExecuted != null && quoteExecuted.signum() > 0 ? quoteExecuted : value;
        return new Executed(qty, quote, Fee.merge(fees));
    }

    /**
     * The quote amount is Binance's own {@code cummulativeQuoteQty} where it is given, else the sum of the fills'
     * price times quantity (both exact decimals). Fees are kept per currency: Binance charges them in the quote
     * currency, in the coin bought, or in BNB, and one order's fills may mix them.
     */
    private static ExecutionReport report(String clientOrderId, String exchangeId, OrderStatus status,
                                          BigDecimal executed, BigDecimal quoteExecuted, List<BinanceTrade> fills,
                                          boolean feesKnown, Instant time) {
        Executed so = executed(executed, quoteExecuted, fills);
        if (so.quantity().signum() == 0) {
            return ExecutionReport.rejected(clientOrderId, "the exchange executed nothing (" + status + ")", time);
        }
        ExecutionReport.Status ours = status == OrderStatus.FILLED ? ExecutionReport.Status.FILLED
                : ExecutionReport.Status.PARTIALLY_FILLED;
        boolean known = feesKnown && (fills != null && !fills.isEmpty());
        return new ExecutionReport(clientOrderId, exchangeId, ours, so.quantity(), so.quote(), so.fees(), known, null,
                null, time);
    }
}
