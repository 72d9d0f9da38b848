package com.byninja.bot.config;

import com.byninja.bot.exchange.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The bot's whole configuration, immutable and validated once by {@link ConfigLoader}. The keys, their meaning and
 * defaults are documented in the shipped {@code config/trading-bot.yml}.
 */
public record BotConfig(
        String name,
        ExchangeSettings exchange,
        List<Symbol> symbols,
        Duration timeframe,
        Path dataDir,
        Path logDir,
        ControlSettings control,
        MarketDataSettings marketData,
        StrategySettings strategy,
        RiskSettings risk,
        EngineSettings engine,
        SimulatorSettings simulator,
        LinkSettings link) {

    public BotConfig {
        symbols = List.copyOf(symbols);
    }

    /** @return the quote currency every symbol shares, the currency of stakes and PnL. */
    public String quoteCurrency() {
        return symbols.get(0).quote();
    }

    /** @return the database file: simulated, paper and live data never share one. */
    public Path databaseFile() {
        return dataDir.resolve(name + "-" + exchange.type() + "-" + exchange.mode() + ".db");
    }

    /** {@code exchange.*} */
    public record ExchangeSettings(String type, String mode) {
    }

    /** {@code control.*} */
    public record ControlSettings(boolean tradingOnFirstStart) {
    }

    /** {@code marketData.*} */
    public record MarketDataSettings(long pollIntervalMs, int warmupBars, int maxBars, long staleAfterMs,
                                     int errorAlertAfter) {
    }

    /** {@code strategy.*} */
    public record StrategySettings(String name, int smaFastPeriod, int smaSlowPeriod, int rsiPeriod,
                                   BigDecimal rsiOversold, BigDecimal rsiOverbought) {
    }

    /** {@code risk.*}; percentages are in percent, amounts in the quote currency; zero turns a limit off. */
    public record RiskSettings(BigDecimal stakeAmount, BigDecimal maxStakeAmount, BigDecimal minOrderAmount,
                               int maxOpenPositions, BigDecimal stopLossPct, BigDecimal takeProfitPct,
                               BigDecimal trailingStopPct, BigDecimal dailyLossLimit) {
    }

    /** {@code engine.*} */
    public record EngineSettings(long checkIntervalMs, int eventQueueCapacity, int commandQueueCapacity,
                                 int orderQueueCapacity, long balanceRefreshMs) {
    }

    /** {@code simulator.*} */
    public record SimulatorSettings(long seed, long tickIntervalMs, BigDecimal feePct, BigDecimal slippagePct,
                                    BigDecimal startingBalance, Map<Symbol, MarketSettings> markets) {

        public SimulatorSettings {
            markets = Map.copyOf(markets);
        }
    }

    /** One simulated market's random walk; drift and volatility are annualised percentages. */
    public record MarketSettings(BigDecimal startPrice, BigDecimal driftPct, BigDecimal volatilityPct,
                                 int priceDecimals) {
    }

    /** {@code link.*} */
    public record LinkSettings(boolean enabled, String host, int port, Path secretFile, String secretFromEnv,
                               String forwardLogLevel, int logQueueCapacity, long heartbeatIntervalMs,
                               long reconnectMinDelayMs, long reconnectMaxDelayMs, long statusIntervalMs) {

        /** Keeps the secret out of logs and exception messages. */
        @Override
        public String toString() {
            return "LinkSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", secretFile="
                    + secretFile + ", secret=" + (secretFromEnv == null ? "(from file)" : "****** (from env)")
                    + ", forwardLogLevel=" + forwardLogLevel + ", logQueueCapacity=" + logQueueCapacity
                    + ", heartbeatIntervalMs=" + heartbeatIntervalMs + ", reconnectMinDelayMs="
                    + reconnectMinDelayMs + ", reconnectMaxDelayMs=" + reconnectMaxDelayMs + ", statusIntervalMs="
                    + statusIntervalMs + "]";
        }
    }
}
