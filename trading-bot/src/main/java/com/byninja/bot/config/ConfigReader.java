package com.byninja.bot.config;

import com.byninja.bot.config.BotConfig.ControlSettings;
import com.byninja.bot.config.BotConfig.EngineSettings;
import com.byninja.bot.config.BotConfig.OrderKind;
import com.byninja.bot.config.BotConfig.OrderSettings;
import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.config.BotConfig.LinkSettings;
import com.byninja.bot.config.BotConfig.MarketDataSettings;
import com.byninja.bot.config.BotConfig.MarketSettings;
import com.byninja.bot.config.BotConfig.RiskSettings;
import com.byninja.bot.config.BotConfig.RulesSettings;
import com.byninja.bot.config.BotConfig.SimulatorSettings;
import com.byninja.bot.config.BotConfig.StakeMode;
import com.byninja.bot.config.BotConfig.StoreSettings;
import com.byninja.bot.config.BotConfig.StrategySettings;
import com.byninja.bot.config.BotConfig.SymbolSettings;
import com.byninja.bot.config.rules.Expression;
import com.byninja.bot.config.rules.ExpressionException;
import com.byninja.bot.config.rules.Parser;
import com.byninja.bot.domain.Symbol;
import com.byninja.runtime.config.KeySuggestions;
import com.byninja.runtime.config.YamlConfig;
import com.byninja.strategy.api.Parameters;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Typed reads and validation of the merged configuration. A bad value is reported once, at its key, and yields a
 * placeholder so that every other key is still checked; a rule between two keys is checked only when both are good,
 * so a placeholder never causes a second, false problem.
 */
final class ConfigReader {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
    private static final Symbol PLACEHOLDER = new Symbol("BTC", "USDT");
    /** The oldest age {@code risk.minimalRoi} may name: ten years, in minutes. */
    private static final long MAX_ROI_MINUTES = 5_256_000;

    private final YamlConfig config;

    ConfigReader(YamlConfig config) {
        this.config = config;
    }

    /**
     * @param secretFromEnv {@code BYNINJA_LINK_SECRET}, or null; kept out of the tree so it is never printed
     * @param apiKey        {@code BYNINJA_EXCHANGE_API_KEY}, or null; likewise
     * @param apiSecret     {@code BYNINJA_EXCHANGE_API_SECRET}, or null; likewise
     * @return the configuration; only meaningful when no problem was reported
     */
    BotConfig read(String secretFromEnv, String apiKey, String apiSecret) {
        return read(secretFromEnv, apiKey, apiSecret, true);
    }

    /**
     * For commands that place no orders: a live configuration needs no keys, and has none.
     *
     * @param secretFromEnv {@code BYNINJA_LINK_SECRET}, or null
     * @return the configuration; only meaningful when no problem was reported
     */
    BotConfig readWithoutKeys(String secretFromEnv) {
        return read(secretFromEnv, null, null, false);
    }

