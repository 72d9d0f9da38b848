package com.byninja.bot.config;

import com.byninja.bot.domain.Symbol;
import com.byninja.runtime.config.ConfigException;
import com.byninja.runtime.config.ConfigFiles;
import com.byninja.runtime.config.YamlConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the YAML configuration over the built-in defaults (the shipped {@code trading-bot.yml}, on the classpath),
 * applies the environment overrides and validates everything at once: every problem is reported together, one line
 * each, naming its key and where it was written ({@code config/my.yml:14: risk.stakeAmount: must be a number, got
 * "abc"}).
 */
public final class ConfigLoader {

    /** The classpath copy of the shipped {@code config/trading-bot.yml}. */
    public static final String DEFAULTS_RESOURCE = "/trading-bot.yml";
    /** Where the shipped strategy files are, for {@code strategy.file}. */
    public static final Path STRATEGIES_DIR = Path.of("config", "strategies");
    /** Read when no {@code --config} is given and it exists. */
    public static final Path WORKING_DIR_FILE = Path.of("config", "trading-bot.yml");

    /** Environment variable to configuration key. */
    private static final Map<String, String> ENV_KEYS = Map.of(
            "BYNINJA_BOT_NAME", "name",
            "BYNINJA_DATA_DIR", "dataDir",
            "BYNINJA_LOG_DIR", "logDir",
            "BYNINJA_LINK_HOST", "link.host",
            "BYNINJA_LINK_PORT", "link.port");
    static final String SECRET_ENV = "BYNINJA_LINK_SECRET";
    /** The exchange's API key; never part of the configuration tree, so never printed. */
    static final String API_KEY_ENV = "BYNINJA_EXCHANGE_API_KEY";
    /** The exchange's API secret; likewise. */
    static final String API_SECRET_ENV = "BYNINJA_EXCHANGE_API_SECRET";

    private final Map<String, String> env;
    private final boolean keysNeeded;

    /** @param env the environment, usually {@code System.getenv()} */
    public ConfigLoader(Map<String, String> env) {
        this(env, true);
    }

    private ConfigLoader(Map<String, String> env, boolean keysNeeded) {
        this.env = Map.copyOf(env);
        this.keysNeeded = keysNeeded;
    }

    /**
     * For the commands that place no orders (backtest, download): a live configuration is read without its API keys,
     * which are then neither needed nor read from the environment.
     *
     * @return a loader like this one that leaves the keys out
     */
    public ConfigLoader keysNotNeeded() {
        return new ConfigLoader(env, false);
    }

    /** A validated configuration and where it came from. */
    public record Loaded(BotConfig config, String source, String effective) {
    }

    /**
     * @param explicitFile the {@code --config} file, or null to use {@link #WORKING_DIR_FILE} when it exists, else
     *                     the defaults alone
     * @return the configuration
     * @throws ConfigException listing every problem
     */
    public Loaded load(Path explicitFile) throws ConfigException {
        Optional<Path> file = ConfigFiles.choose(Optional.ofNullable(explicitFile), WORKING_DIR_FILE);
        YamlConfig config = defaults();
        if (file.isPresent()) {
            String text = ConfigFiles.read(file.get(), explicitFile != null, WORKING_DIR_FILE.toString());
            config.overlay(text, file.get().toString());
            if (strategyFile(config)) {
                config.overlay(text, file.get().toString());
            }
            symbolEntries(config);
        }
        return validate(config, file.map(Path::toString).orElse("built-in defaults"));
    }

    /**
     * @param overrides YAML text laid over the defaults, or null for the defaults alone
     * @param source    where the text came from, for messages
     * @return the configuration
     * @throws ConfigException listing every problem
     */
    public Loaded loadYaml(String overrides, String source) throws ConfigException {
        YamlConfig config = defaults();
        if (overrides != null) {
            config.overlay(overrides, source);
            if (strategyFile(config)) {
                config.overlay(overrides, source);
            }
            symbolEntries(config);
        }
        return validate(config, source);
    }

