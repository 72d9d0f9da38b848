package com.byninja.bot.strategy;

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
            default -> throw new IllegalArgumentException("unknown strategy " + settings.name());
        };
    }
}
