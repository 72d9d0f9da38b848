package com.byninja.bot.domain;

import java.util.Locale;

/** Why an order was placed; kept with the order and with the trade it closes. */
public enum Purpose {
    /** The strategy's entry signal. */
    ENTRY,
    /** The strategy's exit signal. */
    EXIT,
    /** The price fell to the stop-loss. */
    STOP_LOSS,
    /** The price rose to the take-profit. */
    TAKE_PROFIT,
    /** The price fell back from its high by the trailing stop. */
    TRAILING_STOP,
    /** The profit reached what {@code risk.minimalRoi} asks of a position of its age. */
    MINIMAL_ROI,
    /** A {@code forcebuy} command. */
    FORCE_BUY,
    /** A {@code forcesell} command. */
    FORCE_SELL,
    /**
     * The stop-loss order resting on the exchange ({@code risk.stopLossOnExchange}), which the exchange executes when
     * the price falls to it, whether the bot runs or not.
     */
    STOP_ON_EXCHANGE;

    /** @return whether orders of this purpose buy. */
    public boolean isBuy() {
        return this == ENTRY || this == FORCE_BUY;
    }

    /** @return the name users see, such as {@code stop-loss} or {@code minimal ROI}. */
    public String label() {
        return switch (this) {
            case MINIMAL_ROI -> "minimal ROI";
            case STOP_ON_EXCHANGE -> "stop-loss on exchange";
            default -> name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /**
     * @return what placed an order of this purpose, in words that follow a verb, such as {@code by the stop-loss} in
     *         "Closed by the stop-loss" or {@code on the strategy's entry signal} in "Opened on the strategy's entry
     *         signal"
     */
    public String why() {
        return switch (this) {
            case ENTRY -> "on the strategy's entry signal";
            case EXIT -> "on the strategy's exit signal";
            case STOP_LOSS -> "by the stop-loss";
            case TAKE_PROFIT -> "by the take-profit";
            case TRAILING_STOP -> "by the trailing stop";
            case MINIMAL_ROI -> "at the minimal ROI";
            case FORCE_BUY -> "by /forcebuy";
            case FORCE_SELL -> "by /forcesell";
            case STOP_ON_EXCHANGE -> "by the stop-loss on the exchange";
        };
    }
}
