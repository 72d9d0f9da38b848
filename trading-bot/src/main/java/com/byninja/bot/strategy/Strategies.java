package com.byninja.bot.strategy;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.BotConfig.StrategySettings;
import com.byninja.bot.domain.Symbol;
import com.byninja.strategy.api.StrategyPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the configured strategy. */
public final class Strategies {

    private Strategies() {
    }

    /**
     * @param settings {@code strategy.*}, validated
     * @return the strategy named by {@code strategy.name}: a built-in one's ta4j rules, or a plug-in
     */
    public static TradingStrategy create(StrategySettings settings) {
        StrategyPlugin plugin = settings.plugin();
        if (plugin instanceof BuiltInPlugins.BuiltIn builtIn) {
            return builtIn.strategy(settings.parameters());
        }
        if (plugin == null) {
            throw new IllegalArgumentException("unknown strategy " + settings.name());
        }
        return new PluginStrategy(plugin, settings.parameters());
    }

    /**
     * @return what the configured symbols run, for people: {@code sma-cross (SMA 9 / 21)}; where a symbol runs a
     *         strategy of its own, each strategy with its symbols: {@code BTC/USDT, ETH/USDT: sma-cross (SMA 9 / 21);
     *         SOL/USDT: rsi (RSI 7, buys below 30, sells above 70)}
     */
    public static String describe(BotConfig config) {
        Map<String, List<Symbol>> runs = new LinkedHashMap<>();
        for (Symbol s : config.symbols()) {
            TradingStrategy strategy = create(config.strategyFor(s));
            runs.computeIfAbsent(strategy.name() + " (" + strategy.description() + ")", k -> new ArrayList<>())
                    .add(s);
        }
        if (runs.size() == 1) {
            return runs.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        runs.forEach((strategy, symbols) -> parts.add(String.join(", ", symbols.stream().map(Symbol::toString)
                .toList()) + ": " + strategy));
        return String.join("; ", parts);
    }
}
