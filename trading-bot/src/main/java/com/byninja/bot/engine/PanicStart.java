package com.byninja.bot.engine;

import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import java.time.Instant;
import java.util.List;

/**
 * What a {@code /panic} did at once, or found: trading stopped globally and a sell at market of every open position.
 * Its summary follows as one alert once every sell has filled or failed.
 *
 * @param startedAt      when the panic started: now, or when the one still running did
 * @param alreadyRunning whether a panic was running already, so that this one did nothing
 * @param tradingWasOn   whether trading was on globally before
 * @param flagNotSaved   why stopping trading could not be saved (it is stopped until the bot restarts), else null
 * @param sells          the sells sent now, one per position
 * @param alreadySelling sells that were on their way already, such as a stop-loss's, which the summary waits for too
 * @param notSold        positions no sell could be sent for, with why
 * @param buysWaiting    buys still waiting for the exchange: a position they open is not sold by this panic
 * @param waiting        sells the summary waits for
 */
public record PanicStart(Instant startedAt, boolean alreadyRunning, boolean tradingWasOn, String flagNotSaved,
                         List<Order> sells, List<Order> alreadySelling, List<NotSold> notSold,
                         List<Order> buysWaiting, int waiting) {

    public PanicStart {
        sells = List.copyOf(sells);
        alreadySelling = List.copyOf(alreadySelling);
        notSold = List.copyOf(notSold);
        buysWaiting = List.copyOf(buysWaiting);
    }

    /** A position no sell could be sent for, and why. */
    public record NotSold(Symbol symbol, Rejection why) {
    }
}
