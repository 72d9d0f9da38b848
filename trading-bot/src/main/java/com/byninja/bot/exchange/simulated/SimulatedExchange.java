package com.byninja.bot.exchange.simulated;

import com.byninja.bot.config.BotConfig.MarketSettings;
import com.byninja.bot.config.BotConfig.SimulatorSettings;
import com.byninja.bot.exchange.Candle;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.exchange.ExecutionReport;
import com.byninja.bot.exchange.MarketData;
import com.byninja.bot.exchange.OrderRequest;
import com.byninja.bot.exchange.Symbol;
import com.byninja.bot.exchange.Ticker;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * plus slippage, a fee in the quote currency, and a paper wallet. Its wallet, orders and prices are kept in the
 * bot's database, so a restart (even after {@code kill -9}) finds the wallet consistent with the bot's positions.
 *
 * <p>Fill arithmetic, exact: a buy of quote amount {@code A} at fill price {@code P} receives {@code Q = A / P}
 * rounded down to {@value #QUANTITY_DECIMALS} decimals, costs {@code Q * P} plus a fee of {@code Q * P * feePct / 100}
 * rounded up to {@value #FEE_DECIMALS} decimals. A sell of {@code Q} credits {@code Q * P} minus the fee likewise.
 */
public final class SimulatedExchange implements Exchange, MarketData, Execution {

    /** Decimals of base quantities. */
    public static final int QUANTITY_DECIMALS = 8;
    /** Decimals of fees. */
    public static final int FEE_DECIMALS = 8;
    private static final long PRICE_SAVE_INTERVAL_MS = 5_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedExchange.class);

    private final SimulatorSettings settings;
    private final String quoteCurrency;
    private final Clock clock;
    private final SimulatorLedger ledger;
    private final Map<Symbol, RandomWalk> walks = new HashMap<>();
    private final Map<Symbol, Long> priceSavedAt = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> balances;
    private final Map<Symbol, Integer> priceDecimals = new HashMap<>();
    private long orderSequence;

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
        this.settings = settings;
        this.quoteCurrency = quoteCurrency;
        this.clock = clock;
        this.ledger = new SimulatorLedger(db);
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
            priceDecimals.put(symbol, market.priceDecimals());
        }
        Map<String, BigDecimal> loaded = ledger.loadBalances();
        if (loaded.isEmpty()) {
            loaded.put(quoteCurrency, settings.startingBalance());
            ledger.saveBalances(loaded);
        }
        this.balances = loaded;
        this.orderSequence = ledger.orderCount();
    }

    @Override
    public String exchangeName() {
        return "simulated";
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

    @Override
    public synchronized ExecutionReport placeMarketOrder(OrderRequest request) throws ExchangeException {
        try {
            Optional<ExecutionReport> existing = ledger.findOrder(request.clientOrderId());
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = clock.instant();
            RandomWalk walk = walk(request.symbol());
            BigDecimal price = walk.priceAt(now.toEpochMilli());
            Map<String, BigDecimal> after = new HashMap<>(balances);
            ExecutionReport report = request.side() == OrderRequest.Side.BUY
                    ? buy(request, price, after, now) : sell(request, price, after, now);
            ledger.recordExecution(report, after);
            balances.clear();
            balances.putAll(after);
            savePrice(request.symbol(), walk);
            return report;
        } catch (SQLException e) {
            throw new ExchangeException("simulator ledger failed: " + e.getMessage(), e);
        }
    }

    private ExecutionReport buy(OrderRequest request, BigDecimal price, Map<String, BigDecimal> wallet, Instant now) {
        int decimals = priceDecimals.get(request.symbol());
        BigDecimal fill = price.multiply(BigDecimal.ONE.add(settings.slippagePct().divide(HUNDRED)))
                .setScale(decimals, RoundingMode.HALF_UP);
        BigDecimal quantity = request.quoteAmount().divide(fill, QUANTITY_DECIMALS, RoundingMode.DOWN);
        if (quantity.signum() == 0) {
            return ExecutionReport.rejected(request.clientOrderId(), "amount below one unit of quantity", now);
        }
        BigDecimal cost = quantity.multiply(fill);
        BigDecimal fee = fee(cost);
        String quote = request.symbol().quote();
        BigDecimal free = wallet.getOrDefault(quote, BigDecimal.ZERO);
        if (free.compareTo(cost.add(fee)) < 0) {
            return ExecutionReport.rejected(request.clientOrderId(), "insufficient " + quote + " balance: need "
                    + cost.add(fee).toPlainString() + ", have " + free.toPlainString(), now);
        }
        wallet.put(quote, free.subtract(cost).subtract(fee));
        wallet.merge(request.symbol().base(), quantity, BigDecimal::add);
        return new ExecutionReport(request.clientOrderId(), nextExchangeOrderId(), ExecutionReport.Status.FILLED,
                quantity, fill, fee, quote, null, now);
    }

    private ExecutionReport sell(OrderRequest request, BigDecimal price, Map<String, BigDecimal> wallet, Instant now) {
        int decimals = priceDecimals.get(request.symbol());
        BigDecimal fill = price.multiply(BigDecimal.ONE.subtract(settings.slippagePct().divide(HUNDRED)))
                .setScale(decimals, RoundingMode.HALF_UP);
        String base = request.symbol().base();
        BigDecimal held = wallet.getOrDefault(base, BigDecimal.ZERO);
        if (held.compareTo(request.quantity()) < 0) {
            return ExecutionReport.rejected(request.clientOrderId(), "insufficient " + base + " balance: need "
                    + request.quantity().toPlainString() + ", have " + held.toPlainString(), now);
        }
        BigDecimal proceeds = request.quantity().multiply(fill);
        BigDecimal fee = fee(proceeds);
        String quote = request.symbol().quote();
        wallet.put(base, held.subtract(request.quantity()));
        wallet.merge(quote, proceeds.subtract(fee), BigDecimal::add);
        return new ExecutionReport(request.clientOrderId(), nextExchangeOrderId(), ExecutionReport.Status.FILLED,
                request.quantity(), fill, fee, quote, null, now);
    }

    private BigDecimal fee(BigDecimal value) {
        return value.multiply(settings.feePct()).divide(HUNDRED).setScale(FEE_DECIMALS, RoundingMode.UP);
    }

    private String nextExchangeOrderId() {
        return "SIM-" + (++orderSequence);
    }

    @Override
    public Optional<ExecutionReport> findOrder(OrderRequest request) throws ExchangeException {
        try {
            return ledger.findOrder(request.clientOrderId());
        } catch (SQLException e) {
            throw new ExchangeException("simulator ledger failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Map<String, BigDecimal> balances() {
        return Map.copyOf(balances);
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
