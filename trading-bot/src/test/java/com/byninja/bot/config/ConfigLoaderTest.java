package com.byninja.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.byninja.bot.domain.Symbol;
import com.byninja.runtime.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    final ConfigLoader loader = new ConfigLoader(Map.of());

    static List<String> problems(ConfigLoader loader, String yaml) {
        try {
            loader.loadYaml(yaml, "test.yml");
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems with:\n" + yaml);
    }

    @Test
    void theBuiltInDefaultsAreTheShippedFile() throws IOException {
        Path shipped = Path.of("..", "config", "trading-bot.yml");
        try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.DEFAULTS_RESOURCE)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(shipped));
        }
    }

    @Test
    void defaultsTradeBtcAndEthOnOneMinuteCandlesOnThePaperSimulator() {
        BotConfig c = ConfigLoader.defaultConfig();

        assertThat(c.symbols()).containsExactly(new Symbol("BTC", "USDT"), new Symbol("ETH", "USDT"));
        assertThat(c.timeframe()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.exchange().type()).isEqualTo("simulated");
        assertThat(c.simulator().feePct()).isEqualByComparingTo("0.1");
        assertThat(c.simulator().startingBalance()).isEqualByComparingTo("10000");
        assertThat(c.simulator().tickIntervalMs()).isEqualTo(1000);
        assertThat(c.databaseFile()).isEqualTo(Path.of("data", "ninja-simulated-paper.db"));
    }

    @Test
    void aFileOverridesOnlyTheKeysItNames() throws ConfigException {
        BotConfig c = loader.loadYaml("timeframe: 5s\nrisk:\n  stopLossPct: 1.5\n", "test.yml").config();

        assertThat(c.timeframe()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.risk().stopLossPct()).isEqualByComparingTo("1.5");
        assertThat(c.risk().takeProfitPct()).isEqualByComparingTo("4");
    }

    @Test
    void everyProblemIsReportedOnceAtItsLineInOnePass() {
        List<String> p = problems(loader, """
                name: ninja
                risk:
                  stakeAmount: -5
                  maxStakeAmount: 50
                  stoplossPct: 3
                  maxOpenPositions: many
                  minOrderAmount: 500
                timeframe: 7x
                strategy:
                  name: magic
                  smaCross:
                    fastPeriod: abc
                    slowPeriod: 10
                symbols: [BTC/USDT, DOGE, btcusdt]
                link:
                  port: 70000
                  statusIntervalMs: x
                  reconnectMaxDelayMs: 5
                marketData:
                  maxBars: 5
                  warmupBars: 2
                timeframe: 1m
                """);

        assertThat(p).containsExactly(
                "test.yml:3: risk.stakeAmount: must be greater than 0 and at most 1000000000, got -5",
                "test.yml:5: risk.stoplossPct: unknown key; did you mean risk.stopLossPct?",
                "test.yml:6: risk.maxOpenPositions: must be a whole number between 1 and 10000, got \"many\"",
                "test.yml:10: strategy.name: must be sma-cross, rsi or rules, got \"magic\"",
                "test.yml:12: strategy.smaCross.fastPeriod: must be a whole number between 1 and 10000, got \"abc\"",
                "test.yml:14: symbols[1]: cannot tell the base from the quote currency in \"DOGE\"; write it as "
                        + "BASE/QUOTE, such as BTC/USDT",
                "test.yml:14: symbols[2]: BTC/USDT is listed twice; keep one",
                "test.yml:16: link.port: must be a whole number between 1 and 65535, got 70000",
                "test.yml:17: link.statusIntervalMs: must be a whole number between 0 and 86400000, got \"x\"",
                "test.yml:18: link.reconnectMaxDelayMs: must be a whole number between 10 and 3600000, got 5",
                "test.yml:20: marketData.maxBars: must be a whole number between 10 and 100000, got 5",
                "test.yml:22: timeframe: written twice (first at line 8); keep one, only this last one counts");
    }

    @Test
    void aRuleBetweenTwoGoodKeysIsReportedAtTheKeyTheFileSets() {
        assertThat(problems(loader, """
                strategy:
                  smaCross:
                    slowPeriod: 5
                risk:
                  stakeAmount: 2000
                """)).containsExactly(
                "test.yml:3: strategy.smaCross.fastPeriod: must be less than strategy.smaCross.slowPeriod (5), got 9",
                "test.yml:5: risk.maxStakeAmount: must be at least risk.stakeAmount (2000), got 1000");
    }

    @Test
    void theBotNameFollowsTheProtocolsRule() {
        assertThat(problems(loader, "name: -dash\n")).containsExactly("test.yml:1: name: must be 1 to 64 letters, "
                + "digits, '.', '_' or '-', starting with a letter or digit, got \"-dash\"");
        assertThat(problems(loader, "link:\n  statusIntervalMs: 10\n")).containsExactly(
                "test.yml:2: link.statusIntervalMs: must be 0 (off) or at least 1000, got 10");
    }

    @Test
    void aMisspelledKeyIsReportedWithTheKeyItMostLikelyMeans() {
        assertThat(problems(loader, "risk:\n  stopLosPct: 2\n")).containsExactly(
                "test.yml:2: risk.stopLosPct: unknown key; did you mean risk.stopLossPct?");
        assertThat(problems(loader, "stopLossPct: 2\n")).containsExactly(
                "test.yml:1: stopLossPct: unknown key; did you mean risk.stopLossPct?");
        assertThat(problems(loader, "control:\n  colour: red\n")).containsExactly(
                "test.yml:2: control.colour: unknown key; the known keys under control are tradingOnFirstStart");
        assertThat(problems(loader, """
                simulator:
                  markets:
                    SOL/USDT:
                      startprice: 5
                      volatility: 3
                """)).containsExactly("test.yml:4: simulator.markets.SOL/USDT.startprice: unknown key; did you mean "
                        + "simulator.markets.SOL/USDT.startPrice?",
                        "test.yml:5: simulator.markets.SOL/USDT.volatility: unknown key; did you mean "
                        + "simulator.markets.SOL/USDT.volatilityPct?");
    }

    @Test
    void aSectionGivenAsASingleValueIsOneProblemAndAnEmptySectionKeepsItsDefaults() throws ConfigException {
        assertThat(problems(loader, "control: true\n")).containsExactly(
                "test.yml:1: control: must be a mapping of keys indented below it (tradingOnFirstStart), got true");
        assertThat(loader.loadYaml("risk:\n  # stakeAmount: 5\n", "test.yml").config().risk().stakeAmount())
                .isEqualByComparingTo("100");
    }

    @Test
    void crossKeyRulesAreChecked() {
        assertThat(problems(loader, "strategy:\n  smaCross:\n    fastPeriod: 30\n")).containsExactly(
                "test.yml:3: strategy.smaCross.fastPeriod: must be less than strategy.smaCross.slowPeriod (21), "
                        + "got 30");
        assertThat(problems(loader, "symbols: [BTC/USDT, ETH/BTC]\n")).containsExactly(
                "test.yml:1: symbols: must all share one quote currency (the stake currency), got [USDT, BTC]");
        assertThat(problems(loader, "exchange:\n  mode: live\n")).containsExactly(
                "test.yml:2: exchange.mode: the simulated exchange only trades paper money, got \"live\"");
    }

    @Test
    void symbolsAreReadInEverySpellingCommandsAccept() throws ConfigException {
        BotConfig c = loader.loadYaml("""
                symbols: [BTCUSDT, eth-usdt, sol_usdt, xrp/usdt]
                """, "test.yml").config();

        assertThat(c.symbols()).containsExactly(new Symbol("BTC", "USDT"), new Symbol("ETH", "USDT"),
                new Symbol("SOL", "USDT"), new Symbol("XRP", "USDT"));
        assertThat(loader.loadYaml("symbols: btcusdt\n", "test.yml").config().symbols())
                .containsExactly(new Symbol("BTC", "USDT"));
        assertThat(problems(loader, "symbols: [BTCUSDT, DOGEXYZ, E$/USDT]\n")).containsExactly(
                "test.yml:1: symbols[1]: cannot tell the base from the quote currency in \"DOGEXYZ\"; write it as "
                        + "BASE/QUOTE, such as BTC/USDT",
                "test.yml:1: symbols[2]: \"E$/USDT\" is not a market: write BASE/QUOTE with 2 to 12 letters or "
                        + "digits each, such as BTC/USDT");
    }

    @Test
    void simulatedMarketsAreKeyedBySymbolsInAnySpelling() throws ConfigException {
        BotConfig c = loader.loadYaml("""
                symbols: [btcusdt, SOLUSDT]
                simulator:
                  markets:
                    btcusdt:
                      startPrice: 70000
                    sol-usdt:
                      startPrice: 150
                """, "test.yml").config();

        var btc = c.simulator().markets().get(new Symbol("BTC", "USDT"));
        assertThat(btc.startPrice()).isEqualByComparingTo("70000");
        assertThat(btc.volatilityPct()).isEqualByComparingTo("60");
        assertThat(c.simulator().markets().get(new Symbol("SOL", "USDT")).startPrice()).isEqualByComparingTo("150");
        assertThat(problems(loader, """
                simulator:
                  markets:
                    SOLUSDT:
                      startPrice: 0
                    SOL/USDT:
                      startPrice: 5
                    DOGE:
                      startPrice: 1
                """)).containsExactly(
                "test.yml:4: simulator.markets.SOL/USDT.startPrice: must be greater than 0 and at most 1000000000, "
                        + "got 0",
                "test.yml:5: simulator.markets.SOL/USDT: the same entry as simulator.markets.SOLUSDT (line 3); "
                        + "keep one",
                "test.yml:7: simulator.markets.DOGE: cannot tell the base from the quote currency in \"DOGE\"; "
                        + "write it as BASE/QUOTE, such as BTC/USDT");
    }

    @Test
    void theEnvironmentOverridesTheFileAndIsNamedInProblems() throws ConfigException {
        ConfigLoader env = new ConfigLoader(Map.of("BYNINJA_BOT_NAME", "alpha", "BYNINJA_DATA_DIR", "/var/bot",
                "BYNINJA_LINK_HOST", "10.0.0.2", "BYNINJA_LINK_PORT", "7171", "BYNINJA_LOG_DIR", "/var/log/bot"));

        BotConfig c = env.loadYaml("name: beta\n", "test.yml").config();

        assertThat(c.name()).isEqualTo("alpha");
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/bot"));
        assertThat(c.logDir()).isEqualTo(Path.of("/var/log/bot"));
        assertThat(c.link().host()).isEqualTo("10.0.0.2");
        assertThat(c.link().port()).isEqualTo(7171);
        assertThat(c.databaseFile()).isEqualTo(Path.of("/var/bot", "alpha-simulated-paper.db"));
        assertThat(problems(new ConfigLoader(Map.of("BYNINJA_LINK_PORT", "70000")), "link:\n  port: 7\n"))
                .containsExactly("BYNINJA_LINK_PORT: link.port: must be a whole number between 1 and 65535, got 70000");
        assertThat(problems(new ConfigLoader(Map.of("BYNINJA_BOT_NAME", "a b")), "")).containsExactly(
                "BYNINJA_BOT_NAME: name: must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or "
                        + "digit, got \"a b\"");
    }

    @Test
    void theSecretFromTheEnvironmentIsNeverPrinted() throws ConfigException {
        ConfigLoader env = new ConfigLoader(Map.of("BYNINJA_LINK_SECRET", "s3cr3t-s3cr3t-s3cr3t"));

        ConfigLoader.Loaded loaded = env.loadYaml(null, "defaults");

        assertThat(loaded.config().link().secretFromEnv()).isEqualTo("s3cr3t-s3cr3t-s3cr3t");
        assertThat(loaded.config().toString()).doesNotContain("s3cr3t");
        assertThat(loaded.effective()).doesNotContain("s3cr3t");
        assertThat(problems(new ConfigLoader(Map.of("BYNINJA_LINK_SECRET", "short")), "")).containsExactly(
                "BYNINJA_LINK_SECRET: must be at least 16 characters, got 5");
    }

    @Test
    void simulatedMarketsTakeMissingKeysFromTheDefaultMarket() throws ConfigException {
        BotConfig c = loader.loadYaml("""
                symbols: [BTC/USDT, SOL/USDT]
                simulator:
                  markets:
                    SOL/USDT:
                      startPrice: 150
                """, "test.yml").config();

        var sol = c.simulator().markets().get(new Symbol("SOL", "USDT"));
        assertThat(sol.startPrice()).isEqualByComparingTo("150");
        assertThat(sol.volatilityPct()).isEqualByComparingTo(new BigDecimal("80"));
        assertThat(sol.priceDecimals()).isEqualTo(4);
    }

    @Test
    void aConfigFileThatCannotBeUsedSaysWhyAndWhatToDoInOneLine(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.yml");
        Path latin1 = Files.write(dir.resolve("latin1.yml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(loadProblems(dir)).containsExactly(
                "--config " + dir + ": is a directory; give a YAML file such as config/trading-bot.yml");
        assertThat(loadProblems(missing)).containsExactly(
                "--config " + missing + ": no such file; give the path of a YAML file such as config/trading-bot.yml");
        assertThat(loadProblems(Path.of("nope.yml"))).containsExactly("--config nope.yml: no such file in "
                + Path.of("").toAbsolutePath() + "; give the path of a YAML file such as config/trading-bot.yml");
        assertThat(loadProblems(latin1)).containsExactly(
                "--config " + latin1 + ": is not UTF-8 text; save it as UTF-8");
    }

    // An unreadable file: FirstStartsIT runs the jar as an unprivileged user, since root reads every file.

    List<String> loadProblems(Path file) {
        try {
            loader.load(file);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems with " + file);
    }

    static Stream<Arguments> unreadableYaml() {
        return Stream.of(
                arguments("risk:\n  stopLossPct: [1,\n",
                        "test.yml:3:1: not valid YAML: the file ends where a value was expected; is a [ or { not "
                                + "closed?"),
                arguments("risk:\n  stopLossPct: [1, 2\nname: x\n",
                        "test.yml:2:16: not valid YAML: this [ is not closed by a ] (or a comma is missing between "
                                + "its items)"),
                arguments("risk:\n  stopLossPct: 1\n maxOpenPositions: 2\n",
                        "test.yml:3:2: not valid YAML: this line is not indented like the lines above it (or mixes "
                                + "list items and keys)"),
                arguments("name: 'ninja\ntimeframe: 1m\n", "test.yml:1:7: not valid YAML: this quote is not closed"),
                arguments("risk:\n\tstopLossPct: 2\n", "test.yml:2:1: not valid YAML: a tab; indent with spaces only"),
                arguments("name: a: b\n", "test.yml:1:8: not valid YAML: unexpected ':'; indent this key like the "
                        + "keys above it, or quote a value that contains ': '"),
                arguments("name: @x\n", "test.yml:1:7: not valid YAML: a value cannot start with @; put the value "
                        + "in quotes"),
                arguments("name: x\njust words\ntimeframe: 1m\n",
                        "test.yml:2:1: not valid YAML: a key without ':'; write key: value"),
                arguments("- BTC/USDT\n",
                        "test.yml:1: must hold keys with their values, such as \"timeframe: 5m\", got a list"));
    }

    @ParameterizedTest
    @MethodSource("unreadableYaml")
    void yamlThatCannotBeReadIsOneLineWithItsLineAndColumn(String yaml, String expected) {
        assertThat(problems(loader, yaml)).containsExactly(expected);
    }

    @Test
    void timeframesReadAndPrintTheSame() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.format(Duration.ofHours(4))).isEqualTo("4h");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    static final Map<String, String> KEYS = Map.of("BYNINJA_EXCHANGE_API_KEY", "key-1234567890",
            "BYNINJA_EXCHANGE_API_SECRET", "secret-abcdefghij");

    @Test
    void namingAnExchangeTradesPaperByDefaultAndNeedsNoKeys() throws ConfigException {
        BotConfig c = loader.loadYaml("exchange: binance\n", "test.yml").config();

        assertThat(c.exchange().type()).isEqualTo("binance");
        assertThat(c.exchange().mode()).isEqualTo("paper");
        assertThat(c.exchange().live()).isFalse();
        assertThat(c.exchange().baseUrl()).isEmpty();
        assertThat(c.databaseFile()).isEqualTo(Path.of("data", "ninja-binance-paper.db"));
    }

    @Test
    void anXChangeClassNameIsAnExchangeNamedByItsSimpleName() throws ConfigException {
        BotConfig c = loader.loadYaml("exchange:\n  type: org.knowm.xchange.binance.BinanceExchange\n", "t.yml")
                .config();

        assertThat(c.exchange().name()).isEqualTo("binance");
        assertThat(problems(loader, "exchange: org.example.NoSuchExchange\n")).containsExactly(
                "test.yml:1: exchange.type: must be simulated, binance or the class name of an XChange exchange on "
                        + "the class path (such as org.knowm.xchange.binance.BinanceExchange), got "
                        + "\"org.example.NoSuchExchange\"");
    }

    @Test
    void commandsThatPlaceNoOrdersReadALiveConfigurationWithoutItsKeysAndNeverTakeThem() throws Exception {
        BotConfig c = new ConfigLoader(KEYS).keysNotNeeded()
                .loadYaml("exchange:\n  type: binance\n  mode: live\n", "test.yml").config();

        assertThat(c.exchange().live()).isTrue();
        assertThat(c.exchange().apiKey()).isNull();
        assertThat(c.exchange().apiSecret()).isNull();
        assertThat(problems(new ConfigLoader(Map.of()).keysNotNeeded(), "exchange:\n  mode: live\n")).containsExactly(
                "test.yml:2: exchange.mode: the simulated exchange only trades paper money, got \"live\"");
    }

    @Test
    void liveTradingNeedsBothKeysAndIsRefusedOnTheSimulator() {
        assertThat(problems(loader, "exchange:\n  type: binance\n  mode: live\n")).containsExactly(
                "test.yml:3: exchange.mode: live trading needs the API keys in BYNINJA_EXCHANGE_API_KEY and "
                        + "BYNINJA_EXCHANGE_API_SECRET, neither is set");
        assertThat(problems(new ConfigLoader(Map.of("BYNINJA_EXCHANGE_API_KEY", "k")),
                "exchange:\n  type: binance\n  mode: live\n")).containsExactly(
                "test.yml:3: exchange.mode: live trading needs the API keys in BYNINJA_EXCHANGE_API_KEY and "
                        + "BYNINJA_EXCHANGE_API_SECRET, BYNINJA_EXCHANGE_API_SECRET is not set");
        assertThat(problems(new ConfigLoader(KEYS), "exchange:\n  mode: live\n")).containsExactly(
                "test.yml:2: exchange.mode: the simulated exchange only trades paper money, got \"live\"");
        assertThat(problems(new ConfigLoader(KEYS), "exchange:\n  type: kraken\n  mode: live\n")).containsExactly(
                "test.yml:2: exchange.type: must be simulated, binance or the class name of an XChange exchange on "
                        + "the class path (such as org.knowm.xchange.binance.BinanceExchange), got \"kraken\"");
    }

    @Test
    void liveKeysNeverAppearInTheEffectiveConfigurationOrTheSettingsText() throws ConfigException {
        ConfigLoader.Loaded loaded = new ConfigLoader(KEYS).loadYaml(
                "exchange:\n  type: binance\n  mode: live\n  baseUrl: https://testnet.binance.vision\n", "t.yml");

        assertThat(loaded.config().exchange().apiKey()).isEqualTo("key-1234567890");
        assertThat(loaded.config().exchange().live()).isTrue();
        assertThat(loaded.effective()).doesNotContain("key-1234567890", "secret-abcdefghij");
        assertThat(loaded.config().toString()).doesNotContain("key-1234567890", "secret-abcdefghij")
                .contains("apiKey=******");
    }

    @Test
    void badExchangeSettingsAreReportedTogether() {
        assertThat(problems(loader, "exchange:\n  type: binance\n  mode: real\n  baseUrl: ftp://x\n"
                + "  readTimeoutMs: 5\n")).containsExactly(
                "test.yml:3: exchange.mode: must be paper or live, got \"real\"",
                "test.yml:4: exchange.baseUrl: must be empty or an http(s) address such as "
                        + "https://testnet.binance.vision, got \"ftp://x\"",
                "test.yml:5: exchange.readTimeoutMs: must be a whole number between 100 and 600000, got 5");
    }

    @Test
    void theBinancePaperExampleIsValidPaperOnBinance() throws ConfigException {
        BotConfig c = loader.load(Path.of("..", "config", "trading-bot.binance-paper.yml")).config();

        assertThat(c.exchange().type()).isEqualTo("binance");
        assertThat(c.exchange().mode()).isEqualTo("paper");
        assertThat(c.databaseFile().getFileName().toString()).isEqualTo("ninja-binance-paper.db");
    }

    @Test
    void aStrategyFileHoldsTheStrategySectionAndAKeyWrittenBesideItWins(@TempDir Path dir) throws Exception {
        Path strategy = dir.resolve("trend.yml");
        Files.writeString(strategy, "name: sma-cross\nsmaCross:\n  fastPeriod: 5\n  slowPeriod: 50\n");
        Path config = dir.resolve("bot.yml");
        Files.writeString(config, "strategy:\n  file: " + strategy.toString().replace('\\', '/')
                + "\n  smaCross:\n    slowPeriod: 40\n");

        BotConfig c = loader.load(config).config();

        assertThat(c.strategy().name()).isEqualTo("sma-cross");
        assertThat(c.strategy().smaFastPeriod()).isEqualTo(5);
        assertThat(c.strategy().smaSlowPeriod()).isEqualTo(40);
    }

    @Test
    void aStrategyFileThatIsMissingOrWrongIsReportedWhereItIsNamedAndAtItsOwnLines(@TempDir Path dir)
            throws Exception {
        Path strategy = dir.resolve("typo.yml");
        Files.writeString(strategy, "name: rules\nrules:\n  entry: \"close > sma(close, 20)\"\n"
                + "  exit: \"close < sma(clos, 20)\"\n");
        Path config = dir.resolve("bot.yml");
        Files.writeString(config, "strategy:\n  file: " + strategy.toString().replace('\\', '/') + "\n");
        Path missing = dir.resolve("missing.yml");
        Files.writeString(missing, "name: ninja\nstrategy:\n  file: " + dir.resolve("gone.yml").toString()
                .replace('\\', '/') + "\n");

        assertThat(problemsOf(config)).singleElement().asString()
                .startsWith(strategy + ":4: strategy.rules.exit: column 13: unknown indicator 'clos' (did you mean "
                        + "close?)");
        assertThat(problemsOf(missing)).singleElement().asString()
                .startsWith(missing + ":3: strategy.file: " + dir.resolve("gone.yml").toString().replace('\\', '/')
                        + ": no such file");
    }

    private List<String> problemsOf(Path file) {
        try {
            loader.load(file);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems with " + file);
    }
}
