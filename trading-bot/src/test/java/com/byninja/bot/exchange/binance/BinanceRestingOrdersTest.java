package com.byninja.bot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.Exchanges;
import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.ExecutionReport.Status;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.AccountView;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limit and stop-loss orders that rest on Binance, through the real xchange-binance module against the local stub:
 * BTCUSDT at 60000.00, tick 0.01, step 0.00001, minimum value 5 USDT, fees 0.1 % in USDT.
 */
class BinanceRestingOrdersTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    @TempDir
    Path dir;
    BinanceStub stub;
    Database db;
    Exchange exchange;
    Execution execution;

    @BeforeEach
    void start() throws Exception {
        stub = new BinanceStub();
        db = Database.open(dir.resolve("test.db"));
        exchange = Exchanges.open(StubConfigs.live(dir, stub, ""), db, Clock.systemUTC(), new RecordingAlerts());
        execution = exchange.execution();
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
        stub.close();
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static OrderRequest stop(String id, String quantity, String stopPrice, String limitPrice) {
        return OrderRequest.stopLoss(id, BTC, d(quantity), d(stopPrice), d(limitPrice));
    }

    BinanceStub.Request lastPost() {
        List<BinanceStub.Request> posts = stub.requests("POST", "/api/v3/order");
        return posts.get(posts.size() - 1);
    }

    @Test
    void aStopLossGoesOutAsAGoodTillCancelledStopLossLimitOnTheStepAndRestsOpen() throws Exception {
        ExecutionReport report = execution.placeOrder(stop("bn-stop-1", "0.001669999", "57000", "56900"));

        assertThat(lastPost().params()).containsEntry("symbol", "BTCUSDT").containsEntry("side", "SELL")
                .containsEntry("type", "STOP_LOSS_LIMIT").containsEntry("timeInForce", "GTC")
                .containsEntry("quantity", "0.00166").containsEntry("stopPrice", "57000.00")
                .containsEntry("price", "56900.00").containsEntry("newClientOrderId", "bn-stop-1")
                .doesNotContainKey("quoteOrderQty");
        assertThat(report.status()).isEqualTo(Status.OPEN);
        assertThat(report.filledQuantity()).isZero();
        assertThat(report.quoteQuantity()).isZero();
        assertThat(report.fees()).isEmpty();
        assertThat(report.feesKnown()).isTrue();
        assertThat(report.exchangeOrderId()).isEqualTo(Long.toString(stub.order("bn-stop-1").orderId()));
    }

    @Test
    void aPostOnlyLimitBuyGoesOutAsLimitMakerWithoutTimeInForceForWhatItsAmountPaysAtItsPrice() throws Exception {
        ExecutionReport report = execution.placeOrder(
                OrderRequest.limitBuy("bn-maker-1", BTC, d("100"), d("59000"), true));

        // 100 / 59000 = 0.0016949.. BTC, down to the step: 0.00169 (99.71 USDT)
        assertThat(lastPost().params()).containsEntry("type", "LIMIT_MAKER").containsEntry("side", "BUY")
                .containsEntry("quantity", "0.00169").containsEntry("price", "59000.00")
                .containsEntry("newClientOrderId", "bn-maker-1")
                .doesNotContainKeys("timeInForce", "quoteOrderQty", "stopPrice");
        assertThat(report.status()).isEqualTo(Status.OPEN);
        assertThat(report.filledQuantity()).isZero();
    }

    @Test
    void aStopWhoseAnswerTimesOutIsLookedUpAndFoundOpenWithoutBeingSentTwice() throws Exception {
        Execution slow = Exchanges.open(StubConfigs.live(dir, stub, 300), db, Clock.systemUTC(),
                new RecordingAlerts()).execution();
        stub.orderAnswerDelayMs = 3_000;

        ExecutionReport report = slow.placeOrder(stop("bn-slowstop-1", "0.002", "57000", "56900"));

        assertThat(report.status()).isEqualTo(Status.OPEN);
        assertThat(report.filledQuantity()).isZero();
        assertThat(stub.requests("POST", "/api/v3/order")).hasSize(1);
        assertThat(stub.requests("GET", "/api/v3/order")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.params()).containsEntry("origClientOrderId", "bn-slowstop-1"));
    }

    @Test
    void aRateLimitedLimitOrderIsLookedUpAfterTheWaitAndSentAgainOnlyBecauseBinanceNeverGotIt() throws Exception {
        stub.failNext("/api/v3/order", BinanceStub.rateLimit(429, 1));

        ExecutionReport report = execution.placeOrder(
                OrderRequest.limitBuy("bn-limitedlimit-1", BTC, d("100"), d("59000"), false));

        assertThat(report.status()).isEqualTo(Status.OPEN);
        assertThat(stub.requests).extracting(r -> r.method() + " " + r.path()).containsSubsequence(
                "POST /api/v3/order", "GET /api/v3/order", "POST /api/v3/order");
        assertThat(stub.orders).singleElement()
                .satisfies(o -> assertThat(o.clientOrderId()).isEqualTo("bn-limitedlimit-1"));
    }

    @Test
    void offTickPricesAreRoundedSoThatNoOrderDoesWorseThanAsked() throws Exception {
        execution.placeOrder(OrderRequest.limitBuy("bn-tick-1", BTC, d("100"), d("59000.019"), false));
        // a buy pays no more than asked: down to 59000.01; 100 / 59000.01 = 0.0016949.. -> 0.00169
        assertThat(lastPost().params()).containsEntry("type", "LIMIT").containsEntry("timeInForce", "GTC")
                .containsEntry("price", "59000.01").containsEntry("quantity", "0.00169");

        execution.placeOrder(OrderRequest.limitSell("bn-tick-2", BTC, d("0.001"), d("61000.011"), false));
        // a sell receives no less than asked: up to 61000.02
        assertThat(lastPost().params()).containsEntry("price", "61000.02").containsEntry("quantity", "0.00100");

        execution.placeOrder(stop("bn-tick-3", "0.001", "57000.001", "56900.019"));
        // the stop triggers no later than asked (up to 57000.01), its limit lets it fill (down to 56900.01)
        assertThat(lastPost().params()).containsEntry("stopPrice", "57000.01").containsEntry("price", "56900.01");
    }

    @Test
    void aLimitOrderBelowTheMinimumValueAtItsOwnPriceIsRefusedWithTheReasonWithoutAskingBinance()
            throws Exception {
        ExecutionReport buy = execution.placeOrder(OrderRequest.limitBuy("bn-small-1", BTC, d("6"), d("59000"),
                false));
        ExecutionReport stop = execution.placeOrder(stop("bn-small-2", "0.00009", "57000", "50000"));

        // 6 / 59000 = 0.0001016.. -> 0.0001 BTC, worth 5.9 USDT at its price: enough
        assertThat(buy.status()).isEqualTo(Status.OPEN);
        // 0.00009 * 50000 = 4.5 USDT at the stop's limit, below 5 (it would be 5.13 at 57000)
        assertThat(stop.status()).isEqualTo(Status.REJECTED);
        assertThat(stop.refusal()).isEqualTo(ExecutionReport.Refusal.BELOW_EXCHANGE_MINIMUM);
        assertThat(stop.reason()).isEqualTo("order value 4.5 USDT is below the exchange minimum of 5 USDT for "
                + "BTC/USDT");
        assertThat(stub.requests("POST", "/api/v3/order")).singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("newClientOrderId", "bn-small-1"));
    }

    @Test
    void aStopTriggeredAboveItsLimitFillsAtThePriceAndIsFoundWithItsExactFillAndFee() throws Exception {
        OrderRequest stop = stop("bn-trig-1", "0.002", "57000", "56900");
        execution.placeOrder(stop);

        stub.movePrice("BTCUSDT", d("56950"));
        ExecutionReport found = execution.findOrder(stop).orElseThrow();

        assertThat(found.status()).isEqualTo(Status.FILLED);
        assertThat(found.filledQuantity()).isEqualByComparingTo("0.002");
        // 0.002 * 56950 = 113.9 USDT, fee 0.1 %: 0.1139 USDT
        assertThat(found.quoteQuantity()).isEqualByComparingTo("113.9");
        assertThat(found.fees()).containsExactly(new Fee(d("0.1139"), "USDT"));
        assertThat(found.feesKnown()).isTrue();
        assertThat(exchange.account().orElseThrow().openOrders()).isEmpty();
    }

    @Test
    void aStopTriggeredBelowItsLimitRestsAsALimitSellUntilThePriceComesBackToIt() throws Exception {
        OrderRequest stop = stop("bn-trig-2", "0.002", "57000", "56900");
        execution.placeOrder(stop);

        stub.movePrice("BTCUSDT", d("56800"));
        ExecutionReport waiting = execution.findOrder(stop).orElseThrow();
        stub.movePrice("BTCUSDT", d("56905"));
        ExecutionReport filled = execution.findOrder(stop).orElseThrow();

        assertThat(waiting.status()).isEqualTo(Status.OPEN);
        assertThat(waiting.filledQuantity()).isZero();
        assertThat(filled.status()).isEqualTo(Status.FILLED);
        // at its limit: 0.002 * 56900 = 113.8 USDT, fee 0.1138
        assertThat(filled.quoteQuantity()).isEqualByComparingTo("113.8");
        assertThat(filled.fees()).containsExactly(new Fee(d("0.1138"), "USDT"));
    }

    @Test
    void aStopThePriceIsAlreadyAtIsRefusedAsWouldTriggerImmediately() throws Exception {
        ExecutionReport report = execution.placeOrder(stop("bn-late-1", "0.002", "60000", "59900"));

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.refusal()).isEqualTo(ExecutionReport.Refusal.WOULD_TRIGGER_IMMEDIATELY);
        assertThat(report.reason()).startsWith("the stop would trigger at once: Order would trigger immediately.");
        assertThat(stub.orders).isEmpty();
        assertThat(exchange.buyingPaused()).isFalse();
    }

    @Test
    void aPostOnlyOrderThatWouldExecuteAtOnceIsRefusedAsWouldTake() throws Exception {
        ExecutionReport report = execution.placeOrder(
                OrderRequest.limitSell("bn-taker-1", BTC, d("0.001"), d("59999.99"), true));

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.refusal()).isEqualTo(ExecutionReport.Refusal.WOULD_TAKE);
        assertThat(report.reason()).startsWith("the post-only order would execute at once: "
                + "Order would immediately match and take.");
        assertThat(stub.orders).isEmpty();
    }

    @Test
    void aMarketableLimitBuyFillsAtOnceAtTheMarketPrice() throws Exception {
        ExecutionReport report = execution.placeOrder(
                OrderRequest.limitBuy("bn-cross-1", BTC, d("100"), d("61000"), false));

        // 100 / 61000 = 0.0016393.. -> 0.00163 BTC, filled at 60000: 97.8 USDT, fee 0.0978
        assertThat(report.status()).isEqualTo(Status.FILLED);
        assertThat(report.filledQuantity()).isEqualByComparingTo("0.00163");
        assertThat(report.quoteQuantity()).isEqualByComparingTo("97.8");
        assertThat(report.fees()).containsExactly(new Fee(d("0.0978"), "USDT"));
    }

    @Test
    void aPartlyFilledOrderIsOpenWithItsPartAndCancelledByTheBotKeepsThatPart() throws Exception {
        OrderRequest sell = OrderRequest.limitSell("bn-part-1", BTC, d("0.003"), d("61000"), false);
        execution.placeOrder(sell);
        stub.fillPart("bn-part-1", "0.001");

        ExecutionReport open = execution.findOrder(sell).orElseThrow();
        ExecutionReport cancelled = execution.cancelOrder(sell).orElseThrow();

        // 0.001 * 61000 = 61 USDT, fee 0.061
        assertThat(open.status()).isEqualTo(Status.OPEN);
        assertThat(open.filledQuantity()).isEqualByComparingTo("0.001");
        assertThat(open.quoteQuantity()).isEqualByComparingTo("61");
        assertThat(open.fees()).containsExactly(new Fee(d("0.061"), "USDT"));
        assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelled.filledQuantity()).isEqualByComparingTo("0.001");
        assertThat(cancelled.quoteQuantity()).isEqualByComparingTo("61");
        assertThat(cancelled.fees()).containsExactly(new Fee(d("0.061"), "USDT"));
        assertThat(cancelled.reason()).isEqualTo("cancelled by the bot");
        assertThat(stub.requests("DELETE", "/api/v3/order")).singleElement().satisfies(r -> assertThat(r.params())
                .containsEntry("symbol", "BTCUSDT").containsEntry("origClientOrderId", "bn-part-1")
                .doesNotContainKey("orderId"));
        assertThat(stub.order("bn-part-1").status()).isEqualTo("CANCELED");
    }

    @Test
    void aCancelOfAnOrderThatNothingFilledReportsCancelledWithZero() throws Exception {
        OrderRequest stop = stop("bn-none-1", "0.002", "57000", "56900");
        execution.placeOrder(stop);

        ExecutionReport cancelled = execution.cancelOrder(stop).orElseThrow();

        assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelled.filledQuantity()).isZero();
        assertThat(cancelled.quoteQuantity()).isZero();
        assertThat(cancelled.fees()).isEmpty();
        assertThat(stub.requests("GET", "/api/v3/myTrades")).isEmpty();
    }

    @Test
    void aCancelOfAnOrderThatHadFilledReturnsTheFilledReport() throws Exception {
        OrderRequest buy = OrderRequest.limitBuy("bn-done-1", BTC, d("100"), d("59000"), false);
        execution.placeOrder(buy);
        stub.movePrice("BTCUSDT", d("58900"));

        ExecutionReport report = execution.cancelOrder(buy).orElseThrow();

        // 0.00169 at its limit 59000: 99.71 USDT, fee 0.09971
        assertThat(report.status()).isEqualTo(Status.FILLED);
        assertThat(report.filledQuantity()).isEqualByComparingTo("0.00169");
        assertThat(report.quoteQuantity()).isEqualByComparingTo("99.71");
        assertThat(report.fees()).containsExactly(new Fee(d("0.09971"), "USDT"));
        assertThat(stub.requests).extracting(r -> r.method() + " " + r.path()).containsSubsequence(
                "DELETE /api/v3/order", "GET /api/v3/order");
    }

    @Test
    void anOrderCancelledOnBinanceIsFoundCancelledAndCancellingItAgainSaysSo() throws Exception {
        OrderRequest stop = stop("bn-gone-1", "0.002", "57000", "56900");
        execution.placeOrder(stop);
        stub.cancelOnExchange("bn-gone-1");

        ExecutionReport found = execution.findOrder(stop).orElseThrow();
        ExecutionReport cancelled = execution.cancelOrder(stop).orElseThrow();

        for (ExecutionReport r : List.of(found, cancelled)) {
            assertThat(r.status()).isEqualTo(Status.CANCELLED);
            assertThat(r.reason()).isEqualTo("cancelled on binance");
            assertThat(r.filledQuantity()).isZero();
        }
    }

    @Test
    void aCancelOfAnOrderBinanceNeverHadIsEmpty() throws Exception {
        assertThat(execution.cancelOrder(stop("bn-never-1", "0.002", "57000", "56900"))).isEmpty();

        assertThat(stub.requests("DELETE", "/api/v3/order")).hasSize(1);
        assertThat(stub.requests("GET", "/api/v3/order")).hasSize(1);
    }

    @Test
    void aCancelWhoseAnswerIsLostThrowsAndTheOrderMayStillRest() throws Exception {
        OrderRequest stop = stop("bn-lostcancel-1", "0.002", "57000", "56900");
        execution.placeOrder(stop);
        stub.failNext("/api/v3/order", new BinanceStub.Fault(502, 0, "<html>bad gateway</html>"));

        assertThatThrownBy(() -> execution.cancelOrder(stop)).isInstanceOfSatisfying(ExchangeException.class,
                e -> assertThat(e.kind()).isEqualTo(ExchangeException.Kind.UNAVAILABLE));

        assertThat(stub.requests("DELETE", "/api/v3/order")).hasSize(1);
        assertThat(execution.findOrder(stop).orElseThrow().status()).isEqualTo(Status.OPEN);
        assertThat(execution.cancelOrder(stop).orElseThrow().status()).isEqualTo(Status.CANCELLED);
    }

    @Test
    void openOrdersAreListedWithTheirPriceAndStopPrice() throws Exception {
        execution.placeOrder(stop("bn-list-1", "0.002", "57000", "56900"));
        execution.placeOrder(OrderRequest.limitBuy("bn-list-2", BTC, d("100"), d("59000"), true));

        List<AccountView.OpenOrder> open = exchange.account().orElseThrow().openOrders();

        assertThat(open).extracting(AccountView.OpenOrder::clientOrderId, AccountView.OpenOrder::type,
                AccountView.OpenOrder::side, o -> o.quantity().stripTrailingZeros().toPlainString(),
                o -> o.price().stripTrailingZeros().toPlainString(),
                o -> o.stopPrice() == null ? null : o.stopPrice().stripTrailingZeros().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bn-list-1", "STOP_LOSS_LIMIT", "SELL", "0.002", "56900",
                                "57000"),
                        org.assertj.core.groups.Tuple.tuple("bn-list-2", "LIMIT_MAKER", "BUY", "0.00169", "59000",
                                null));
    }

    @Test
    void theCoinsARestingStopHoldsAreNotFreeButStillInTheTotalUntilItFills() throws Exception {
        stub.settles = true;
        stub.balances.put("BTC", d("0.005"));
        OrderRequest stop = stop("bn-held-1", "0.002", "57000", "56900");

        execution.placeOrder(stop);

        // 0.005 - 0.002 held by the stop
        assertThat(execution.balances().get("BTC")).isEqualByComparingTo("0.003");
        assertThat(exchange.account().orElseThrow().totalBalances().get("BTC")).isEqualByComparingTo("0.005");

        stub.movePrice("BTCUSDT", d("56950"));

        // sold 0.002 at 56950: 10000 + 113.9 - fee 0.1139
        assertThat(execution.balances().get("BTC")).isEqualByComparingTo("0.003");
        assertThat(execution.balances().get("USDT")).isEqualByComparingTo("10113.7861");
        assertThat(exchange.account().orElseThrow().totalBalances().get("BTC")).isEqualByComparingTo("0.003");
    }

    @Test
    void aCancelledBuyGivesBackWhatItHeld() throws Exception {
        stub.settles = true;
        OrderRequest buy = OrderRequest.limitBuy("bn-held-2", BTC, d("100"), d("59000"), false);

        execution.placeOrder(buy);
        // 0.00169 * 59000 = 99.71 held
        assertThat(execution.balances().get("USDT")).isEqualByComparingTo("9900.29");

        execution.cancelOrder(buy);

        assertThat(execution.balances().get("USDT")).isEqualByComparingTo("10000");
        assertThat(stub.locked.get("USDT")).isZero();
    }
}