    /**
     * Reads the file {@code strategy.file} names, if any, beneath {@code strategy}. The caller then lays its own text
     * over it again, so that a key written beside {@code strategy.file} wins over the file's.
     *
     * @return whether a strategy file was read
     */
    private static boolean strategyFile(YamlConfig config) {
        String named = config.text("strategy.file");
        if (named.isEmpty()) {
            return false; // not set, or not a single value (reported)
        }
        config.readSectionFile("strategy", Path.of(named), "strategy.file",
                STRATEGIES_DIR.resolve("ema-rsi-trend.yml").toString());
        return true;
    }

    /**
     * Prepares the entries of {@code symbols} written as mappings ({@code - symbol: SOL/USDT} with {@code strategy:}
     * and {@code risk:} beneath): reads the file an entry's {@code strategy.file} names beneath its own keys, and
     * checks the keys of both sections as the global ones are. {@link ConfigReader} then reads each key the entry
     * leaves out from the global section.
     */
    private static void symbolEntries(YamlConfig config) {
        for (String item : config.items("symbols")) {
            if (!config.node(item).isObject()) {
                continue;
            }
            String strategy = item + ".strategy";
            JsonNode named = config.node(strategy + ".file");
            if (named.isValueNode() && !named.isNull() && !named.asText().isBlank()) {
                config.readEntryFile(strategy, Path.of(named.asText().trim()), strategy + ".file",
                        STRATEGIES_DIR.resolve("bollinger-reversion.yml").toString());
            }
            config.checkLike(strategy, "strategy");
            config.checkLike(item + ".risk", "risk");
        }
    }

    private Loaded validate(YamlConfig config, String source) throws ConfigException {
        config.setFromEnvironment(env, ENV_KEYS);
        String secret = env.get(SECRET_ENV);
        if (secret != null && !secret.isBlank() && secret.length() < 16) {
            config.generalProblem(SECRET_ENV + ": must be at least 16 characters, got " + secret.length());
        }
        String secretFromEnv = secret == null || secret.isBlank() ? null : secret;
        BotConfig bot = keysNeeded
                ? new ConfigReader(config).read(secretFromEnv, nonBlank(env.get(API_KEY_ENV)),
                        nonBlank(env.get(API_SECRET_ENV)))
                : new ConfigReader(config).readWithoutKeys(secretFromEnv);
        config.conclude();
        return new Loaded(bot, source, config.tree().toString());
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return the built-in defaults, validated */
    public static BotConfig defaultConfig() {
        try {
            return new ConfigLoader(Map.of()).loadYaml(null, "built-in defaults").config();
        } catch (ConfigException e) {
            throw new IllegalStateException("the shipped defaults are invalid: " + e.getMessage(), e);
        }
    }

    /**
     * The shipped file, with its special shapes: {@code exchange: binance} is short for
     * {@code exchange: {type: binance}}, {@code simulator.markets} is keyed by symbols, in any spelling, and
     * {@code risk.minimalRoi} by minutes, and {@code strategy.params} by the names a plug-in reads.
     */
    private static YamlConfig defaults() throws ConfigException {
        return YamlConfig.withDefaultsFrom(ConfigLoader.class, DEFAULTS_RESOURCE)
                .shorthand("exchange", "type")
                .freeForm("simulator.markets", "simulator.defaultMarket", ConfigLoader::canonicalSymbol)
                .freeForm("risk.minimalRoi", "risk.minimalRoi", ConfigLoader::canonicalMinutes)
                .freeForm("strategy.params", null, name -> name);
    }

    /** @return a number of minutes as a number, 30 for 030; anything else as it is */
    private static String canonicalMinutes(String name) {
        try {
            return Long.toString(Long.parseLong(name.trim()));
        } catch (NumberFormatException e) {
            return name;
        }
    }

    /** @return the symbol's usual spelling, BTC/USDT for btcusdt; a spelling that is no symbol as it is */
    private static String canonicalSymbol(String name) {
        try {
            return Symbol.parse(name).toString();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
