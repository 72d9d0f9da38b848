package com.byninja.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The default {@link ErrorHandler}: counts every failure, under {@code errors} and {@code errors.ROLE}, and logs the
 * first failure of a role at ERROR with its stack trace, then at most one per quiet period (a minute), which says how
 * many were not logged since; those are logged at DEBUG. A role failing on every step thus costs one line a minute,
 * not a flood, and the counts still say how often it failed.
 */
public final class LoggingErrorHandler implements ErrorHandler {

    /** The counter of every failure, of every role. */
    public static final String ERRORS = "errors";
    private static final long QUIET_MS = 60_000;

    private final Logger log;
    private final Counters counters;
    private final Function<Throwable, String> describe;
    private final long quietNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Quiet> roles = new ConcurrentHashMap<>();

    /** When a role's failure was last logged, and how many failures were not logged since. */
    private static final class Quiet {
        boolean logged;
        long loggedAtNanos;
        long unlogged;
    }

    LoggingErrorHandler(Logger log, Counters counters, Function<Throwable, String> describe) {
        this(log, counters, describe, QUIET_MS, System::nanoTime);
    }

    /**
     * @param quietMs  the least time between two failures of one role logged at ERROR
     * @param nanoTime the clock of the quiet period, {@link System#nanoTime()} outside tests
     */
    LoggingErrorHandler(Logger log, Counters counters, Function<Throwable, String> describe, long quietMs,
                        LongSupplier nanoTime) {
        this.log = log;
        this.counters = counters;
        this.describe = describe;
        this.quietNanos = TimeUnit.MILLISECONDS.toNanos(quietMs);
        this.nanoTime = nanoTime;
    }

    /** @return the name of the counter of {@code role}'s failures */
    public static String counterOf(String role) {
        return ERRORS + "." + role;
    }

    @Override
    public void onWorkError(String role, Throwable error) {
        report(role, "failed", error);
    }

    @Override
    public void onStartError(String role, Throwable error) {
        report(role, "could not start", error);
    }

    @Override
    public void onCloseError(String role, Throwable error) {
        report(role, "did not close cleanly", error);
    }

    /** @return failures of every role so far */
    public long errors() {
        return counters.count(ERRORS);
    }

    /** @return failures of {@code role} so far */
    public long errors(String role) {
        return counters.count(counterOf(role));
    }

    private void report(String role, String what, Throwable error) {
        counters.increment(ERRORS);
        counters.increment(counterOf(role));
        Quiet quiet = roles.computeIfAbsent(role, r -> new Quiet());
        long unlogged;
        synchronized (quiet) {
            long now = nanoTime.getAsLong();
            if (quiet.logged && now - quiet.loggedAtNanos < quietNanos) {
                quiet.unlogged++;
                log.debug("{} {}: {}", role, what, describe.apply(error), error);
                return;
            }
            unlogged = quiet.unlogged;
            quiet.logged = true;
            quiet.loggedAtNanos = now;
            quiet.unlogged = 0;
        }
        if (unlogged == 0) {
            log.error("{} {}: {}", role, what, describe.apply(error), error);
        } else {
            log.error("{} {}: {} ({} more failure{} since the last one logged)", role, what, describe.apply(error),
                    unlogged, unlogged == 1 ? "" : "s", error);
        }
    }
}
