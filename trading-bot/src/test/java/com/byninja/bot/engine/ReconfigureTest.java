package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.config.ConfigChanges;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.orders.Submission;
import com.byninja.runtime.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trader on a real SQLite file taking what {@code /reload} applies at once: the next decisions follow the new
 * settings, and nothing it holds (positions, orders, candles, locks in force) is lost.
 */
class ReconfigureTest {

    static final String ALWAYS_BUY = """
            strategy:
              name: rules
              rules:
                entry: "close > 0"
                exit: "close < 0"
            """;

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    /** @return the changes from the trader's configuration (the fixture's {@code yaml}) to {@code yaml} */
    ConfigChanges reload(String running, String yaml) throws ConfigException {
        ConfigLoader loader = new ConfigLoader(Map.of());
        String data = "dataDir: " + dir.toString().replace("\\", "/") + "\n";
        return ConfigChanges.between(ConfigChanges.Running.of(loader.loadYaml(data + running, "test")),
                loader.loadYaml(data + yaml, "test"));
    }

    /** Prices BTC/USDT at {@code close} now, then closes a candle there. */
    void candle(String close) {
        f.price(BTC, close);
        f.candle(BTC, close);
    }

    @Test
    void aRulesStrategyWithOtherRulesDecidesTheNextCandleOnTheCandlesHeld() throws Exception {
        f = new TraderFixture(dir, ALWAYS_BUY);
        candle("100");
        assertThat(f.gateway.placed).extracting(Order::purpose).containsExactly(Purpose.ENTRY);

        // Buy only above 200: the candle of 100 just held does not qualify.
        f.trader.reconfigure(reload(ALWAYS_BUY, ALWAYS_BUY.replace("close > 0", "close > 200")));
        f.gateway.fill(f.gateway.last(), "1", "100", "0", f.clock.instant());
        f.drain();
        f.trader.forceSell(BTC);
        f.gateway.fill(f.gateway.last(), "1", "100", "0", f.clock.instant());
        f.drain();
        f.clock.advance(Duration.ofMinutes(3));
        candle("150");
        candle("250");

        assertThat(f.gateway.placed).extracting(Order::purpose).containsExactly(Purpose.ENTRY, Purpose.FORCE_SELL,
                Purpose.ENTRY);
        assertThat(f.trader.snapshot().strategyDescription()).contains("close > 200");
        assertThat(f.trader.candles(BTC, 10)).hasSize(3);
    }

    @Test
    void aNewStopLossMovesTheOpenPositionsStopAtOnceAndAStakeTheNextBuy() throws Exception {
        f = new TraderFixture(dir, "");
        f.openPosition(BTC, "1", "100", "0");
        assertThat(f.trader.protection(BTC).orElseThrow().stopLoss()).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("98"));

        f.trader.reconfigure(reload("", "risk:\n  stopLossPct: 5\n  stakeAmount: 40\n  stopLossOnExchange: false\n"));

        assertThat(f.trader.protection(BTC).orElseThrow().stopLoss()).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("95"));
        // 97 was below the old stop of 98, not below the new one of 95.
        f.price(BTC, "97");
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).extracting(Order::purpose).containsExactly(Purpose.FORCE_BUY);
        f.price(TraderFixture.ETH, "3000");
        assertThat(((Submission.Sent) f.trader.forceBuy(TraderFixture.ETH, null)).order().quoteAmount())
                .isEqualByComparingTo("40");
    }

    @Test
    void newProtectionsJudgeTheNextCloseWhileTheLockInForceEndsAtItsTime() throws Exception {
        f = new TraderFixture(dir, ALWAYS_BUY);
        f.openPosition(BTC, "1", "100", "0");
        f.trader.forceSell(BTC);
        f.gateway.fill(f.gateway.last(), "1", "100", "0", f.clock.instant());
        f.drain();
        assertThat(f.trader.locks()).extracting(l -> l.kind().code()).containsExactly("cooldown");

        f.trader.reconfigure(reload(ALWAYS_BUY, ALWAYS_BUY + "protections:\n  cooldownCandles: 0\n"));

        assertThat(f.trader.locks()).extracting(l -> l.kind().code()).containsExactly("cooldown");
        f.clock.advance(Duration.ofMinutes(5));
        f.trader.periodicChecks();
        f.openPosition(BTC, "1", "100", "0");
        f.trader.forceSell(BTC);
        f.gateway.fill(f.gateway.last(), "1", "100", "0", f.clock.instant());
        f.drain();
        assertThat(f.trader.locks()).isEmpty();
    }
}
