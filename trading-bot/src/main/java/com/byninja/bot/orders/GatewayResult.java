package com.byninja.bot.orders;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Order;
import java.math.BigDecimal;
import java.util.Map;

/** What the order executor reports back to the trading thread. */
public sealed interface GatewayResult {

    /**
     * The exchange's report on the order: executed, refused, resting ({@code OPEN}) or cancelled; the answer to a
     * placement, a lookup or a cancel.
     */
    record Executed(Order order, ExecutionReport report) implements GatewayResult {
    }

    /** A lookup found that the exchange never received the order. */
    record NotFound(Order order) implements GatewayResult {
    }

    /** The outcome is unknown: the exchange could not be reached. The order stays {@code NEW} until looked up. */
    record Unknown(Order order, String error) implements GatewayResult {
    }

    /**
     * A cancel the exchange did not confirm (no answer, or an error): the order may still rest there, and is asked to
     * be cancelled again.
     */
    record CancelUnconfirmed(Order order, String error) implements GatewayResult {
    }

    /** Fresh balances. */
    record Balances(Map<String, BigDecimal> free) implements GatewayResult {
    }
}
