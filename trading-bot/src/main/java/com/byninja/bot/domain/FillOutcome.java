package com.byninja.bot.domain;

import java.math.BigDecimal;

/**
 * The effect of one fill on the book.
 *
 * @param symbol      the market
 * @param before      the position before, or null
 * @param after       the position after, or null when none is left
 * @param closedTrade the round trip a sell closed, or null for a buy
 * @param dust        base quantity a closing sell left on the account, below the quantity step; else zero
 */
public record FillOutcome(Symbol symbol, Position before, Position after, ClosedTrade closedTrade,
                          BigDecimal dust) {

    /** @return whether the fill opened a new position. */
    public boolean opened() {
        return before == null && after != null;
    }

    /** @return whether the fill closed the position entirely. */
    public boolean closed() {
        return before != null && after == null;
    }
}
