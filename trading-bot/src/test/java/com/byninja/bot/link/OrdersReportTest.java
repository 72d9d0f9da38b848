package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.Order;
import com.byninja.bot.link.StatusReport.Report;
import com.byninja.bot.orders.Submission;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code orders} answer: orders waiting for the exchange, those whose outcome is being looked up or was given up
 * on for this run, and filled ones whose fees are being looked up; on a real store, a live account's lookup window.
 */
class OrdersReportTest {

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void noOrderSaysSo() throws Exception {
        f = new TraderFixture(dir, "");

        Report r = Phone.fits(new OrdersReport(f.trader).orders());

        assertThat(r.text()).isEqualTo("No orders waiting for the exchange.");
        assertThat(r.data().path("inFlight")).isEmpty();
    }

    @Test
    void eachOrderWaitingForTheExchangeSaysWhatItWaitsForAndFeesBeingLookedUpFollow() throws Exception {
        f = new TraderFixture(dir, "", 120_000);
        Order buy = f.forceBuy(BTC, "50000");
        f.gateway.unknown(buy);
        f.drain();
        f.clock.advance(Duration.ofSeconds(2));
        Order eth = f.forceBuy(ETH, "3000");
        f.gateway.fillFeesUnknown(eth, "0.03", "3000", f.clock.instant());
        f.drain();
        f.clock.advance(Duration.ofSeconds(3));
        Order sell = ((Submission.Sent) f.trader.forceSell(ETH)).order();

        Report r = Phone.fits(new OrdersReport(f.trader).orders());

        assertThat(r.text()).isEqualTo("Orders waiting for the exchange: 2\n"
                + "BTC/USDT buy for 100.00 USDT\n"
                + " " + buy.clientOrderId() + " at 10:00:00 UTC\n"
                + " placed by /forcebuy\n"
                + " outcome unknown: asking the exchange\n"
                + "ETH/USDT sell 0.03 ETH\n"
                + " " + sell.clientOrderId() + " at 10:00:05 UTC\n"
                + " placed by /forcesell\n"
                + " waiting for the answer\n"
                + "Filled, fees being looked up: 1\n"
                + "ETH/USDT buy " + eth.clientOrderId() + "\n"
                + " filled at 10:00:02 UTC");
        assertThat(r.data().path("inFlight").path(0).toString()).isEqualTo("{\"orderId\":\"" + buy.clientOrderId()
                + "\",\"symbol\":\"BTC/USDT\",\"side\":\"buy\",\"purpose\":\"force_buy\",\"quoteAmount\":\"100\","
                + "\"createdAt\":\"2026-03-01T10:00:00Z\",\"outcomeUnknown\":true}");
        assertThat(r.data().path("inFlight").path(1).path("quantity").asText()).isEqualTo("0.03");
        assertThat(r.data().path("feesUnknown").path(0).path("filledAt").asText()).isEqualTo("2026-03-01T10:00:02Z");
    }

    @Test
    void anOrderGivenUpOnForThisRunIsListedUntilTheNextStartLooksItUp() throws Exception {
        f = new TraderFixture(dir, "", 120_000);
        Order buy = f.forceBuy(BTC, "50000");
        f.gateway.unknown(buy);
        f.drain();
        // Not found at any lookup within the two minutes of the window.
        for (int i = 0; i < 400 && f.trader.orders().inFlight(BTC).isPresent(); i++) {
            f.clock.advance(Duration.ofSeconds(1));
            int asked = f.gateway.lookups.size();
            f.trader.periodicChecks();
            if (f.gateway.lookups.size() > asked) {
                f.gateway.notFound(f.gateway.lookups.get(asked));
                f.drain();
            }
        }
        f.clock.advance(Duration.ofDays(1));

        Report r = Phone.fits(new OrdersReport(f.trader).orders());

        assertThat(r.text()).isEqualTo("No orders waiting for the exchange.\n"
                + "Outcome still unknown after the lookup window, looked up again at the next start: 1\n"
                + "BTC/USDT buy for 100.00 USDT\n"
                + " " + buy.clientOrderId() + " at 03-01 10:00 UTC");
        assertThat(r.data().path("givenUp").path(0).path("orderId").asText()).isEqualTo(buy.clientOrderId());
    }
}
