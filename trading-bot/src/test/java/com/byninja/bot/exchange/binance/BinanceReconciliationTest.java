package com.byninja.bot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.Exchanges;
import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.Reconciliation;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live start-up reconciliation of the Binance account against the Binance stub (BTCUSDT's quantity step is
 * 0.00001), with the bot's positions and recorded dust in a real SQLite file.
 */
class BinanceReconciliationTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Symbol ETH = new Symbol("ETH", "USDT");

    @TempDir
    Path dir;
    BinanceStub stub;
    Database db;
    TradingStore store;
    final RecordingAlerts alerts = new RecordingAlerts();

    @BeforeEach
    void start() throws Exception {
        stub = new BinanceStub();
        db = Database.open(dir.resolve("test.db"));
        store = new TradingStore(db);
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
        stub.close();
    }

    List<String> reconcile() throws Exception {
        Exchange exchange = Exchanges.open(StubConfigs.live(dir, stub, ""), db, Clock.systemUTC(), alerts);
        alerts.alerts.clear();
        return new Reconciliation(exchange.account().orElseThrow(), exchange.rules(), store, store, alerts)
                .run(List.of(BTC, ETH));
    }

    @Test
    void dustTheOwnerSweptAwayIsForgottenWithoutAnAlert() throws Exception {
        // Five round trips' remainders: 0.00004 BTC recorded, four steps; the account holds none of it any more.
        store.setDust("BTC", new BigDecimal("0.00004"));

        assertThat(reconcile()).isEmpty();

        assertThat(alerts.alerts).isEmpty();
        assertThat(store.dust()).containsEntry("BTC", new BigDecimal("0"));
    }

    @Test
    void aDifferenceWithinOneStepBecomesTheRecordedDust() throws Exception {
        store.savePosition(Position.open(BTC, new BigDecimal("0.001"), new BigDecimal("60"), BigDecimal.ZERO,
                Instant.now()));
        store.setDust("BTC", new BigDecimal("0.00001668"));
        // 0.001 + 0.00001668 accounted for; binance holds 0.00000668 less: within the 0.00001 step
        stub.balances.put("BTC", new BigDecimal("0.00101"));

        assertThat(reconcile()).isEmpty();

        // 0.00101 - 0.001
        assertThat(store.dust().get("BTC")).isEqualByComparingTo("0.00001");
    }

    @Test
    void moreThanOneStepBeyondPositionsAndDustIsReportedWithBothFiguresAndTheDustKept() throws Exception {
        store.setDust("BTC", new BigDecimal("0.00001668"));
        stub.balances.put("BTC", new BigDecimal("0.00003"));

        List<String> differences = reconcile();

        // 0.00003 - 0.00001668 = 0.00001332, beyond the 0.00001 step
        assertThat(differences).containsExactly("balance mismatch: binance holds 0.00003 BTC, the bot's positions "
                + "and dust account for 0.00001668 BTC (positions 0, dust 0.00001668)");
        assertThat(alerts.events()).containsExactly("reconciliation");
        assertThat(store.dust().get("BTC")).isEqualByComparingTo("0.00001668");
    }

    @Test
    void anAccountHoldingLessThanThePositionsIsReportedAndKeepsNoDust() throws Exception {
        store.savePosition(Position.open(BTC, new BigDecimal("0.001"), new BigDecimal("60"), BigDecimal.ZERO,
                Instant.now()));
        store.setDust("BTC", new BigDecimal("0.00000834"));
        stub.balances.put("BTC", new BigDecimal("0.0005"));

        assertThat(reconcile()).containsExactly("balance mismatch: binance holds 0.0005 BTC, less than the bot's "
                + "positions account for: 0.001 BTC");

        assertThat(store.dust().get("BTC")).isZero();
    }
}
