package com.byninja.bot.config;

import static com.byninja.bot.config.ConfigLoaderTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.config.BotConfig.RiskSettings;
import com.byninja.bot.config.BotConfig.StrategySettings;
import com.byninja.bot.config.BotConfig.SymbolSettings;
import com.byninja.bot.domain.Symbol;
import com.byninja.runtime.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings of one symbol: an entry of {@code symbols} written as {@code - symbol: SOL/USDT} with {@code strategy:}
 * and {@code risk:} beneath, each key it leaves out taken from the global section, each problem reported once, at the
 * line it is written on.
 */
class SymbolSettingsConfigTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Symbol SOL = new Symbol("SOL", "USDT");
    static final Symbol ETH = new Symbol("ETH", "USDT");

    final ConfigLoader loader = new ConfigLoader(Map.of());

    BotConfig config(String yaml) throws ConfigException {
        return loader.loadYaml(yaml, "test.yml").config();
    }

    @Test
    void anEntryOverridesWhatItWritesAndTakesEverythingElseFromTheGlobalSections() throws Exception {
        BotConfig c = config("""
                symbols:
                  - BTC/USDT
                  - symbol: sol-usdt
                    strategy:
                      name: rsi
                      rsi: {period: 7}
                    risk:
                      stopLossPct: 2
                      stakeAmount: 50
                strategy:
                  name: sma-cross
                  rsi: {oversold: 25}
                risk:
                  stopLossPct: 3
                  takeProfitPct: 6
                  maxStakeAmount: 400
                """);

        assertThat(c.symbols()).containsExactly(BTC, SOL);
        assertThat(c.strategyFor(BTC)).isSameAs(c.strategy());
        assertThat(c.riskFor(BTC)).isSameAs(c.risk());
        StrategySettings sol = c.strategyFor(SOL);
        assertThat(sol.name()).isEqualTo("rsi");
        // period from the entry, oversold from the global rsi section, overbought the default.
        assertThat(sol.parameters()).hasToString("{period=7, oversold=25, overbought=70}");
        RiskSettings solRisk = c.riskFor(SOL);
        assertThat(solRisk.stopLossPct()).isEqualByComparingTo("2");
        assertThat(solRisk.stakeAmount()).isEqualByComparingTo("50");
        assertThat(solRisk.takeProfitPct()).isEqualByComparingTo("6");
        assertThat(solRisk.maxStakeAmount()).isEqualByComparingTo("400");
        assertThat(solRisk.maxOpenPositions()).isEqualTo(c.risk().maxOpenPositions());
        assertThat(c.symbolSettings().get(SOL).ownRisk()).containsExactly("stopLossPct 2", "stakeAmount 50");
    }

    @Test
    void anEntryWithOnlyRiskRunsTheGlobalStrategyAndOneWithOnlyASymbolIsAPlainSymbol() throws Exception {
        BotConfig c = config("""
                symbols:
                  - symbol: BTC/USDT
                  - symbol: ETH/USDT
                    risk: {minimalRoi: {0: 2, 60: 0}}
                risk:
                  minimalRoi: {0: 4, 30: 1}
                """);

        assertThat(c.symbolSettings()).containsOnlyKeys(ETH);
        SymbolSettings eth = c.symbolSettings().get(ETH);
        assertThat(eth.ownStrategy()).isFalse();
        assertThat(eth.strategy()).isSameAs(c.strategy());
        // A table the entry writes replaces the global one; it is not merged with it.
        assertThat(eth.risk().minimalRoi()).hasToString("{0: 2, 60: 0}");
        assertThat(c.risk().minimalRoi()).hasToString("{0: 4, 30: 1}");
        assertThat(eth.ownRisk()).containsExactly("minimalRoi {0: 2, 60: 0}");
    }

    @Test
    void anEntryThatNamesAStrategyFromAFileRunsItWithItsOwnKeysOnTop(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reversion.yml");
        Files.writeString(file, """
                name: rules
                rules:
                  entry: "close < bollingerLower(close, 20, 2)"
                  exit: "close > bollingerMiddle(close, 20, 2)"
                """);
        Path bot = dir.resolve("bot.yml");
        Files.writeString(bot, """
                symbols:
                  - BTC/USDT
                  - symbol: SOL/USDT
                    strategy:
                      file: %s
                      rules:
                        exit: "close > bollingerUpper(close, 20, 2)"
                """.formatted(file.toString().replace('\\', '/')));

        BotConfig c = loader.load(bot).config();

        assertThat(c.strategy().name()).isEqualTo("sma-cross");
        StrategySettings sol = c.strategyFor(SOL);
        assertThat(sol.name()).isEqualTo("rules");
        assertThat(sol.parameters()).hasToString("{entry=close < bollingerLower(close, 20, 2), "
                + "exit=close > bollingerUpper(close, 20, 2)}");
    }

    @Test
    void aPlugInsParametersBelongToItSoAnEntryNamingAStrategyTakesNoneOfTheGlobalOnes() throws Exception {
        // The global strategy is rsi; an entry naming sma-cross would take rsi's plug-in parameters if they were
        // inherited, and be refused for them.
        BotConfig c = config("""
                symbols:
                  - BTC/USDT
                  - symbol: SOL/USDT
                    strategy: {name: sma-cross, smaCross: {fastPeriod: 5, slowPeriod: 20}}
                strategy:
                  name: rsi
                """);

        assertThat(c.strategyFor(SOL).parameters()).hasToString("{fastPeriod=5, slowPeriod=20}");
        assertThat(c.strategyFor(BTC).parameters()).hasToString("{period=14, oversold=30, overbought=70}");
    }

    @Test
    void eachMistakeInAnEntryIsReportedOnceAtItsLineNamingTheEntrysKey() {
        List<String> problems = problems(loader, """
                symbols:
                  - BTC/USDT
                  - symbol: SOL/USDT
                    strateg: {name: rsi}
                    strategy:
                      name: rsii
                      rsi: {perod: 7, oversold: 80}
                      pluginDir: mine
                    risk:
                      stoplossPct: 2
                      stakeAmount: abc
                      budget: 5
                  - symbol: ETH/USDT
                    risk: 5
                  - strategy: {name: rsi}
                  - symbol: btcusdt
                risk:
                  stakeAmount: xyz
                """);

        assertThat(problems).containsExactly(
                "test.yml:4: symbols[1].strateg: unknown key; an entry of symbols holds symbol, and strategy and "
                        + "risk settings of its own; did you mean symbols[1].strategy?",
                "test.yml:6: symbols[1].strategy.name: must be sma-cross, rsi or rules, got \"rsii\"; did you mean "
                        + "rsi?",
                "test.yml:7: symbols[1].strategy.rsi.perod: unknown key; did you mean symbols[1].strategy.rsi.period?",
                "test.yml:7: symbols[1].strategy.rsi.oversold: must be less than strategy.rsi.overbought (70), got 80",
                "test.yml:8: symbols[1].strategy.pluginDir: plug-ins are found once for the whole bot; set "
                        + "strategy.pluginDir at the top",
                "test.yml:10: symbols[1].risk.stoplossPct: unknown key; did you mean symbols[1].risk.stopLossPct?",
                "test.yml:11: symbols[1].risk.stakeAmount: must be a number, got \"abc\"",
                "test.yml:12: symbols[1].risk.budget: limits the whole bot, not one symbol; set it once, as "
                        + "risk.budget",
                "test.yml:14: symbols[2].risk: must be a mapping of keys indented below it (stakeMode, stakeAmount, "
                        + "stakePct, riskPct, budget, maxStakeAmount, minOrderAmount, maxOpenPositions, stopLossPct, "
                        + "takeProfitPct, minimalRoi, trailingStopPct, trailingStopPositiveOffsetPct, "
                        + "dailyLossLimit, protectiveExits, stopLossOnExchange), got 5",
                "test.yml:15: symbols[3].symbol: must be the market this entry is for, such as SOL/USDT, got nothing",
                "test.yml:16: symbols[4].symbol: BTC/USDT is listed twice; keep one",
                "test.yml:18: risk.stakeAmount: must be a number, got \"xyz\"");
    }

    @Test
    void aRuleBetweenAnEntrysKeyAndAnInheritedOneNamesBothWhereTheyAreRead() {
        // The entry's stake of 5 is below the global minimum order of 10; the global stake of 100 is not.
        assertThat(problems(loader, """
                symbols:
                  - BTC/USDT
                  - symbol: SOL/USDT
                    risk:
                      stakeAmount: 5
                risk:
                  minOrderAmount: 10
                """)).containsExactly("test.yml:7: risk.minOrderAmount: must not exceed symbols[1].risk.stakeAmount "
                + "(5), got 10");
        // A mistake in a global value the entry inherits is reported once, at the global key.
        assertThat(problems(loader, """
                symbols:
                  - symbol: SOL/USDT
                    risk: {stakeAmount: 50}
                risk:
                  stopLossPct: 300
                """)).containsExactly("test.yml:5: risk.stopLossPct: must be between 0 and 100, got 300");
    }

    @Test
    void anEntryRunningRulesWithoutAnyRuleIsToldAtItsOwnKeys() {
        assertThat(problems(loader, """
                symbols:
                  - BTC/USDT
                  - symbol: SOL/USDT
                    strategy:
                      name: rules
                strategy:
                  rules: {entry: "", exit: ""}
                """)).containsExactly(
                "test.yml:5: symbols[1].strategy.rules.entry: must be a rule such as crossedUp(ema(close, 12), "
                        + "ema(close, 26)), got nothing",
                "test.yml:5: symbols[1].strategy.rules.exit: must be a rule such as crossedUp(ema(close, 12), "
                        + "ema(close, 26)), got nothing");
    }
}
