package com.byninja.bot.orders;

import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.Order;
import java.time.Duration;
import java.util.List;

/** What the order manager learnt from one executor result, for the trading thread to act on. */
public sealed interface Resolution {

    /**
     * The order reached its final state (filled, partly filled, rejected, or cancelled because it never reached the
     * exchange); not yet persisted.
     *
     * @param order     the order in its final state
     * @param recovered whether the order was left unfinished by the previous run and found after this start
     */
    record Done(Order order, boolean recovered) implements Resolution {
    }

    /**
     * The exchange holds the order resting ({@code OPEN}): placed and accepted, or asked about and still there with
     * more executed than before; not yet persisted.
     *
     * @param order  the order as the exchange shows it now
     * @param placed whether this is the first the bot hears of it resting: the answer to its placement, or to the
     *               lookup of a placement whose answer was lost
     */
    record Resting(Order order, boolean placed) implements Resolution {
    }

    /**
     * An order whose answer was lost was not found on the exchange within the lookup window. It stays {@code NEW} in
     * the store, for the next start's reconciliation, and its symbol trades again.
     *
     * @param order  the order
     * @param waited how long after its creation the bot gave up looking
     */
    record GaveUp(Order order, Duration waited) implements Resolution {
    }

    /**
     * The fees of an order whose fill was applied before its fees could be read are now known.
     *
     * @param order the order as recorded, fees still unknown
     * @param fees  the fees the exchange reports
     */
    record FeesFound(Order order, List<Fee> fees) implements Resolution {
    }
}
