package com.byninja.bot.exchange.simulated;

import com.byninja.bot.config.BotConfig.MarketSettings;
import com.byninja.bot.config.BotConfig.SimulatorSettings;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.exchange.MarketData;
import com.byninja.bot.exchange.paper.PaperWallet;
import com.byninja.bot.exchange.paper.SimulatorLedger;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exchange inside the process: random-walk prices per symbol, market orders filled at once at the current price
 * plus slippage, a fee in the quote currency, and a paper wallet ({@link PaperWallet}). Its wallet, orders (resting
 * ones too) and prices are kept in the bot's database, so a restart (even after {@code kill -9}) finds the wallet
 * consistent with the bot's positions. Limit orders and stops rest in the wallet and are matched, at each order call
 * ({@link #placeOrder}, {@link #findOrder}, {@link #cancelOrder}, {@link #match}), against every step of the walk
 * since they were last matched: while an order rests, the walk records its steps whoever moves it, one per tick
 * until the next order call, so a dip between two reads triggers a stop as it would on a real exchange. After a
 * restart they are matched from the walk's saved tick on. Its candles are made from every step of the walk, so they are as exact as a real exchange's (without
 * volume), and strategies see the same kind of candle here as on Binance.
 *
 * <p>Fill arithmetic: see {@link PaperWallet}.
 */
public final class SimulatedExchange implements Exchange, MarketData, Execution {

    /** Decimals of base quantities. */
    public static final int QUANTITY_DECIMALS = PaperWallet.QUANTITY_DECIMALS;
    /** Decimals of fees. */
    public static final int FEE_DECIMALS = PaperWallet.FEE_DECIMALS;
    private static final long PRICE_SAVE_INTERVAL_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedExchange.class);

    private final String quoteCurrency;
    private final Clock clock;
    private final SimulatorLedger ledger;
    private final Map<Symbol, RandomWalk> walks = new HashMap<>();
    private final Map<Symbol, Long> priceSavedAt = new ConcurrentHashMap<>();
    private final PaperWallet wallet;
    private final Map<Symbol, BigDecimal> priceTicks = new HashMap<>();
    private final long orderLatencyMs;
    /** Held while orders are matched and placed, so the walk's steps are matched in their order. */
    private final Object orders = new Object();

    /**
     * @param settings      the simulator's configuration
     * @param symbols       the markets it offers
     * @param quoteCurrency the wallet's starting currency
     * @param db            where its books are kept
     * @param clock         its time
     * @throws SQLException when its books cannot be read
     */
    public SimulatedExchange(SimulatorSettings settings, List<Symbol> symbols, String quoteCurrency, Database db,
                             Clock clock) throws SQLException {
        this.quoteCurrency = quoteCurrency;
        this.clock = clock;
        this.orderLatencyMs = settings.orderLatencyMs();
        this.ledger = new SimulatorLedger(db);
        this.wallet = new PaperWallet(settings, quoteCurrency, ledger, clock, "SIM");
        Map<Symbol, SimulatorLedger.SavedPrice> saved = ledger.loadPrices();
        long nowTick = Math.floorDiv(clock.millis(), settings.tickIntervalMs());
        for (Symbol symbol : symbols) {
            MarketSettings market = settings.markets().get(symbol);
            SimulatorLedger.SavedPrice resume = saved.get(symbol);
            walks.put(symbol, resume == null
                    ? new RandomWalk(symbol, market, settings.tickIntervalMs(), settings.seed(),
                            market.startPrice().doubleValue(), nowTick)
                    : new RandomWalk(symbol, market, settings.tickIntervalMs(), settings.seed(), resume.price(),
                            resume.tick()));
            priceTicks.put(symbol, BigDecimal.ONE.movePointLeft(market.priceDecimals()));
            if (wallet.hasResting(symbol)) {
                // Orders rested when it stopped: they are matched against the walk from its saved tick on.
                walks.get(symbol).record();
            }
        }
    }

    @Override
    public String exchangeName() {
        return "simulated";
    }

    /**
     * Each market's price tick, from its {@code priceDecimals}, and no size limits: stop and limit prices are rounded
     * to the tick as on a real exchange, and prices read to it.
     */
    @Override
    public Map<Symbol, MarketRules> rules() {
        Map<Symbol, MarketRules> rules = new HashMap<>();
        priceTicks.forEach((s, tick) -> rules.put(s, new MarketRules(s, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, tick, BigDecimal.ZERO)));
        return rules;
    }

    @Override
    public Ticker ticker(Symbol symbol) throws ExchangeException {
        long now = clock.millis();
        RandomWalk walk = walk(symbol);
        BigDecimal price = walk.priceAt(now);
        Long saved = priceSavedAt.get(symbol);
        if (saved == null || now - saved >= PRICE_SAVE_INTERVAL_MS) {
            savePrice(symbol, walk);
            priceSavedAt.put(symbol, now);
        }
        return new Ticker(symbol, price, Instant.ofEpochMilli(now));
    }

    @Override
    public List<Candle> history(Symbol symbol, Duration timeframe, int count) throws ExchangeException {
        RandomWalk walk = walk(symbol);
        long now = clock.millis();
        walk.priceAt(now);
        return walk.history(timeframe, count, now);
    }

    /** The walk's own candles, exact: every step of the walk counts, so nothing is missed between polls. */
    @Override
    public Optional<String> followCandles(Symbol symbol, Duration timeframe) {
        RandomWalk walk = walks.get(symbol);
        if (walk == null) {
            return Optional.empty();
        }
        walk.follow(timeframe, clock.millis());
        return Optional.of("simulated ticks (exact, no volume)");
    }

    @Override
    public Optional<List<Candle>> closedCandlesSince(Symbol symbol, Duration timeframe, Instant since)
            throws ExchangeException {
        return Optional.of(walk(symbol).closedCandles(timeframe, since, clock.millis()));
    }

    @Override
    public ExecutionReport placeOrder(OrderRequest request) throws ExchangeException {
        RandomWalk walk = walk(request.symbol());
        if (orderLatencyMs > 0) {
            // A real exchange answers after a round trip; the order executes at its end.
            try {
                Thread.sleep(orderLatencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExchangeException("interrupted while the simulated exchange was answering");
            }
        }
        synchronized (orders) {
            long now = clock.millis();
            matchSteps(request.symbol(), walk, now);
            BigDecimal price = walk.priceAt(now);
            ExecutionReport report = wallet.place(request, price, priceTicks.get(request.symbol()), null);
            if (!wallet.hasResting(request.symbol())) {
                walk.stopRecording();
            }
            savePrice(request.symbol(), walk);
            return report;
        }
    }

    @Override
    public Optional<ExecutionReport> findOrder(OrderRequest request) throws ExchangeException {
        synchronized (orders) {
            matchIfResting(request);
            return wallet.find(request.clientOrderId());
        }
    }

    @Override
    public Optional<ExecutionReport> cancelOrder(OrderRequest request) throws ExchangeException {
        synchronized (orders) {
            // The walk may have filled it already: the cancel then comes too late, as it would on an exchange.
            matchIfResting(request);
            return wallet.cancel(request.clientOrderId());
        }
    }

    /**
     * Matches the resting orders of a market against every step of its walk since they were last matched, up to
     * now: the simulator sees every trade, so a dip between two reads triggers a stop as it would on an exchange.
     *
     * @param symbol the market
     * @return the orders that filled
     * @throws ExchangeException for an unknown market, or when the wallet's ledger cannot be written
     */
    public List<ExecutionReport> match(Symbol symbol) throws ExchangeException {
        RandomWalk walk = walk(symbol);
        synchronized (orders) {
            if (!wallet.hasResting(symbol)) {
                return List.of();
            }
            List<ExecutionReport> fills = matchSteps(symbol, walk, clock.millis());
            if (!wallet.hasResting(symbol)) {
                walk.stopRecording();
            }
            savePrice(symbol, walk);
            return fills;
        }
    }

    private void matchIfResting(OrderRequest request) throws ExchangeException {
        if (wallet.isResting(request.clientOrderId())) {
            match(request.symbol());
        }
    }

    private List<ExecutionReport> matchSteps(Symbol symbol, RandomWalk walk, long now) throws ExchangeException {
        // Taking the steps keeps the walk recording, so a step taken by another reader before the wallet is done
        // is matched next time instead of lost.
        return wallet.match(symbol, walk.takeSteps(now), priceTicks.get(symbol));
    }

    @Override
    public Map<String, BigDecimal> balances() {
        return wallet.balances();
    }

    /** @return per currency, what the resting orders lock (not in {@link #balances()}); empty when none rests. */
    public Map<String, BigDecimal> lockedBalances() {
        return wallet.lockedBalances();
    }

    @Override
    public BigDecimal feePct() {
        return wallet.feePct();
    }

    /** @return the currency the wallet started with. */
    public String quoteCurrency() {
        return quoteCurrency;
    }

    @Override
    public MarketData marketData() {
        return this;
    }

    @Override
    public Execution execution() {
        return this;
    }

    /** Saves every walk's price, so that the next start resumes from here. */
    @Override
    public void close() {
        try {
            savePrices();
        } catch (ExchangeException e) {
            LOG.warn("could not save the simulated prices: {}", e.getMessage());
        }
    }

    private void savePrices() throws ExchangeException {
        for (Map.Entry<Symbol, RandomWalk> e : walks.entrySet()) {
            savePrice(e.getKey(), e.getValue());
        }
    }

    private void savePrice(Symbol symbol, RandomWalk walk) throws ExchangeException {
        try {
            ledger.savePrice(symbol, new SimulatorLedger.SavedPrice(walk.rawPrice(), walk.tick()));
        } catch (SQLException e) {
            throw new ExchangeException("simulator ledger failed: " + e.getMessage(), e);
        }
    }

    private RandomWalk walk(Symbol symbol) throws ExchangeException {
        RandomWalk walk = walks.get(symbol);
        if (walk == null) {
            throw new ExchangeException("unknown market " + symbol + "; the simulator offers " + walks.keySet());
        }
        return walk;
    }
}
