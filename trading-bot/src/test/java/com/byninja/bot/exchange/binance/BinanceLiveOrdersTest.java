package com.byninja.bot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.Exchanges;
import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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

    Exchange open(String more) throws Exception {
        return Exchanges.open(StubConfigs.live(dir, stub, more), db, Clock.systemUTC(), alerts);
    }

    @Test
    void openingLiveModeSaysSoInAnAlert() throws Exception {
        open("");

        assertThat(alerts.events()).containsExactly("live_trading");
        assertThat(alerts.last().text()).startsWith("LIVE TRADING on binance").doesNotContain("stub-key", "stub-secret");
    }

    @Test
    void aMarketBuyCarriesItsClientOrderIdAndReportsTheFill() throws Exception {
        Exchange exchange = open("");

        ExecutionReport report = exchange.execution().placeOrder(
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
    void aBuyWhoseFeeIsChargedInTheCoinBoughtReportsTheGrossQuantityTheExactQuoteAndTheFeeInThatCoin()
            throws Exception {
        Exchange exchange = open("");
        stub.feeCharge = BinanceStub.FeeCharge.RECEIVED;
        OrderRequest buy = OrderRequest.buy("bn-coinfee-1", BTC, new BigDecimal("100"));

        ExecutionReport placed = exchange.execution().placeOrder(buy);
        ExecutionReport found = exchange.execution().findOrder(buy).orElseThrow();

        // 0.00166 BTC at 60000 = 99.6 USDT; the fee, 0.1 % of the coins bought: 0.00166 * 0.001 = 0.00000166 BTC
        for (ExecutionReport r : List.of(placed, found)) {
            assertThat(r.filledQuantity()).isEqualByComparingTo("0.00166");
            assertThat(r.quoteQuantity()).isEqualByComparingTo("99.6");
            assertThat(r.fees()).containsExactly(new Fee(new BigDecimal("0.00000166"), "BTC"));
            assertThat(r.fee("USDT")).isZero();
            assertThat(r.feesKnown()).isTrue();
        }
    }

    @Test
    void anOrderWhoseFillsPaidPartInBnbAndPartInTheCoinBoughtReportsBothFees() throws Exception {
        Exchange exchange = open("");
        stub.queueFills(BinanceStub.StubFill.of("60000", "0.001", "0.000075", "BNB"),
                BinanceStub.StubFill.of("60001", "0.00066", "0.00000066", "BTC"));
        OrderRequest buy = OrderRequest.buy("bn-mixed-1", BTC, new BigDecimal("100"));

        ExecutionReport placed = exchange.execution().placeOrder(buy);
        ExecutionReport found = exchange.execution().findOrder(buy).orElseThrow();

        for (ExecutionReport r : List.of(placed, found)) {
            assertThat(r.fees()).containsExactly(new Fee(new BigDecimal("0.000075"), "BNB"),
                    new Fee(new BigDecimal("0.00000066"), "BTC"));
            assertThat(r.filledQuantity()).isEqualByComparingTo("0.00166");
            // 0.001 * 60000 + 0.00066 * 60001 = 60 + 39.60066
            assertThat(r.quoteQuantity()).isEqualByComparingTo("99.60066");
        }
    }

    @Test
    void thePlacedOrdersQuoteAmountIsTheExactSumOfItsFillsNotQuantityTimesARoundedAverage() throws Exception {
        Exchange exchange = open("");
        stub.queueFills(BinanceStub.StubFill.of("60000.01", "0.0005", "0.03000001", "USDT"),
                BinanceStub.StubFill.of("60000.37", "0.0007", "0.04200026", "USDT"),
                BinanceStub.StubFill.of("60001.99", "0.00046", "0.02760092", "USDT"));

        ExecutionReport r = exchange.execution().placeOrder(
                OrderRequest.buy("bn-three-1", BTC, new BigDecimal("100")));

        // 60000.01 * 0.0005 + 60000.37 * 0.0007 + 60001.99 * 0.00046 = 30.000005 + 42.000259 + 27.6009154
        // = 99.6011794, where 0.00166 times the average rounded to the tick (60000.71) would be 99.6011786
        assertThat(r.quoteQuantity()).isEqualByComparingTo("99.6011794");
        assertThat(r.filledQuantity()).isEqualByComparingTo("0.00166");
        // 0.03000001 + 0.04200026 + 0.02760092
        assertThat(r.fees()).containsExactly(new Fee(new BigDecimal("0.09960119"), "USDT"));
    }

    @Test
    void aPlacedOrderAnsweredWithoutItsFillsIsLookedUpForItsExactQuote() throws Exception {
        Exchange exchange = open("");
        stub.answersWithoutFills = true;

        ExecutionReport r = exchange.execution().placeOrder(
                OrderRequest.buy("bn-nofills-1", BTC, new BigDecimal("100")));

        // 0.00166 BTC at 60000: Binance's cummulativeQuoteQty 99.6, fee 0.1 % of it from the trades
        assertThat(r.quoteQuantity()).isEqualByComparingTo("99.6");
        assertThat(r.fees()).containsExactly(new Fee(new BigDecimal("0.0996"), "USDT"));
        assertThat(stub.requests("POST", "/api/v3/order")).hasSize(1);
        assertThat(stub.requests("GET", "/api/v3/order")).singleElement()
                .satisfies(q -> assertThat(q.params()).containsEntry("origClientOrderId", "bn-nofills-1"));
    }

    @Test
    void aLookedUpOrderWhoseTradesCannotBeReadHasUnknownFeesAndBinancesQuoteUntilALaterLookupReadsThem()
            throws Exception {
        Exchange exchange = open("");
        stub.addFilledOrder("BTCUSDT", "bn-notrades-1", "BUY",
                BinanceStub.StubFill.of("60000.01", "0.0005", "0.0000005", "BTC"),
                BinanceStub.StubFill.of("60000.37", "0.0007", "0.0000007", "BTC"),
                BinanceStub.StubFill.of("60001.99", "0.00046", "0.00000046", "BTC"));
        for (int i = 0; i < 3; i++) {
            stub.failNext("/api/v3/myTrades", new BinanceStub.Fault(503, 0, "{\"code\":-1001,\"msg\":\"down\"}"));
        }
        OrderRequest buy = OrderRequest.buy("bn-notrades-1", BTC, new BigDecimal("100"));

        ExecutionReport first = exchange.execution().findOrder(buy).orElseThrow();

        assertThat(first.status()).isEqualTo(ExecutionReport.Status.FILLED);
        assertThat(first.feesKnown()).isFalse();
        assertThat(first.fees()).isEmpty();
        assertThat(first.filledQuantity()).isEqualByComparingTo("0.00166");
        // Binance's cummulativeQuoteQty, exact without the trades: 30.000005 + 42.000259 + 27.6009154
        assertThat(first.quoteQuantity()).isEqualByComparingTo("99.6011794");
        assertThat(stub.requests("GET", "/api/v3/myTrades")).hasSize(3);

        ExecutionReport later = exchange.execution().findOrder(buy).orElseThrow();

        assertThat(later.feesKnown()).isTrue();
        // 0.0000005 + 0.0000007 + 0.00000046
        assertThat(later.fees()).containsExactly(new Fee(new BigDecimal("0.00000166"), "BTC"));
        assertThat(later.quoteQuantity()).isEqualByComparingTo("99.6011794");
    }

    @Test
    void aSellTheAccountCannotCoverIsRefusedAsInsufficientBalance() throws Exception {
        Exchange exchange = open("");
        stub.settles = true;
        stub.balances.put("BTC", new BigDecimal("0.001"));

        ExecutionReport r = exchange.execution().placeOrder(
                OrderRequest.sell("bn-oversell-1", BTC, new BigDecimal("0.002")));

        assertThat(r.status()).isEqualTo(ExecutionReport.Status.REJECTED);
        assertThat(r.refusal()).isEqualTo(ExecutionReport.Refusal.INSUFFICIENT_BALANCE);
        assertThat(r.reason()).startsWith("insufficient funds: Account has insufficient balance");
        assertThat(stub.balances.get("BTC")).isEqualByComparingTo("0.001");
        assertThat(exchange.buyingPaused()).isFalse();
    }

    @Test
    void aSellIsRoundedDownToTheStepAndASellBelowTheMinimumIsRefusedWithTheReason() throws Exception {
        Exchange exchange = open("");

        ExecutionReport sold = exchange.execution().placeOrder(
                OrderRequest.sell("bn-sell-1", BTC, new BigDecimal("0.001669999")));
        assertThat(stub.requests("POST", "/api/v3/order").get(0).params()).containsEntry("quantity", "0.00166");
        assertThat(sold.filledQuantity()).isEqualByComparingTo("0.00166");

        ExecutionReport dust = exchange.execution().placeOrder(
                OrderRequest.sell("bn-sell-2", BTC, new BigDecimal("0.000009")));
        assertThat(dust.status()).isEqualTo(ExecutionReport.Status.REJECTED);
        assertThat(dust.reason()).isEqualTo("quantity 0 BTC is below the exchange minimum of 0.00001 BTC "
                + "(step 0.00001) for BTC/USDT");
        assertThat(stub.requests("POST", "/api/v3/order")).hasSize(1);
    }

    @Test
    void anOrderWhoseAnswerTimesOutIsLookedUpByClientOrderIdAndNeverSentTwice() throws Exception {
        Exchange exchange = Exchanges.open(StubConfigs.live(dir, stub, 300), db, Clock.systemUTC(),
                alerts);
        stub.orderAnswerDelayMs = 3_000;

        ExecutionReport report = exchange.execution().placeOrder(
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
        Exchange exchange = open("");
        stub.failNext("/api/v3/order", new BinanceStub.Fault(502, 0, "<html>bad gateway</html>"));

        assertThatThrownBy(() -> exchange.execution().placeOrder(
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
        Exchange exchange = open("");
        stub.failNext("/api/v3/order", BinanceStub.rateLimit(429, 1));

        ExecutionReport report = exchange.execution().placeOrder(
                OrderRequest.buy("bn-limited-1", BTC, new BigDecimal("100")));

        assertThat(report.status()).isEqualTo(ExecutionReport.Status.FILLED);
        assertThat(stub.requests).extracting(r -> r.method() + " " + r.path()).containsSubsequence(
                "POST /api/v3/order", "GET /api/v3/order", "POST /api/v3/order");
        assertThat(stub.orders).singleElement().satisfies(o -> assertThat(o.clientOrderId()).isEqualTo("bn-limited-1"));
    }

    @Test
    void anIpBanOnAnOrderIsNotWaitedOutAndSendsNothingMore() throws Exception {
        Exchange exchange = open("");
        stub.failNext("/api/v3/order", BinanceStub.rateLimit(418, 600));

        ExecutionReport report = exchange.execution().placeOrder(
                OrderRequest.buy("bn-banned-1", BTC, new BigDecimal("100")));

        assertThat(report.status()).isEqualTo(ExecutionReport.Status.REJECTED);
        assertThat(report.reason()).startsWith("rate limited by binance, not placed");
        assertThat(stub.requests("POST", "/api/v3/order")).hasSize(1);
        assertThat(stub.orders).isEmpty();
    }

    @Test
    void insufficientFundsIsARejectionWithTheExchangesWords() throws Exception {
        Exchange exchange = open("");
        stub.failNext("/api/v3/order", new BinanceStub.Fault(400, 0,
                "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}"));

        ExecutionReport report = exchange.execution().placeOrder(
                OrderRequest.buy("bn-poor-1", BTC, new BigDecimal("100")));

        assertThat(report.status()).isEqualTo(ExecutionReport.Status.REJECTED);
        assertThat(report.refusal()).isEqualTo(ExecutionReport.Refusal.INSUFFICIENT_BALANCE);
        assertThat(report.reason()).startsWith("insufficient funds: Account has insufficient balance");
        assertThat(exchange.buyingPaused()).isFalse();
    }

    @Test
    void balancesAreTheFreeAmountsOfTheAccount() throws Exception {
        Exchange exchange = open("");
        stub.balances.put("BTC", new BigDecimal("0.5"));

        assertThat(exchange.execution().balances()).containsEntry("USDT", new BigDecimal("10000"))
                .containsEntry("BTC", new BigDecimal("0.5"));
        assertThat(stub.requests("GET", "/api/v3/account")).singleElement()
                .satisfies(r -> assertThat(r.params()).containsKeys("signature", "timestamp"));
    }
}
