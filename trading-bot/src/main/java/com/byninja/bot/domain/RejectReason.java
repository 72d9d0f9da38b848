package com.byninja.bot.domain;

/**
 * Why an order was not placed, grouped by the part of the bot that refused it: {@code RISK_} the risk rules and the
 * switches, {@code ORDER_} the order manager, {@code EXCHANGE_} the exchange, {@code STORE_} the database.
 *
 * <p>Each reason says whether it binds forced orders ({@link #hard()}); the risk manager decides by that flag alone:
 * a {@code forcebuy} or {@code forcesell} passes every reason that is not hard. The {@link #code()} is what replies
 * carry in {@code data.reason}; it is stable, and older than the prefixes, so it is not the constant's name.
 */
public enum RejectReason {
    /** Trading is stopped, globally or for the symbol. */
    RISK_TRADING_STOPPED("TRADING_STOPPED", false),
    /** Buying is disabled, globally or for the symbol. */
    RISK_BUY_DISABLED("BUY_DISABLED", false),
    /** Selling is disabled, globally or for the symbol. */
    RISK_SELL_DISABLED("SELL_DISABLED", false),
    /** Spot trading holds one long position per symbol. */
    RISK_POSITION_ALREADY_OPEN("POSITION_ALREADY_OPEN", false),
    /** As many positions are open as {@code risk.maxOpenPositions} allows. */
    RISK_MAX_OPEN_POSITIONS("MAX_OPEN_POSITIONS", false),
    /** Today's realised loss reached {@code risk.dailyLossLimit}. */
    RISK_DAILY_LOSS_LIMIT("DAILY_LOSS_LIMIT", false),
    /** The symbol rests for {@code protections.cooldownCandles} candles after its position closed. */
    RISK_COOLDOWN("COOLDOWN", false),
    /** Too many stop-losses within {@code protections.stopLossGuard.window} locked buying. */
    RISK_STOP_LOSS_GUARD("STOP_LOSS_GUARD", false),
    /** The realised equity fell {@code protections.maxDrawdownLock.drawdownPct} below its high: buying is locked. */
    RISK_MAX_DRAWDOWN_LOCK("MAX_DRAWDOWN_LOCK", false),
    /** The symbol's trades lost {@code protections.lowProfitLock.lossPct} within the window: it is locked. */
    RISK_LOW_PROFIT_LOCK("LOW_PROFIT_LOCK", false),
    /** A person paused the strategy's buying ({@code /pause}), globally or for the symbol, until the pause ends. */
    RISK_PAUSED("PAUSED", false),
    /** The price is missing or older than {@code marketData.staleAfterMs}. */
    RISK_NO_PRICE("NO_PRICE", true),
    /** The amount exceeds {@code risk.maxStakeAmount}. */
    RISK_ABOVE_MAX_STAKE("ABOVE_MAX_STAKE", true),
    /** The amount is below {@code risk.minOrderAmount}. */
    RISK_BELOW_MIN_ORDER("BELOW_MIN_ORDER", true),
    /** What is left of {@code risk.budget} is below {@code risk.minOrderAmount}, or below the amount asked. */
    RISK_OVER_BUDGET("OVER_BUDGET", true),
    /** The free balance does not cover the amount and the fee kept aside for it. */
    RISK_INSUFFICIENT_BALANCE("INSUFFICIENT_BALANCE", true),
    /** There is no position to sell. */
    ORDER_NO_POSITION("NO_POSITION", true),
    /** An order for this symbol is still waiting for the exchange; no second one is sent for the same decision. */
    ORDER_IN_FLIGHT("ORDER_IN_FLIGHT", true),
    /** Too many orders are waiting for the exchange. */
    ORDER_QUEUE_FULL("ORDER_QUEUE_FULL", true),
    /** The symbol is no longer configured: its position from an earlier run can only be sold. */
    ORDER_SYMBOL_NOT_CONFIGURED("SYMBOL_NOT_CONFIGURED", true),
    /** The order is smaller than the exchange accepts for the market (its minimum quantity or value). */
    EXCHANGE_BELOW_MINIMUM("BELOW_EXCHANGE_MINIMUM", true),
    /** The exchange failed too many calls in a row; buying waits until it answers again. */
    EXCHANGE_UNAVAILABLE("EXCHANGE_UNAVAILABLE", true),
    /** The exchange refused the order. */
    EXCHANGE_REJECTED("EXCHANGE_REJECTED", true),
    /** The exchange could not be reached. */
    EXCHANGE_ERROR("EXCHANGE_ERROR", true),
    /** The order could not be recorded, so it was not sent; or the symbol waits for a fill to be recorded. */
    STORE_ERROR("STORE_ERROR", true);

    private final String code;
    private final boolean hard;

    RejectReason(String code, boolean hard) {
        this.code = code;
        this.hard = hard;
    }

    /** @return the stable code replies carry, such as {@code MAX_OPEN_POSITIONS}. */
    public String code() {
        return code;
    }

    /** @return whether forced orders are held to it too. */
    public boolean hard() {
        return hard;
    }

    /**
     * @param code a reason's {@link #code()}, as replies and the decision journal carry it
     * @return the reason with that code
     * @throws IllegalArgumentException when no reason has it
     */
    public static RejectReason ofCode(String code) {
        for (RejectReason r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no reject reason has the code " + code);
    }
}
