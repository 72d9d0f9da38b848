package com.byninja.bot.domain;

import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.OrderRequest.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One order as the bot records it, from the decision to the exchange's final answer.
 *
 * @param clientOrderId   the bot's id, assigned before the order is recorded or sent
 * @param symbol          the market
 * @param side            buy or sell
 * @param purpose         why it was placed
 * @param quoteAmount     for a buy, the quote amount to spend (fees excluded); null for a sell
 * @param quantity        for a sell, the base quantity to sell; null for a buy
 * @param status          where the order is in its life
 * @param exchangeOrderId the exchange's id, once known
 * @param filledQuantity  base quantity executed
 * @param quoteFilled     quote amount executed, exactly as the exchange reports it (fees excluded)
 * @param fees            fees charged, one entry per currency
 * @param feesKnown       false while the fees of an executed order could not be read from the exchange
 * @param refusal         why the exchange refused it, when it did; else null
 * @param reason          why it was rejected or cancelled, else null
 * @param createdAt       when the bot decided
 * @param updatedAt       when the status last changed
 * @param type            market, limit, or stop-loss limit
 * @param limitPrice      a limit or stop-loss order's limit price, else null
 * @param stopPrice       a stop-loss order's stop price, else null
 * @param postOnly        whether a limit order must rest on the book (maker only)
 */
public record Order(String clientOrderId, Symbol symbol, Side side, Purpose purpose, BigDecimal quoteAmount,
                    BigDecimal quantity, OrderStatus status, String exchangeOrderId, BigDecimal filledQuantity,
                    BigDecimal quoteFilled, List<Fee> fees, boolean feesKnown, Refusal refusal, String reason,
                    Instant createdAt, Instant updatedAt, Type type, BigDecimal limitPrice, BigDecimal stopPrice,
                    boolean postOnly) {

    public Order {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(quoteFilled, "quoteFilled");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(type, "type");
        fees = List.copyOf(fees);
    }

    /** A market order. */
    public Order(String clientOrderId, Symbol symbol, Side side, Purpose purpose, BigDecimal quoteAmount,
                 BigDecimal quantity, OrderStatus status, String exchangeOrderId, BigDecimal filledQuantity,
                 BigDecimal quoteFilled, List<Fee> fees, boolean feesKnown, Refusal refusal, String reason,
                 Instant createdAt, Instant updatedAt) {
        this(clientOrderId, symbol, side, purpose, quoteAmount, quantity, status, exchangeOrderId, filledQuantity,
                quoteFilled, fees, feesKnown, refusal, reason, createdAt, updatedAt, Type.MARKET, null, null, false);
    }

    /** @return a {@code NEW} order for {@code request}. */
    public static Order newOrder(OrderRequest request, Purpose purpose, Instant now) {
        return new Order(request.clientOrderId(), request.symbol(), request.side(), purpose, request.quoteAmount(),
                request.quantity(), OrderStatus.NEW, null, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), true, null,
                null, now, now, request.type(), request.limitPrice(), request.stopPrice(), request.postOnly());
    }

    /** @return the request this order sends. */
    public OrderRequest toRequest() {
        return new OrderRequest(clientOrderId, symbol, side, quoteAmount, quantity, type, limitPrice, stopPrice,
                postOnly);
    }

    /** @return this order with the exchange's answer applied. */
    public Order withReport(ExecutionReport report) {
        boolean filled = report.filledQuantity().signum() > 0;
        OrderStatus next = switch (report.status()) {
            case FILLED -> OrderStatus.FILLED;
            case PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
            case REJECTED -> OrderStatus.REJECTED;
            case OPEN -> OrderStatus.OPEN;
            case CANCELLED -> filled ? OrderStatus.PARTIALLY_FILLED : OrderStatus.CANCELLED;
        };
        return new Order(clientOrderId, symbol, side, purpose, quoteAmount, quantity, next, report.exchangeOrderId(),
                report.filledQuantity(), report.quoteQuantity(), report.fees(), report.feesKnown(), report.refusal(),
                report.reason(), createdAt, report.time(), type, limitPrice, stopPrice, postOnly);
    }

    /** @return this order, finished without any fill. */
    public Order finishedWithout(OrderStatus finalStatus, String why, Instant now) {
        return new Order(clientOrderId, symbol, side, purpose, quoteAmount, quantity, finalStatus, exchangeOrderId,
                BigDecimal.ZERO, BigDecimal.ZERO, List.of(), true, null, why, createdAt, now, type, limitPrice,
                stopPrice, postOnly);
    }

    /** @return this order with its fees, which were not known when it was recorded. */
    public Order withFees(List<Fee> knownFees) {
        return new Order(clientOrderId, symbol, side, purpose, quoteAmount, quantity, status, exchangeOrderId,
                filledQuantity, quoteFilled, knownFees, true, refusal, reason, createdAt, updatedAt, type, limitPrice,
                stopPrice, postOnly);
    }

    /**
     * A slice of this resting order: what executed of it since its slices before, booked as an order of its own with
     * the client order id {@code <id>/<n>}, so that a partial fill counts at once, and once.
     *
     * @param n        the slice's number, from 1
     * @param quantity base quantity executed since the slices before
     * @param quote    quote amount executed since then, fees excluded
     * @param sliceFees fees charged for it
     * @param at       when the exchange reported it
     */
    public Order slice(int n, BigDecimal quantity, BigDecimal quote, List<Fee> sliceFees, Instant at) {
        return new Order(sliceId(clientOrderId, n), symbol, side, purpose, side == Side.BUY ? quote : null,
                side == Side.SELL ? quantity : null, OrderStatus.FILLED, exchangeOrderId, quantity, quote, sliceFees,
                true, null, null, createdAt, at, type, limitPrice, stopPrice, postOnly);
    }

    /** @return the client order id of slice {@code n} of the order {@code clientOrderId} */
    public static String sliceId(String clientOrderId, int n) {
        return clientOrderId + "/" + n;
    }

    /**
     * @return the client order id of the order a slice ({@code <id>/<n>}) was booked from; an order's own id for an
     *         order that is no slice
     */
    public static String parentId(String clientOrderId) {
        int slash = clientOrderId.lastIndexOf('/');
        return slash < 0 ? clientOrderId : clientOrderId.substring(0, slash);
    }

    /**
     * @return this order, in its final state, with only what its slices did not book: what its own row applies when
     *         it ends
     */
    public Order lessBooked(BigDecimal quantity, BigDecimal quote, List<Fee> bookedFees) {
        return new Order(clientOrderId, symbol, side, purpose, quoteAmount, this.quantity, status, exchangeOrderId,
                filledQuantity.subtract(quantity), quoteFilled.subtract(quote), Fee.minus(fees, bookedFees),
                feesKnown, refusal, reason, createdAt, updatedAt, type, limitPrice, stopPrice, postOnly);
    }

    /** @return whether this order may rest on the exchange: a limit or stop-loss order */
    public boolean rests() {
        return type.rests();
    }

    /** @return the quote value executed, as the exchange reported it. */
    public BigDecimal filledValue() {
        return quoteFilled;
    }

    /** @return the average fill price at full precision, zero when nothing filled. */
    public BigDecimal averagePrice() {
        return ExecutionReport.averagePrice(quoteFilled, filledQuantity);
    }

    /** @return the fee charged in {@code currency}, zero when none was. */
    public BigDecimal fee(String currency) {
        return Fee.total(fees, currency);
    }

    /** @return whether something executed. */
    public boolean hasFill() {
        return filledQuantity.signum() > 0;
    }
}
