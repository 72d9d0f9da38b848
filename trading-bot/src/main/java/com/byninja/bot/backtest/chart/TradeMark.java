package com.byninja.bot.backtest.chart;

import com.byninja.bot.domain.Purpose;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A fill to mark on a price chart.
 *
 * @param time  when it filled
 * @param price at what price
 * @param entry whether it opened (bought) rather than closed (sold)
 * @param label why, as {@link Purpose#label()} spells it: {@code entry}, {@code exit}, {@code take-profit},
 *              {@code stop-loss} and so on
 */
public record TradeMark(Instant time, BigDecimal price, boolean entry, String label) {

    public TradeMark {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(label, "label");
    }

    /** @return whether this is an exit by the stop-loss, which the chart tells apart from the other exits. */
    public boolean isStopLoss() {
        return !entry && Purpose.STOP_LOSS.label().equals(label);
    }
}
