package com.byninja.runtime;

import java.util.function.Function;
import org.slf4j.Logger;

/**
 * What an {@link AgentRunner} does with a failure of its agent, one callback per phase as the Disruptor's exception
 * handler has: a failed step ({@link #onWorkError}), after which the agent carries on; a failed start, after which
 * it does no work; a failed close. A failure never ends a thread unsaid.
 */
public interface ErrorHandler {

    /** {@link Agent#doWork()} failed; the agent goes on with its next step. */
    void onWorkError(String role, Throwable error);

    /** {@link Agent#onStart()} failed; the agent does no work. */
    default void onStartError(String role, Throwable error) {
        onWorkError(role, error);
    }

    /** {@link Agent#onClose()} or {@link Agent#onStopRequested()} failed. */
    default void onCloseError(String role, Throwable error) {
        onWorkError(role, error);
    }

    /**
     * @param log      where to say it
     * @param counters where to count it
     * @return the default handler: each failure counted, the first of a role logged at ERROR with its stack trace, then
     *         at most one a minute, saying how many were not
     */
    static LoggingErrorHandler logging(Logger log, Counters counters) {
        return new LoggingErrorHandler(log, counters, Throwable::toString);
    }

    /**
     * @param describe the failure in one line, such as a description with secrets taken out
     * @return {@link #logging(Logger, Counters)}, with each failure described by {@code describe}
     */
    static LoggingErrorHandler logging(Logger log, Counters counters, Function<Throwable, String> describe) {
        return new LoggingErrorHandler(log, counters, describe);
    }
}
