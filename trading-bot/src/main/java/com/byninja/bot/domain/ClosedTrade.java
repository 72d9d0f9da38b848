package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A round trip: (part of) a position bought and sold again.
 *
 * @param symbol        the market
 * @param quantity      base quantity sold
 * @param entryCost     quote paid for that quantity, fees excluded
 * @param entryFees     buy fees for that quantity
 * @param exitPrice     average sell price
 * @param exitFees      sell fees
 * @param realisedPnl   proceeds minus exit fees minus entry cost minus entry fees
 * @param openedAt      when the position was opened
 * @param closedAt      when the sell filled
 * @param exitPurpose   why it was sold
 * @param clientOrderId the sell order
 */
public record ClosedTrade(Symbol symbol, BigDecimal quantity, BigDecimal entryCost, BigDecimal entryFees,
                          BigDecimal exitPrice, BigDecimal exitFees, BigDecimal realisedPnl, Instant openedAt,
                          Instant closedAt, Purpose exitPurpose, String clientOrderId) {

    /** @return whether the trade made money after fees. */
    public boolean isWin() {
        return realisedPnl.signum() > 0;
    }

    /** @return entry and exit fees together. */
    public BigDecimal fees() {
        return entryFees.add(exitFees);
    }
}
