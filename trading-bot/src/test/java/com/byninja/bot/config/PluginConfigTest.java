package com.byninja.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.byninja.bot.PluginJars;
import com.byninja.bot.domain.Symbol;
import com.byninja.runtime.config.ConfigException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choosing a plug-in strategy and its parameters in the configuration, with real jars in a plug-in directory: what
 * is found, and every way it can be wrong, each one line naming the key, its line and what to do.
 */
public class PluginConfigTest {

    public static final String BREAKOUT = """
            package com.example;

            import com.byninja.strategy.api.*;
            import org.ta4j.core.BarSeries;

            public final class Breakout implements StrategyPlugin {
                public String name() {
                    return "breakout";
                }

                public String describe(Parameters p) {
                    return "breakout of " + p.wholeNumber("entryBars", 20, 1, 10000) + " candles, stop at the low of "
                            + p.wholeNumber("stopBars", 10, 1, 10000);
                }

                public SymbolStrategy create(BarSeries series, Parameters p) {
                    int entry = p.wholeNumber("entryBars", 20, 1, 10000);
                    int stop = p.wholeNumber("stopBars", 10, 1, 10000);
                    p.bool("strict", false);
                    if (stop > entry) {
                        throw new ParameterException("stopBars", "must be at most entryBars (" + entry + "), got "
                                + stop);
                    }
                    return new SymbolStrategy() {
                        public int unstableBars() {
                            return entry;
                        }

                        public Decision decide(StrategyContext c) {
                            return Decision.hold();
                        }
                    };
                }
            }
            """;

    @TempDir
    static Path dir;
    static Path plugins;
    static Path breakoutJar;

    @BeforeAll
    static void jars() throws Exception {
        plugins = dir.resolve("plugins");
        breakoutJar = PluginJars.write(plugins.resolve("breakout.jar"), "com.example.Breakout\n",
                Map.of("com.example.Breakout", BREAKOUT));
    }

    static BotConfig load(String yaml) throws ConfigException {
        return new ConfigLoader(Map.of()).loadYaml(yaml, "test.yml").config();
    }

