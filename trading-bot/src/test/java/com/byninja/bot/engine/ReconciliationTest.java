package com.byninja.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.AccountView;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation over a hand-written account (BTC/USDT's quantity step is 0.00001), with the bot's orders, positions
 * and dust in a real SQLite file.
 */
class ReconciliationTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** An account that answers from its fields; an order it has no answer for is one it never received. */
    static final class FakeAccount implements AccountView {
        final Map<String, ExecutionReport> orders = new HashMap<>();
        final Map<String, ExchangeException> failures = new HashMap<>();
        final List<OpenOrder> open = new ArrayList<>();
        final Map<String, BigDecimal> balances = new HashMap<>();

        @Override
        public String exchangeName() {
            return "fakex";
        }

        @Override
        public Optional<ExecutionReport> findOrder(Symbol symbol, String clientOrderId) throws ExchangeException {
            if (failures.containsKey(clientOrderId)) {
                throw failures.get(clientOrderId);
            }
            return Optional.ofNullable(orders.get(clientOrderId));
        }

        @Override
        public List<OpenOrder> openOrders() {
            return open;
        }

        @Override
        public Map<String, BigDecimal> totalBalances() {
            return balances;
        }
    }

    @TempDir
    Path dir;
    Database db;
    TradingStore store;
    final FakeAccount account = new FakeAccount();
    final RecordingAlerts alerts = new RecordingAlerts();

    @BeforeEach
    void start() throws Exception {
        db = Database.open(dir.resolve("test.db"));
        store = new TradingStore(db);
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
    }

    List<String> reconcile() throws Exception {
        MarketRules rules = new MarketRules(BTC, new BigDecimal("0.00001"), BigDecimal.ZERO, new BigDecimal("0.00001"),
                new BigDecimal("0.01"), BigDecimal.ZERO);
        return new Reconciliation(account, Map.of(BTC, rules), store, store, alerts).run(List.of(BTC));
    }

    void leftUnfinished(String clientOrderId) throws Exception {
        store.insertOrder(Order.newOrder(OrderRequest.buy(clientOrderId, BTC, new BigDecimal("100")), Purpose.ENTRY,
                T0));
    }

    /** A position of 0.002 BTC bought at 50,000, its stop-loss resting on the exchange: stop 48,500, limit 48,257.5. */
    void restingStop(String clientOrderId) throws Exception {
        Order stop = Order.newOrder(OrderRequest.stopLoss(clientOrderId, BTC, new BigDecimal("0.002"),
                new BigDecimal("48500"), new BigDecimal("48257.5")), Purpose.STOP_ON_EXCHANGE, T0);
        store.insertOrder(stop);
        store.updateOrder(stop.withReport(ExecutionReport.open(clientOrderId, "88", BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(), T0)), List.of());
        store.savePosition(com.byninja.bot.domain.Position.open(BTC, new BigDecimal("0.002"), new BigDecimal("100"),
                new BigDecimal("0.1"), T0));
    }

    @Test
    void aStopStillRestingOnTheExchangeIsNoDifference() throws Exception {
        restingStop("s-1");
        account.orders.put("s-1", ExecutionReport.open("s-1", "88", BigDecimal.ZERO, BigDecimal.ZERO, List.of(), T0));
        account.open.add(new AccountView.OpenOrder("s-1", "88", "BTCUSDT", "SELL", new BigDecimal("0.002"), "STOP_LOSS_LIMIT"));
        // The coins the stop holds are locked, and in the total.
        account.balances.put("BTC", new BigDecimal("0.002"));

        assertThat(reconcile()).isEmpty();
        assertThat(alerts.alerts).isEmpty();
    }

    @Test
    void aStopThatFilledOrWasCancelledWhileTheBotWasDownIsReportedAndItsSaleAccountedFor() throws Exception {
        restingStop("s-1");
        // 0.002 BTC sold at 48,500 for 97 USDT: the account holds no BTC any more, which is no mismatch.
        account.orders.put("s-1", ExecutionReport.executed("s-1", "88", ExecutionReport.Status.FILLED,
                new BigDecimal("0.002"), new BigDecimal("97"), List.of(new Fee(new BigDecimal("0.097"), "USDT")),
                T0));

        assertThat(reconcile()).containsExactly("stop-loss order s-1 (SELL BTC/USDT) filled on fakex while the bot "
                + "was down: 0.002 BTC at 48500; it is recorded now");

        account.orders.put("s-1", ExecutionReport.cancelled("s-1", "88", BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(), "cancelled on the exchange", T0));
        account.balances.put("BTC", new BigDecimal("0.002"));
        assertThat(reconcile()).containsExactly("stop-loss order s-1 (SELL BTC/USDT) was cancelled on fakex while "
                + "the bot was down; it is recorded now");
    }

    @Test
    void anAccountThatAgreesWithTheBooksRaisesNoAlert() throws Exception {
        account.balances.put("USDT", new BigDecimal("10000"));

        assertThat(reconcile()).isEmpty();

        assertThat(alerts.alerts).isEmpty();
    }

    @Test
    void anOrderLeftUnfinishedThatFilledIsReportedAndItsCoinsAreAccountedFor() throws Exception {
        leftUnfinished("r-1");
        // 0.00166 BTC for 99.6 USDT, the fee 0.00000166 BTC taken from the coins bought
        account.orders.put("r-1", ExecutionReport.executed("r-1", "77", ExecutionReport.Status.FILLED,
                new BigDecimal("0.00166"), new BigDecimal("99.6"), List.of(new Fee(new BigDecimal("0.00000166"),
                        "BTC")), T0));
        // 0.00166 - 0.00000166 = 0.00165834
        account.balances.put("BTC", new BigDecimal("0.00165834"));

        List<String> differences = reconcile();

        assertThat(differences).containsExactly("order r-1 (BUY BTC/USDT) left unfinished was FILLED on fakex: "
                + "0.00166 BTC at 60000; it is recorded now");
        assertThat(alerts.events()).containsExactly("reconciliation");
        assertThat(alerts.last().text()).isEqualTo("Reconciliation with fakex found 1 difference:\n- "
                + differences.get(0));
        assertThat(alerts.last().data().path("exchange").asText()).isEqualTo("fakex");
    }

    @Test
    void anOrderTheAccountNeverReceivedOrCouldNotBeAskedAboutIsReported() throws Exception {
        leftUnfinished("r-lost");
        leftUnfinished("r-later");
        account.failures.put("r-later", new ExchangeException("lookup of order r-later failed: timeout"));

        assertThat(reconcile()).containsExactly(
                "order r-lost (BUY BTC/USDT) left unfinished never reached fakex; it is recorded as cancelled",
                "order r-later (BUY BTC/USDT) left unfinished could not be looked up yet (lookup of order r-later "
                        + "failed: timeout); it is asked again");
    }

    @Test
    void openOrdersAreReportedAndThoseTheBotDidNotPlaceAreLeftAlone() throws Exception {
        leftUnfinished("r-open");
        account.failures.put("r-open", new ExchangeException("order r-open is still NEW"));
        account.open.add(new AccountView.OpenOrder("r-open", "41", "BTCUSDT", "BUY", null, "MARKET"));
        account.open.add(new AccountView.OpenOrder("web_1", "42", "ETHUSDT", "SELL", new BigDecimal("0.50"),
                "LIMIT"));

        assertThat(reconcile()).containsExactly(
                "order r-open (BUY BTC/USDT) left unfinished could not be looked up yet (order r-open is still NEW); "
                        + "it is asked again",
                "order r-open is still open on fakex",
                "fakex has an open order the bot did not place: SELL 0.5 ETHUSDT (LIMIT, client order id web_1, "
                        + "id 42); left alone");
    }

    @Test
    void aFeeNotKnownYetIsNamedAndLeavesTheRecordedDustAlone() throws Exception {
        store.setDust("BTC", new BigDecimal("0.00000500"));
        leftUnfinished("r-fee");
        account.orders.put("r-fee", new ExecutionReport("r-fee", "78", ExecutionReport.Status.FILLED,
                new BigDecimal("0.00166"), new BigDecimal("99.6"), List.of(), false, null, null, T0));
        // Within the step of the 0.00166 bought, but the fee in BTC is not known: not taken for dust.
        account.balances.put("BTC", new BigDecimal("0.00166834"));

        assertThat(reconcile()).containsExactly("order r-fee (BUY BTC/USDT) left unfinished was FILLED on fakex: "
                + "0.00166 BTC at 60000; it is recorded now");
        assertThat(store.dust().get("BTC")).isEqualByComparingTo("0.000005");

        account.balances.put("BTC", new BigDecimal("0.002"));
        // 0.002 against 0.00166 + 0.000005 = 0.001665, more than a step beyond
        assertThat(reconcile()).last().isEqualTo("balance mismatch: fakex holds 0.002 BTC, the bot's positions and "
                + "dust account for 0.001665 BTC (positions 0.00166, dust 0.000005); the fees of r-fee are not known "
                + "yet");
    }
}
