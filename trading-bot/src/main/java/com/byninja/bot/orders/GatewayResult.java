package com.byninja.bot.orders;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Order;
import java.math.BigDecimal;
import java.util.Map;

/** What the order executor reports back to the trading thread. */
public sealed interface GatewayResult {

    /** The exchange executed or refused the order. */
    record Executed(Order order, ExecutionReport report) implements GatewayResult {
    }

    /** A lookup found that the exchange never received the order. */
    record NotFound(Order order) implements GatewayResult {
    }

    /** The outcome is unknown: the exchange could not be reached. The order stays {@code NEW} until looked up. */
    record Unknown(Order order, String error) implements GatewayResult {
    }

    /** Fresh balances. */
    record Balances(Map<String, BigDecimal> free) implements GatewayResult {
    }
}
