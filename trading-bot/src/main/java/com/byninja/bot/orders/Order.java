package com.byninja.bot.orders;

import com.byninja.bot.exchange.ExecutionReport;
import com.byninja.bot.exchange.OrderRequest;
import com.byninja.bot.exchange.OrderRequest.Side;
import com.byninja.bot.exchange.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One market order as the bot records it, from the decision to the exchange's final answer.
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
 * @param averagePrice    average fill price, zero until something filled
 * @param fee             fee paid, in {@code feeCurrency}
 * @param feeCurrency     the fee's currency, null until known
 * @param reason          why it was rejected or cancelled, else null
 * @param createdAt       when the bot decided
 * @param updatedAt       when the status last changed
 */
public record Order(String clientOrderId, Symbol symbol, Side side, Purpose purpose, BigDecimal quoteAmount,
                    BigDecimal quantity, OrderStatus status, String exchangeOrderId, BigDecimal filledQuantity,
                    BigDecimal averagePrice, BigDecimal fee, String feeCurrency, String reason, Instant createdAt,
                    Instant updatedAt) {

    public Order {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** @return a {@code NEW} order for {@code request}. */
    public static Order newOrder(OrderRequest request, Purpose purpose, Instant now) {
        return new Order(request.clientOrderId(), request.symbol(), request.side(), purpose, request.quoteAmount(),
                request.quantity(), OrderStatus.NEW, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null,
                null, now, now);
    }

    /** @return the request this order sends. */
    public OrderRequest toRequest() {
        return new OrderRequest(clientOrderId, symbol, side, quoteAmount, quantity);
    }

    /** @return this order with the exchange's answer applied. */
    public Order withReport(ExecutionReport report) {
        OrderStatus next = switch (report.status()) {
            case FILLED -> OrderStatus.FILLED;
            case PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
            case REJECTED -> OrderStatus.REJECTED;
        };
        return new Order(clientOrderId, symbol, side, purpose, quoteAmount, quantity, next, report.exchangeOrderId(),
                report.filledQuantity(), report.averagePrice(), report.fee(), report.feeCurrency(), report.reason(),
                createdAt, report.time());
    }

    /** @return this order, finished without any fill. */
    public Order finishedWithout(OrderStatus finalStatus, String why, Instant now) {
        return new Order(clientOrderId, symbol, side, purpose, quoteAmount, quantity, finalStatus, exchangeOrderId,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, feeCurrency, why, createdAt, now);
    }

    /** @return the quote value executed: filled quantity times average price. */
    public BigDecimal filledValue() {
        return filledQuantity.multiply(averagePrice);
    }

    /** @return whether something executed. */
    public boolean hasFill() {
        return filledQuantity.signum() > 0;
    }
}
