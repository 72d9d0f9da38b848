package com.byninja.bot.config;

import com.byninja.bot.config.rules.Expression;
import com.byninja.bot.domain.Symbol;
import com.byninja.strategy.api.Parameters;
import com.byninja.strategy.api.StrategyPlugin;
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
        LinkSettings link,
        StoreSettings store,
        ProtectionSettings protections,
        Map<Symbol, SymbolSettings> symbolSettings,
        OrderSettings orders) {

    public BotConfig {
        symbols = List.copyOf(symbols);
        symbolSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(symbolSettings));
    }

    /**
     * An entry of {@code symbols} with settings of its own ({@code - symbol: SOL/USDT} with {@code strategy:} and
     * {@code risk:} beneath): each key it does not write is the global one.
     *
     * @param strategy    the strategy it runs
     * @param risk        its risk settings; those of the whole bot (maxOpenPositions, dailyLossLimit, budget,
     *                    protectiveExits) are always the global ones
     * @param ownStrategy whether the entry writes strategy settings
     * @param ownRisk     the risk settings it writes, as written, such as {@code stopLossPct 2}
     */
    public record SymbolSettings(StrategySettings strategy, RiskSettings risk, boolean ownStrategy,
                                 List<String> ownRisk) {

        public SymbolSettings {
            ownRisk = List.copyOf(ownRisk);
        }
    }

    /** @return the strategy settings {@code symbol} runs: its own, or the global ones */
    public StrategySettings strategyFor(Symbol symbol) {
        SymbolSettings own = symbolSettings.get(symbol);
        return own == null ? strategy : own.strategy();
    }

    /** @return the risk settings of {@code symbol}: its own, or the global ones */
    public RiskSettings riskFor(Symbol symbol) {
        SymbolSettings own = symbolSettings.get(symbol);
        return own == null ? risk : own.risk();
    }

    /**
     * @param more symbols to trade besides the configured ones, such as a position's symbol that was removed from the
     *             configuration but still has to be priced and protected
     * @return this configuration trading {@code more} as well, for the exchange and the market monitors
     */
    public BotConfig withSymbols(List<Symbol> more) {
        List<Symbol> all = new java.util.ArrayList<>(symbols);
        more.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return new BotConfig(name, exchange, all, timeframe, dataDir, logDir, control, marketData, strategy, risk,
                engine, simulator.covering(all), link, store, protections, symbolSettings, orders);
    }

    /**
     * @param some symbols among the configured ones
     * @return this configuration trading {@code some} only, each with its own settings, such as a backtest of one
     */
    public BotConfig withOnly(List<Symbol> some) {
        Map<Symbol, SymbolSettings> own = new java.util.LinkedHashMap<>();
        some.forEach(s -> {
            if (symbolSettings.containsKey(s)) {
                own.put(s, symbolSettings.get(s));
            }
        });
        return new BotConfig(name, exchange, some, timeframe, dataDir, logDir, control, marketData, strategy, risk,
                engine, simulator.covering(some), link, store, protections, own, orders);
    }

    /** @return this configuration with the trader's checks run every {@code checkIntervalMs}, as a replay wants. */
    public BotConfig withCheckIntervalMs(long checkIntervalMs) {
        return new BotConfig(name, exchange, symbols, timeframe, dataDir, logDir, control, marketData, strategy, risk,
                new EngineSettings(checkIntervalMs, engine.eventQueueCapacity(), engine.commandQueueCapacity(),
                        engine.orderQueueCapacity(), engine.balanceRefreshMs()), simulator, link, store, protections,
                symbolSettings, orders);
    }

    /** @return this configuration without protective exits, for every symbol: a parity replay's. */
    public BotConfig withoutProtectiveExits() {
        Map<Symbol, SymbolSettings> own = new java.util.LinkedHashMap<>();
        symbolSettings.forEach((s, o) -> own.put(s, new SymbolSettings(o.strategy(),
                o.risk().withProtectiveExits(false), o.ownStrategy(), o.ownRisk())));
        return new BotConfig(name, exchange, symbols, timeframe, dataDir, logDir, control, marketData, strategy,
                risk.withProtectiveExits(false), engine, simulator, link, store, protections, own, orders);
    }

    /**
     * @return this configuration without stops on the exchange, for every symbol: a backtest's, whose replay rules
     *         already sell at a stop's level when the price reaches it, as a resting stop does
     */
    public BotConfig withoutStopsOnExchange() {
        Map<Symbol, SymbolSettings> own = new java.util.LinkedHashMap<>();
        symbolSettings.forEach((s, o) -> own.put(s, new SymbolSettings(o.strategy(),
                o.risk().withStopLossOnExchange(false), o.ownStrategy(), o.ownRisk())));
        return new BotConfig(name, exchange, symbols, timeframe, dataDir, logDir, control, marketData, strategy,
                risk.withStopLossOnExchange(false), engine, simulator, link, store, protections, own, orders);
    }

    /** @return this configuration with other store settings, such as a replay's that forgets no decision. */
    public BotConfig withStore(StoreSettings other) {
        return new BotConfig(name, exchange, symbols, timeframe, dataDir, logDir, control, marketData, strategy, risk,
                engine, simulator, link, other, protections, symbolSettings, orders);
    }

    /** @return the quote currency every symbol shares, the currency of stakes and PnL. */
    public String quoteCurrency() {
        return symbols.get(0).quote();
    }

    /** @return the database file: simulated, paper and live data never share one. */
    public Path databaseFile() {
        return dataDir.resolve(name + "-" + exchange.name() + "-" + exchange.mode() + ".db");
    }

    /**
     * {@code exchange.*}, with the API keys from the environment.
     *
     * @param type              {@code simulated}, {@code binance} or an XChange exchange class name
     * @param mode              {@code paper} or {@code live}
     * @param baseUrl           the exchange's API address, or empty for the exchange's own
     * @param connectTimeoutMs  connection timeout of every call
     * @param readTimeoutMs     answer timeout of every call
     * @param readRetries       how many times a failed read is tried again
     * @param retryMaxDelayMs   the longest wait between two tries; a longer Retry-After fails the call at once
     * @param failureAlertAfter failed calls in a row that raise an alert and pause buying
     * @param unknownOrderWindowMs live only: how long after its creation an order whose answer was lost is still
     *                          looked up when the exchange does not show it
     * @param apiKey            {@code BYNINJA_EXCHANGE_API_KEY}, or null
     * @param apiSecret         {@code BYNINJA_EXCHANGE_API_SECRET}, or null
     */
    public record ExchangeSettings(String type, String mode, String baseUrl, int connectTimeoutMs, int readTimeoutMs,
                                   int readRetries, long retryMaxDelayMs, int failureAlertAfter,
                                   long unknownOrderWindowMs, String apiKey, String apiSecret) {

        /** The embedded exchange. */
        public static final String SIMULATED = "simulated";
        /** Binance, through XChange. */
        public static final String BINANCE = "binance";

        /** @return whether real money is at stake. */
        public boolean live() {
            return "live".equals(mode);
        }

        /**
         * @return the exchange's short name for file names and status: {@code simulated}, {@code binance}, or a
         *         class name's simple name without its {@code Exchange} suffix, in lower case ({@code kraken})
         */
        public String name() {
            int dot = type.lastIndexOf('.');
            if (dot < 0) {
                return type;
            }
            String simple = type.substring(dot + 1);
            if (simple.endsWith("Exchange") && simple.length() > "Exchange".length()) {
                simple = simple.substring(0, simple.length() - "Exchange".length());
            }
            return simple.toLowerCase(java.util.Locale.ROOT);
        }

        /** Keeps the keys out of logs and exception messages. */
        @Override
        public String toString() {
            return "ExchangeSettings[type=" + type + ", mode=" + mode + ", baseUrl=" + baseUrl
                    + ", connectTimeoutMs=" + connectTimeoutMs + ", readTimeoutMs=" + readTimeoutMs
                    + ", readRetries=" + readRetries + ", retryMaxDelayMs=" + retryMaxDelayMs
                    + ", failureAlertAfter=" + failureAlertAfter + ", unknownOrderWindowMs=" + unknownOrderWindowMs
                    + ", apiKey=" + (apiKey == null ? "(none)" : "******")
                    + ", apiSecret=" + (apiSecret == null ? "(none)" : "******") + "]";
        }
    }

    /** {@code control.*} */
    public record ControlSettings(boolean tradingOnFirstStart) {
    }

    /** {@code marketData.*} */
    public record MarketDataSettings(long pollIntervalMs, int warmupBars, int maxBars, long staleAfterMs,
                                     int errorAlertAfter) {
    }

    /**
     * {@code strategy.*}; {@code rules} is null when either of its expressions could not be read (reported).
     *
     * @param plugin     the strategy named by {@code name}, found with {@code ServiceLoader} among the built-in ones
     *                   and the plug-ins ({@code strategy.pluginDir}); null only while problems are reported
     * @param parameters its parameters: a plug-in's {@code strategy.params}, a built-in one's section
     *                   ({@code smaCross}: fastPeriod, slowPeriod; {@code rsi}: period, oversold, overbought;
     *                   {@code rules}: entry, exit, as written)
     * @param pluginDir  where plug-in jars are read from
     */
    public record StrategySettings(String name, int smaFastPeriod, int smaSlowPeriod, int rsiPeriod,
                                   BigDecimal rsiOversold, BigDecimal rsiOverbought, RulesSettings rules,
                                   StrategyPlugin plugin, Parameters parameters, Path pluginDir) {
    }

    /** {@code strategy.rules.*}: the entry and exit rules, read and checked (docs/strategies.md). */
    public record RulesSettings(Expression entry, Expression exit) {

        /** @return bars before the first one on which both rules are formed: the strategy holds until then */
        public int unstableBars() {
            return Math.max(entry.unstableBars(), exit.unstableBars());
        }
    }

    /**
     * {@code risk.*}; percentages are in percent, amounts in the quote currency; zero turns a limit off.
     * {@code protectiveExits} false turns stop-loss, take-profit, the minimal ROI and the trailing stop off
     * altogether.
     *
     * @param stakeMode                      how a strategy buy's stake is sized (docs/strategies.md, "Exits and
     *                                       sizing")
     * @param stakePct                       {@code percentOfEquity}: the share of equity each stake spends
     * @param riskPct                        {@code riskBased}: the share of equity a stake may lose at its stop-loss
     * @param budget                         the most the bot may have in positions, by their entry cost; 0 is no
     *                                       budget
     * @param minimalRoi                     the profit a position must show to be sold, by its age
     * @param trailingStopPositiveOffsetPct  how far above the entry price the price must have been before the
     *                                       trailing stop follows it; 0 follows from the entry
     */
    public record RiskSettings(BigDecimal stakeAmount, BigDecimal maxStakeAmount, BigDecimal minOrderAmount,
                               int maxOpenPositions, BigDecimal stopLossPct, BigDecimal takeProfitPct,
                               BigDecimal trailingStopPct, BigDecimal dailyLossLimit, boolean protectiveExits,
                               StakeMode stakeMode, BigDecimal stakePct, BigDecimal riskPct, BigDecimal budget,
                               MinimalRoi minimalRoi, BigDecimal trailingStopPositiveOffsetPct,
                               boolean stopLossOnExchange) {

        /** Without a stop-loss on the exchange. */
        public RiskSettings(BigDecimal stakeAmount, BigDecimal maxStakeAmount, BigDecimal minOrderAmount,
                            int maxOpenPositions, BigDecimal stopLossPct, BigDecimal takeProfitPct,
                            BigDecimal trailingStopPct, BigDecimal dailyLossLimit, boolean protectiveExits,
                            StakeMode stakeMode, BigDecimal stakePct, BigDecimal riskPct, BigDecimal budget,
                            MinimalRoi minimalRoi, BigDecimal trailingStopPositiveOffsetPct) {
            this(stakeAmount, maxStakeAmount, minOrderAmount, maxOpenPositions, stopLossPct, takeProfitPct,
                    trailingStopPct, dailyLossLimit, protectiveExits, stakeMode, stakePct, riskPct, budget, minimalRoi,
                    trailingStopPositiveOffsetPct, false);
        }

        /** Fixed stakes, no budget, no minimal ROI, a trailing stop that follows from the entry. */
        public RiskSettings(BigDecimal stakeAmount, BigDecimal maxStakeAmount, BigDecimal minOrderAmount,
                            int maxOpenPositions, BigDecimal stopLossPct, BigDecimal takeProfitPct,
                            BigDecimal trailingStopPct, BigDecimal dailyLossLimit, boolean protectiveExits) {
            this(stakeAmount, maxStakeAmount, minOrderAmount, maxOpenPositions, stopLossPct, takeProfitPct,
                    trailingStopPct, dailyLossLimit, protectiveExits, StakeMode.FIXED, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, MinimalRoi.off(), BigDecimal.ZERO);
        }

        /** @return these settings with the protective exits on or off, such as a parity replay's, which are off. */
        public RiskSettings withProtectiveExits(boolean on) {
            return new RiskSettings(stakeAmount, maxStakeAmount, minOrderAmount, maxOpenPositions, stopLossPct,
                    takeProfitPct, trailingStopPct, dailyLossLimit, on, stakeMode, stakePct, riskPct, budget,
                    minimalRoi, trailingStopPositiveOffsetPct, stopLossOnExchange);
        }

        /** @return these settings with the stop-loss on the exchange on or off, such as a backtest's, which is off */
        public RiskSettings withStopLossOnExchange(boolean on) {
            return new RiskSettings(stakeAmount, maxStakeAmount, minOrderAmount, maxOpenPositions, stopLossPct,
                    takeProfitPct, trailingStopPct, dailyLossLimit, protectiveExits, stakeMode, stakePct, riskPct,
                    budget, minimalRoi, trailingStopPositiveOffsetPct, on);
        }
    }

    /** {@code risk.stakeMode}: how the stake of a strategy buy (and of a forcebuy without an amount) is sized. */
    public enum StakeMode {
        /** {@code risk.stakeAmount} each time. */
        FIXED("fixed"),
        /** {@code risk.stakePct} of equity. */
        PERCENT_OF_EQUITY("percentOfEquity"),
        /** The stake whose loss at the stop-loss, fees included, is {@code risk.riskPct} of equity. */
        RISK_BASED("riskBased");

        private final String key;

        StakeMode(String key) {
            this.key = key;
        }

        /** @return the name as written in the configuration, such as {@code percentOfEquity}. */
        public String key() {
            return key;
        }

        /** @return the mode written as {@code text} (in any case), or null when none is. */
        static StakeMode of(String text) {
            for (StakeMode m : values()) {
                if (m.key.equalsIgnoreCase(text)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** {@code engine.*} */
    /** How an order of some purpose goes to the exchange ({@code orders.entry}, {@code orders.exit}...). */
    public enum OrderKind {
        /** At once, at the best prices on the book. */
        MARKET,
        /** At the last price moved by {@code orders.limitOffsetPct}, resting up to {@code orders.limitTimeoutMs}. */
        LIMIT
    }

    /**
     * {@code orders.*}: which orders are limit orders, how they are priced and how long they wait, and how orders that
     * rest on the exchange are watched and moved.
     *
     * @param entry              the strategy's buys
     * @param exit               the strategy's sells, the take-profit and the minimal ROI
     * @param stopExit           the bot's own stop-loss and trailing stop sells
     * @param forced             {@code /forcebuy} and {@code /forcesell} ({@code /panic} always sells at market)
     * @param limitOffsetPct     a limit buy is priced this many percent below the last price, a sell above it
     * @param postOnly           whether limit orders must rest on the book (maker only), refused rather than executed at
     *                           once
     * @param limitTimeoutMs     how long a limit order may rest before it is cancelled; what filled is kept
     * @param marketAfterTimeout whether what a timed-out limit order left unfilled is then sent at market; a stop exit's
     *                           always is
     * @param statusPollMs       how often the exchange is asked about each resting order (at once, too, when the price
     *                           reaches a resting stop)
     * @param stopLimitOffsetPct how far below its stop price a stop-loss on the exchange may sell once triggered: its
     *                           limit price, in percent of the stop price
     * @param stopMoveStepPct    a stop on the exchange follows a rising stop level (trailing stop, break-even) only when
     *                           the level has risen by more than this, in percent of the resting stop price
     * @param stopMoveIntervalMs and at most this often, per position
     * @param openOrdersCheckMs  how often a live account's open orders are read for orders the bot did not place
     */
    public record OrderSettings(OrderKind entry, OrderKind exit, OrderKind stopExit, OrderKind forced,
                                BigDecimal limitOffsetPct, boolean postOnly, long limitTimeoutMs,
                                boolean marketAfterTimeout, long statusPollMs, BigDecimal stopLimitOffsetPct,
                                BigDecimal stopMoveStepPct, long stopMoveIntervalMs, long openOrdersCheckMs) {

        /** @return how an order of {@code purpose} goes out; {@code forced} for the forced orders */
        public OrderKind kindOf(com.byninja.bot.domain.Purpose purpose) {
            return switch (purpose) {
                case ENTRY -> entry;
                case EXIT, TAKE_PROFIT, MINIMAL_ROI -> exit;
                case STOP_LOSS, TRAILING_STOP -> stopExit;
                case FORCE_BUY, FORCE_SELL -> forced;
                case STOP_ON_EXCHANGE -> OrderKind.MARKET;
            };
        }
    }

    public record EngineSettings(long checkIntervalMs, int eventQueueCapacity, int commandQueueCapacity,
                                 int orderQueueCapacity, long balanceRefreshMs) {
    }

    /**
     * {@code simulator.*}: every market listed under {@code markets}, and every configured symbol (from
     * {@code defaultMarket} when it is not listed).
     */
    public record SimulatorSettings(long seed, long tickIntervalMs, BigDecimal feePct, BigDecimal slippagePct,
                                    BigDecimal startingBalance, Map<Symbol, MarketSettings> markets,
                                    MarketSettings defaultMarket, long orderLatencyMs) {

        public SimulatorSettings {
            markets = Map.copyOf(markets);
        }

        /** @return these settings with a market for each of {@code symbols}, from the default where not listed. */
        SimulatorSettings covering(List<Symbol> symbols) {
            Map<Symbol, MarketSettings> all = new java.util.LinkedHashMap<>(markets);
            symbols.forEach(s -> all.putIfAbsent(s, defaultMarket));
            return new SimulatorSettings(seed, tickIntervalMs, feePct, slippagePct, startingBalance, all,
                    defaultMarket, orderLatencyMs);
        }
    }

    /** One simulated market's random walk; drift and volatility are annualised percentages. */
    public record MarketSettings(BigDecimal startPrice, BigDecimal driftPct, BigDecimal volatilityPct,
                                 int priceDecimals) {
    }

    /**
     * {@code store.*}
     *
     * @param decisionRetentionDays how long the strategy's decision on each closed candle is kept, by the candle's
     *                              start; older ones are forgotten at start and at each UTC midnight
     * @param equitySampleMinutes   how often the equity is written, on the clock (every hour on the hour for 60)
     */
    public record StoreSettings(int decisionRetentionDays, int equitySampleMinutes) {

        /** @return these settings keeping decisions {@code days} days. */
        public StoreSettings withDecisionRetentionDays(int days) {
            return new StoreSettings(days, equitySampleMinutes);
        }

        /** @return the retention as a duration. */
        public Duration decisionRetention() {
            return Duration.ofDays(decisionRetentionDays);
        }
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
