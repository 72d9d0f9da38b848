package com.byninja.bot.domain;

/**
 * Why an order was not placed. Codes are stable: they appear in replies' {@code data.reason}. Hard limits hold even
 * for forced orders; the others give way to a {@code forcebuy} or {@code forcesell}.
 */
public enum RejectReason {
    /** Trading is stopped, globally or for the symbol. */
    TRADING_STOPPED(false),
    /** Buying is disabled, globally or for the symbol. */
    BUY_DISABLED(false),
    /** Selling is disabled, globally or for the symbol. */
    SELL_DISABLED(false),
    /** Spot trading holds one long position per symbol. */
    POSITION_ALREADY_OPEN(false),
    /** As many positions are open as {@code risk.maxOpenPositions} allows. */
    MAX_OPEN_POSITIONS(false),
    /** Today's realised loss reached {@code risk.dailyLossLimit}. */
    DAILY_LOSS_LIMIT(false),
    /** The price is missing or older than {@code marketData.staleAfterMs}. */
    NO_PRICE(true),
    /** The amount exceeds {@code risk.maxStakeAmount}. */
    ABOVE_MAX_STAKE(true),
    /** The amount is below {@code risk.minOrderAmount}. */
    BELOW_MIN_ORDER(true),
    /** The free balance does not cover the amount and the fee kept aside for it. */
    INSUFFICIENT_BALANCE(true),
    /** The order is smaller than the exchange accepts for the market (its minimum quantity or value). */
    BELOW_EXCHANGE_MINIMUM(true),
    /** The exchange failed too many calls in a row; buying waits until it answers again. */
    EXCHANGE_UNAVAILABLE(true),
    /** There is no position to sell. */
    NO_POSITION(true),
    /** An order for this symbol is still waiting for the exchange; no second one is sent for the same decision. */
    ORDER_IN_FLIGHT(true),
    /** Too many orders are waiting for the exchange. */
    ORDER_QUEUE_FULL(true),
    /** The exchange refused the order. */
    EXCHANGE_REJECTED(true),
    /** The exchange could not be reached. */
    EXCHANGE_ERROR(true),
    /** The order could not be recorded, so it was not sent; or the symbol waits for a fill to be recorded. */
    STORE_ERROR(true),
    /** The symbol is no longer configured: its position from an earlier run can only be sold. */
    SYMBOL_NOT_CONFIGURED(true);

    private final boolean hard;

    RejectReason(boolean hard) {
        this.hard = hard;
    }

    /** @return whether forced orders are held to it too. */
    public boolean isHard() {
        return hard;
    }
}
