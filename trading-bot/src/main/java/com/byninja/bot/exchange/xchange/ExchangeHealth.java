package com.byninja.bot.exchange.xchange;

import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.engine.port.Alerts;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the exchange's failed calls in a row, from every thread that calls it. At {@code exchange.failureAlertAfter}
 * it raises one alert and pauses buying; the first answer after that resumes buying with a second alert. An answer
 * that refuses something (an order rejected, an order not found) is an answer: the exchange is up.
 */
final class ExchangeHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHealth.class);

    private final String exchange;
    private final int alertAfter;
    private final Alerts alerts;
    private int consecutiveFailures;
    private volatile boolean paused;

    ExchangeHealth(String exchange, int alertAfter, Alerts alerts) {
        this.exchange = exchange;
        this.alertAfter = alertAfter;
        this.alerts = alerts;
    }

    /** The exchange answered. */
    void answered() {
        int failed;
        synchronized (this) {
            failed = consecutiveFailures;
            consecutiveFailures = 0;
            if (!paused) {
                return;
            }
            paused = false;
        }
        LOG.warn("{} answers again after {} failed call(s); buying resumes", exchange, failed);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("exchange", exchange);
        data.put("failedCalls", failed);
        alerts.raise(new Alert(AlertKind.EXCHANGE_RECOVERED, exchange + " answers again after " + failed
                + " failed call(s); buying resumes", null, data));
    }

    /** A call failed on the way (network, timeout, server error, rate limit). */
    void failed(String error) {
        int failed;
        synchronized (this) {
            failed = ++consecutiveFailures;
            if (paused || failed < alertAfter) {
                return;
            }
            paused = true;
        }
        LOG.error("{}: {} calls failed in a row, the last: {}; buying is paused until it answers again", exchange,
                failed, error);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("exchange", exchange);
        data.put("failedCalls", failed);
        data.put("error", error);
        alerts.raise(new Alert(AlertKind.EXCHANGE_FAILING, exchange + ": " + failed + " calls failed in a row (" + error
                + "); buying is paused until it answers again", null, data));
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
