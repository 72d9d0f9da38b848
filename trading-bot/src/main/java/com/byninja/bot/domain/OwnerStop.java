package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A stop-loss the owner set on one open position, such as at its break-even price with {@code /breakeven}: the
 * stop-loss sells at or below the higher of this level and the configured one. It belongs to the position open since
 * {@code openedAt}, ends when that position closes, and a later position of the symbol starts without one.
 *
 * @param symbol   the market
 * @param openedAt when the position it belongs to was opened
 * @param level    the price at or below which it sells
 * @param setAt    when the owner set it
 */
public record OwnerStop(Symbol symbol, Instant openedAt, BigDecimal level, Instant setAt) {

    public OwnerStop {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(setAt, "setAt");
        if (level.signum() <= 0) {
            throw new IllegalArgumentException("a stop needs a positive level, got " + level);
        }
    }

    /** @return whether it belongs to {@code p}: the same symbol's position, opened at the same instant */
    public boolean belongsTo(Position p) {
        return symbol.equals(p.symbol()) && openedAt.equals(p.openedAt());
    }
}
