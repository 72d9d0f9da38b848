package com.byninja.bot.exchange.paper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Prices a market went through, oldest first, each with the time it took effect: what the paper wallet matches its
 * resting orders against. Paper trading on real prices sees one price per read; the simulator knows every step of
 * its walk, so a dip between two reads still triggers a stop, as it would on a real exchange.
 */
public interface PricePath {

    /** @return how many prices the path holds. */
    int size();

    /** @return the {@code i}-th price. */
    BigDecimal price(int i);

    /** @return when the {@code i}-th price took effect. */
    Instant time(int i);

    /** @return the index of the first price at or after {@code from} that is at or below {@code level}, or -1. */
    default int firstAtOrBelow(BigDecimal level, int from) {
        for (int i = Math.max(0, from); i < size(); i++) {
            if (price(i).compareTo(level) <= 0) {
                return i;
            }
        }
        return -1;
    }

    /** @return the index of the first price at or after {@code from} strictly below {@code level}, or -1. */
    default int firstBelow(BigDecimal level, int from) {
        for (int i = Math.max(0, from); i < size(); i++) {
            if (price(i).compareTo(level) < 0) {
                return i;
            }
        }
        return -1;
    }

    /** @return the index of the first price at or after {@code from} strictly above {@code level}, or -1. */
    default int firstAbove(BigDecimal level, int from) {
        for (int i = Math.max(0, from); i < size(); i++) {
            if (price(i).compareTo(level) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** @return a path of one price, read at {@code at}. */
    static PricePath of(BigDecimal price, Instant at) {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(at, "at");
        return new PricePath() {
            @Override
            public int size() {
                return 1;
            }

            @Override
            public BigDecimal price(int i) {
                Objects.checkIndex(i, 1);
                return price;
            }

            @Override
            public Instant time(int i) {
                Objects.checkIndex(i, 1);
                return at;
            }
        };
    }
}
