package com.byninja.bot.exchange.xchange;

import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.domain.Money;
import com.byninja.bot.engine.port.Alerts;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the exchange's failed calls in a row, from every thread that calls it. At {@code exchange.failureAlertAfter}
 * it raises one alert and pauses buying; the first answer after that resumes buying with a second alert. An answer
 * that refuses something (an order rejected, an order not found) is an answer: the exchange is up.
 *
 * <p>A call is one try: a read tried four times that fails counts four, and every thread's calls count (each symbol's
 * prices and candles, orders, balances), so an outage counts many more failed calls than any one symbol's failed price
 * requests. The alerts say so, and how long it lasted. Their log lines are marked {@link Alerts#ALERTED}: the chat
 * hears of the event once, from the alert.
 */
final class ExchangeHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHealth.class);

    private final String exchange;
    private final int alertAfter;
    private final Alerts alerts;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant firstFailure;
    private volatile boolean paused;

    ExchangeHealth(String exchange, int alertAfter, Alerts alerts, Clock clock) {
        this.exchange = exchange;
        this.alertAfter = alertAfter;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The exchange answered. */
    void answered() {
        int failed;
        Instant since;
        synchronized (this) {
            failed = consecutiveFailures;
            since = firstFailure;
            consecutiveFailures = 0;
            firstFailure = null;
            if (!paused) {
                return;
            }
            paused = false;
        }
        long downMs = Math.max(0, Duration.between(since, clock.instant()).toMillis());
        String calls = Money.count(failed, "call", "calls") + " failed meanwhile, counting every try of every call "
                + "(each symbol's prices and candles, orders, balances)";
        LOG.warn(Alerts.ALERTED, "{} answers again after {}: {}; buying resumes", exchange, Durations.words(downMs),
                calls);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("scope", "exchange");
        data.put("exchange", exchange);
        data.put("failedCalls", failed);
        data.put("failingMs", downMs);
        alerts.raise(new Alert(AlertKind.EXCHANGE_RECOVERED, exchange + " answers again after "
                + Durations.words(downMs) + ": " + calls + ". Buying resumes.", null, data));
    }

    /** A call failed on the way (network, timeout, server error, rate limit). */
    void failed(String error) {
        int failed;
        synchronized (this) {
            failed = ++consecutiveFailures;
            if (failed == 1) {
                firstFailure = clock.instant();
            }
            if (paused || failed < alertAfter) {
                return;
            }
            paused = true;
        }
        LOG.error(Alerts.ALERTED, "{}: {} calls failed in a row, the last: {}; buying is paused until it answers again",
                exchange, failed, error);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("scope", "exchange");
        data.put("exchange", exchange);
        data.put("failedCalls", failed);
        data.put("error", error);
        alerts.raise(new Alert(AlertKind.EXCHANGE_FAILING, exchange + " is failing: "
                + Money.count(failed, "call", "calls") + " in a row got no answer, the last: " + error
                + ". Buying is paused until it answers again; protective sells keep being tried.", null, data));
    }

    /** @return whether buying waits for the exchange to answer again. */
    boolean buyingPaused() {
        return paused;
    }

    /** @return failed calls in a row now. */
    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }
}