    private BotConfig read(String secretFromEnv, String apiKey, String apiSecret, boolean keysNeeded) {
        String name = config.text("name");
        if (config.valid("name") && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            config.problem("name", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, "
                    + "got " + quoted(name));
        }
        ExchangeSettings exchange = exchange(apiKey, apiSecret, keysNeeded);
        Listed listed = symbols();
        List<Symbol> symbols = listed.symbols();
        Duration timeframe = timeframe();
        Path dataDir = Path.of(config.required("dataDir", "a directory such as data"));
        Path logDir = Path.of(config.required("logDir", "a directory such as logs"));

        MarketDataSettings marketData = new MarketDataSettings(
                config.whole("marketData.pollIntervalMs", 10, 3_600_000),
                config.wholeInt("marketData.warmupBars", 0, 10_000),
                config.wholeInt("marketData.maxBars", 10, 100_000),
                config.whole("marketData.staleAfterMs", 10, 86_400_000),
                config.wholeInt("marketData.errorAlertAfter", 1, 10_000));
        if (config.valid("marketData.warmupBars", "marketData.maxBars")
                && marketData.warmupBars() > marketData.maxBars()) {
            config.conflict("marketData.warmupBars", "must not exceed marketData.maxBars (" + marketData.maxBars()
                    + "), got " + marketData.warmupBars(), "marketData.maxBars");
        }
        if (config.valid("marketData.staleAfterMs", "marketData.pollIntervalMs")
                && marketData.staleAfterMs() < marketData.pollIntervalMs()) {
            config.conflict("marketData.staleAfterMs", "must be at least marketData.pollIntervalMs ("
                    + marketData.pollIntervalMs() + "), got " + marketData.staleAfterMs(), "marketData.pollIntervalMs");
        }
        if (timeframe != null && config.valid("marketData.pollIntervalMs")
                && timeframe.toMillis() < marketData.pollIntervalMs()) {
            config.conflict("timeframe", "must be at least marketData.pollIntervalMs (" + marketData.pollIntervalMs()
                    + " ms), got " + Durations.format(timeframe), "marketData.pollIntervalMs");
        }

        StrategyChoice choice = new StrategyChoice(config);
        StrategySettings strategy = strategy(Scope.global(), marketData.maxBars(), choice);
        RiskSettings risk = risk(Scope.global());
        Map<Symbol, SymbolSettings> own = symbolSettings(listed.entries(), strategy, risk, marketData.maxBars(), choice);
        EngineSettings engine = new EngineSettings(
                config.whole("engine.checkIntervalMs", 10, 60_000),
                config.wholeInt("engine.eventQueueCapacity", 1, 1_000_000),
                config.wholeInt("engine.commandQueueCapacity", 1, 100_000),
                config.wholeInt("engine.orderQueueCapacity", 1, 10_000),
                config.whole("engine.balanceRefreshMs", 100, 86_400_000));
        SimulatorSettings simulator = simulator(symbols);
        if (timeframe != null && config.valid("simulator.tickIntervalMs")
                && timeframe.toMillis() < simulator.tickIntervalMs()) {
            config.conflict("timeframe", "must be at least simulator.tickIntervalMs (" + simulator.tickIntervalMs()
                    + " ms), got " + Durations.format(timeframe), "simulator.tickIntervalMs");
        }
        LinkSettings link = link(secretFromEnv);
        StoreSettings store = new StoreSettings(config.wholeInt("store.decisionRetentionDays", 1, 36_500),
                config.wholeInt("store.equitySampleMinutes", 1, 1440));
        if (config.valid("store.equitySampleMinutes") && 1440 % store.equitySampleMinutes() != 0) {
            config.problem("store.equitySampleMinutes", "must divide a day (1440 minutes) so that the samples fall at "
                    + "the same times every day, such as 15, 60 or 240, got " + store.equitySampleMinutes());
        }
        return new BotConfig(name, exchange, symbols, timeframe == null ? Duration.ofMinutes(1) : timeframe,
                dataDir, logDir, new ControlSettings(config.bool("control.tradingOnFirstStart")), marketData, strategy,
                risk, engine, simulator, link, store, new ProtectionsReader(config).read(), own, orders());
    }

    private OrderSettings orders() {
        BigDecimal offset = config.decimal("orders.limitOffsetPct", BigDecimal.ZERO, BigDecimal.valueOf(50));
        boolean postOnly = config.bool("orders.postOnly");
        if (config.valid("orders.limitOffsetPct", "orders.postOnly") && postOnly && offset.signum() == 0) {
            config.conflict("orders.postOnly", "needs orders.limitOffsetPct above 0: a limit order at the last price "
                    + "would execute at once, and post-only orders that would are refused", "orders.limitOffsetPct");
        }
        return new OrderSettings(orderKind("orders.entry"), orderKind("orders.exit"), orderKind("orders.stopExit"),
                orderKind("orders.forced"), offset, postOnly, config.whole("orders.limitTimeoutMs", 1_000, 86_400_000),
                config.bool("orders.marketAfterTimeout"), config.whole("orders.statusPollMs", 200, 3_600_000),
                config.decimal("orders.stopLimitOffsetPct", BigDecimal.ZERO, BigDecimal.valueOf(50)),
                config.decimal("orders.stopMoveStepPct", BigDecimal.ZERO, BigDecimal.valueOf(50)),
                config.whole("orders.stopMoveIntervalMs", 0, 86_400_000),
                config.whole("orders.openOrdersCheckMs", 1_000, 86_400_000));
    }

    private OrderKind orderKind(String key) {
        String text = config.text(key);
        if (!config.valid(key)) {
            return OrderKind.MARKET;
        }
        return switch (String.valueOf(text)) {
            case "market" -> OrderKind.MARKET;
            case "limit" -> OrderKind.LIMIT;
            default -> {
                config.problem(key, "must be market or limit, got " + quoted(text));
                yield OrderKind.MARKET;
            }
        };
    }

