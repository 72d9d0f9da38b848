package com.byninja.bot.config;

import static com.byninja.bot.config.ConfigLoaderTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.config.BotConfig.RulesSettings;
import com.byninja.runtime.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code strategy.rules}: read and checked with the rest of the configuration, each problem at its line and column. */
class RulesConfigTest {

    final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void theRulesAreReadOnceWithTheConfiguration() throws ConfigException {
        BotConfig c = loader.loadYaml("""
                strategy:
                  name: rules
                  rules:
                    entry: "crossedUp(ema(close,12), ema(close,26)) and rsi(close,14) < 70 and close > sma(close,200)"
                    exit:  "crossedDown(ema(close, 12), ema(close, 26)) or rsi(close, 14) > 80"
                """, "test.yml").config();

        RulesSettings rules = c.strategy().rules();
        assertThat(c.strategy().name()).isEqualTo("rules");
        assertThat(rules.entry().text()).isEqualTo("crossedUp(ema(close, 12), ema(close, 26)) and rsi(close, 14) < 70 "
                + "and close > sma(close, 200)");
        assertThat(rules.exit().text()).isEqualTo("crossedDown(ema(close, 12), ema(close, 26)) or rsi(close, 14) > 80");
        assertThat(rules.unstableBars()).isEqualTo(199);
    }

    @Test
    void theShippedDefaultsHoldRulesThatAreReadWhateverTheStrategy() {
        RulesSettings rules = ConfigLoader.defaultConfig().strategy().rules();

        assertThat(rules.entry().text()).isEqualTo("crossedUp(ema(close, 12), ema(close, 26)) and rsi(close, 14) < 70");
        assertThat(rules.exit().text()).isEqualTo("crossedDown(ema(close, 12), ema(close, 26)) or rsi(close, 14) > 80");
        assertThat(rules.unstableBars()).isEqualTo(26);
    }

    @Test
    void theShippedRulesExampleRunsOnTheSimulator() throws ConfigException {
        BotConfig c = loader.load(Path.of("..", "config", "trading-bot.rules.yml")).config();

        assertThat(c.exchange().type()).isEqualTo("simulated");
        assertThat(c.strategy().name()).isEqualTo("rules");
        assertThat(c.strategy().rules().entry().text()).isEqualTo("crossedUp(ema(close, 5), ema(close, 13)) and "
                + "rsi(close, 14) < 70 and close > sma(close, 50)");
        // Within the 100 candles of history loaded at start: it may trade from the first live candle.
        assertThat(c.strategy().rules().unstableBars()).isEqualTo(49);
        assertThat(c.marketData().warmupBars()).isEqualTo(100);
    }

    @Test
    void aBadRuleIsAProblemAtItsLineNamingTheColumn() {
        assertThat(problems(loader, """
                name: ninja
                strategy:
                  name: rules
                  rules:
                    entry: "crossedUp(ema(close, 12), ema(close, 26)) and rsl(close, 14) < 70"
                    exit: >-
                      crossedDown(ema(close, 12),
                      ema(close 26))
                risk:
                  stakeAmount: -5
                """)).containsExactly(
                "test.yml:5: strategy.rules.entry: column 47: unknown indicator 'rsl' (did you mean rsi?); known: adx, "
                        + "atr, bollingerLower, bollingerMiddle, bollingerUpper, bollingerWidth, cci, close, "
                        + "crossedDown, crossedUp, ema, falling, high, highest, low, lowest, macd, macdHistogram, "
                        + "macdSignal, obv, open, previous, rising, rsi, sma, stochD, stochK, volume, vwap, wma",
                "test.yml:6: strategy.rules.exit: column 39: expected ',' or ')' but found '26'",
                "test.yml:10: risk.stakeAmount: must be greater than 0 and at most 1000000000, got -5");
    }

    @Test
    void aRuleOfNumbersAndANumberOfRulesAreProblems() {
        assertThat(problems(loader, """
                strategy:
                  name: rules
                  rules:
                    entry: rsi(close, 14)
                    exit: sma(close > open, 3) > 1
                """)).containsExactly(
                "test.yml:4: strategy.rules.entry: column 1: expected a rule such as a comparison "
                        + "(rsi(close, 14) < 30), crossedUp, crossedDown, rising or falling, got the number "
                        + "rsi(close, 14)",
                "test.yml:5: strategy.rules.exit: column 5: sma's series must be a number, got the rule close > open");
    }

    @Test
    void columnsCountTheTextAsWrittenLeadingSpacesIncluded() {
        assertThat(problems(loader, "strategy:\n  rules:\n    entry: \"  close > sma(close, 2.5)\"\n"))
                .containsExactly("test.yml:3: strategy.rules.entry: column 22: sma's period must be a whole number "
                        + "from 1 to 100000, got 2.5");
    }

    @Test
    void bothRulesAreRequiredForTheRulesStrategyOnly() throws ConfigException {
        assertThat(problems(loader, "strategy:\n  name: rules\n  rules:\n    entry: \"\"\n    exit:\n"))
                .containsExactly(
                "test.yml:4: strategy.rules.entry: must be a rule such as crossedUp(ema(close, 12), ema(close, 26)), "
                        + "got nothing",
                "test.yml:5: strategy.rules.exit: must be a rule such as crossedUp(ema(close, 12), ema(close, 26)), "
                        + "got nothing");

        BotConfig c = loader.loadYaml("strategy:\n  name: rsi\n  rules:\n    entry: \"\"\n", "test.yml").config();
        assertThat(c.strategy().rules()).isNull();
    }

    @Test
    void theRulesMustBeFormedWithinTheCandlesASeriesKeeps() throws ConfigException {
        // sma(close, 100) is formed on the 100th candle: 99 unstable bars, within 100.
        assertThat(loader.loadYaml("""
                marketData:
                  maxBars: 100
                strategy:
                  name: rules
                  rules:
                    entry: close > sma(close, 100)
                """, "test.yml").config().strategy().rules().unstableBars()).isEqualTo(99);

        assertThat(problems(loader, """
                marketData:
                  maxBars: 100
                strategy:
                  name: rules
                  rules:
                    exit: crossedDown(close, sma(close, 100))
                """)).containsExactly("test.yml:6: strategy.rules.exit: needs 101 candles before its indicators are "
                + "formed, more than marketData.maxBars (100) keeps");

        // Only the strategy in use must fit.
        assertThat(loader.loadYaml("""
                marketData:
                  maxBars: 100
                strategy:
                  rules:
                    exit: crossedDown(close, sma(close, 100))
                """, "test.yml").config().strategy().name()).isEqualTo("sma-cross");
    }
}
