package com.byninja.charts;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A price drawn across a candle chart as a dashed line with its name, such as an open position's stop-loss.
 *
 * @param kind  what it is, which gives its colour and name
 * @param price where it is
 */
public record Level(Kind kind, BigDecimal price) {

    /** What a level is. */
    public enum Kind {
        /** The open position's average entry price. */
        ENTRY("entry"),
        /** Where the stop-loss sells (the higher of the configured one and a strategy's own). */
        STOP_LOSS("stop-loss"),
        /** Where the take-profit sells. */
        TAKE_PROFIT("take-profit"),
        /** Where the trailing stop sells now. */
        TRAILING_STOP("trailing stop");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return its name on the chart, such as {@code stop-loss} */
        public String label() {
            return label;
        }
    }

    public Level {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(price, "price");
    }
}
