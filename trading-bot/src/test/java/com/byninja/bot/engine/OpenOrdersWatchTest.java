package com.byninja.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.AccountView.OpenOrder;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import com.byninja.runtime.ErrorHandler;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The periodic check of a live account's open orders: an order the bot did not place is reported once, with its
 * figures, and left alone; the bot's own resting orders and those the start-up check reported are not reported.
 */
class OpenOrdersWatchTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    @TempDir
    Path dir;
    Database db;
    TradingStore store;
    final ReconciliationTest.FakeAccount account = new ReconciliationTest.FakeAccount();
    final RecordingAlerts alerts = new RecordingAlerts();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("test.db"));
        store = new TradingStore(db);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void anOrderTheBotDidNotPlaceIsReportedOnceAndItsOwnAndTheStartsAreNot() throws Exception {
        store.insertOrder(Order.newOrder(OrderRequest.stopLoss("bn-stop-1", BTC, new BigDecimal("0.002"),
                new BigDecimal("48500"), new BigDecimal("48257.5")), Purpose.STOP_ON_EXCHANGE, Instant.EPOCH));
        OpenOrder ours = new OpenOrder("bn-stop-1", "11", "BTCUSDT", "SELL", new BigDecimal("0.002"),
                "STOP_LOSS_LIMIT", new BigDecimal("48257.5"), new BigDecimal("48500"));
        OpenOrder atStart = new OpenOrder("web_1", "12", "ETHUSDT", "SELL", new BigDecimal("0.5"), "LIMIT",
                new BigDecimal("3500"), null);
        account.open.addAll(List.of(ours, atStart));
        OpenOrdersWatch watch = new OpenOrdersWatch(account, store, alerts, 60_000, List.of(atStart),
                ErrorHandler.logging(org.slf4j.LoggerFactory.getLogger(getClass()), new com.byninja.runtime.Counters()));

        assertThat(watch.check()).isEmpty();
        assertThat(alerts.alerts).isEmpty();

        account.open.add(new OpenOrder("web_2", "13", "BTCUSDT", "BUY", new BigDecimal("0.01"), "LIMIT",
                new BigDecimal("45000"), null));
        assertThat(watch.check()).extracting(OpenOrder::clientOrderId).containsExactly("web_2");
        assertThat(alerts.last().text()).isEqualTo("fakex has an open order the bot did not place; left alone, and "
                + "the coins they hold are not the bot's:\n- BUY 0.01 BTCUSDT (LIMIT at 45000, client order id web_2, "
                + "id 13)");
        assertThat(alerts.last().event()).isEqualTo("reconciliation");

        assertThat(watch.check()).isEmpty();
        assertThat(alerts.alerts).hasSize(1);
    }
}
