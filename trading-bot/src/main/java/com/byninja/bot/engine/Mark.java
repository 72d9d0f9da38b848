package com.byninja.bot.engine;

import java.math.BigDecimal;

/**
 * What an open position is worth now.
 *
 * @param price         the last price, however old
 * @param unrealisedPnl what selling at that price would earn, after the exit fee
 * @param stale         whether the price is older than {@code marketData.staleAfterMs}
 * @param ageMs         the price's age
 */
public record Mark(BigDecimal price, BigDecimal unrealisedPnl, boolean stale, long ageMs) {
}
