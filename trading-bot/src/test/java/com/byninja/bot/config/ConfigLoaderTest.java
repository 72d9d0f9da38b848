package com.byninja.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.exchange.Symbol;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void everyProblemIsReportedWithItsKey() {
        List<String> p = problems(loader, """
                risk:
                  stopLossPct: 150
                  maxOpenPositions: many
                timeframe: 7x
                strategy:
                  name: magic
                symbols: [BTC/USDT, DOGE]
                """);

        assertThat(p).contains(
                "risk.stopLossPct: must be between 0 and 100, got 150",
                "risk.maxOpenPositions: must be a whole number, got 'many'",
                "timeframe: expected a positive number and a unit (ms, s, m, h, d) such as 1m or 5s, got '7x'",
                "strategy.name: unknown strategy 'magic', available: sma-cross, rsi",
                "symbols[1]: expected BASE/QUOTE such as BTC/USDT, got 'DOGE'");
    }

    @Test
    void theBotNameFollowsTheProtocolsRule() {
        assertThat(problems(loader, "name: -dash\n")).containsExactly("name: must be 1 to 64 letters, digits, '.', "
                + "'_' or '-', starting with a letter or digit, got '-dash'");
        assertThat(problems(loader, "link:\n  statusIntervalMs: 10\n")).containsExactly(
                "link.statusIntervalMs: must be 0 (off) or at least 1000, got 10");
    }

    @Test
    void aMisspelledKeyIsReported() {
        assertThat(problems(loader, "risk:\n  stopLosPct: 2\n")).containsExactly("risk.stopLosPct: unknown key");
    }

    @Test
    void crossKeyRulesAreChecked() {
        assertThat(problems(loader, "strategy:\n  smaCross:\n    fastPeriod: 30\n")).containsExactly(
                "strategy.smaCross.fastPeriod: must be less than strategy.smaCross.slowPeriod (21), got 30");
        assertThat(problems(loader, "symbols: [BTC/USDT, ETH/BTC]\n")).containsExactly(
                "symbols: must all share one quote currency (the stake currency), got [USDT, BTC]");
        assertThat(problems(loader, "exchange:\n  mode: live\n")).containsExactly(
                "exchange.mode: the simulated exchange only trades paper money, got 'live'");
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
        assertThat(problems(new ConfigLoader(Map.of("BYNINJA_LINK_PORT", "70000")), "")).containsExactly(
                "link.port (BYNINJA_LINK_PORT): must be between 1 and 65535, got 70000");
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
    void aMissingConfigFileIsAProblem(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--config: no such file: ");
    }

    @Test
    void brokenYamlIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.yml"), "risk:\n  stopLossPct: [1,\n");

        assertThatThrownBy(() -> loader.load(f)).isInstanceOf(ConfigException.class).hasMessageContaining("line");
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
        assertThat(problems(loader, "exchange:\n  type: org.example.NoSuchExchange\n")).containsExactly(
                "exchange.type: must be simulated, binance or the class name of an XChange exchange on the class "
                        + "path (such as org.knowm.xchange.binance.BinanceExchange), got 'org.example.NoSuchExchange'");
    }

    @Test
    void liveTradingNeedsBothKeysAndIsRefusedOnTheSimulator() {
        assertThat(problems(loader, "exchange:\n  type: binance\n  mode: live\n")).containsExactly(
                "exchange.mode: live trading needs the API keys in BYNINJA_EXCHANGE_API_KEY and "
                        + "BYNINJA_EXCHANGE_API_SECRET, neither is set");
        assertThat(problems(new ConfigLoader(Map.of("BYNINJA_EXCHANGE_API_KEY", "k")),
                "exchange:\n  type: binance\n  mode: live\n")).containsExactly(
                "exchange.mode: live trading needs the API keys in BYNINJA_EXCHANGE_API_KEY and "
                        + "BYNINJA_EXCHANGE_API_SECRET, BYNINJA_EXCHANGE_API_SECRET is not set");
        assertThat(problems(new ConfigLoader(KEYS), "exchange:\n  mode: live\n")).containsExactly(
                "exchange.mode: the simulated exchange only trades paper money, got 'live'");
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
                "exchange.mode: must be paper or live, got 'real'",
                "exchange.baseUrl: must be empty or an http(s) address such as https://testnet.binance.vision, "
                        + "got 'ftp://x'",
                "exchange.readTimeoutMs: must be between 100 and 600000, got 5");
    }

    @Test
    void theBinancePaperExampleIsValidPaperOnBinance() throws ConfigException {
        BotConfig c = loader.load(Path.of("..", "config", "trading-bot.binance-paper.yml")).config();

        assertThat(c.exchange().type()).isEqualTo("binance");
        assertThat(c.exchange().mode()).isEqualTo("paper");
        assertThat(c.databaseFile().getFileName().toString()).isEqualTo("ninja-binance-paper.db");
    }
}
