package com.byninja.telegram.telegram;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * One kind of call to Telegram that fails for a while, such as polling or sending to one chat: a transient Bot API
 * error (5xx, a network error) is retried for as long as it lasts, so the log says once, at WARN, that it started
 * failing, and once, at INFO, that it works again. Each failure in between, with its stack trace, is logged at DEBUG
 * only.
 */
final class Outage {
    private final Logger log;
    private final String what;
    private int failures;
    private long sinceNanos;

    /**
     * @param log  where to say it
     * @param what the calls, as the start of a sentence: {@code Polling Telegram}, {@code Sending to chat 42}
     */
    Outage(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /**
     * A call failed and will be tried again.
     *
     * @param reason one line, scrubbed of the token, such as {@code HTTP 502 Bad Gateway}
     * @param detail the exception, for DEBUG; may be null
     */
    synchronized void failed(String reason, Throwable detail) {
        if (failures++ == 0) {
            sinceNanos = System.nanoTime();
            log.warn("{} failed ({}); retrying until it works again, without logging each failure", what, reason);
        } else {
            log.debug("{} failed again ({}), {} failures in a row", what, reason, failures);
        }
        if (detail != null) {
            log.debug("{} failed", what, detail);
        }
    }

    /** A call went through: ends the outage, if there was one. */
    synchronized void succeeded() {
        if (failures == 0) {
            return;
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sinceNanos);
        log.info("{} works again after {} s ({} failed attempt{})", what, seconds, failures, failures == 1 ? "" : "s");
        failures = 0;
    }

    /** @return failures in a row so far, 0 when the calls work */
    synchronized int failures() {
        return failures;
    }
}
