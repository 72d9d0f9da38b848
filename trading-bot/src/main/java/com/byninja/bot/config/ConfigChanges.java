package com.byninja.bot.config;

import com.byninja.bot.config.BotConfig.StrategySettings;
import com.byninja.bot.config.BotConfig.SymbolSettings;
import com.byninja.bot.domain.Symbol;
import com.byninja.runtime.EffectiveConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a configuration read again ({@code /reload}) changes against the one the bot runs, key by key, and which of
 * those changes a running bot takes at once. A pure function of the two configurations; the trading thread then
 * applies {@link #next()}.
 *
 * <p>Taken at once, because they act only on what the bot decides next and leave every order and position where it is:
 * <ul>
 *   <li>{@code risk.*}, and the risk settings of a symbol's own entry ({@code symbols[SOL/USDT].risk.*}): stakes and
 *       their sizing, the budget, the limits, stop-loss, take-profit, trailing stop and minimal ROI; an open position's
 *       levels move to the new ones at once;</li>
 *   <li>{@code protections.*}: the rules that lock the strategy's entries after trades close; the locks in force end
 *       at their time;</li>
 *   <li>the parameters of a built-in strategy ({@code sma-cross}, {@code rsi}, {@code rules}) that keeps its name,
 *       globally or in a symbol's entry: it is built again on the candles the bot holds.</li>
 * </ul>
 * Everything else needs a restart and is left as it runs: the name, the exchange, the symbols, the timeframe, the data
 * and log directories, market data, the engine, the store, the simulator, the link, which strategy runs (its name)
 * and anything of a plug-in strategy, whose state lives inside the plug-in.
 */
public final class ConfigChanges {

    /** What becomes of one change. */
    public enum Effect {
        /** Taken at once. */
        APPLIED,
        /** Left as it runs until the bot is restarted. */
        NEEDS_RESTART
    }

    /**
     * One key whose value differs.
     *
     * @param key    its path, such as {@code risk.stakeAmount} or {@code symbols[SOL/USDT].risk.stopLossPct}
     * @param before its value running, {@code (not set)} when it had none; secrets masked
     * @param after  its value in the file, likewise
     * @param effect what becomes of it
     */
    public record Change(String key, String before, String after, Effect effect) {
    }

    /**
     * The configuration running: the validated settings and every key's value as the effective configuration has it.
     *
     * @param config   the settings
     * @param settings each leaf key's value, in the order of the configuration
     */
    public record Running(BotConfig config, Map<String, String> settings) {

        public Running {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }

        /** @return the configuration a bot started with */
        public static Running of(ConfigLoader.Loaded loaded) {
            return new Running(loaded.config(), flatten(loaded.effective()));
        }
    }

    static final String NOT_SET = "(not set)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYMBOLS = "symbols";

    private final List<Change> changes;
    private final BotConfig next;
    private final boolean risk;
    private final boolean protections;
    private final boolean strategies;
    private final Running after;

    private ConfigChanges(List<Change> changes, BotConfig next, boolean risk, boolean protections,
                          boolean strategies, Running after) {
        this.changes = List.copyOf(changes);
        this.next = next;
        this.risk = risk;
        this.protections = protections;
        this.strategies = strategies;
        this.after = after;
    }

    /**
     * @param running the configuration the bot runs with
     * @param read    the configuration read again, validated
     * @return every key that differs, what becomes of it, and the configuration to run with from now
     */
    public static ConfigChanges between(Running running, ConfigLoader.Loaded read) {
        BotConfig was = running.config();
        BotConfig is = read.config();
        Map<String, String> before = running.settings();
        Map<String, String> now = flatten(read.effective());
        // In the order of the file read, then what it no longer has.
        Set<String> keys = new LinkedHashSet<>(now.keySet());
        keys.addAll(before.keySet());
        boolean globalStrategy = sameBuiltIn(was.strategy(), is.strategy());
        List<Change> changes = new ArrayList<>();
        Map<String, String> afterSettings = new LinkedHashMap<>(before);
        boolean risk = false;
        boolean protections = false;
        boolean strategies = false;
        for (String key : keys) {
            String b = before.getOrDefault(key, NOT_SET);
            String a = now.getOrDefault(key, NOT_SET);
            if (same(b, a)) {
                continue;
            }
            Effect effect = effect(key, was, is, globalStrategy);
            changes.add(new Change(key, b, a, effect));
            if (effect == Effect.APPLIED) {
                risk |= key.startsWith("risk.") || key.contains("].risk.");
                protections |= key.startsWith("protections.");
                strategies |= key.startsWith("strategy.") || key.contains("].strategy.");
                if (now.containsKey(key)) {
                    afterSettings.put(key, a);
                } else {
                    afterSettings.remove(key);
                }
            }
        }
        BotConfig next = next(was, is, globalStrategy);
        return new ConfigChanges(changes, next, risk, protections, strategies, new Running(next, afterSettings));
    }

    /** @return whether two values are the same, numbers by their value: {@code 25} and {@code 25.0} are */
    private static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** @return what becomes of a change of {@code key} */
    private static Effect effect(String key, BotConfig was, BotConfig is, boolean globalStrategy) {
        if (key.startsWith("risk.") || key.startsWith("protections.")) {
            return Effect.APPLIED;
        }
        if (key.startsWith("strategy.")) {
            boolean parameter = !key.equals("strategy.name") && !key.equals("strategy.pluginDir")
                    && !key.startsWith("strategy.params.");
            return parameter && globalStrategy ? Effect.APPLIED : Effect.NEEDS_RESTART;
        }
        Symbol entry = entrySymbol(key);
        if (entry != null && was.symbols().contains(entry) && is.symbols().contains(entry)) {
            String within = key.substring(key.indexOf("].") + 2);
            if (within.startsWith("risk.")) {
                return Effect.APPLIED;
            }
            if (within.startsWith("strategy.") && !within.equals("strategy.pluginDir")
                    && !within.startsWith("strategy.params.")
                    && sameBuiltIn(was.strategyFor(entry), is.strategyFor(entry))) {
                return Effect.APPLIED;
            }
        }
        return Effect.NEEDS_RESTART;
    }

    /** @return the symbol of a key of an entry of {@code symbols}, such as {@code symbols[SOL/USDT].risk.x}, or null */
    private static Symbol entrySymbol(String key) {
        if (!key.startsWith(SYMBOLS + "[") || !key.contains("].")) {
            return null;
        }
        try {
            return Symbol.parse(key.substring(SYMBOLS.length() + 1, key.indexOf("].")));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return whether both run the same built-in strategy, whose parameters may then change while it runs */
    private static boolean sameBuiltIn(StrategySettings was, StrategySettings is) {
        return was.name().equals(is.name()) && StrategyChoice.BUILT_IN_SECTIONS.containsKey(was.name());
    }

    /**
     * @return {@code was} with what is taken at once from {@code is}: risk, protections, and the settings of each
     *         built-in strategy that keeps its name; a symbol whose strategy changes name keeps the one it runs
     */
    private static BotConfig next(BotConfig was, BotConfig is, boolean globalStrategy) {
        StrategySettings strategy = globalStrategy ? is.strategy() : was.strategy();
        Map<Symbol, SymbolSettings> own = new LinkedHashMap<>();
        for (Symbol s : was.symbols()) {
            boolean stays = is.symbols().contains(s);
            BotConfig from = stays && sameBuiltIn(was.strategyFor(s), is.strategyFor(s)) ? is : was;
            SymbolSettings strategyEntry = from.symbolSettings().get(s);
            boolean ownStrategy = strategyEntry != null && strategyEntry.ownStrategy();
            SymbolSettings riskEntry = (stays ? is : was).symbolSettings().get(s);
            List<String> ownRisk = riskEntry == null ? List.of() : riskEntry.ownRisk();
            if (ownStrategy || !ownRisk.isEmpty()) {
                own.put(s, new SymbolSettings(ownStrategy ? from.strategyFor(s) : strategy,
                        (stays ? is : was).riskFor(s), ownStrategy, ownRisk));
            }
        }
        return new BotConfig(was.name(), was.exchange(), was.symbols(), was.timeframe(), was.dataDir(), was.logDir(),
                was.control(), was.marketData(), strategy, is.risk(), was.engine(), was.simulator(), was.link(),
                was.store(), is.protections(), own, is.orders());
    }

    /**
     * @return every leaf of the effective configuration by its path ({@code risk.stakeAmount}); the entries of
     *         {@code symbols} by their symbol ({@code symbols[SOL/USDT].risk.stopLossPct}), and the list of symbols
     *         as one value; secrets masked
     */
    static Map<String, String> flatten(String effective) {
        JsonNode tree;
        try {
            tree = JSON.readTree(effective);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON configuration: " + e.getOriginalMessage(), e);
        }
        Map<String, String> leaves = new LinkedHashMap<>();
        tree.properties().forEach(field -> {
            if (field.getKey().equals(SYMBOLS) && field.getValue().isArray()) {
                symbols(field.getValue(), leaves);
            } else {
                flatten(field.getKey(), field.getKey(), field.getValue(), leaves);
            }
        });
        return leaves;
    }

    private static void symbols(JsonNode list, Map<String, String> leaves) {
        List<String> names = new ArrayList<>();
        for (JsonNode item : list) {
            names.add(canonical(item.isObject() ? item.path("symbol").asText() : item.asText()));
        }
        leaves.put(SYMBOLS, String.join(", ", names));
        for (JsonNode item : list) {
            String name = item.isObject() ? item.path("symbol").asText() : item.asText();
            if (item.isObject()) {
                item.properties().forEach(field -> {
                    if (!field.getKey().equals("symbol")) {
                        String path = SYMBOLS + "[" + canonical(name) + "]." + field.getKey();
                        flatten(path, field.getKey(), field.getValue(), leaves);
                    }
                });
            }
        }
    }

    private static void flatten(String path, String name, JsonNode node, Map<String, String> leaves) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                leaves.put(path, "{}");
            }
            node.properties().forEach(field -> flatten(path + "." + field.getKey(), field.getKey(), field.getValue(),
                    leaves));
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                leaves.put(path, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", name, node.get(i), leaves);
            }
        } else {
            String value = node.isNull() ? "null" : node.asText();
            leaves.put(path, EffectiveConfig.isSecret(name) && !value.isEmpty() ? "***" : value);
        }
    }

    private static String canonical(String symbol) {
        try {
            return Symbol.parse(symbol).toString();
        } catch (IllegalArgumentException e) {
            return symbol;
        }
    }

    /** @return every key that differs, in the order of the configuration */
    public List<Change> changes() {
        return changes;
    }

    /** @return the changes of {@code effect} */
    public List<Change> changes(Effect effect) {
        return changes.stream().filter(c -> c.effect() == effect).toList();
    }

    /** @return the configuration to run with from now: the running one with the changes taken at once */
    public BotConfig next() {
        return next;
    }

    /** @return whether risk settings change, globally or of a symbol */
    public boolean risk() {
        return risk;
    }

    /** @return whether the protections' rules change */
    public boolean protections() {
        return protections;
    }

    /** @return whether a built-in strategy's parameters change, so that the built-in strategies are built again */
    public boolean strategies() {
        return strategies;
    }

    /** @return the configuration running once these changes are taken, for the next reload to compare with */
    public Running running() {
        return after;
    }
}
