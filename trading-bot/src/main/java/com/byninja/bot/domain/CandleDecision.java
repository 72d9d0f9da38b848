package com.byninja.bot.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the trader did with one closed candle of one symbol, as the decision journal keeps it so that a replay can be
 * checked against it: the candle exactly as the strategy read it, and the action.
 *
 * @param session   the trader's session (one per start of the bot, or of a replay) that read the candle
 * @param candle    the candle, its prices exact
 * @param action    what became of it
 * @param reason    why a signal was not acted on ({@link Action#BUY_IGNORED}, {@link Action#SELL_IGNORED}); null
 *                  for the other actions
 * @param decidedAt the instant of the trading step that read it
 */
public record CandleDecision(long session, Candle candle, Action action, RejectReason reason, Instant decidedAt) {

    /** What the trader did with a candle. */
    public enum Action {
        /** Read at start as history, not traded on. */
        HISTORY,
        /** The strategy gave no signal. */
        HOLD,
        /** The strategy's buy signal became an entry order. */
        ENTRY,
        /** The strategy's sell signal became an exit order. */
        EXIT,
        /** The strategy's buy signal was not acted on; the reason says why. */
        BUY_IGNORED,
        /** The strategy's sell signal was not acted on; the reason says why (no position, selling disabled...). */
        SELL_IGNORED;

        /** @return whether an order was sent: an entry or an exit. */
        public boolean ordered() {
            return this == ENTRY || this == EXIT;
        }
    }

    public CandleDecision {
        Objects.requireNonNull(candle, "candle");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if ((reason != null) != (action == Action.BUY_IGNORED || action == Action.SELL_IGNORED)) {
            throw new IllegalArgumentException(action + " with reason " + reason
                    + ": a reason goes with an ignored signal, and only with one");
        }
    }

    /** @return the symbol of the candle. */
    public Symbol symbol() {
        return candle.symbol();
    }

    /**
     * @return the action and, for an ignored signal, its reason's code: {@code ENTRY}, {@code BUY_IGNORED (NO_PRICE)}
     */
    public String describe() {
        return reason == null ? action.name() : action.name() + " (" + reason.code() + ")";
    }
}
