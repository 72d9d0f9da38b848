package com.byninja.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.Symbol;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A symbol's price alerts say what they count: one price request a poll, not every try of every call. */
class PriceHealthAlertsTest {

    final RecordingAlerts alerts = new RecordingAlerts();
    final PriceHealthAlerts health = new PriceHealthAlerts(alerts);
    final Symbol btc = new Symbol("BTC", "USDT");

    @Test
    void pricesFailingAndBackAreTwoAlertsAboutTheSymbolWithoutRepeatingIt() {
        health.onPricesFailing(btc, 5, "HTTP 503 Service Unavailable");
        health.onPricesRecovered(btc, 18, Duration.ofSeconds(150));

        assertThat(alerts.events()).containsExactly("exchange_errors", "exchange_recovered");
        assertThat(alerts.alerts).extracting(RecordingAlerts.Alert::symbol).containsOnly("BTC/USDT");
        assertThat(alerts.alerts.get(0).text()).isEqualTo("No prices: the last 5 price requests failed, the last: "
                + "HTTP 503 Service Unavailable. No new positions here until prices return.");
        assertThat(alerts.alerts.get(1).text()).isEqualTo("Prices are back after 2 min without: 18 price requests (one "
                + "a poll) failed meanwhile.");
    }

    @Test
    void oneFailedRequestIsSingular() {
        health.onPricesRecovered(btc, 1, Duration.ofSeconds(1));

        assertThat(alerts.last().text()).isEqualTo("Prices are back after 1 s without: 1 price request (one a poll) "
                + "failed meanwhile.");
    }
}
