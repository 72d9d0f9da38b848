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
    FORCE_SELL;

    /** @return whether orders of this purpose buy. */
    public boolean isBuy() {
        return this == ENTRY || this == FORCE_BUY;
    }

    /** @return the name users see, such as {@code stop-loss} or {@code minimal ROI}. */
    public String label() {
        return this == MINIMAL_ROI ? "minimal ROI" : name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
