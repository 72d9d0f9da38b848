package com.byninja.bot.strategy;

import com.byninja.bot.config.BotConfig.StrategySettings;
import com.byninja.strategy.api.StrategyPlugin;

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
}
