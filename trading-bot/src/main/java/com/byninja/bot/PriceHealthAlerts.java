package com.byninja.bot;

import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.marketdata.MarketMonitor;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns a market monitor's persistent price failures, and their end, into alerts. */
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
        alerts.raise(new Alert(AlertKind.EXCHANGE_ERRORS, "No prices for " + symbol + ": " + consecutiveErrors
                + " requests in a row failed (" + lastError + "); no new positions until prices return", symbol,
                data));
    }

    @Override
    public void onPricesRecovered(Symbol symbol, int failedPolls) {
        ObjectNode data = Money.object();
        data.put("symbol", symbol.toString());
        data.put("failedRequests", failedPolls);
        alerts.raise(new Alert(AlertKind.EXCHANGE_RECOVERED, "Prices for " + symbol + " are back after " + failedPolls
                + " failed requests", symbol, data));
    }
}
