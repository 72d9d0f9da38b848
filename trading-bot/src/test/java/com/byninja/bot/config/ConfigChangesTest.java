package com.byninja.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.byninja.bot.config.ConfigChanges.Change;
import com.byninja.bot.config.ConfigChanges.Effect;
import com.byninja.bot.domain.Symbol;
import com.byninja.runtime.config.ConfigException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code /reload} takes at once and what waits for a restart, key by key, between two real configurations read
 * over the shipped defaults (sma-cross 9/21, a stake of 100, a stop-loss of 2 %, a cooldown of 1 candle).
 */
class ConfigChangesTest {

    static final Symbol ETH = new Symbol("ETH", "USDT");
    static final Symbol BTC = new Symbol("BTC", "USDT");

    static ConfigLoader.Loaded load(String yaml) throws ConfigException {
        return new ConfigLoader(Map.of()).loadYaml(yaml, "config/bot.yml");
    }

    static ConfigChanges between(String running, String read) throws ConfigException {
        return ConfigChanges.between(ConfigChanges.Running.of(load(running)), load(read));
    }

    @Test
    void riskProtectionsAndABuiltInStrategysParametersApplyAtOnceTheTimeframeNeedsARestart() throws Exception {
        ConfigChanges changes = between("", """
                timeframe: 5m
                strategy:
                  smaCross:
                    fastPeriod: 5
                risk:
                  stakeAmount: 50
                protections:
                  cooldownCandles: 3
                """);

        assertThat(changes.changes()).containsExactly(
                new Change("timeframe", "1m", "5m", Effect.NEEDS_RESTART),
                new Change("strategy.smaCross.fastPeriod", "9", "5", Effect.APPLIED),
                new Change("risk.stakeAmount", "100", "50", Effect.APPLIED),
                new Change("protections.cooldownCandles", "1", "3", Effect.APPLIED));
        assertThat(changes.risk()).isTrue();
        assertThat(changes.protections()).isTrue();
        assertThat(changes.strategies()).isTrue();
        BotConfig next = changes.next();
        assertThat(next.timeframe()).hasMinutes(1);
        assertThat(next.risk().stakeAmount()).isEqualByComparingTo("50");
        assertThat(next.protections().cooldownCandles()).isEqualTo(3);
        assertThat(next.strategy().smaFastPeriod()).isEqualTo(5);
        // Read again, the same file changes nothing more but the timeframe, still waiting for a restart.
        ConfigChanges again = ConfigChanges.between(changes.running(), load("""
                timeframe: 5m
                strategy:
                  smaCross:
                    fastPeriod: 5
                risk:
                  stakeAmount: 50
                protections:
                  cooldownCandles: 3
                """));
        assertThat(again.changes()).containsExactly(new Change("timeframe", "1m", "5m", Effect.NEEDS_RESTART));
    }

    @Test
    void anotherStrategyTheSymbolsTheExchangeAndTheLinkNeedARestartAndRunAsBefore() throws Exception {
        ConfigChanges changes = between("", """
                symbols: [BTC/USDT, SOL/USDT]
                exchange: {readTimeoutMs: 5000}
                strategy:
                  name: rsi
                  rsi: {period: 7}
                link: {port: 7071}
                """);

        assertThat(changes.changes()).extracting(Change::key, Change::before, Change::after, Change::effect)
                .containsExactly(
                        tuple("exchange.readTimeoutMs", "10000", "5000", Effect.NEEDS_RESTART),
                        tuple("symbols", "BTC/USDT, ETH/USDT", "BTC/USDT, SOL/USDT", Effect.NEEDS_RESTART),
                        tuple("strategy.name", "sma-cross", "rsi", Effect.NEEDS_RESTART),
                        tuple("strategy.rsi.period", "14", "7", Effect.NEEDS_RESTART),
                        tuple("link.port", "7070", "7071", Effect.NEEDS_RESTART));
        assertThat(changes.strategies()).isFalse();
        assertThat(changes.next().strategy().name()).isEqualTo("sma-cross");
        assertThat(changes.next().symbols()).containsExactly(BTC, ETH);
        assertThat(changes.next().link().port()).isEqualTo(7070);
        assertThat(changes.running().settings()).containsEntry("strategy.name", "sma-cross");
    }

    @Test
    void aSymbolsOwnRiskAndTheParametersOfItsOwnBuiltInStrategyApplyAtOnce() throws Exception {
        String running = """
                symbols:
                  - BTC/USDT
                  - symbol: ETH/USDT
                    strategy: {name: rsi, rsi: {period: 7}}
                    risk: {stopLossPct: 3}
                """;

        ConfigChanges changes = between(running, """
                symbols:
                  - BTC/USDT
                  - symbol: ETH/USDT
                    strategy: {name: rsi, rsi: {period: 10}}
                    risk: {stopLossPct: 1.5}
                """);

        assertThat(changes.changes()).containsExactly(
                new Change("symbols[ETH/USDT].strategy.rsi.period", "7", "10", Effect.APPLIED),
                new Change("symbols[ETH/USDT].risk.stopLossPct", "3", "1.5", Effect.APPLIED));
        BotConfig next = changes.next();
        assertThat(next.strategyFor(ETH).rsiPeriod()).isEqualTo(10);
        assertThat(next.riskFor(ETH).stopLossPct()).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThat(next.symbolSettings().get(ETH).ownRisk()).containsExactly("stopLossPct 1.5");
        assertThat(next.strategyFor(BTC).name()).isEqualTo("sma-cross");
        assertThat(next.riskFor(BTC).stopLossPct()).isEqualByComparingTo("2");
    }

    @Test
    void aSymbolWhoseStrategyChangesNameKeepsTheOneItRunsWhileItsRiskApplies() throws Exception {
        ConfigChanges changes = between("""
                symbols:
                  - BTC/USDT
                  - symbol: ETH/USDT
                    strategy: {name: rsi}
                """, """
                symbols:
                  - BTC/USDT
                  - symbol: ETH/USDT
                    strategy: {name: sma-cross}
                    risk: {stakeAmount: 20}
                risk:
                  stopLossPct: 4
                """);

        assertThat(changes.changes(Effect.NEEDS_RESTART)).extracting(Change::key)
                .containsExactly("symbols[ETH/USDT].strategy.name");
        assertThat(changes.changes(Effect.APPLIED)).extracting(Change::key)
                .containsExactly("symbols[ETH/USDT].risk.stakeAmount", "risk.stopLossPct");
        BotConfig next = changes.next();
        assertThat(next.strategyFor(ETH).name()).isEqualTo("rsi");
        assertThat(next.riskFor(ETH).stakeAmount()).isEqualByComparingTo("20");
        // A symbol's entry leaves out what the global section says: the global stop-loss of 4 % is its own too.
        assertThat(next.riskFor(ETH).stopLossPct()).isEqualByComparingTo("4");
        assertThat(next.riskFor(BTC).stopLossPct()).isEqualByComparingTo("4");
    }

    @Test
    void theSameConfigurationChangesNothing() throws Exception {
        ConfigChanges changes = between("risk: {stakeAmount: 25}\n", "risk:\n  stakeAmount: 25.0\n");

        assertThat(changes.changes()).isEmpty();
        assertThat(changes.risk()).isFalse();
    }
}