    private ExchangeSettings exchange(String apiKey, String apiSecret, boolean keysNeeded) {
        String type = config.text("exchange.type");
        if (config.valid("exchange.type") && !type.equals(ExchangeSettings.SIMULATED)
                && !type.equals(ExchangeSettings.BINANCE) && !isXChangeClass(type)) {
            config.problem("exchange.type", "must be simulated, binance or the class name of an XChange exchange on "
                    + "the class path (such as org.knowm.xchange.binance.BinanceExchange), got " + quoted(type));
        }
        String mode = config.text("exchange.mode");
        if (!config.valid("exchange.mode")) {
            mode = "paper";
        } else if (!Set.of("paper", "live").contains(mode)) {
            config.problem("exchange.mode", "must be paper or live, got " + quoted(mode));
        } else if (mode.equals("live") && config.valid("exchange.type")) {
            if (type.equals(ExchangeSettings.SIMULATED)) {
                config.conflict("exchange.mode", "the simulated exchange only trades paper money, got \"live\"",
                        "exchange.type");
            } else {
                if (!type.equals(ExchangeSettings.BINANCE)
                        && !type.equals("org.knowm.xchange.binance.BinanceExchange")) {
                    config.conflict("exchange.mode", "live trading is supported on binance only; other exchanges "
                            + "trade paper, got " + quoted(type), "exchange.type");
                }
                if (keysNeeded && (apiKey == null || apiSecret == null)) {
                    config.conflict("exchange.mode", "live trading needs the API keys in BYNINJA_EXCHANGE_API_KEY and "
                            + "BYNINJA_EXCHANGE_API_SECRET, " + (apiKey == null && apiSecret == null
                            ? "neither is set"
                            : (apiKey == null ? "BYNINJA_EXCHANGE_API_KEY" : "BYNINJA_EXCHANGE_API_SECRET")
                                    + " is not set"));
                }
            }
        }
        String baseUrl = config.text("exchange.baseUrl");
        if (!baseUrl.isEmpty() && !isHttpAddress(baseUrl)) {
            config.problem("exchange.baseUrl", "must be empty or an http(s) address such as "
                    + "https://testnet.binance.vision, got " + quoted(baseUrl));
        }
        return new ExchangeSettings(type, mode, baseUrl,
                config.wholeInt("exchange.connectTimeoutMs", 100, 600_000),
                config.wholeInt("exchange.readTimeoutMs", 100, 600_000),
                config.wholeInt("exchange.readRetries", 0, 100),
                config.whole("exchange.retryMaxDelayMs", 10, 3_600_000),
                config.wholeInt("exchange.failureAlertAfter", 1, 10_000),
                config.whole("exchange.unknownOrderWindowMs", 0, 86_400_000),
                apiKey, apiSecret);
    }

