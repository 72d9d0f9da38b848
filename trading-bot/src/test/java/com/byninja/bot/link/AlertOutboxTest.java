package com.byninja.bot.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.MutableClock;
import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.AlertIds;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import com.byninja.protocol.Message;
import com.byninja.protocol.Tag;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real SQLite file: nothing is lost between an event and the chat, whichever side dies. */
class AlertOutboxTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(T0);
    final List<Message> sent = new ArrayList<>();

    AlertOutbox outbox(TradingStore store) {
        return new AlertOutbox(store, new AlertIds(clock), clock, m -> sent.add(m));
    }

    static ObjectNode event(String name) {
        ObjectNode data = Money.object();
        data.put("event", name);
        return data;
    }

    @Test
    void alertsRaisedBeforeTheLinkStartsGoOutFirstInTheOrderTheyWereRaised() throws Exception {
        try (Database db = Database.open(dir.resolve("bot.db"))) {
            TradingStore store = new TradingStore(db);
            AlertOutbox outbox = outbox(store);
            outbox.raise(new Alert(AlertKind.LIVE_TRADING, "LIVE TRADING on binance", null, null));
            store.saveAlerts(List.of(new OutboxAlert("a-fill", "Opened BTC/USDT", "BTC/USDT", event("position_opened"),
                    T0.plusSeconds(1))));
            outbox.deliver(List.of(new OutboxAlert("a-fill", "Opened BTC/USDT", "BTC/USDT",
                    event("position_opened"), T0.plusSeconds(1))));
            assertThat(sent).isEmpty();

            outbox.start();
            outbox.raise(new Alert(AlertKind.BOT_STARTED, "Bot started", null, null));

            assertThat(sent).extracting(Message::message).containsExactly("LIVE TRADING on binance", "Opened BTC/USDT",
                    "Bot started");
            assertThat(sent).allSatisfy(m -> {
                assertThat(m.tag()).isEqualTo(Tag.ALERT);
                assertThat(m.id()).isNotNull();
            });
            assertThat(sent.get(1).id()).isEqualTo("a-fill");
            // The frame carries when the event happened, not when it was sent.
            assertThat(sent.get(1).timestamp()).isEqualTo(T0.plusSeconds(1).getEpochSecond());
        }
    }

    @Test
    void anAcknowledgedAlertLeavesTheOutboxAndAnUnacknowledgedOneIsSentAgainAfterARestart() throws Exception {
        Path file = dir.resolve("bot.db");
        List<String> ids;
        try (Database db = Database.open(file)) {
            AlertOutbox outbox = outbox(new TradingStore(db));
            outbox.start();
            outbox.raise(new Alert(AlertKind.POSITION_OPENED, "Opened BTC/USDT", new Symbol("BTC", "USDT"), null));
            outbox.raise(new Alert(AlertKind.POSITION_CLOSED, "Closed BTC/USDT", new Symbol("BTC", "USDT"), null));
            ids = sent.stream().map(Message::id).toList();

            outbox.acknowledged(ids.get(0));
            outbox.forgetDelivered();

            assertThat(new TradingStore(db).outbox()).extracting(OutboxAlert::id).containsExactly(ids.get(1));
            assertThat(outbox.acknowledgedCount()).isEqualTo(1);
        }
        sent.clear();

        try (Database db = Database.open(file)) {
            outbox(new TradingStore(db)).start();
        }

        // Same id: the telegram-server drops it if it had shown it before its acknowledgement was lost.
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(ids.get(1));
            assertThat(m.message()).isEqualTo("Closed BTC/USDT");
            assertThat(m.symbol()).isEqualTo("BTC/USDT");
            assertThat(m.data().path("event").asText()).isEqualTo("position_closed");
        });
    }

    @Test
    void anAlertTheStoreCannotKeepIsStillSent() throws Exception {
        try (Database db = Database.open(dir.resolve("bot.db"))) {
            db.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TRIGGER injected_failure BEFORE INSERT ON alert_outbox "
                            + "BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END");
                }
                return null;
            });
            AlertOutbox outbox = outbox(new TradingStore(db));
            outbox.start();

            outbox.raise(new Alert(AlertKind.STORE_ERROR, "The fill of order x could not be written to the database",
                    new Symbol("BTC", "USDT"), null));

            assertThat(sent).extracting(Message::message)
                    .containsExactly("The fill of order x could not be written to the database");
        }
    }

    @Test
    void anAlertTheLinkDroppedLeavesTheOutboxSoItStaysBounded() throws Exception {
        try (Database db = Database.open(dir.resolve("bot.db"))) {
            TradingStore store = new TradingStore(db);
            AlertOutbox outbox = outbox(store);
            outbox.start();
            outbox.raise(new Alert(AlertKind.BOT_STARTED, "one", null, null));

            outbox.dropped(sent.get(0).id());
            outbox.forgetDelivered();

            assertThat(store.outbox()).isEmpty();
            assertThat(outbox.droppedCount()).isEqualTo(1);
        }
    }
}
