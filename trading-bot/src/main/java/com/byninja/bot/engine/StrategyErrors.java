package com.byninja.bot.engine;

import com.byninja.bot.domain.Symbol;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failures of a plug-in strategy, which never stop the trading thread: each is counted ({@code strategyErrors} in
 * {@code status}) and the first of each kind is logged with its stack trace. A kind is what the bot asked (a decision,
 * an explanation, the strategy itself), the exception's class and the line that threw it, so a bug that throws on
 * every candle is one line in the log, not one a candle. Counted on the trading thread, read from any.
 */
final class StrategyErrors {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);
    /** Kinds remembered for logging once; beyond that, failures are only counted. */
    static final int KINDS_REMEMBERED = 256;

    private final String strategy;
    private final Set<String> logged = new HashSet<>();
    private final AtomicLong count = new AtomicLong();

    /** @param strategy the strategy's name, for the log */
    StrategyErrors(String strategy) {
        this.strategy = strategy;
    }

    /**
     * @param asked  what the bot asked, such as {@code deciding on}
     * @param symbol the symbol it was asked about
     * @param at     when
     * @param what   what it did then, such as {@code the candle counts as hold}
     * @param e      what the strategy threw
     */
    void failed(String asked, Symbol symbol, Instant at, String what, Throwable e) {
        count.incrementAndGet();
        StackTraceElement[] trace = e.getStackTrace();
        String kind = asked + ' ' + e.getClass().getName() + ' ' + (trace.length > 0 ? trace[0] : "");
        if (logged.size() < KINDS_REMEMBERED && logged.add(kind)) {
            LOG.error("strategy {} failed {} {} at {}: {}; {}. Later failures of this kind are counted "
                    + "(strategy errors in /health), not logged", strategy, asked, symbol, at, e, what, e);
        }
    }

    /** @return failures since start */
    long count() {
        return count.get();
    }
}
