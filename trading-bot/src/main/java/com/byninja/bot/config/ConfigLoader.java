package com.byninja.bot.config;

import com.byninja.bot.config.BotConfig.ControlSettings;
import com.byninja.bot.config.BotConfig.EngineSettings;
import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.config.BotConfig.LinkSettings;
import com.byninja.bot.config.BotConfig.MarketDataSettings;
import com.byninja.bot.config.BotConfig.MarketSettings;
import com.byninja.bot.config.BotConfig.RiskSettings;
import com.byninja.bot.config.BotConfig.SimulatorSettings;
import com.byninja.bot.config.BotConfig.StrategySettings;
import com.byninja.bot.exchange.Symbol;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML configuration over the built-in defaults (the shipped {@code trading-bot.yml}, on the classpath),
 * applies the environment overrides and validates everything at once: every problem is reported together, one line
 * each, naming its key.
 */
public final class ConfigLoader {

    /** The classpath copy of the shipped {@code config/trading-bot.yml}. */
    public static final String DEFAULTS_RESOURCE = "/trading-bot.yml";
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
    private static final Set<String> FREE_FORM_MAPS = Set.of("simulator.markets");
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private final YAMLMapper yaml = new YAMLMapper();
    private final Map<String, String> env;

    /** @param env the environment, usually {@code System.getenv()} */
    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
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
        Path file = explicitFile;
        if (file == null && Files.isRegularFile(WORKING_DIR_FILE)) {
            file = WORKING_DIR_FILE;
        }
        if (file == null) {
            return loadYaml(null, "built-in defaults");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of("--config: no such file: " + file));
        }
        try {
            return loadYaml(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigException(List.of("--config: cannot read " + file + ": " + e.getMessage()));
        }
    }

    /**
     * @param overrides YAML text laid over the defaults, or null for the defaults alone
     * @param source    where the text came from, for messages
     * @return the configuration
     * @throws ConfigException listing every problem
     */
    public Loaded loadYaml(String overrides, String source) throws ConfigException {
        ObjectNode tree = defaults();
        List<String> problems = new ArrayList<>();
        if (overrides != null && !overrides.isBlank()) {
            JsonNode user;
            try {
                user = yaml.readTree(overrides);
            } catch (JsonProcessingException e) {
                throw new ConfigException(List.of(source + ": not valid YAML: " + e.getOriginalMessage()
                        + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())));
            }
            if (user != null && !user.isMissingNode() && !user.isNull()) {
                if (!user.isObject()) {
                    throw new ConfigException(List.of(source + ": must be a YAML mapping of keys to values"));
                }
                merge(tree, (ObjectNode) user, "", problems);
            }
        }
        Map<String, String> origins = new HashMap<>();
        ENV_KEYS.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                set(tree, key, value.trim());
                origins.put(key, variable);
            }
        });
        String secret = env.get(SECRET_ENV);
        if (secret != null && !secret.isBlank() && secret.length() < 16) {
            problems.add(SECRET_ENV + ": must be at least 16 characters, got " + secret.length());
        }
        BotConfig config = new Reader(tree, problems, origins).read(secret == null || secret.isBlank() ? null : secret);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Loaded(config, source, tree.toString());
    }

    /** @return the built-in defaults, validated */
    public static BotConfig defaultConfig() {
        try {
            return new ConfigLoader(Map.of()).loadYaml(null, "built-in defaults").config();
        } catch (ConfigException e) {
            throw new IllegalStateException("the shipped defaults are invalid: " + e.getMessage(), e);
        }
    }

    private ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULTS_RESOURCE);
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
        }
    }

    /** Lays {@code user} over {@code base}; keys the defaults do not have are typos, reported as problems. */
    private static void merge(ObjectNode base, ObjectNode user, String prefix, List<String> problems) {
        boolean freeForm = FREE_FORM_MAPS.contains(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = prefix + field.getKey();
            JsonNode existing = base.get(field.getKey());
            if (existing == null && !freeForm) {
                problems.add(key + ": unknown key");
                continue;
            }
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue(), key + ".", problems);
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void set(ObjectNode tree, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.with(parts[i]);
        }
        node.set(parts[parts.length - 1], TextNode.valueOf(value));
    }

    /** Typed reads of the merged tree; each bad value adds one problem and yields a harmless placeholder. */
    private static final class Reader {
        private final JsonNode root;
        private final List<String> problems;
        private final Map<String, String> origins;

        Reader(JsonNode root, List<String> problems, Map<String, String> origins) {
            this.root = root;
            this.problems = problems;
            this.origins = origins;
        }

        BotConfig read(String secretFromEnv) {
            String name = text("name");
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                problem("name", "must be 1 to 64 letters, digits, '.', '_' or '-', got '" + name + "'");
            }
            ExchangeSettings exchange = new ExchangeSettings(text("exchange.type"), text("exchange.mode"));
            if (!exchange.type().equals("simulated")) {
                problem("exchange.type", "unknown exchange '" + exchange.type() + "', supported: simulated");
            }
            if (!Set.of("paper", "live").contains(exchange.mode())) {
                problem("exchange.mode", "must be paper or live, got '" + exchange.mode() + "'");
            } else if (exchange.type().equals("simulated") && !exchange.mode().equals("paper")) {
                problem("exchange.mode", "the simulated exchange only trades paper money, got '" + exchange.mode() + "'");
            }
            List<Symbol> symbols = symbols();
            Duration timeframe = timeframe();

            MarketDataSettings marketData = new MarketDataSettings(
                    longIn("marketData.pollIntervalMs", 10, 3_600_000),
                    intIn("marketData.warmupBars", 0, 10_000),
                    intIn("marketData.maxBars", 10, 100_000),
                    longIn("marketData.staleAfterMs", 10, 86_400_000),
                    intIn("marketData.errorAlertAfter", 1, 10_000));
            if (marketData.warmupBars() > marketData.maxBars()) {
                problem("marketData.warmupBars", "must not exceed marketData.maxBars (" + marketData.maxBars()
                        + "), got " + marketData.warmupBars());
            }
            if (marketData.staleAfterMs() < marketData.pollIntervalMs()) {
                problem("marketData.staleAfterMs", "must be at least marketData.pollIntervalMs ("
                        + marketData.pollIntervalMs() + "), got " + marketData.staleAfterMs());
            }
            if (timeframe != null && timeframe.toMillis() < marketData.pollIntervalMs()) {
                problem("timeframe", "must be at least marketData.pollIntervalMs (" + marketData.pollIntervalMs()
                        + " ms), got " + Durations.format(timeframe));
            }

            StrategySettings strategy = strategy(marketData.maxBars());
            RiskSettings risk = risk();
            EngineSettings engine = new EngineSettings(
                    longIn("engine.checkIntervalMs", 10, 60_000),
                    intIn("engine.eventQueueCapacity", 1, 1_000_000),
                    intIn("engine.commandQueueCapacity", 1, 100_000),
                    intIn("engine.orderQueueCapacity", 1, 10_000),
                    longIn("engine.balanceRefreshMs", 100, 86_400_000));
            SimulatorSettings simulator = simulator(symbols);
            if (timeframe != null && timeframe.toMillis() < simulator.tickIntervalMs()) {
                problem("timeframe", "must be at least simulator.tickIntervalMs (" + simulator.tickIntervalMs()
                        + " ms), got " + Durations.format(timeframe));
            }
            LinkSettings link = link(secretFromEnv);
            return new BotConfig(name, exchange, symbols, timeframe == null ? Duration.ofMinutes(1) : timeframe,
                    Path.of(text("dataDir")), Path.of(text("logDir")),
                    new ControlSettings(bool("control.tradingOnFirstStart")), marketData, strategy, risk, engine,
                    simulator, link);
        }

        private List<Symbol> symbols() {
            JsonNode node = root.path("symbols");
            List<Symbol> symbols = new ArrayList<>();
            if (!node.isArray() || node.isEmpty()) {
                problem("symbols", "must be a non-empty list such as [BTC/USDT, ETH/USDT]");
                return List.of(new Symbol("BTC", "USDT"));
            }
            Set<Symbol> seen = new LinkedHashSet<>();
            for (int i = 0; i < node.size(); i++) {
                try {
                    Symbol symbol = Symbol.parse(node.get(i).asText());
                    if (!seen.add(symbol)) {
                        problem("symbols[" + i + "]", symbol + " is listed twice");
                    }
                    symbols.add(symbol);
                } catch (IllegalArgumentException e) {
                    problem("symbols[" + i + "]", e.getMessage());
                }
            }
            Set<String> quotes = new LinkedHashSet<>();
            symbols.forEach(s -> quotes.add(s.quote()));
            if (quotes.size() > 1) {
                problem("symbols", "must all share one quote currency (the stake currency), got " + quotes);
            }
            return symbols.isEmpty() ? List.of(new Symbol("BTC", "USDT")) : List.copyOf(seen);
        }

        private Duration timeframe() {
            try {
                Duration d = Durations.parse(text("timeframe"));
                if (d.toMillis() < 100) {
                    problem("timeframe", "must be at least 100ms, got " + Durations.format(d));
                }
                return d;
            } catch (IllegalArgumentException e) {
                problem("timeframe", e.getMessage());
                return null;
            }
        }

        private StrategySettings strategy(int maxBars) {
            String name = text("strategy.name");
            if (!Set.of("sma-cross", "rsi").contains(name)) {
                problem("strategy.name", "unknown strategy '" + name + "', available: sma-cross, rsi");
            }
            int fast = intIn("strategy.smaCross.fastPeriod", 1, 10_000);
            int slow = intIn("strategy.smaCross.slowPeriod", 2, 10_000);
            if (fast >= slow) {
                problem("strategy.smaCross.fastPeriod", "must be less than strategy.smaCross.slowPeriod (" + slow
                        + "), got " + fast);
            }
            if (name.equals("sma-cross") && slow >= maxBars) {
                problem("strategy.smaCross.slowPeriod", "must be less than marketData.maxBars (" + maxBars
                        + "), got " + slow);
            }
            int period = intIn("strategy.rsi.period", 2, 10_000);
            BigDecimal oversold = decimalIn("strategy.rsi.oversold", BigDecimal.ZERO, BigDecimal.valueOf(100));
            BigDecimal overbought = decimalIn("strategy.rsi.overbought", BigDecimal.ZERO, BigDecimal.valueOf(100));
            if (oversold.compareTo(overbought) >= 0) {
                problem("strategy.rsi.oversold", "must be less than strategy.rsi.overbought (" + overbought.toPlainString()
                        + "), got " + oversold.toPlainString());
            }
            if (name.equals("rsi") && period >= maxBars) {
                problem("strategy.rsi.period", "must be less than marketData.maxBars (" + maxBars + "), got " + period);
            }
            return new StrategySettings(name, fast, slow, period, oversold, overbought);
        }

        private RiskSettings risk() {
            BigDecimal million = BigDecimal.valueOf(1_000_000_000L);
            BigDecimal stake = decimalIn("risk.stakeAmount", BigDecimal.ZERO, million);
            if (stake.signum() == 0) {
                problem("risk.stakeAmount", "must be greater than 0, got 0");
            }
            BigDecimal maxStake = decimalIn("risk.maxStakeAmount", BigDecimal.ZERO, million);
            if (maxStake.compareTo(stake) < 0) {
                problem("risk.maxStakeAmount", "must be at least risk.stakeAmount (" + stake.toPlainString()
                        + "), got " + maxStake.toPlainString());
            }
            BigDecimal minOrder = decimalIn("risk.minOrderAmount", BigDecimal.ZERO, million);
            if (minOrder.compareTo(stake) > 0) {
                problem("risk.minOrderAmount", "must not exceed risk.stakeAmount (" + stake.toPlainString()
                        + "), got " + minOrder.toPlainString());
            }
            return new RiskSettings(stake, maxStake, minOrder,
                    intIn("risk.maxOpenPositions", 1, 10_000),
                    decimalIn("risk.stopLossPct", BigDecimal.ZERO, BigDecimal.valueOf(100)),
                    decimalIn("risk.takeProfitPct", BigDecimal.ZERO, BigDecimal.valueOf(10_000)),
                    decimalIn("risk.trailingStopPct", BigDecimal.ZERO, BigDecimal.valueOf(100)),
                    decimalIn("risk.dailyLossLimit", BigDecimal.ZERO, million));
        }

        private SimulatorSettings simulator(List<Symbol> symbols) {
            long seed = longIn("simulator.seed", Long.MIN_VALUE, Long.MAX_VALUE);
            long tick = longIn("simulator.tickIntervalMs", 1, 60_000);
            BigDecimal fee = decimalIn("simulator.feePct", BigDecimal.ZERO, BigDecimal.TEN);
            BigDecimal slippage = decimalIn("simulator.slippagePct", BigDecimal.ZERO, BigDecimal.TEN);
            BigDecimal balance = decimalIn("simulator.startingBalance", BigDecimal.ZERO,
                    BigDecimal.valueOf(1_000_000_000_000L));
            MarketSettings fallback = market("simulator.defaultMarket");
            Map<Symbol, MarketSettings> markets = new LinkedHashMap<>();
            JsonNode configured = root.path("simulator").path("markets");
            for (Iterator<String> it = configured.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                try {
                    Symbol.parse(key);
                } catch (IllegalArgumentException e) {
                    problem("simulator.markets." + key, e.getMessage());
                }
            }
            for (Symbol symbol : symbols) {
                String key = "simulator.markets." + symbol;
                markets.put(symbol, configured.has(symbol.toString()) ? market(key, fallback) : fallback);
            }
            return new SimulatorSettings(seed, tick, fee, slippage, balance, markets);
        }

        private MarketSettings market(String key) {
            return market(key, null);
        }

        /** Reads one market; keys it lacks come from {@code fallback}. */
        private MarketSettings market(String key, MarketSettings fallback) {
            JsonNode node = at(key);
            if (!node.isObject()) {
                problem(key, "must be a mapping with startPrice, driftPct, volatilityPct and priceDecimals");
                return fallback != null ? fallback : new MarketSettings(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, 2);
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!Set.of("startPrice", "driftPct", "volatilityPct", "priceDecimals").contains(field)) {
                    problem(key + "." + field, "unknown key");
                }
            }
            BigDecimal start = fallback != null && !node.has("startPrice") ? fallback.startPrice()
                    : decimalIn(key + ".startPrice", BigDecimal.ZERO, BigDecimal.valueOf(1_000_000_000L));
            if (start.signum() == 0) {
                problem(key + ".startPrice", "must be greater than 0, got 0");
            }
            BigDecimal drift = fallback != null && !node.has("driftPct") ? fallback.driftPct()
                    : decimalIn(key + ".driftPct", BigDecimal.valueOf(-1000), BigDecimal.valueOf(1000));
            BigDecimal vol = fallback != null && !node.has("volatilityPct") ? fallback.volatilityPct()
                    : decimalIn(key + ".volatilityPct", BigDecimal.ZERO, BigDecimal.valueOf(10_000));
            int decimals = fallback != null && !node.has("priceDecimals") ? fallback.priceDecimals()
                    : intIn(key + ".priceDecimals", 0, 12);
            return new MarketSettings(start, drift, vol, decimals);
        }

        private LinkSettings link(String secretFromEnv) {
            String level = text("link.forwardLogLevel").toUpperCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(level)) {
                problem("link.forwardLogLevel", "must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got '" + level + "'");
            }
            String host = text("link.host");
            if (host.isBlank()) {
                problem("link.host", "must not be empty");
            }
            String secretFile = text("link.secretFile");
            if (secretFile.isBlank()) {
                problem("link.secretFile", "must not be empty");
            }
            long minDelay = longIn("link.reconnectMinDelayMs", 10, 3_600_000);
            long maxDelay = longIn("link.reconnectMaxDelayMs", 10, 3_600_000);
            if (maxDelay < minDelay) {
                problem("link.reconnectMaxDelayMs", "must be at least link.reconnectMinDelayMs (" + minDelay
                        + "), got " + maxDelay);
            }
            return new LinkSettings(bool("link.enabled"), host, intIn("link.port", 1, 65_535),
                    Path.of(secretFile.isBlank() ? "data/link.secret" : secretFile), secretFromEnv, level,
                    intIn("link.logQueueCapacity", 1, 1_000_000), longIn("link.heartbeatIntervalMs", 50, 3_600_000),
                    minDelay, maxDelay);
        }

        private JsonNode at(String key) {
            JsonNode node = root;
            for (String part : key.split("\\.")) {
                node = node.path(part);
            }
            return node;
        }

        private String text(String key) {
            JsonNode node = at(key);
            if (!node.isValueNode() || node.isNull()) {
                problem(key, node.isMissingNode() || node.isNull() ? "must be set" : "must be a single value");
                return "";
            }
            return node.asText().trim();
        }

        private boolean bool(String key) {
            String value = text(key);
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            problem(key, "must be true or false, got '" + value + "'");
            return false;
        }

        private BigDecimal decimalIn(String key, BigDecimal min, BigDecimal max) {
            String value = text(key);
            BigDecimal number;
            try {
                number = new BigDecimal(value);
            } catch (NumberFormatException e) {
                problem(key, "must be a number, got '" + value + "'");
                return min;
            }
            if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
                problem(key, "must be between " + min.toPlainString() + " and " + max.toPlainString() + ", got "
                        + number.toPlainString());
                return min;
            }
            return number;
        }

        private long longIn(String key, long min, long max) {
            String value = text(key);
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                problem(key, "must be a whole number, got '" + value + "'");
                return Math.max(min, Math.min(max, 1));
            }
            if (number < min || number > max) {
                problem(key, "must be between " + min + " and " + max + ", got " + number);
                return Math.max(min, Math.min(max, 1));
            }
            return number;
        }

        private int intIn(String key, int min, int max) {
            return (int) longIn(key, min, max);
        }

        private void problem(String key, String what) {
            String origin = origins.get(key);
            problems.add((origin == null ? key : key + " (" + origin + ")") + ": " + what);
        }
    }
}
