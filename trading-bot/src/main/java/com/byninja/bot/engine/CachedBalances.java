package com.byninja.bot.engine;

import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The account's free balances as the exchange last reported them, moved at once by each fill so that the next risk
 * check does not spend the same money twice before the executor's next refresh brings the exchange's own figures.
 * Owned by the trading thread.
 */
final class CachedBalances {

    private final Map<String, BigDecimal> free = new HashMap<>();

    CachedBalances(Map<String, BigDecimal> initial) {
        free.putAll(initial);
    }

    /** Takes the exchange's figures. */
    void replace(Map<String, BigDecimal> fresh) {
        free.clear();
        free.putAll(fresh);
    }

    /** Moves the balances by what {@code o} executed, fee included in whichever currency it was paid. */
    void applyFill(Order o) {
        String base = o.symbol().base();
        String quote = o.symbol().quote();
        BigDecimal feeQuote = o.fee(quote);
        BigDecimal feeBase = o.fee(base);
        if (o.side() == Side.BUY) {
            free.merge(quote, o.filledValue().add(feeQuote).negate(), BigDecimal::add);
            free.merge(base, o.filledQuantity().subtract(feeBase), BigDecimal::add);
        } else {
            free.merge(quote, o.filledValue().subtract(feeQuote), BigDecimal::add);
            free.merge(base, o.filledQuantity().add(feeBase).negate(), BigDecimal::add);
        }
        for (Fee f : o.fees()) {
            if (!f.currency().equals(base) && !f.currency().equals(quote)) {
                free.merge(f.currency(), f.amount().negate(), BigDecimal::add);
            }
        }
    }

    /** @return the free balance of {@code currency}, zero when none. */
    BigDecimal free(String currency) {
        return free.getOrDefault(currency, BigDecimal.ZERO);
    }

    /** @return a copy of every balance. */
    Map<String, BigDecimal> snapshot() {
        return Map.copyOf(free);
    }
}
