package com.byninja.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.Reports;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.EquitySample;
import com.byninja.bot.domain.OwnerStop;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.ControlJournal;
import com.byninja.bot.positions.PositionBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradingStoreTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseCarriesTheSchemaVersion() throws Exception {
        try (Database db = Database.open(dir.resolve("sub/dir/bot.db"))) {
            assertThat(db.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
        }
    }

    @Test
    void aSecondBotOnTheSameFileIsRefused() throws Exception {
        Path file = dir.resolve("bot.db");
        try (Database first = Database.open(file)) {
            assertThat(first.file()).isEqualTo(file);
            assertThatThrownBy(() -> Database.open(file)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("already open");
        }
        try (Database again = Database.open(file)) {
            assertThat(again.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
        }
    }

    @Test
    void aDatabaseFromANewerBotIsRefused() throws Exception {
        Path file = dir.resolve("bot.db");
        try (Database db = Database.open(file)) {
            db.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = 99");
                }
                return null;
            });
        }
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(SQLException.class)
                .hasMessageContaining("has schema version 99, newer than this bot's 7");
    }

    /** The tables as a version 1 bot wrote them. */
    static final List<String> VERSION_ONE = List.of(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE orders (client_order_id TEXT PRIMARY KEY, symbol TEXT NOT NULL, side TEXT NOT NULL, "
                    + "purpose TEXT NOT NULL, quote_amount TEXT, quantity TEXT, status TEXT NOT NULL, "
                    + "exchange_order_id TEXT, filled_quantity TEXT NOT NULL, average_price TEXT NOT NULL, "
                    + "fee TEXT NOT NULL, fee_currency TEXT, reason TEXT, created_at INTEGER NOT NULL, "
                    + "updated_at INTEGER NOT NULL)",
            "CREATE INDEX orders_by_status ON orders (status)",
            "CREATE INDEX orders_by_update ON orders (updated_at)",
            "CREATE TABLE positions (symbol TEXT PRIMARY KEY, quantity TEXT NOT NULL, entry_cost TEXT NOT NULL, "
                    + "entry_fees TEXT NOT NULL, opened_at INTEGER NOT NULL, highest_price TEXT NOT NULL)",
            "CREATE TABLE trades (id INTEGER PRIMARY KEY AUTOINCREMENT, symbol TEXT NOT NULL, "
                    + "quantity TEXT NOT NULL, entry_cost TEXT NOT NULL, entry_fees TEXT NOT NULL, "
                    + "exit_price TEXT NOT NULL, exit_fees TEXT NOT NULL, realised_pnl TEXT NOT NULL, "
                    + "opened_at INTEGER NOT NULL, closed_at INTEGER NOT NULL, exit_purpose TEXT NOT NULL, "
                    + "client_order_id TEXT NOT NULL UNIQUE)",
            "CREATE INDEX trades_by_close ON trades (closed_at)",
            "CREATE TABLE control (scope TEXT PRIMARY KEY, trading INTEGER NOT NULL, buy INTEGER NOT NULL, "
                    + "sell INTEGER NOT NULL)",
            "CREATE TABLE sim_balances (currency TEXT PRIMARY KEY, amount TEXT NOT NULL)",
            "CREATE TABLE sim_orders (client_order_id TEXT PRIMARY KEY, exchange_order_id TEXT, "
                    + "status TEXT NOT NULL, filled_quantity TEXT NOT NULL, average_price TEXT NOT NULL, "
                    + "fee TEXT NOT NULL, fee_currency TEXT, reason TEXT, time INTEGER NOT NULL)",
            "CREATE TABLE sim_prices (symbol TEXT PRIMARY KEY, price TEXT NOT NULL, tick INTEGER NOT NULL)");

    @Test
    void aVersionOneDatabaseIsUpgradedKeepingEveryOrderAndMarkingFilledOnesApplied() throws Exception {
        Path file = dir.resolve("bot.db");
        // The tables as a version 1 bot wrote them, with a filled buy, a NEW sell and a simulator order.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            for (String ddl : concat(VERSION_ONE, List.of(
                    "INSERT INTO orders VALUES ('b1', 'BTC/USDT', 'BUY', 'ENTRY', '100', NULL, 'FILLED', 'E1', "
                            + "'0.00166583', '60030', '0.09999978', 'USDT', NULL, 1, 2)",
                    "INSERT INTO orders VALUES ('s1', 'BTC/USDT', 'SELL', 'EXIT', NULL, '0.00166583', 'NEW', NULL, "
                            + "'0', '0', '0', NULL, NULL, 3, 3)",
                    "INSERT INTO sim_orders VALUES ('b1', 'SIM-1', 'FILLED', '0.00166583', '60030', '0.09999978', "
                            + "'USDT', NULL, 2)",
                    "PRAGMA user_version = 1"))) {
                st.execute(ddl);
            }
        }

        try (Database db = Database.open(file)) {
            TradingStore store = new TradingStore(db);
            assertThat(db.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            Order b1 = store.order("b1").orElseThrow();
            // 0.00166583 * 60030 = 99.9997749
            assertThat(b1.quoteFilled()).isEqualByComparingTo("99.9997749");
            assertThat(b1.fees()).containsExactly(new com.byninja.bot.domain.Fee(new BigDecimal("0.09999978"),
                    "USDT"));
            assertThat(store.isApplied("b1")).isTrue();
            assertThat(store.isApplied("s1")).isFalse();
            assertThat(store.ordersWithStatus(OrderStatus.NEW)).extracting(Order::clientOrderId).containsExactly("s1");
            assertThat(store.outbox()).isEmpty();
            assertThat(store.dust()).isEmpty();
        }
    }

    @Test
    void aVersionTwoDatabaseGainsTheDecisionJournalAndKeepsEverythingElse() throws Exception {
        Path file = dir.resolve("bot.db");
        // A version 2 bot's file, in WAL mode as it runs: a filled entry, its position and the switches.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            for (String ddl : VERSION_ONE) {
                st.execute(ddl);
            }
            SchemaV2.upgrade(c);
            for (String row : List.of(
                    "INSERT INTO orders (client_order_id, symbol, side, purpose, quote_amount, quantity, status, "
                            + "exchange_order_id, filled_quantity, quote_filled, fees, fees_known, applied, "
                            + "created_at, updated_at) VALUES ('b1', 'BTC/USDT', 'BUY', 'ENTRY', '100', NULL, "
                            + "'FILLED', 'E1', '0.00166583', '99.9997749', '0.09999978 USDT', 1, 1, 1, 2)",
                    "INSERT INTO positions VALUES ('BTC/USDT', '0.00166583', '99.9997749', '0.09999978', 2, "
                            + "'60030')",
                    "INSERT INTO control VALUES ('*', 0, 1, 1)",
                    "PRAGMA user_version = 2")) {
                st.execute(row);
            }
        }

        try (Database db = Database.open(file)) {
            TradingStore store = new TradingStore(db);
            assertThat(db.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(store.order("b1").orElseThrow().quoteFilled()).isEqualByComparingTo("99.9997749");
            assertThat(store.isApplied("b1")).isTrue();
            assertThat(store.loadPositions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("0.00166583"));
            assertThat(store.loadFlags()).containsExactly(Map.entry(ControlJournal.GLOBAL_SCOPE,
                    new Flags(false, true, true)));
            // The new tables are there, empty, and work.
            assertThat(store.decisionSessions()).isEmpty();
            long session = store.startSession(T0);
            BigDecimal p = new BigDecimal("60030");
            com.byninja.bot.domain.CandleDecision hold = new com.byninja.bot.domain.CandleDecision(session,
                    new com.byninja.bot.domain.Candle(BTC, T0, java.time.Duration.ofMinutes(1), p, p, p, p,
                            BigDecimal.ONE), com.byninja.bot.domain.CandleDecision.Action.HOLD, null, T0);
            store.recordDecision(hold);
            assertThat(store.decisions(session)).containsExactly(hold);
        }
        // Opened again, it is upgraded no further.
        try (Database db = Database.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(new TradingStore(db).decisionSessions()).hasSize(1);
        }
    }

    @Test
    void aVersionThreeDatabaseGainsTheLockTableAndKeepsEverythingElse() throws Exception {
        Path file = dir.resolve("bot.db");
        // A version 3 bot's file: a position, the switches and a decision session.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            for (String ddl : VERSION_ONE) {
                st.execute(ddl);
            }
            SchemaV2.upgrade(c);
            SchemaV3.upgrade(c);
            for (String row : List.of(
                    "INSERT INTO positions VALUES ('BTC/USDT', '0.00166583', '99.9997749', '0.09999978', 2, "
                            + "'60030')",
                    "INSERT INTO control VALUES ('*', 0, 1, 1)",
                    "INSERT INTO decision_sessions (started_at) VALUES (1)",
                    "PRAGMA user_version = 3")) {
                st.execute(row);
            }
        }

        try (Database db = Database.open(file)) {
            TradingStore store = new TradingStore(db);
            assertThat(db.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(store.loadPositions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("0.00166583"));
            assertThat(store.loadFlags()).containsExactly(Map.entry(ControlJournal.GLOBAL_SCOPE,
                    new Flags(false, true, true)));
            assertThat(store.decisionSessions()).hasSize(1);
            // The new table is there, empty, and works.
            assertThat(store.locks()).isEmpty();
            EntryLock lock = new EntryLock(EntryLock.Kind.COOLDOWN, BTC, T0, T0.plusSeconds(120), "closed");
            store.saveLock(lock, List.of());
            assertThat(store.locks()).containsExactly(lock);
        }
    }

    @Test
    void aVersionSixDatabaseKeepsItsOrdersAsMarketOrdersAndStoresAStopResting() throws Exception {
        Path file = dir.resolve("bot.db");
        // A version 6 bot's file with one filled market order.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            for (String ddl : VERSION_ONE) {
                st.execute(ddl);
            }
            SchemaV2.upgrade(c);
            SchemaV3.upgrade(c);
            SchemaV4.upgrade(c);
            SchemaV5.upgrade(c);
            SchemaV6.upgrade(c);
            st.execute("INSERT INTO orders (client_order_id, symbol, side, purpose, quote_amount, quantity, status, "
                    + "exchange_order_id, filled_quantity, quote_filled, fees, fees_known, created_at, updated_at) "
                    + "VALUES ('bn-1', 'BTC/USDT', 'BUY', 'ENTRY', '100', NULL, 'FILLED', '7', '0.002', '100', "
                    + "'0.1 USDT', 1, 1, 2)");
            st.execute("PRAGMA user_version = 6");
        }

        try (Database db = Database.open(file)) {
            TradingStore store = new TradingStore(db);
            assertThat(db.schemaVersion()).isEqualTo(7);
            Order old = store.order("bn-1").orElseThrow();
            assertThat(old.type()).isEqualTo(OrderRequest.Type.MARKET);
            assertThat(old.limitPrice()).isNull();
            Order stop = Order.newOrder(OrderRequest.stopLoss("bn-2", BTC, new BigDecimal("0.002"),
                    new BigDecimal("48500.01"), new BigDecimal("48257.51")), Purpose.STOP_ON_EXCHANGE, T0);
            store.insertOrder(stop);
            assertThat(store.order("bn-2")).contains(stop);
            assertThat(store.ordersWithStatus(OrderStatus.NEW)).containsExactly(stop);
        }
    }

    @Test
    void aVersionFiveDatabaseGainsTheOwnersStopsAndKeepsEverythingElse() throws Exception {
        Path file = dir.resolve("bot.db");
        // A version 5 bot's file: a position and its equity written at midnight.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            for (String ddl : VERSION_ONE) {
                st.execute(ddl);
            }
            SchemaV2.upgrade(c);
            SchemaV3.upgrade(c);
            SchemaV4.upgrade(c);
            SchemaV5.upgrade(c);
            for (String row : List.of(
                    "INSERT INTO positions VALUES ('BTC/USDT', '0.002', '100', '0.1', 2, '50000')",
                    "INSERT INTO equity_samples VALUES (1772323200000, '10000.5')",
                    "PRAGMA user_version = 5")) {
                st.execute(row);
            }
        }

        try (Database db = Database.open(file)) {
            TradingStore store = new TradingStore(db);
            assertThat(db.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(store.loadPositions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("0.002"));
            assertThat(store.equitySince(Instant.EPOCH)).containsExactly(new EquitySample(
                    Instant.parse("2026-03-01T00:00:00Z"), new BigDecimal("10000.5")));
            // The new table is there, empty, and works.
            assertThat(store.ownerStops()).isEmpty();
            OwnerStop stop = new OwnerStop(BTC, Instant.ofEpochMilli(2), new BigDecimal("50100.11"), T0);
            store.saveOwnerStop(stop);
            assertThat(store.ownerStops()).containsExactly(stop);
        }
    }

    static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void anOrderIsAppliedAtMostOnce() throws Exception {
        try (Database db = Database.open(dir.resolve("bot.db"))) {
            TradingStore store = new TradingStore(db);
            PositionBook book = new PositionBook();
            Order buy = Order.newOrder(OrderRequest.buy("b1", BTC, new BigDecimal("100")), Purpose.ENTRY, T0);
            store.insertOrder(buy);
            Order filled = buy.withReport(Reports.filled("b1", "E1", "1", "100", "0.1", "USDT", T0));

            assertThat(store.recordFill(filled, book.outcomeOf(filled), List.of())).isTrue();
            assertThat(store.recordFill(filled, book.outcomeOf(filled), List.of())).isFalse();

            assertThat(store.loadPositions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("1"));
        }
    }

    @Test
    void ordersPositionsTradesAndFlagsComeBackExactlyAfterReopening() throws Exception {
        Path file = dir.resolve("bot.db");
        PositionBook book = new PositionBook();
        Order buy = Order.newOrder(OrderRequest.buy("b1", BTC, new BigDecimal("100.10")), Purpose.FORCE_BUY, T0);
        Order sell = Order.newOrder(OrderRequest.sell("s1", BTC, new BigDecimal("0.00166583")), Purpose.EXIT, T0);
        try (Database db = Database.open(file)) {
            TradingStore store = new TradingStore(db);
            store.insertOrder(buy);
            Order filled = buy.withReport(Reports.filled("b1", "E1", "0.00166583", "60030.00", "0.09999978", "USDT",
                    T0.plusSeconds(1)));
            store.recordFill(filled, book.apply(filled), List.of());
            store.insertOrder(sell);
            Order sold = sell.withReport(Reports.filled("s1", "E2", "0.00166583", "61000.00", "0.10161563", "USDT",
                    T0.plusSeconds(60)));
            store.recordFill(sold, book.apply(sold), List.of());
            store.saveFlags(ControlJournal.GLOBAL_SCOPE, new Flags(false, true, true));
            store.saveFlags("BTC/USDT", new Flags(true, false, true));
        }

        try (Database db = Database.open(file)) {
            TradingStore store = new TradingStore(db);
            Order b = store.order("b1").orElseThrow();
            assertThat(b.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(b.quoteAmount()).isEqualTo(new BigDecimal("100.10"));
            assertThat(b.fee("USDT")).isEqualTo(new BigDecimal("0.09999978"));
            assertThat(b.quoteFilled()).isEqualByComparingTo("99.9997749");
            assertThat(b.exchangeOrderId()).isEqualTo("E1");
            assertThat(b.purpose()).isEqualTo(Purpose.FORCE_BUY);
            assertThat(store.loadPositions()).isEmpty();
            var trade = store.closedTrades(BTC, null).get(0);
            // 0.00166583 * 61000 = 101.61563; - 0.10161563 - 99.9997749 - 0.09999978 = 1.41423969
            assertThat(trade.realisedPnl()).isEqualByComparingTo("1.41423969");
            assertThat(trade.closedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(store.feesPaid(null, null).get("USDT")).isEqualByComparingTo("0.20161541");
            assertThat(store.feesPaid(null, T0.plusSeconds(30)).get("USDT")).isEqualByComparingTo("0.10161563");
            assertThat(store.closedTrades(new Symbol("ETH", "USDT"), null)).isEmpty();
            assertThat(store.loadFlags()).isEqualTo(Map.of(ControlJournal.GLOBAL_SCOPE, new Flags(false, true, true),
                    "BTC/USDT", new Flags(true, false, true)));
        }
    }

    @Test
    void anOpenPositionComesBackWithItsHighWaterMark() throws Exception {
        Path file = dir.resolve("bot.db");
        try (Database db = Database.open(file)) {
            TradingStore store = new TradingStore(db);
            store.savePosition(com.byninja.bot.domain.Position.open(BTC, new BigDecimal("0.5"),
                    new BigDecimal("10000"), new BigDecimal("10"), T0).withPrice(new BigDecimal("20500.5")));
        }
        try (Database db = Database.open(file)) {
            var p = new TradingStore(db).loadPositions().get(0);
            assertThat(p.entryCost()).isEqualByComparingTo("10000");
            assertThat(p.highestPrice()).isEqualTo(new BigDecimal("20500.5"));
            assertThat(p.openedAt()).isEqualTo(T0);
        }
    }
}
