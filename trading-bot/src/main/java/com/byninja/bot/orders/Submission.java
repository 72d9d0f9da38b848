package com.byninja.bot.orders;

import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Rejection;

/** The outcome of asking for an order: recorded and handed to the exchange, or refused with a reason. */
public sealed interface Submission {

    /**
     * The order was recorded as {@code NEW} and queued for the exchange.
     *
     * @param order the order
     * @param note  what a person should know about it, such as why its amount is less than asked; null for nothing
     */
    record Sent(Order order, String note) implements Submission {

        /** Sent, with nothing to add. */
        public Sent(Order order) {
            this(order, null);
        }
    }

    /**
     * The sell waits: a stop-loss resting on the exchange covers the same coins, and its cancel is on its way. The
     * sell is sent once the exchange confirms the cancel, unless the stop filled first.
     *
     * @param stop the stop being cancelled
     * @param exit why the sell is placed once it is
     */
    record Cancelling(Order stop, com.byninja.bot.domain.Purpose exit) implements Submission {
    }

    /** The order was not sent. */
    record Refused(Rejection rejection) implements Submission {
    }
}
