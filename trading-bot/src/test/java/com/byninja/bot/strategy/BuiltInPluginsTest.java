package com.byninja.bot.strategy;

import static com.byninja.bot.strategy.SmaCrossStrategyTest.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.marketdata.CandleSeries;
import com.byninja.strategy.api.Decision;
import com.byninja.strategy.api.ParameterException;
import com.byninja.strategy.api.Parameters;
import com.byninja.strategy.api.StrategyContext;
import com.byninja.strategy.api.StrategyPlugin;
import com.byninja.strategy.api.SymbolStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The built-in strategies, found as plug-ins are and asked as plug-ins are, decide as their ta4j rules do. */
class BuiltInPluginsTest {

    @Test
    void theBuiltInStrategiesAreFoundWithServiceLoader() {
        List<String> names = ServiceLoader.load(StrategyPlugin.class).stream().map(p -> p.get().name()).toList();

        assertThat(names).containsExactly("sma-cross", "rsi", "rules");
    }

    @Test
    void askedAsAPlugInSmaCrossDecidesAsItsSignals() {
        StrategyPlugin plugin = new BuiltInPlugins.SmaCross();
        Parameters p = Parameters.of(Map.of("fastPeriod", 2, "slowPeriod", 3));
        CandleSeries series = new CandleSeries(BTC, 100);
        SymbolStrategy s = plugin.create(series.series(), p);
        List<Decision> decisions = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");

        // The closes of SmaCrossStrategyTest: a cross up at index 6, down at 9.
        for (int close : new int[] {20, 18, 16, 14, 12, 14, 18, 22, 20, 14, 10}) {
            BigDecimal c = BigDecimal.valueOf(close);
            series.add(new Candle(BTC, t, Duration.ofMinutes(1), c, c, c, c, BigDecimal.ONE));
            t = t.plus(Duration.ofMinutes(1));
            decisions.add(s.decide(new StrategyContext("BTC/USDT", series.series(), t, Optional.empty(), p)));
        }

        assertThat(s.unstableBars()).isEqualTo(3);
        assertThat(decisions).containsExactly(Decision.hold(), Decision.hold(), Decision.hold(), Decision.hold(),
                Decision.hold(), Decision.hold(), Decision.enter(), Decision.hold(), Decision.hold(), Decision.exit(),
                Decision.hold());
        assertThat(plugin.describe(p)).isEqualTo("SMA 2 crossing SMA 3");
    }

    @Test
    void theConfiguredBuiltInIsItsTa4jStrategyForTheFastPath() {
        TradingStrategy rules = Strategies.create(ConfigLoader.defaultConfig().strategy());

        assertThat(rules).isInstanceOf(SmaCrossStrategy.class);
    }

    @Test
    void theirSettingsAreCheckedAsParameters() {
        assertThatThrownBy(() -> new BuiltInPlugins.SmaCross().describe(Parameters.of(Map.of("fastPeriod", 30,
                "slowPeriod", 20)))).isInstanceOf(ParameterException.class)
                .hasMessage("fastPeriod: must be less than slowPeriod (20), got 30");
        assertThatThrownBy(() -> new BuiltInPlugins.Rsi().describe(Parameters.of(Map.of("oversold", 80))))
                .hasMessage("oversold: must be less than overbought (70), got 80");
        assertThatThrownBy(() -> new BuiltInPlugins.Rules().describe(Parameters.of(Map.of("exit", "close > 1"))))
                .hasMessage("entry: the rules strategy needs an entry rule, got nothing");
        assertThatThrownBy(() -> new BuiltInPlugins.Rules().describe(Parameters.of(Map.of("entry", "close >",
                "exit", "close > 1"))))
                .hasMessage("entry: column 8: expected a number, a name or '(' but the text ended");
    }
}
