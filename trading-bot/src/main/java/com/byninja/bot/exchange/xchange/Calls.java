package com.byninja.bot.exchange.xchange;

import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.ExchangeException.Kind;
import com.byninja.runtime.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs exchange calls and tells {@link ExchangeHealth} how they went. Reads are tried again after a failure, waiting
 * from {@value #FIRST_DELAY_MS} ms and doubling up to a cap, or as long as a rate limit's Retry-After asks when that
 * is within the cap. Writes go out once: {@link #once} never tries again, so the caller decides (by looking the
 * order up) what to do when the answer is lost. Every call is bounded by the HTTP timeouts of the client.
 */
public final class Calls {

    /** A call to the exchange's client. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    /** How retries wait: {@code Thread::sleep}, or in tests one that records the waits. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long ms) throws InterruptedException;
    }

    /** The wait before a read's second try; an order a rate limit refused waits at least this long too. */
    public static final long FIRST_DELAY_MS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

    private final ExchangeHealth health;
    private final XChangeErrors errors;
    private final int retries;
    private final long maxDelayMs;
    private final Sleeper sleeper;

    Calls(ExchangeHealth health, XChangeErrors errors, int retries, long maxDelayMs, Sleeper sleeper) {
        this.health = health;
        this.errors = errors;
        this.retries = retries;
        this.maxDelayMs = maxDelayMs;
        this.sleeper = sleeper;
    }

    /**
     * A read, tried up to {@code 1 + readRetries} times. Refusals (4xx other than rate limits) are not tried again.
     *
     * @throws ExchangeException the last failure
     */
    public <T> T read(String what, Call<T> call) throws ExchangeException {
        // A cap below the first delay makes every wait the cap.
        Backoff backoff = Backoff.of(Math.min(FIRST_DELAY_MS, maxDelayMs), maxDelayMs);
        for (int attempt = 0; ; attempt++) {
            ExchangeException failure;
            try {
                T result = call.call();
                health.answered();
                return result;
            } catch (Exception e) {
                failure = errors.adapt(what, e);
            }
            if (failure.kind() == Kind.REFUSED) {
                health.answered();
                throw failure;
            }
            health.failed(failure.getMessage());
            long wait = Math.min(Math.max(backoff.next(), failure.retryAfterMs()), maxDelayMs);
            if (attempt >= retries || failure.retryAfterMs() > maxDelayMs) {
                throw failure;
            }
            LOG.debug("{}; trying again in {} ms", failure.getMessage(), wait);
            pause(wait, failure);
        }
    }

    /**
     * A write, sent once.
     *
     * @throws Exception what the call threw, for the caller to classify; health is already told
     */
    public <T> T once(Call<T> call) throws Exception {
        try {
            T result = call.call();
            health.answered();
            return result;
        } catch (Exception e) {
            if (errors.orderRefusal(e).isPresent() || errors.adapt("order", e).kind() == Kind.REFUSED) {
                health.answered();
            } else {
                health.failed(XChangeErrors.message(e));
            }
            throw e;
        }
    }

    /** Waits before a try, as long as a rate limit asked (within the cap), else {@code ms}. */
    public void pause(long ms, ExchangeException cause) throws ExchangeException {
        try {
            sleeper.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    /** @return how the exchange's errors read, for the callers of {@link #once}. */
    public XChangeErrors errors() {
        return errors;
    }

    /** @return the longest wait between two tries. */
    public long maxDelayMs() {
        return maxDelayMs;
    }
}
