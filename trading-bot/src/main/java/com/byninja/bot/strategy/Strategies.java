package com.byninja.bot.strategy;

import com.byninja.bot.config.BotConfig.RulesSettings;
import com.byninja.bot.config.BotConfig.StrategySettings;

/** Builds the configured strategy. */
public final class Strategies {

    private Strategies() {
    }

    /**
     * @param settings {@code strategy.*}, validated
     * @return the strategy named by {@code strategy.name}
     */
    public static TradingStrategy create(StrategySettings settings) {
        return switch (settings.name()) {
            case SmaCrossStrategy.NAME -> new SmaCrossStrategy(settings.smaFastPeriod(), settings.smaSlowPeriod());
            case RsiStrategy.NAME -> new RsiStrategy(settings.rsiPeriod(), settings.rsiOversold(),
                    settings.rsiOverbought());
            case RulesStrategy.NAME -> rules(settings.rules());
            default -> throw new IllegalArgumentException("unknown strategy " + settings.name());
        };
    }

    private static TradingStrategy rules(RulesSettings rules) {
        if (rules == null) {
            throw new IllegalArgumentException("the rules strategy needs strategy.rules.entry and exit");
        }
        return new RulesStrategy(rules.entry(), rules.exit());
    }
}
