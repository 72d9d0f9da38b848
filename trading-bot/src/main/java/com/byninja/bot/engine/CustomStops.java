package com.byninja.bot.engine;

import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The stops a plug-in strategy set on open positions ({@code Decision.stopAt}), consulted where the stop-loss level
 * is worked out ({@link TradingContext#protection}, {@link ProtectiveExits}). A stop belongs to the position open when
 * it was set, known by when that position opened: it ends with the position, and a later position of the symbol starts
 * without one. It only ever moves up. Kept in memory only: after a restart the configured stop-loss protects the
 * position until the strategy sets its stop again. Owned by the trading thread.
 */
final class CustomStops {

    private record Stop(Instant openedAt, BigDecimal level) {
    }

    private final Map<Symbol, Stop> stops = new HashMap<>();

    /** @return the stop set on {@code p}, or null when there is none */
    BigDecimal levelFor(Position p) {
        if (stops.isEmpty()) {
            return null;
        }
        Stop s = stops.get(p.symbol());
        return s != null && s.openedAt().equals(p.openedAt()) ? s.level() : null;
    }

    /**
     * Sets {@code p}'s stop at {@code level} unless it has one at least as high.
     *
     * @return whether the stop moved
     */
    boolean raise(Position p, BigDecimal level) {
        BigDecimal before = levelFor(p);
        if (before != null && before.compareTo(level) >= 0) {
            return false;
        }
        stops.put(p.symbol(), new Stop(p.openedAt(), level));
        return true;
    }
}
