package com.byninja.bot.engine;

import com.byninja.bot.domain.OwnerStop;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stops the owner set on open positions ({@code /breakeven}), consulted where the stop-loss level is worked out
 * beside the strategy's ({@link TradingContext#stopFor}). Saved in the position journal before they count, restored
 * at start; one belongs to the position open when it was set, known by when that position opened, and ends with it
 * (the closing fill deletes it from the store, then {@link #forget}s it here): a later position of the symbol starts
 * without one. Owned by the trading thread.
 */
final class OwnerStops {

    private final Map<Symbol, OwnerStop> stops = new HashMap<>();

    /** Takes the saved stops of the positions open now; one of a position gone is left out. */
    void restore(Collection<OwnerStop> saved, Map<Symbol, Position> open) {
        for (OwnerStop s : saved) {
            Position p = open.get(s.symbol());
            if (p != null && s.belongsTo(p)) {
                stops.put(s.symbol(), s);
            }
        }
    }

    /** @return the owner's stop of {@code p}, empty when there is none */
    Optional<OwnerStop> of(Position p) {
        if (stops.isEmpty()) {
            return Optional.empty();
        }
        OwnerStop s = stops.get(p.symbol());
        return s != null && s.belongsTo(p) ? Optional.of(s) : Optional.empty();
    }

    /** @return the level of {@code p}'s stop, or null when there is none */
    BigDecimal levelFor(Position p) {
        return of(p).map(OwnerStop::level).orElse(null);
    }

    /** Forgets the stop of {@code symbol}, whose position closed. */
    void forget(Symbol symbol) {
        stops.remove(symbol);
    }

    /** Sets a stop, saved before. */
    void set(OwnerStop stop) {
        stops.put(stop.symbol(), stop);
    }
}
