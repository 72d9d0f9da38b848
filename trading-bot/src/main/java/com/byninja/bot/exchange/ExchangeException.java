package com.byninja.bot.exchange;

import com.byninja.bot.domain.ExecutionReport;

/**
 * The exchange could not be reached or answered with an error. Business refusals of an order are not exceptions:
 * they come back as an {@link ExecutionReport} with status {@code REJECTED}.
 */
public class ExchangeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the caller needs to know to decide whether asking again makes sense. */
    public enum Kind {
        /** Network error, timeout or server error: for an order, the outcome is unknown. */
        UNAVAILABLE,
        /** The exchange refused the request because of its rate limits; nothing was executed. */
        RATE_LIMITED,
        /** The request was refused as malformed or not allowed (keys, permissions, parameters). */
        REFUSED
    }

    private final Kind kind;
    private final long retryAfterMs;

    public ExchangeException(String message) {
        this(Kind.UNAVAILABLE, message, null, 0);
    }

    public ExchangeException(String message, Throwable cause) {
        this(Kind.UNAVAILABLE, message, cause, 0);
    }

    /**
     * @param kind         what went wrong
     * @param message      what happened, free of secrets
     * @param cause        the underlying error, or null
     * @param retryAfterMs how long the exchange asked us to wait, 0 when it did not say
     */
    public ExchangeException(Kind kind, String message, Throwable cause, long retryAfterMs) {
        super(message, cause);
        this.kind = kind;
        this.retryAfterMs = retryAfterMs;
    }

    /** @return what went wrong. */
    public Kind kind() {
        return kind;
    }

    /** @return how long the exchange asked us to wait before the next request, 0 when it did not say. */
    public long retryAfterMs() {
        return retryAfterMs;
    }
}
