package com.byninja.strategy.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The symbol's open position (the bot trades spot: one long position per symbol), as the bot's books hold it when the
 * candle closes. Amounts are in the quote currency.
 *
 * @param entryPrice       the average entry price, fees excluded
 * @param quantity         the base quantity held
 * @param openedAt         when the first buy filled
 * @param age              from {@code openedAt} to the decision's time
 * @param unrealisedPnl    what selling all of it at the candle's close would earn: its value there, less the exit fee,
 *                         less what it cost with the entry fees
 * @param unrealisedPnlPct {@code unrealisedPnl} in percent of that cost, such as {@code -1.25}
 * @param stopLoss         the price at or below which the bot sells it as a stop-loss: the higher of the configured
 *                         {@code risk.stopLossPct} below the entry and the level this strategy set with
 *                         {@link Decision#stopAt}; empty when there is neither
 */
public record OpenPosition(BigDecimal entryPrice, BigDecimal quantity, Instant openedAt, Duration age,
                           BigDecimal unrealisedPnl, BigDecimal unrealisedPnlPct, Optional<BigDecimal> stopLoss) {

    public OpenPosition {
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(unrealisedPnl, "unrealisedPnl");
        Objects.requireNonNull(unrealisedPnlPct, "unrealisedPnlPct");
        Objects.requireNonNull(stopLoss, "stopLoss");
    }
}
