package com.byninja.bot.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the exchange did with an order.
 *
 * @param clientOrderId   the bot's id for the order
 * @param exchangeOrderId the exchange's id, null when it rejected the order before assigning one
 * @param status          filled, partially filled (a market order whose rest was cancelled) or rejected
 * @param filledQuantity  base quantity executed, zero when rejected
 * @param averagePrice    average fill price, zero when nothing filled
 * @param fee             fee charged, in {@code feeCurrency}
 * @param feeCurrency     the currency of the fee, such as {@code USDT}
 * @param reason          the exchange's words when rejected, else null
 * @param time            when the exchange executed or rejected the order
 */
public record ExecutionReport(String clientOrderId, String exchangeOrderId, Status status, BigDecimal filledQuantity,
                              BigDecimal averagePrice, BigDecimal fee, String feeCurrency, String reason,
                              Instant time) {

    /** The final state of a market order on the exchange. */
    public enum Status { FILLED, PARTIALLY_FILLED, REJECTED }

    public ExecutionReport {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(time, "time");
    }

    /** @return a rejection without fills. */
    public static ExecutionReport rejected(String clientOrderId, String reason, Instant time) {
        return new ExecutionReport(clientOrderId, null, Status.REJECTED, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null, reason, time);
    }
}
