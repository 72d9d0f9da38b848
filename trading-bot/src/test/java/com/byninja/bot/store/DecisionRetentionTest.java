package com.byninja.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.CandleDecision.Action;
import com.byninja.bot.domain.DecisionSession;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.exchange.paper.MemoryLedger;
import com.byninja.bot.exchange.paper.PaperExecution;
import com.byninja.bot.exchange.paper.PaperWallet;
import com.byninja.bot.replay.CollectedAlerts;
import com.byninja.bot.replay.HistoryPrices;
import com.byninja.bot.replay.Replay;
import com.byninja.bot.replay.SimulatedClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision journal in the bot's database is bounded by age ({@code store.decisionRetentionDays}, by the candle's
 * start): what is older is forgotten when the bot starts, and at each midnight UTC while it runs.
 */
class DecisionRetentionTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aBotStartingForgetsTheDecisionsOlderThanTheRetention() throws Exception {
        BotConfig config = TestConfigs.config(dir, "symbols: [BTC/USDT]\n");
        assertThat(config.store().decisionRetentionDays()).isEqualTo(90);
        Instant cutoff = NOW.minus(Duration.ofDays(90));
        try (Database db = Database.open(config.databaseFile())) {
            TradingStore store = new TradingStore(db);
            // Session 1, 100 days ago: 30 candles of history and 5 decided, all older than 90 days.
            long s1 = store.startSession(NOW.minus(Duration.ofDays(100)));
            store.recordHistory(s1, candles(NOW.minus(Duration.ofDays(100)).minus(Duration.ofMinutes(30)), 30),
                    NOW.minus(Duration.ofDays(100)));
            decide(store, s1, candles(NOW.minus(Duration.ofDays(100)), 5));
            // Session 2, from a minute before the cutoff: 3 candles before it, 4 from it on.
            long s2 = store.startSession(cutoff.minus(Duration.ofMinutes(3)));
            decide(store, s2, candles(cutoff.minus(Duration.ofMinutes(3)), 7));

            Replay.start(config, new SimulatedClock(NOW), new HistoryPrices(), execution(config), Journals.of(store),
                    new CollectedAlerts());

            List<DecisionSession> sessions = store.decisionSessions();
            assertThat(sessions).extracting(DecisionSession::id).containsExactly(s2, s2 + 1);
            assertThat(sessions.get(0).truncated()).isTrue();
            assertThat(sessions.get(1)).isEqualTo(new DecisionSession(s2 + 1, NOW, false));
            assertThat(store.decisions(s1)).isEmpty();
            assertThat(store.decisions(s2)).extracting(d -> d.candle().start()).containsExactly(cutoff,
                    cutoff.plusSeconds(60), cutoff.plusSeconds(120), cutoff.plusSeconds(180));
        }
    }

    @Test
    void aRunningBotForgetsThemAtEachMidnightUtc() throws Exception {
        BotConfig config = TestConfigs.config(dir, """
                symbols: [BTC/USDT]
                timeframe: 1h
                store:
                  decisionRetentionDays: 1
                """);
        Instant day0 = Instant.parse("2026-06-01T00:00:00Z");
        try (Database db = Database.open(config.databaseFile())) {
            TradingStore store = new TradingStore(db);
            SimulatedClock clock = new SimulatedClock(day0);
            HistoryPrices prices = new HistoryPrices();
            Replay replay = Replay.start(config, clock, prices, execution(config, prices, clock), Journals.of(store),
                    new CollectedAlerts());
            long session = store.decisionSessions().get(0).id();

            // Three days of hourly candles, each decided at its close. The close of 1 June 23:00, the first step of
            // 2 June, forgets what started before 1 June: nothing.
            List<Candle> hourly = candles(day0, 72, Duration.ofHours(1));
            replay.run(hourly.subList(0, 47));
            assertThat(store.decisions(session)).hasSize(47);
            // The close of 2 June 23:00, on 3 June: decided, then 1 June's 24 candles forgotten.
            replay.run(hourly.subList(47, 48));
            assertThat(store.decisions(session)).hasSize(24).extracting(d -> d.candle().start())
                    .containsExactlyElementsOf(hourly.subList(24, 48).stream().map(Candle::start).toList());
            // And on 4 June, 2 June's: what is left is the last day.
            replay.run(hourly.subList(48, 72));
            assertThat(store.decisions(session)).extracting(d -> d.candle().start())
                    .containsExactlyElementsOf(hourly.subList(48, 72).stream().map(Candle::start).toList());
            assertThat(store.decisionSessions()).containsExactly(new DecisionSession(session, day0, true));
        }
    }

    static List<Candle> candles(Instant from, int count) {
        return candles(from, count, Duration.ofMinutes(1));
    }

    static List<Candle> candles(Instant from, int count, Duration period) {
        List<Candle> out = new ArrayList<>();
        BigDecimal p = new BigDecimal("60000");
        for (int i = 0; i < count; i++) {
            out.add(new Candle(BTC, from.plus(period.multipliedBy(i)), period, p, p, p, p, BigDecimal.ONE));
        }
        return out;
    }

    static void decide(TradingStore store, long session, List<Candle> candles) throws Exception {
        for (Candle c : candles) {
            store.recordDecision(new CandleDecision(session, c, Action.HOLD, null, c.end()));
        }
    }

    static PaperExecution execution(BotConfig config) throws Exception {
        SimulatedClock clock = new SimulatedClock(NOW);
        return execution(config, new HistoryPrices(), clock);
    }

    static PaperExecution execution(BotConfig config, HistoryPrices prices, SimulatedClock clock) throws Exception {
        return new PaperExecution(new PaperWallet(config.simulator(), "USDT", new MemoryLedger(), clock, "SIM"),
                prices, Map.of(), clock);
    }
}
