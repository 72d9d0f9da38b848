package com.byninja.bot.orders;

import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Rejection;

/** The outcome of asking for an order: recorded and handed to the exchange, or refused with a reason. */
public sealed interface Submission {

    /** The order was recorded as {@code NEW} and queued for the exchange. */
    record Sent(Order order) implements Submission {
    }

    /** The order was not sent. */
    record Refused(Rejection rejection) implements Submission {
    }
}
