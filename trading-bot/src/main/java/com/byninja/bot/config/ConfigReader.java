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
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads and validation of the merged configuration tree. Each bad value adds one problem, naming its key (and
 * the environment variable it came from), and yields a harmless placeholder so that every other key is still
 * checked.
 */
final class ConfigReader {

    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private final JsonNode root;
    private final List<String> problems;
    private final Map<String, String> origins;

    ConfigReader(JsonNode root, List<String> problems, Map<String, String> origins) {
        this.root = root;
        this.problems = problems;
        this.origins = origins;
    }

    /**
     * @param secretFromEnv {@code BYNINJA_LINK_SECRET}, or null; kept out of the tree so it is never printed
     * @param apiKey        {@code BYNINJA_EXCHANGE_API_KEY}, or null; likewise
     * @param apiSecret     {@code BYNINJA_EXCHANGE_API_SECRET}, or null; likewise
     * @return the configuration; only meaningful when no problem was added
     */
    BotConfig read(String secretFromEnv, String apiKey, String apiSecret) {
        String name = text("name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            problem("name", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, got '"
                    + name + "'");
        }
        ExchangeSettings exchange = exchange(apiKey, apiSecret);
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

    private ExchangeSettings exchange(String apiKey, String apiSecret) {
        String type = text("exchange.type");
        if (!type.equals(ExchangeSettings.SIMULATED) && !type.equals(ExchangeSettings.BINANCE)
                && !isXChangeClass(type)) {
            problem("exchange.type", "must be simulated, binance or the class name of an XChange exchange on the "
                    + "class path (such as org.knowm.xchange.binance.BinanceExchange), got '" + type + "'");
        }
        String mode = text("exchange.mode");
        if (!Set.of("paper", "live").contains(mode)) {
            problem("exchange.mode", "must be paper or live, got '" + mode + "'");
        } else if (type.equals(ExchangeSettings.SIMULATED) && mode.equals("live")) {
            problem("exchange.mode", "the simulated exchange only trades paper money, got '" + mode + "'");
        } else if (mode.equals("live")) {
            if (!type.equals(ExchangeSettings.BINANCE) && !type.equals("org.knowm.xchange.binance.BinanceExchange")) {
                problem("exchange.mode", "live trading is supported on binance only; other exchanges trade paper, "
                        + "got '" + type + "'");
            }
            if (apiKey == null || apiSecret == null) {
                problem("exchange.mode", "live trading needs the API keys in BYNINJA_EXCHANGE_API_KEY and "
                        + "BYNINJA_EXCHANGE_API_SECRET, " + (apiKey == null && apiSecret == null ? "neither is set"
                        : (apiKey == null ? "BYNINJA_EXCHANGE_API_KEY" : "BYNINJA_EXCHANGE_API_SECRET")
                        + " is not set"));
            }
        }
        String baseUrl = text("exchange.baseUrl");
        if (!baseUrl.isEmpty()) {
            try {
                java.net.URI uri = new java.net.URI(baseUrl);
                if (!Set.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                    problem("exchange.baseUrl", "must be empty or an http(s) address such as "
                            + "https://testnet.binance.vision, got '" + baseUrl + "'");
                }
            } catch (java.net.URISyntaxException e) {
                problem("exchange.baseUrl", "must be empty or an http(s) address, got '" + baseUrl + "'");
            }
        }
        return new ExchangeSettings(type, mode, baseUrl,
                intIn("exchange.connectTimeoutMs", 100, 600_000),
                intIn("exchange.readTimeoutMs", 100, 600_000),
                intIn("exchange.readRetries", 0, 100),
                longIn("exchange.retryMaxDelayMs", 10, 3_600_000),
                intIn("exchange.failureAlertAfter", 1, 10_000),
                longIn("exchange.unknownOrderWindowMs", 0, 86_400_000),
                apiKey, apiSecret);
    }

    private static boolean isXChangeClass(String type) {
        if (!type.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)+")) {
            return false;
        }
        try {
            return org.knowm.xchange.Exchange.class.isAssignableFrom(
                    Class.forName(type, false, ConfigReader.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
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
                decimalIn("risk.dailyLossLimit", BigDecimal.ZERO, million),
                bool("risk.protectiveExits"));
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
                markets.put(Symbol.parse(key), market("simulator.markets." + key, fallback));
            } catch (IllegalArgumentException e) {
                problem("simulator.markets." + key, e.getMessage());
            }
        }
        for (Symbol symbol : symbols) {
            markets.putIfAbsent(symbol, fallback);
        }
        return new SimulatorSettings(seed, tick, fee, slippage, balance, markets, fallback,
                longIn("simulator.orderLatencyMs", 0, 60_000));
    }

    private MarketSettings market(String key) {
        return market(key, null);
    }

    /** Reads one market; keys it lacks come from {@code fallback}. */
    private MarketSettings market(String key, MarketSettings fallback) {
        JsonNode node = at(key);
        if (!node.isObject()) {
            problem(key, "must be a mapping with startPrice, driftPct, volatilityPct and priceDecimals");
            return fallback != null ? fallback
                    : new MarketSettings(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, 2);
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
        // Empty, the default: the secret lives with the data, so dataDir (BYNINJA_DATA_DIR) moves both.
        String secretFile = text("link.secretFile");
        long statusInterval = longIn("link.statusIntervalMs", 0, 86_400_000);
        if (statusInterval > 0 && statusInterval < 1000) {
            problem("link.statusIntervalMs", "must be 0 (off) or at least 1000, got " + statusInterval);
        }
        long minDelay = longIn("link.reconnectMinDelayMs", 10, 3_600_000);
        long maxDelay = longIn("link.reconnectMaxDelayMs", 10, 3_600_000);
        if (maxDelay < minDelay) {
            problem("link.reconnectMaxDelayMs", "must be at least link.reconnectMinDelayMs (" + minDelay
                    + "), got " + maxDelay);
        }
        return new LinkSettings(bool("link.enabled"), host, intIn("link.port", 1, 65_535),
                secretFile.isBlank() ? Path.of(text("dataDir")).resolve("link.secret") : Path.of(secretFile),
                secretFromEnv, level,
                intIn("link.logQueueCapacity", 1, 1_000_000), longIn("link.heartbeatIntervalMs", 50, 3_600_000),
                minDelay, maxDelay, statusInterval);
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
