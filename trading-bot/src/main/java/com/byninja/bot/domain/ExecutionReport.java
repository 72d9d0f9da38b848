package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the exchange did with an order. Amounts are the exchange's own: the quote quantity is what was paid or
 * received (Binance's {@code cummulativeQuoteQty}, or the sum of the fills), never a quantity times a rounded average.
 *
 * @param clientOrderId   the bot's id for the order
 * @param exchangeOrderId the exchange's id, null when it rejected the order before assigning one
 * @param status          filled, partially filled (a market order whose rest was cancelled), rejected, open (resting
 *                        on the exchange, or a stop waiting for its trigger) or cancelled (a resting order withdrawn
 *                        or expired)
 * @param filledQuantity  base quantity executed (so far, for an open order), zero when rejected
 * @param quoteQuantity   quote amount executed (paid for a buy, received for a sell, fees excluded), zero when rejected
 * @param fees            fees charged, one entry per currency; empty when none (or when not known, see below)
 * @param feesKnown       false when the exchange executed the order but its fees could not be read yet (the trades
 *                        of the order did not answer): the fees are then unknown, not zero, and must be looked up
 * @param refusal         why a rejected order was refused, as far as the bot acts on it; null unless rejected
 * @param reason          the exchange's words when rejected, else null
 * @param time            when the exchange executed or rejected the order
 */
public record ExecutionReport(String clientOrderId, String exchangeOrderId, Status status, BigDecimal filledQuantity,
                              BigDecimal quoteQuantity, List<Fee> fees, boolean feesKnown, Refusal refusal,
                              String reason, Instant time) {

    /** Precision of prices derived from exact amounts: 34 significant digits, so nothing is lost that matters. */
    public static final MathContext PRICE_PRECISION = MathContext.DECIMAL128;

    /** Where an order stands on the exchange. */
    public enum Status {
        /** Executed in full. */
        FILLED,
        /** Executed in part, the rest cancelled by the exchange (a market order does not rest). */
        PARTIALLY_FILLED,
        /** Refused; nothing executed. */
        REJECTED,
        /**
         * Accepted and resting: a limit order on the book, or a stop waiting for its trigger. Not final: what executed
         * so far is in the report, more may follow.
         */
        OPEN,
        /** A resting order withdrawn (by a cancel, or expired); final. What executed before, if anything, is kept. */
        CANCELLED;

        /** @return whether the order will not change any more */
        public boolean isFinal() {
            return this != OPEN;
        }
    }

    /** Why the exchange (or the bot, on its behalf) refused an order, where the bot reacts differently. */
    public enum Refusal {
        /** The account does not hold enough of what the order spends (Binance -2010 insufficient balance). */
        INSUFFICIENT_BALANCE,
        /** Below the market's minimum quantity or value, or not a multiple of its step. */
        BELOW_EXCHANGE_MINIMUM,
        /** Refused for the rate limits; nothing executed. */
        RATE_LIMITED,
        /** A stop whose stop price the market has already passed: it would trigger at once (Binance -2010). */
        WOULD_TRIGGER_IMMEDIATELY,
        /** A post-only (maker) order that would have executed at once against the book (Binance -2010). */
        WOULD_TAKE,
        /** Any other refusal. */
        OTHER
    }

    public ExecutionReport {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(quoteQuantity, "quoteQuantity");
        Objects.requireNonNull(time, "time");
        fees = List.copyOf(fees);
        if (status == Status.REJECTED) {
            Objects.requireNonNull(refusal, "a rejection needs its refusal");
        }
    }

    /**
     * @return an order that executed ({@code FILLED} or {@code PARTIALLY_FILLED}) with every fee known
     */
    public static ExecutionReport executed(String clientOrderId, String exchangeOrderId, Status status,
                                           BigDecimal filledQuantity, BigDecimal quoteQuantity, List<Fee> fees,
                                           Instant time) {
        return new ExecutionReport(clientOrderId, exchangeOrderId, status, filledQuantity, quoteQuantity, fees, true,
                null, null, time);
    }

    /**
     * @return a resting order as the exchange shows it now: nothing executed yet, or {@code filledQuantity} for
     *         {@code quoteQuantity} so far
     */
    public static ExecutionReport open(String clientOrderId, String exchangeOrderId, BigDecimal filledQuantity,
                                       BigDecimal quoteQuantity, List<Fee> fees, Instant time) {
        return new ExecutionReport(clientOrderId, exchangeOrderId, Status.OPEN, filledQuantity, quoteQuantity, fees,
                true, null, null, time);
    }

    /**
     * @param reason such as {@code cancelled by the bot}, {@code expired}, or {@code cancelled on the exchange}
     * @return a resting order withdrawn, with what executed before (zero when nothing did)
     */
    public static ExecutionReport cancelled(String clientOrderId, String exchangeOrderId, BigDecimal filledQuantity,
                                            BigDecimal quoteQuantity, List<Fee> fees, String reason, Instant time) {
        return new ExecutionReport(clientOrderId, exchangeOrderId, Status.CANCELLED, filledQuantity, quoteQuantity,
                fees, true, null, reason, time);
    }

    /** @return a rejection without fills, for a reason the bot does not act on. */
    public static ExecutionReport rejected(String clientOrderId, String reason, Instant time) {
        return rejected(clientOrderId, Refusal.OTHER, reason, time);
    }

    /** @return a rejection without fills. */
    public static ExecutionReport rejected(String clientOrderId, Refusal refusal, String reason, Instant time) {
        return new ExecutionReport(clientOrderId, null, Status.REJECTED, BigDecimal.ZERO, BigDecimal.ZERO, List.of(),
                true, refusal, reason, time);
    }

    /** @return this report with its fees now known. */
    public ExecutionReport withFees(List<Fee> knownFees) {
        return new ExecutionReport(clientOrderId, exchangeOrderId, status, filledQuantity, quoteQuantity, knownFees,
                true, refusal, reason, time);
    }

    /** @return the average fill price, quote over base at {@link #PRICE_PRECISION}; zero when nothing filled. */
    public BigDecimal averagePrice() {
        return averagePrice(quoteQuantity, filledQuantity);
    }

    /** @return {@code quote / quantity} at {@link #PRICE_PRECISION}, zero when the quantity is zero. */
    public static BigDecimal averagePrice(BigDecimal quote, BigDecimal quantity) {
        return quantity.signum() == 0 ? BigDecimal.ZERO : quote.divide(quantity, PRICE_PRECISION).stripTrailingZeros();
    }

    /** @return the fee charged in {@code currency}, zero when none was. */
    public BigDecimal fee(String currency) {
        return Fee.total(fees, currency);
    }
}