    static List<String> problems(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> load(yaml)).problems();
    }

    /** @return {@code strategy:} with the plug-in directory {@code pluginDir} and the lines after it, indented */
    static String strategy(Path pluginDir, String... lines) {
        StringBuilder b = new StringBuilder("strategy:\n  pluginDir: " + pluginDir + "\n");
        for (String line : lines) {
            b.append("  ").append(line).append('\n');
        }
        return b.toString();
    }

    @Test
    void aPlugInInTheDirectoryIsChosenByNameWithItsParameters() throws Exception {
        BotConfig c = load(strategy(plugins, "name: breakout", "params:", "  entryBars: 30", "  stopBars: \"12\"",
                "  strict: true"));

        assertThat(c.strategy().name()).isEqualTo("breakout");
        assertThat(c.strategy().pluginDir()).isEqualTo(plugins);
        assertThat(c.strategy().plugin().getClass().getName()).isEqualTo("com.example.Breakout");
        // Loaded from the jar by a class loader of its own, not from the class path.
        assertThat(c.strategy().plugin().getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
        assertThat(c.strategy().parameters().wholeNumber("entryBars", 20, 1, 10_000)).isEqualTo(30);
        assertThat(c.strategy().parameters().wholeNumber("stopBars", 10, 1, 10_000)).isEqualTo(12);
        assertThat(c.strategy().parameters().bool("strict", false)).isTrue();
        assertThat(c.strategy().plugin().describe(c.strategy().parameters()))
                .isEqualTo("breakout of 30 candles, stop at the low of 12");
    }

    @Test
    void theBuiltInStrategiesAreFoundAsPlugInsAndTakeTheirSectionsAsParameters() throws Exception {
        BotConfig c = load("strategy:\n  name: rsi\n  rsi:\n    period: 7\n");

        assertThat(c.strategy().plugin().name()).isEqualTo("rsi");
        assertThat(c.strategy().parameters().names()).containsExactly("period", "oversold", "overbought");
        assertThat(c.strategy().parameters().wholeNumber("period", 14, 2, 100)).isEqualTo(7);
        assertThat(c.strategy().parameters().decimal("oversold", BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.valueOf(100))).isEqualByComparingTo("30");
        assertThat(c.strategy().plugin().describe(c.strategy().parameters())).isEqualTo("RSI 7 below 30 / above 70");
    }

    @Test
    void aMissingPlugInDirectoryHoldsNoPlugIn() throws Exception {
        BotConfig c = load(strategy(dir.resolve("nowhere"), "name: sma-cross"));

        assertThat(c.strategy().plugin().name()).isEqualTo("sma-cross");
    }

    @Test
    void anUnknownNameListsEveryStrategyFoundAndTheLikeliestOne() {
        assertThat(problems(strategy(plugins, "name: breakot"))).containsExactly("test.yml:3: strategy.name: must "
                + "be sma-cross, rsi, rules or breakout (" + breakoutJar + "), got \"breakot\"; did you mean breakout?");
    }

    @Test
    void anUnknownNameSaysWhenTheDirectoryTheUserSetDoesNotExist() {
        Path nowhere = dir.resolve("nowhere");

        assertThat(problems(strategy(nowhere, "name: breakout"))).containsExactly("test.yml:3: strategy.name: must "
                + "be sma-cross, rsi or rules, got \"breakout\"; no plug-in was found: " + nowhere.toAbsolutePath()
                + " (strategy.pluginDir) does not exist");
    }

    @Test
    void aSymbolMayRunAPlugInOfItsOwnWithItsOwnParametersCheckedAtTheirLines() throws Exception {
        String symbols = """
                symbols:
                  - BTC/USDT
                  - symbol: ETH/USDT
                    strategy:
                      name: breakout
                      params: {entryBars: %s, stopBars: 5}
                """;
        BotConfig c = load(symbols.formatted("30") + strategy(plugins, "name: sma-cross"));

        assertThat(c.strategy().name()).isEqualTo("sma-cross");
        BotConfig.StrategySettings eth = c.strategyFor(new Symbol("ETH", "USDT"));
        assertThat(eth.plugin().describe(eth.parameters())).isEqualTo("breakout of 30 candles, stop at the low of 5");
        assertThat(problems(symbols.formatted("0") + strategy(plugins, "name: sma-cross"))).containsExactly(
                "test.yml:6: symbols[1].strategy.params.entryBars: must be a whole number between 1 and 10000, got 0");
    }

    @Test
    void aWrongParameterIsNamedAtItsLine() {
        assertThat(problems(strategy(plugins, "name: breakout", "params:", "  entryBars: 0", "  stopBars: 5")))
                .containsExactly("test.yml:5: strategy.params.entryBars: must be a whole number between 1 and 10000, "
                        + "got 0");
    }

    @Test
    void aRuleOfThePlugInsOwnIsNamedAtItsParameter() {
        assertThat(problems(strategy(plugins, "name: breakout", "params:", "  entryBars: 5", "  stopBars: 8")))
                .containsExactly("test.yml:6: strategy.params.stopBars: must be at most entryBars (5), got 8");
    }

    @Test
    void aParameterThePlugInNeverReadsIsUnknown() {
        assertThat(problems(strategy(plugins, "name: breakout", "params:", "  stopbars: 5", "  colour: red")))
                .containsExactly(
                        "test.yml:5: strategy.params.stopbars: unknown parameter; did you mean stopBars? breakout "
                                + "reads entryBars, stopBars, strict",
                        "test.yml:6: strategy.params.colour: unknown parameter; breakout reads entryBars, stopBars, "
                                + "strict");
    }

    @Test
    void aParameterIsASingleValue() {
        assertThat(problems(strategy(plugins, "name: breakout", "params:", "  entryBars: [1, 2]")))
                .containsExactly("test.yml:5: strategy.params.entryBars: must be a single value (a number, text, "
                        + "true or false), got a list");
    }

    @Test
    void aBuiltInStrategyTakesNoParamsButItsSection() {
        assertThat(problems("strategy:\n  name: sma-cross\n  params:\n    fastPeriod: 5\n")).containsExactly(
                "test.yml:3: strategy.params: sma-cross takes its settings from strategy.smaCross, not from "
                        + "strategy.params (which is for plug-ins); move them there");
    }

    @Test
    void aJarThatCannotBeReadIsNamedWhateverTheStrategy() throws Exception {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("half-copied.jar"), "not a zip", StandardCharsets.US_ASCII);

        assertThat(problems(strategy(broken, "name: sma-cross"))).containsExactly("test.yml:2: strategy.pluginDir: "
                + broken.resolve("half-copied.jar") + " cannot be read as a jar (zip END header not found); build it "
                + "again with mvn package, or remove it");
    }

    @Test
    void aJarWhosePlugInCannotBeLoadedIsNamed() throws Exception {
        Path missingClass = dir.resolve("missing-class");
        PluginJars.write(missingClass.resolve("typo.jar"), "com.example.Breakuot\n",
                Map.of("com.example.Breakout", BREAKOUT));
        Path throwing = dir.resolve("throwing");
        PluginJars.write(throwing.resolve("angry.jar"), "com.example.Angry\n", Map.of("com.example.Angry", """
                package com.example;

                public final class Angry implements com.byninja.strategy.api.StrategyPlugin {
                    public Angry() {
                        throw new IllegalStateException("no licence key");
                    }

                    public String name() {
                        return "angry";
                    }

                    public String describe(com.byninja.strategy.api.Parameters p) {
                        return "angry";
                    }

                    public com.byninja.strategy.api.SymbolStrategy create(org.ta4j.core.BarSeries s,
                            com.byninja.strategy.api.Parameters p) {
                        return null;
                    }
                }
                """));

        assertThat(problems(strategy(missingClass, "name: sma-cross"))).containsExactly("test.yml:2: "
                + "strategy.pluginDir: " + missingClass.resolve("typo.jar") + " holds a strategy plug-in that cannot "
                + "be loaded: java.util.ServiceConfigurationError: com.byninja.strategy.api.StrategyPlugin: Provider "
                + "com.example.Breakuot not found; build it against the strategy-api of this bot, with its libraries "
                + "inside the jar");
        assertThat(problems(strategy(throwing, "name: sma-cross"))).containsExactly("test.yml:2: "
                + "strategy.pluginDir: " + throwing.resolve("angry.jar") + " holds a strategy plug-in that cannot "
                + "be loaded: java.util.ServiceConfigurationError: com.byninja.strategy.api.StrategyPlugin: Provider "
                + "com.example.Angry could not be instantiated, caused by java.lang.IllegalStateException: no licence "
                + "key; build it against the strategy-api of this bot, with its libraries inside the jar");
    }

    @Test
    void aJarWithoutAPlugInIsNamed() throws Exception {
        Path library = dir.resolve("library");
        PluginJars.write(library.resolve("commons.jar"), null, Map.of("com.example.Util",
                "package com.example;\n\npublic final class Util {\n}\n"));

        assertThat(problems(strategy(library, "name: sma-cross"))).containsExactly("test.yml:2: strategy.pluginDir: "
                + library.resolve("commons.jar") + " holds no strategy plug-in: it has no "
                + PluginJars.SERVICE_FILE + " naming one; a plug-in's libraries go inside its own jar, not beside it");
    }

    @Test
    void twoStrategiesOfOneNameAreAProblemNamingTheSecondJar() throws Exception {
        Path twice = dir.resolve("twice");
        Files.createDirectories(twice);
        Files.copy(breakoutJar, twice.resolve("a.jar"));
        Files.copy(breakoutJar, twice.resolve("b.jar"));
        PluginJars.write(twice.resolve("c.jar"), "com.example.Rsi\n", Map.of("com.example.Rsi", """
                package com.example;

                public final class Rsi implements com.byninja.strategy.api.StrategyPlugin {
                    public String name() {
                        return "rsi";
                    }

                    public String describe(com.byninja.strategy.api.Parameters p) {
                        return "my rsi";
                    }

                    public com.byninja.strategy.api.SymbolStrategy create(org.ta4j.core.BarSeries s,
                            com.byninja.strategy.api.Parameters p) {
                        return null;
                    }
                }
                """));

        assertThat(problems(strategy(twice, "name: breakout"))).containsExactly(
                "test.yml:2: strategy.pluginDir: " + twice.resolve("b.jar") + " holds a strategy named breakout, like "
                        + "the one in " + twice.resolve("a.jar") + "; rename it or remove the jar",
                "test.yml:2: strategy.pluginDir: " + twice.resolve("c.jar") + " holds a strategy named rsi, like the "
                        + "built-in one; rename it or remove the jar");
    }

    @Test
    void aPlugInThatFailsToStartIsNamedWithItsJar() throws Exception {
        Path failing = dir.resolve("failing");
        Path jar = PluginJars.write(failing.resolve("failing.jar"), "com.example.Failing\n",
                Map.of("com.example.Failing", """
                        package com.example;

                        import com.byninja.strategy.api.*;
                        import org.ta4j.core.BarSeries;

                        public final class Failing implements StrategyPlugin {
                            public String name() {
                                return "failing";
                            }

                            public String describe(Parameters p) {
                                return "failing";
                            }

                            public SymbolStrategy create(BarSeries series, Parameters p) {
                                return series.getLastBar() == null ? null : null;
                            }
                        }
                        """));

        assertThat(problems(strategy(failing, "name: failing"))).containsExactly("test.yml:3: strategy.name: failing "
                + "(" + jar + ") failed to start with no parameters: java.lang.IndexOutOfBoundsException: Size of series: "
                + "0 bars, 0 bars removed, index = -1");
    }
}
