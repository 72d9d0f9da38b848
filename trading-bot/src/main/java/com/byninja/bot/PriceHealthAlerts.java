package com.byninja.bot;

import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.marketdata.MarketMonitor;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * Turns a market monitor's persistent price failures, and their end, into alerts. They count one symbol's price
 * requests, one per poll however often the exchange was tried for it, which their words say: an exchange's own alerts
 * count every try of every call, and come to far more during the same outage.
 */
final class PriceHealthAlerts implements MarketMonitor.HealthListener {

    private final Alerts alerts;

    PriceHealthAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void onPricesFailing(Symbol symbol, int consecutiveErrors, String lastError) {
        ObjectNode data = Money.object();
        data.put("symbol", symbol.toString());
        data.put("consecutiveFailures", consecutiveErrors);
        data.put("error", lastError);
        alerts.raise(new Alert(AlertKind.EXCHANGE_ERRORS, "No prices: the last "
                + Money.count(consecutiveErrors, "price request", "price requests") + " failed, the last: "
                + lastError + ". No new positions here until prices return.", symbol, data));
    }

    @Override
    public void onPricesRecovered(Symbol symbol, int failedPolls, Duration without) {
        ObjectNode data = Money.object();
        data.put("symbol", symbol.toString());
        data.put("failedRequests", failedPolls);
        data.put("failingMs", without.toMillis());
        alerts.raise(new Alert(AlertKind.EXCHANGE_RECOVERED, "Prices are back after "
                + Durations.words(without.toMillis()) + " without: "
                + Money.count(failedPolls, "price request", "price requests") + " (one a poll) failed meanwhile.",
                symbol, data));
    }
}