    private static boolean isHttpAddress(String text) {
        try {
            URI uri = new URI(text);
            return Set.of("http", "https").contains(String.valueOf(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
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

    /**
     * The symbols, each written as a market ({@code BTC/USDT}) or as an entry with settings of its own
     * ({@code symbol: SOL/USDT} with {@code strategy:} and {@code risk:} beneath).
     *
     * @param symbols every symbol, in the order written
     * @param entries where each symbol written as an entry is, such as {@code symbols[2]}
     */
    private record Listed(List<Symbol> symbols, Map<Symbol, String> entries) {
    }

    /** The keys an entry of symbols may hold. */
    private static final List<String> ENTRY_KEYS = List.of("symbol", "strategy", "risk");
    /** Risk settings of the whole bot, which an entry of symbols cannot set for one symbol. */
    private static final List<String> BOT_WIDE_RISK = List.of("maxOpenPositions", "dailyLossLimit", "budget",
            "protectiveExits");

    private Listed symbols() {
        List<String> items = config.items("symbols");
        if (items.isEmpty()) {
            JsonNode node = config.node("symbols");
            config.problem("symbols", node.isArray() ? "must list at least one market, such as [BTC/USDT, ETH/USDT]"
                    : "must be a list of markets such as [BTC/USDT, ETH/USDT], got " + YamlConfig.describe(node));
            return new Listed(List.of(PLACEHOLDER), Map.of());
        }
        Set<Symbol> symbols = new LinkedHashSet<>();
        Map<Symbol, String> entries = new LinkedHashMap<>();
        for (String item : items) {
            boolean entry = config.node(item).isObject();
            String key = entry ? item + ".symbol" : item;
            if (entry) {
                entryKeys(item);
                if (config.node(key).isMissingNode()) {
                    config.problem(key, "must be the market this entry is for, such as SOL/USDT, got nothing", item);
                    continue;
                }
            }
            String text = config.text(key);
            if (!config.valid(key)) {
                continue;
            }
            try {
                Symbol symbol = Symbol.parse(text);
                if (!symbols.add(symbol)) {
                    config.problem(key, symbol + " is listed twice; keep one");
                } else if (entry) {
                    entries.put(symbol, item);
                }
            } catch (IllegalArgumentException e) {
                config.problem(key, e.getMessage());
            }
        }
        Set<String> quotes = new LinkedHashSet<>();
        symbols.forEach(s -> quotes.add(s.quote()));
        if (quotes.size() > 1) {
            config.conflict("symbols", "must all share one quote currency (the stake currency), got " + quotes);
        }
        return symbols.isEmpty() ? new Listed(List.of(PLACEHOLDER), Map.of())
                : new Listed(List.copyOf(symbols), entries);
    }

    /** Reports the keys an entry of symbols cannot hold: unknown ones, and settings of the whole bot. */
    private void entryKeys(String item) {
        for (String name : config.names(item)) {
            if (!ENTRY_KEYS.contains(name)) {
                config.problem(item + "." + name, "unknown key; an entry of symbols holds symbol, and strategy and "
                        + "risk settings of its own" + KeySuggestions.nearest(name, ENTRY_KEYS)
                        .map(m -> "; did you mean " + item + "." + m + "?").orElse(""));
            }
        }
        for (String name : BOT_WIDE_RISK) {
            String key = item + ".risk." + name;
            if (!config.node(key).isMissingNode()) {
                config.problem(key, "limits the whole bot, not one symbol; set it once, as risk." + name);
            }
        }
        String dir = item + ".strategy.pluginDir";
        if (!config.node(dir).isMissingNode()) {
            config.problem(dir, "plug-ins are found once for the whole bot; set strategy.pluginDir at the top");
        }
    }

    /**
     * Reads the strategy and risk settings of each entry of symbols that writes some: the keys it writes, the rest
     * from the global sections (read already, so a problem there is reported once).
     *
     * @return the symbols with settings of their own
     */
    private Map<Symbol, SymbolSettings> symbolSettings(Map<Symbol, String> entries, StrategySettings strategy,
                                                      RiskSettings risk, int maxBars, StrategyChoice choice) {
        Map<Symbol, SymbolSettings> own = new LinkedHashMap<>();
        entries.forEach((symbol, item) -> {
            Scope k = Scope.entry(config, item);
            boolean ownStrategy = !config.names(item + ".strategy").isEmpty();
            List<String> ownRisk = new ArrayList<>();
            for (String name : config.names(item + ".risk")) {
                if (!BOT_WIDE_RISK.contains(name)) {
                    ownRisk.add(name + " " + written(config.node(item + ".risk." + name)));
                }
            }
            if (ownStrategy || !ownRisk.isEmpty()) {
                own.put(symbol, new SymbolSettings(ownStrategy ? strategy(k, maxBars, choice) : strategy,
                        ownRisk.isEmpty() ? risk : risk(k), ownStrategy, ownRisk));
            }
        });
        return own;
    }

    /** @return a value as the user wrote it, for people: {@code 2}, {@code fixed}, {@code {0: 4, 30: 2}} */
    private static String written(JsonNode node) {
        if (node.isObject()) {
            List<String> entries = new ArrayList<>();
            node.properties().forEach(e -> entries.add(e.getKey() + ": " + written(e.getValue())));
            return "{" + String.join(", ", entries) + "}";
        }
        return node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText();
    }

    /** @return the timeframe, or null when it is not valid (reported) */
    private Duration timeframe() {
        String text = config.text("timeframe");
        if (!config.valid("timeframe")) {
            return null;
        }
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            config.problem("timeframe", "must be a number and a unit (ms, s, m, h or d) such as 1m or 5s, got "
                    + YamlConfig.describe(config.node("timeframe")));
            return null;
        }
        if (d.toMillis() < 100) {
            config.problem("timeframe", "must be at least 100ms, got " + Durations.format(d));
            return null;
        }
        return d;
    }

    private StrategySettings strategy(Scope k, int maxBars, StrategyChoice choice) {
        String name = config.text(k.of("strategy.name"));
        StrategyCatalog.Found chosen = choice.strategy(name, k.of("strategy.name"));
        int fast = config.wholeInt(k.of("strategy.smaCross.fastPeriod"), 1, 10_000);
        int slow = config.wholeInt(k.of("strategy.smaCross.slowPeriod"), 2, 10_000);
        if (config.valid(k.of("strategy.smaCross.fastPeriod"), k.of("strategy.smaCross.slowPeriod")) && fast >= slow) {
            config.conflict(k.of("strategy.smaCross.fastPeriod"), "must be less than " + k.of("strategy.smaCross.slowPeriod") + " (" + slow
                    + "), got " + fast, k.of("strategy.smaCross.slowPeriod"));
        }
        if (name.equals("sma-cross") && config.valid(k.of("strategy.smaCross.slowPeriod"), "marketData.maxBars")
                && slow >= maxBars) {
            config.conflict(k.of("strategy.smaCross.slowPeriod"), "must be less than marketData.maxBars (" + maxBars
                    + "), got " + slow, "marketData.maxBars");
        }
        int period = config.wholeInt(k.of("strategy.rsi.period"), 2, 10_000);
        BigDecimal oversold = config.decimal(k.of("strategy.rsi.oversold"), BigDecimal.ZERO, HUNDRED);
        BigDecimal overbought = config.decimal(k.of("strategy.rsi.overbought"), BigDecimal.ZERO, HUNDRED);
        if (config.valid(k.of("strategy.rsi.oversold"), k.of("strategy.rsi.overbought")) && oversold.compareTo(overbought) >= 0) {
            config.conflict(k.of("strategy.rsi.oversold"), "must be less than " + k.of("strategy.rsi.overbought") + " ("
                    + overbought.toPlainString() + "), got " + oversold.toPlainString(), k.of("strategy.rsi.overbought"));
        }
        if (name.equals("rsi") && config.valid(k.of("strategy.rsi.period"), "marketData.maxBars") && period >= maxBars) {
            config.conflict(k.of("strategy.rsi.period"), "must be less than marketData.maxBars (" + maxBars + "), got "
                    + period, "marketData.maxBars");
        }
        RulesSettings rules = rules(k, name.equals("rules"), maxBars);
        Parameters parameters = Parameters.none();
        if (chosen != null && StrategyChoice.BUILT_IN_SECTIONS.containsKey(name)) {
            choice.noParametersFor(name, k.of("strategy.params"));
            parameters = builtInParameters(k, name, fast, slow, period, oversold, overbought);
        } else if (chosen != null) {
            parameters = choice.parameters(chosen, k.of("strategy.params"), k.of("strategy.name"));
        }
        return new StrategySettings(name, fast, slow, period, oversold, overbought, rules,
                chosen == null ? null : chosen.plugin(), parameters, choice.pluginDir());
    }

    /** @return a built-in strategy's section as the parameters its plug-in reads */
    private Parameters builtInParameters(Scope k, String name, int fast, int slow, int period, BigDecimal oversold,
                                         BigDecimal overbought) {
        Map<String, Object> values = new LinkedHashMap<>();
        switch (name) {
            case "sma-cross" -> {
                values.put("fastPeriod", fast);
                values.put("slowPeriod", slow);
            }
            case "rsi" -> {
                values.put("period", period);
                values.put("oversold", oversold);
                values.put("overbought", overbought);
            }
            default -> {
                // The rules as written: the strategy compiles them again, exactly as they were checked here.
                values.put("entry", config.node(k.of("strategy.rules.entry")).asText());
                values.put("exit", config.node(k.of("strategy.rules.exit")).asText());
            }
        }
        return Parameters.of(values);
    }

    /**
     * Reads both rules, always when they are written and required when the strategy is {@code rules}; its
     * indicators must be formed within the candles a series keeps.
     */
    private RulesSettings rules(Scope k, boolean used, int maxBars) {
        Expression entry = rule(k, "strategy.rules.entry", used);
        Expression exit = rule(k, "strategy.rules.exit", used);
        if (entry == null || exit == null) {
            return null;
        }
        RulesSettings rules = new RulesSettings(entry, exit);
        int unstable = rules.unstableBars();
        if (used && config.valid("marketData.maxBars") && unstable >= maxBars) {
            config.conflict(entry.unstableBars() >= exit.unstableBars() ? k.of("strategy.rules.entry")
                    : k.of("strategy.rules.exit"), "needs " + (unstable + 1) + " candles before its indicators are formed, "
                    + "more than marketData.maxBars (" + maxBars + ") keeps", "marketData.maxBars");
        }
        return rules;
    }

    /**
     * @param global the rule's global key; an entry of symbols that runs rules and has none of its own, nor a global
     *               one to inherit, is told at its own key
     * @return the rule at {@code key}, or null when it is not set or not valid (reported)
     */
    private Expression rule(Scope k, String global, boolean required) {
        String key = k.of(global);
        String text = config.text(key);
        if (!config.valid(key)) {
            return null;
        }
        if (text.isEmpty()) {
            if (required) {
                config.problem(k.own(global), "must be a rule such as crossedUp(ema(close, 12), ema(close, 26)), got "
                        + "nothing", k.own("strategy.name"));
            }
            return null;
        }
        // Columns count in the text as written, leading spaces included.
        JsonNode node = config.node(key);
        try {
            return Parser.parseRule(node.isTextual() ? node.asText() : text);
        } catch (ExpressionException e) {
            config.problem(key, e.getMessage());
            return null;
        }
    }

    private RiskSettings risk(Scope k) {
        BigDecimal stake = config.positive(k.of("risk.stakeAmount"), BILLION);
        BigDecimal maxStake = config.decimal(k.of("risk.maxStakeAmount"), BigDecimal.ZERO, BILLION);
        if (config.valid(k.of("risk.stakeAmount"), k.of("risk.maxStakeAmount")) && maxStake.compareTo(stake) < 0) {
            config.conflict(k.of("risk.maxStakeAmount"), "must be at least " + k.of("risk.stakeAmount") + " (" + stake.toPlainString()
                    + "), got " + maxStake.toPlainString(), k.of("risk.stakeAmount"));
        }
        BigDecimal minOrder = config.decimal(k.of("risk.minOrderAmount"), BigDecimal.ZERO, BILLION);
        if (config.valid(k.of("risk.stakeAmount"), k.of("risk.minOrderAmount")) && minOrder.compareTo(stake) > 0) {
            config.conflict(k.of("risk.minOrderAmount"), "must not exceed " + k.of("risk.stakeAmount") + " (" + stake.toPlainString()
                    + "), got " + minOrder.toPlainString(), k.of("risk.stakeAmount"));
        }
        int maxOpen = config.wholeInt(k.of("risk.maxOpenPositions"), 1, 10_000);
        BigDecimal stopLoss = config.decimal(k.of("risk.stopLossPct"), BigDecimal.ZERO, HUNDRED);
        BigDecimal takeProfit = config.decimal(k.of("risk.takeProfitPct"), BigDecimal.ZERO, BigDecimal.valueOf(10_000));
        BigDecimal trailing = config.decimal(k.of("risk.trailingStopPct"), BigDecimal.ZERO, HUNDRED);
        BigDecimal dailyLoss = config.decimal(k.of("risk.dailyLossLimit"), BigDecimal.ZERO, BILLION);
        boolean protectiveExits = config.bool(k.of("risk.protectiveExits"));
        Sizing sizing = sizing(k, minOrder, stopLoss, protectiveExits);
        return new RiskSettings(stake, maxStake, minOrder, maxOpen, stopLoss, takeProfit, trailing, dailyLoss,
                protectiveExits, sizing.mode(), sizing.stakePct(), sizing.riskPct(), sizing.budget(), minimalRoi(k),
                trailingOffset(k, trailing), config.bool(k.of("risk.stopLossOnExchange")));
    }

    /** The stake mode, what it needs, and the budget. */
    private record Sizing(StakeMode mode, BigDecimal stakePct, BigDecimal riskPct, BigDecimal budget) {
    }

    private Sizing sizing(Scope k, BigDecimal minOrder, BigDecimal stopLoss, boolean protectiveExits) {
        String text = config.text(k.of("risk.stakeMode"));
        StakeMode mode = StakeMode.of(text);
        if (config.valid(k.of("risk.stakeMode")) && mode == null) {
            config.problem(k.of("risk.stakeMode"), "must be fixed, percentOfEquity or riskBased, got " + quoted(text));
        }
        BigDecimal stakePct = config.decimal(k.of("risk.stakePct"), BigDecimal.ZERO, HUNDRED);
        BigDecimal riskPct = config.decimal(k.of("risk.riskPct"), BigDecimal.ZERO, HUNDRED);
        if (mode == StakeMode.PERCENT_OF_EQUITY && config.valid(k.of("risk.stakePct")) && stakePct.signum() == 0) {
            config.conflict(k.of("risk.stakePct"), "must be greater than 0 with " + k.of("risk.stakeMode") + " percentOfEquity (the "
                    + "percentage of equity each stake spends), got 0", k.of("risk.stakeMode"));
        }
        if (mode == StakeMode.RISK_BASED) {
            if (config.valid(k.of("risk.riskPct")) && riskPct.signum() == 0) {
                config.conflict(k.of("risk.riskPct"), "must be greater than 0 with " + k.of("risk.stakeMode") + " riskBased (the "
                        + "percentage of equity a stake may lose at its stop-loss), got 0", k.of("risk.stakeMode"));
            }
            if (config.valid(k.of("risk.stopLossPct")) && stopLoss.signum() == 0) {
                config.conflict(k.of("risk.stopLossPct"), "must be greater than 0 with " + k.of("risk.stakeMode") + " riskBased, which "
                        + "sizes each stake by what its stop-loss would lose; set a stop-loss or choose another stake "
                        + "mode, got 0", k.of("risk.stakeMode"));
            }
            if (config.valid(k.of("risk.protectiveExits")) && !protectiveExits) {
                config.conflict(k.of("risk.protectiveExits"), "must be true with " + k.of("risk.stakeMode") + " riskBased, which sizes each "
                        + "stake by what its stop-loss would lose; false turns the stop-loss off", k.of("risk.stakeMode"));
            }
        }
        BigDecimal budget = config.decimal(k.of("risk.budget"), BigDecimal.ZERO, BILLION);
        if (config.valid(k.of("risk.budget"), k.of("risk.minOrderAmount")) && budget.signum() > 0
                && budget.compareTo(minOrder) < 0) {
            config.conflict(k.of("risk.budget"), "must be 0 (no budget) or at least " + k.of("risk.minOrderAmount") + " ("
                    + minOrder.toPlainString() + "), got " + budget.toPlainString(), k.of("risk.minOrderAmount"));
        }
        return new Sizing(mode == null ? StakeMode.FIXED : mode, stakePct, riskPct, budget);
    }

    /**
     * Reads {@code risk.minimalRoi}, a mapping of whole minutes to percentages whose percentages never rise with the
     * minutes; each problem is placed at its entry.
     */
    private MinimalRoi minimalRoi(Scope k) {
        String key = k.of("risk.minimalRoi");
        JsonNode node = config.node(key);
        if (!node.isObject()) {
            if (!node.isMissingNode() && !node.isNull()) {
                config.problem(key, "must be a mapping of minutes to percent such as {0: 4, 30: 2, 120: 0}, or {} "
                        + "for none, got " + YamlConfig.describe(node));
            }
            return MinimalRoi.off();
        }
        Map<Long, BigDecimal> entries = new TreeMap<>();
        Map<Long, String> keys = new LinkedHashMap<>();
        for (String name : config.names(key)) {
            String entry = key + "." + name;
            Long minutes = minutes(name);
            if (minutes == null) {
                config.problem(entry, "must be a whole number of minutes from 0 to " + MAX_ROI_MINUTES
                        + " (the position's age), got " + quoted(name));
                continue;
            }
            BigDecimal pct = config.decimal(entry, BigDecimal.valueOf(-100), BigDecimal.valueOf(10_000));
            if (config.valid(entry)) {
                entries.put(minutes, pct);
                keys.put(minutes, entry);
            }
        }
        Map.Entry<Long, BigDecimal> before = null;
        for (Map.Entry<Long, BigDecimal> e : entries.entrySet()) {
            if (before != null && e.getValue().compareTo(before.getValue()) > 0) {
                config.conflict(keys.get(e.getKey()), "must not ask for more profit than an earlier age does ("
                        + before.getKey() + ": " + before.getValue().toPlainString() + "): the profit a position "
                        + "needs may only fall as it ages; lower it, got " + e.getValue().toPlainString(),
                        keys.get(before.getKey()));
                return MinimalRoi.off();
            }
            before = e;
        }
        return MinimalRoi.of(entries);
    }

    /** @return the whole number of minutes {@code name} writes, or null when it is none in range */
    private static Long minutes(String name) {
        try {
            long m = Long.parseLong(name.trim());
            return m >= 0 && m <= MAX_ROI_MINUTES ? m : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private BigDecimal trailingOffset(Scope k, BigDecimal trailing) {
        BigDecimal offset = config.decimal(k.of("risk.trailingStopPositiveOffsetPct"), BigDecimal.ZERO,
                BigDecimal.valueOf(10_000));
        if (config.valid(k.of("risk.trailingStopPositiveOffsetPct"), k.of("risk.trailingStopPct")) && offset.signum() > 0
                && trailing.signum() == 0) {
            config.conflict(k.of("risk.trailingStopPositiveOffsetPct"), "has no effect without a trailing stop: set "
                    + k.of("risk.trailingStopPct") + ", or 0 here, got " + offset.toPlainString(), k.of("risk.trailingStopPct"));
        }
        return offset;
    }

    private SimulatorSettings simulator(List<Symbol> symbols) {
        long seed = config.whole("simulator.seed", Long.MIN_VALUE, Long.MAX_VALUE);
        long tick = config.whole("simulator.tickIntervalMs", 1, 60_000);
        BigDecimal fee = config.decimal("simulator.feePct", BigDecimal.ZERO, BigDecimal.TEN);
        BigDecimal slippage = config.decimal("simulator.slippagePct", BigDecimal.ZERO, BigDecimal.TEN);
        BigDecimal balance = config.decimal("simulator.startingBalance", BigDecimal.ZERO,
                BigDecimal.valueOf(1_000_000_000_000L));
        MarketSettings fallback = market("simulator.defaultMarket", null);
        Set<String> quotes = new LinkedHashSet<>();
        symbols.forEach(s -> quotes.add(s.quote()));
        Map<Symbol, MarketSettings> markets = new LinkedHashMap<>();
        for (String name : config.names("simulator.markets")) {
            String key = "simulator.markets." + name;
            try {
                markets.put(Symbol.parse(name, quotes), market(key, fallback));
            } catch (IllegalArgumentException e) {
                config.problem(key, e.getMessage());
            }
        }
        for (Symbol symbol : symbols) {
            markets.putIfAbsent(symbol, fallback);
        }
        return new SimulatorSettings(seed, tick, fee, slippage, balance, markets, fallback,
                config.whole("simulator.orderLatencyMs", 0, 60_000));
    }

    /** Reads one market; keys it lacks come from {@code fallback} (none for the default market itself). */
    private MarketSettings market(String key, MarketSettings fallback) {
        JsonNode node = config.node(key);
        if (!node.isObject()) {
            config.problem(key, "must be a mapping with startPrice, driftPct, volatilityPct and priceDecimals, got "
                    + YamlConfig.describe(node));
            return fallback != null ? fallback
                    : new MarketSettings(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, 2);
        }
        BigDecimal start = fallback != null && !node.has("startPrice") ? fallback.startPrice()
                : config.positive(key + ".startPrice", BILLION);
        BigDecimal drift = fallback != null && !node.has("driftPct") ? fallback.driftPct()
                : config.decimal(key + ".driftPct", BigDecimal.valueOf(-1000), BigDecimal.valueOf(1000));
        BigDecimal vol = fallback != null && !node.has("volatilityPct") ? fallback.volatilityPct()
                : config.decimal(key + ".volatilityPct", BigDecimal.ZERO, BigDecimal.valueOf(10_000));
        int decimals = fallback != null && !node.has("priceDecimals") ? fallback.priceDecimals()
                : config.wholeInt(key + ".priceDecimals", 0, 12);
        return new MarketSettings(start, drift, vol, decimals);
    }

    private LinkSettings link(String secretFromEnv) {
        String level = config.logLevel("link.forwardLogLevel");
        String host = config.required("link.host", "the telegram-server's address, such as 127.0.0.1");
        // Empty, the default: the secret lives with the data, so dataDir (BYNINJA_DATA_DIR) moves both.
        String secretFile = config.text("link.secretFile");
        long statusInterval = config.whole("link.statusIntervalMs", 0, 86_400_000);
        if (config.valid("link.statusIntervalMs") && statusInterval > 0 && statusInterval < 1000) {
            config.problem("link.statusIntervalMs", "must be 0 (off) or at least 1000, got " + statusInterval);
        }
        long minDelay = config.whole("link.reconnectMinDelayMs", 10, 3_600_000);
        long maxDelay = config.whole("link.reconnectMaxDelayMs", 10, 3_600_000);
        if (config.valid("link.reconnectMinDelayMs", "link.reconnectMaxDelayMs") && maxDelay < minDelay) {
            config.conflict("link.reconnectMaxDelayMs", "must be at least link.reconnectMinDelayMs (" + minDelay
                    + "), got " + maxDelay, "link.reconnectMinDelayMs");
        }
        return new LinkSettings(config.bool("link.enabled"), host, config.wholeInt("link.port", 1, 65_535),
                secretFile.isBlank() ? Path.of(config.text("dataDir")).resolve("link.secret") : Path.of(secretFile),
                secretFromEnv, level.toUpperCase(Locale.ROOT),
                config.wholeInt("link.logQueueCapacity", 1, 1_000_000),
                config.whole("link.heartbeatIntervalMs", 50, 3_600_000),
                minDelay, maxDelay, statusInterval);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
