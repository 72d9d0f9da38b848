package com.byninja.bot.exchange;

/**
 * The exchange could not be reached or answered with an error. Business refusals of an order are not exceptions:
 * they come back as an {@link ExecutionReport} with status {@code REJECTED}.
 */
public class ExchangeException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExchangeException(String message) {
        super(message);
    }

    public ExchangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
