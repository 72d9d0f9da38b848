package com.byninja.bot.exchange.xchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.ExecutionReport;
import com.byninja.bot.exchange.Fee;
import com.byninja.bot.exchange.OrderRequest;
import com.byninja.bot.exchange.Symbol;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live orders through the real xchange-binance module against the local Binance stub. */
class BinanceLiveOrdersTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    @TempDir
    Path dir;
    BinanceStub stub;
    Database db;
    final RecordingAlerts alerts = new RecordingAlerts();

    @BeforeEach
    void start() throws Exception {
        stub = new BinanceStub();
        db = Database.open(dir.resolve("test.db"));
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
        stub.close();
    }

    XChangeExchange open(String more) throws Exception {
        return XChangeExchange.open(StubConfigs.live(dir, stub, more), db, Clock.systemUTC(), alerts);
    }

    @Test
    void openingLiveModeSaysSoInAnAlert() throws Exception {
        open("");

        assertThat(alerts.events()).containsExactly("live_trading");
        assertThat(alerts.last().text()).startsWith("LIVE TRADING on binance").doesNotContain("stub-key", "stub-secret");
    }

    @Test
    void aMarketBuyCarriesItsClientOrderIdAndReportsTheFill() throws Exception {
        XChangeExchange exchange = open("");

        ExecutionReport report = exchange.execution().placeMarketOrder(
                OrderRequest.buy("bn-test-1", BTC, new BigDecimal("100")));

        assertThat(stub.requests("POST", "/api/v3/order")).singleElement().satisfies(r -> {
            assertThat(r.params()).containsEntry("newClientOrderId", "bn-test-1")
                    .containsEntry("symbol", "BTCUSDT").containsEntry("side", "BUY").containsEntry("type", "MARKET")
                    .containsEntry("quoteOrderQty", "100").doesNotContainKey("quantity");
        });
        // 100 / 60000 = 0.001666.. rounded down to the stub's 5 decimals: 0.00166 BTC for 99.6 USDT, fee 0.0996.
        assertThat(report.status()).isEqualTo(ExecutionReport.Status.FILLED);
        assertThat(report.clientOrderId()).isEqualTo("bn-test-1");
        assertThat(report.filledQuantity()).isEqualByComparingTo("0.00166");
        assertThat(report.averagePrice()).isEqualByComparingTo("60000");
        assertThat(report.fees()).containsExactly(new Fee(new BigDecimal("0.0996"), "USDT"));
        assertThat(report.quoteQuantity()).isEqualByComparingTo("99.6");
        assertThat(report.exchangeOrderId()).isEqualTo(Long.toString(stub.orders.get(0).orderId()));
    }

    @Test
    void aSellIsRoundedDownToTheStepAndASellBelowTheMinimumIsRefusedWithTheReason() throws Exception {
        XChangeExchange exchange = open("");

        ExecutionReport sold = exchange.execution().placeMarketOrder(
                OrderRequest.sell("bn-sell-1", BTC, new BigDecimal("0.001669999")));
        assertThat(stub.requests("POST", "/api/v3/order").get(0).params()).containsEntry("quantity", "0.00166");
        assertThat(sold.filledQuantity()).isEqualByComparingTo("0.00166");

        ExecutionReport dust = exchange.execution().placeMarketOrder(
                OrderRequest.sell("bn-sell-2", BTC, new BigDecimal("0.000009")));
        assertThat(dust.status()).isEqualTo(ExecutionReport.Status.REJECTED);
        assertThat(dust.reason()).isEqualTo("quantity 0 BTC is below the exchange minimum of 0.00001 BTC "
                + "(step 0.00001) for BTC/USDT");
        assertThat(stub.requests("POST", "/api/v3/order")).hasSize(1);
    }

    @Test
    void anOrderWhoseAnswerTimesOutIsLookedUpByClientOrderIdAndNeverSentTwice() throws Exception {
        XChangeExchange exchange = XChangeExchange.open(StubConfigs.live(dir, stub, 300), db, Clock.systemUTC(),
                alerts);
        stub.orderAnswerDelayMs = 3_000;

        ExecutionReport report = exchange.execution().placeMarketOrder(
                OrderRequest.buy("bn-slow-1", BTC, new BigDecimal("100")));

        assertThat(report.status()).isEqualTo(ExecutionReport.Status.FILLED);
        assertThat(report.filledQuantity()).isEqualByComparingTo("0.00166");
        assertThat(stub.requests("POST", "/api/v3/order")).hasSize(1);
        assertThat(stub.orders).hasSize(1);
        assertThat(stub.requests("GET", "/api/v3/order")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.params()).containsEntry("origClientOrderId", "bn-slow-1"));
    }

    @Test
    void anOrderLostBeforeItReachedTheExchangeStaysUnknownUntilALaterLookup() throws Exception {
        XChangeExchange exchange = open("");
        stub.failNext("/api/v3/order", new BinanceStub.Fault(502, 0, "<html>bad gateway</html>"));

        assertThatThrownBy(() -> exchange.execution().placeMarketOrder(
                OrderRequest.buy("bn-lost-1", BTC, new BigDecimal("100"))))
                .isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExchangeException.Kind.UNAVAILABLE));

        assertThat(stub.requests("POST", "/api/v3/order")).hasSize(1);
        assertThat(stub.orders).isEmpty();
        assertThat(exchange.execution().findOrder(OrderRequest.buy("bn-lost-1", BTC, new BigDecimal("100"))))
                .isEmpty();
    }

    @Test
    void aRateLimitedOrderIsLookedUpAfterTheWaitAndSentAgainOnlyBecauseTheExchangeNeverGotIt() throws Exception {
        XChangeExchange exchange = open("");
        stub.failNext("/api/v3/order", BinanceStub.rateLimit(429, 1));

        ExecutionReport report = exchange.execution().placeMarketOrder(
                OrderRequest.buy("bn-limited-1", BTC, new BigDecimal("100")));

        assertThat(report.status()).isEqualTo(ExecutionReport.Status.FILLED);
        assertThat(stub.requests).extracting(r -> r.method() + " " + r.path()).containsSubsequence(
                "POST /api/v3/order", "GET /api/v3/order", "POST /api/v3/order");
        assertThat(stub.orders).singleElement().satisfies(o -> assertThat(o.clientOrderId()).isEqualTo("bn-limited-1"));
    }

    @Test
    void anIpBanOnAnOrderIsNotWaitedOutAndSendsNothingMore() throws Exception {
        XChangeExchange exchange = open("");
        stub.failNext("/api/v3/order", BinanceStub.rateLimit(418, 600));

        ExecutionReport report = exchange.execution().placeMarketOrder(
                OrderRequest.buy("bn-banned-1", BTC, new BigDecimal("100")));

        assertThat(report.status()).isEqualTo(ExecutionReport.Status.REJECTED);
        assertThat(report.reason()).startsWith("rate limited by binance, not placed");
        assertThat(stub.requests("POST", "/api/v3/order")).hasSize(1);
        assertThat(stub.orders).isEmpty();
    }

    @Test
    void insufficientFundsIsARejectionWithTheExchangesWords() throws Exception {
        XChangeExchange exchange = open("");
        stub.failNext("/api/v3/order", new BinanceStub.Fault(400, 0,
                "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}"));

        ExecutionReport report = exchange.execution().placeMarketOrder(
                OrderRequest.buy("bn-poor-1", BTC, new BigDecimal("100")));

        assertThat(report.status()).isEqualTo(ExecutionReport.Status.REJECTED);
        assertThat(report.reason()).startsWith("insufficient funds: Account has insufficient balance");
        assertThat(exchange.buyingPaused()).isFalse();
    }

    @Test
    void balancesAreTheFreeAmountsOfTheAccount() throws Exception {
        XChangeExchange exchange = open("");
        stub.balances.put("BTC", new BigDecimal("0.5"));

        assertThat(exchange.execution().balances()).containsEntry("USDT", new BigDecimal("10000"))
                .containsEntry("BTC", new BigDecimal("0.5"));
        assertThat(stub.requests("GET", "/api/v3/account")).singleElement()
                .satisfies(r -> assertThat(r.params()).containsKeys("signature", "timestamp"));
    }
}
