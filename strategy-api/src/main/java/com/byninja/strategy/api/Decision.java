package com.byninja.strategy.api;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link SymbolStrategy} decides on a closed candle. The bot acts on it as on the built-in strategies'
 * signals: the trading, buy and sell switches, the risk limits and the stake apply.
 *
 * <ul>
 *   <li>{@link #hold()}: nothing to do.</li>
 *   <li>{@link #enter()}: open a long position at market (ignored when one is open or waiting).</li>
 *   <li>{@link #exit()}: close the open position at market (ignored without one).</li>
 *   <li>{@link #stopAt(BigDecimal)}: hold, and sell the open position when the price falls to this level.</li>
 * </ul>
 *
 * <p><b>A custom stop</b> is a stop-loss the strategy moves, as Freqtrade's {@code custom_stoploss}: it applies to the
 * position open now and ends with it. It only ever moves up: a level below the one set before is ignored. It acts
 * together with the configured {@code risk.stopLossPct}: the position is sold when the price is at or below the
 * higher of the two (the trailing stop and the take-profit apply as well, each on its own). It is checked where the
 * configured stop-loss is, so it behaves the same live and in a backtest: live at every price check
 * ({@code engine.checkIntervalMs}); in a backtest within the next candles, at the level when a candle's low reaches
 * it, at the open when a candle opens below it. A level at or above the price sells at the next check. Like every
 * protective exit it sells whatever the trading and sell switches say, and {@code risk.protectiveExits: false} turns
 * it off. The level is kept in memory: after a restart the configured stop-loss alone protects the position until
 * the strategy sets its stop again on the next candle.
 */
public final class Decision {

    /** The kinds of decision. */
    public enum Kind {
        /** Nothing to do. */
        HOLD,
        /** Open a long position. */
        ENTER,
        /** Close the open position. */
        EXIT,
        /** Hold, with the open position's stop at {@link #stopPrice()}. */
        STOP
    }

    private static final Decision HOLD = new Decision(Kind.HOLD, null);
    private static final Decision ENTER = new Decision(Kind.ENTER, null);
    private static final Decision EXIT = new Decision(Kind.EXIT, null);

    private final Kind kind;
    private final BigDecimal stopPrice;

    private Decision(Kind kind, BigDecimal stopPrice) {
        this.kind = kind;
        this.stopPrice = stopPrice;
    }

    /** @return nothing to do */
    public static Decision hold() {
        return HOLD;
    }

    /** @return open a long position at market */
    public static Decision enter() {
        return ENTER;
    }

    /** @return close the open position at market */
    public static Decision exit() {
        return EXIT;
    }

    /**
     * @param price the level at or below which the open position is sold, in the quote currency; above 0
     * @return hold, with the open position's stop raised to {@code price} (see the class description)
     * @throws IllegalArgumentException when {@code price} is null, zero or negative
     */
    public static Decision stopAt(BigDecimal price) {
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("a stop must be a price above 0, got " + (price == null ? "none"
                    : price.toPlainString()));
        }
        return new Decision(Kind.STOP, price);
    }

    /** @return what kind of decision this is */
    public Kind kind() {
        return kind;
    }

    /** @return the stop's level for {@link Kind#STOP}, else null */
    public BigDecimal stopPrice() {
        return stopPrice;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && d.kind == kind && Objects.equals(d.stopPrice, stopPrice);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, stopPrice);
    }

    /** @return {@code hold}, {@code enter}, {@code exit} or {@code stop at 61000.5} */
    @Override
    public String toString() {
        return kind == Kind.STOP ? "stop at " + stopPrice.toPlainString() : kind.name().toLowerCase(Locale.ROOT);
    }
}
