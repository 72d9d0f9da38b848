package com.byninja.charts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A fill to mark on a price chart.
 *
 * @param time  when it filled
 * @param price at what price
 * @param entry whether it opened (bought) rather than closed (sold)
 * @param label why, as the trading bot's purposes spell it: {@code entry}, {@code exit}, {@code take-profit},
 *              {@code stop-loss} and so on
 */
public record TradeMark(Instant time, BigDecimal price, boolean entry, String label) {

    /** The label of an exit by the stop-loss. */
    public static final String STOP_LOSS = "stop-loss";

    public TradeMark {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(label, "label");
    }

    /** @return whether this is an exit by the stop-loss, which the chart tells apart from the other exits. */
    public boolean isStopLoss() {
        return !entry && STOP_LOSS.equals(label);
    }
}
