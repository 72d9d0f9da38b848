package com.byninja.bench;

import com.byninja.bot.backtest.data.SyntheticCandles;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.runtime.config.ConfigException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What every line of the backtest part replays: the same one-minute candles and the same rules. SMA 10 crossing SMA
 * 30 with 30 unstable bars, one position, orders at the next candle's open, a 0.1 % fee, no slippage, no stop-loss or
 * take-profit.
 */
final class ReplayData {

    static final Symbol SYMBOL = Symbol.parse("BTC/USDT");
    static final int FAST = 10;
    static final int SLOW = 30;
    /** The fee as ta4j's linear cost model takes it: 0.1 %. */
    static final double FEE = 0.001;
    static final long SEED = 20_240_101L;
    static final int YEAR = 525_600;
    static final int FIVE_YEARS = 5 * YEAR;

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    /**
     * The bot's configuration for the same rules, over the shipped defaults. The daily loss limit and the cooldown
     * after a close are off because ta4j has neither; at the default stake of 100 USDT the limit could not be reached
     * anyway, but the cooldown would take 283 of the 10,384 trades away.
     */
    static final String CONFIG_YAML = """
            symbols: [BTC/USDT]
            timeframe: 1m
            strategy:
              name: sma-cross
              smaCross:
                fastPeriod: %d
                slowPeriod: %d
            risk:
              stopLossPct: 0
              takeProfitPct: 0
              trailingStopPct: 0
              maxOpenPositions: 1
              dailyLossLimit: 0
            protections:
              cooldownCandles: 0
            simulator:
              feePct: 0.1
              slippagePct: 0
            """.formatted(FAST, SLOW);

    private ReplayData() {
    }

    /**
     * @param count how many one-minute candles; a longer run starts with the same candles as a shorter one
     * @return geometric Brownian motion from a fixed seed: BTC/USDT from 60,000, no drift, 60 % a year volatility
     */
    static List<Candle> candles(int count) {
        return SyntheticCandles.gbm(SYMBOL, START, Duration.ofMinutes(1), count, SEED, 0, 60,
                new BigDecimal("60000"));
    }

    /** @return {@link #CONFIG_YAML} over the shipped defaults */
    static BotConfig config() {
        try {
            return new ConfigLoader(Map.of()).loadYaml(CONFIG_YAML, "bench").config();
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
