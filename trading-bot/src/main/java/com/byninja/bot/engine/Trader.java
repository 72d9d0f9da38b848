package com.byninja.bot.engine;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.control.ControlState;
import com.byninja.bot.control.Flag;
import com.byninja.bot.control.Flags;
import com.byninja.bot.exchange.Candle;
import com.byninja.bot.exchange.OrderRequest.Side;
import com.byninja.bot.exchange.Symbol;
import com.byninja.bot.exchange.Ticker;
import com.byninja.bot.link.Alerts;
import com.byninja.bot.marketdata.CandleSeries;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.Order;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.orders.OrderStatus;
import com.byninja.bot.orders.Purpose;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.positions.ClosedTrade;
import com.byninja.bot.positions.Position;
import com.byninja.bot.positions.PositionBook;
import com.byninja.bot.positions.PositionBook.FillOutcome;
import com.byninja.bot.risk.RejectReason;
import com.byninja.bot.risk.Rejection;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.store.TradingStore;
import com.byninja.bot.strategy.Signal;
import com.byninja.bot.strategy.TradingStrategy;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ta4j.core.Strategy;

/**
 * The trading decisions, on the trading thread: strategy signals on closed candles, protective exits on prices,
 * forced orders from commands, and the bookkeeping of fills. Not thread-safe: {@link TradingEngine} is its only
 * caller, and that is what makes it free of locks.
 */
public final class Trader {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);
    private static final int UNKNOWN_ORDERS_ALERT_AFTER = 3;
    /** A protective exit that failed is tried again after this long, not on every check. */
    private static final Duration EXIT_RETRY_DELAY = Duration.ofSeconds(30);

    /** Last prices, as the market monitors see them. */
    @FunctionalInterface
    public interface PriceSource {
        Optional<Ticker> last(Symbol symbol);
    }

    /** One symbol's candles and the strategy reading them. */
    private record Market(CandleSeries candles, Strategy strategy) {
    }

    private final BotConfig config;
    private final Clock clock;
    private final TradingStrategy strategy;
    private final RiskManager risk;
    private final OrderManager orders;
    private final PositionBook positions;
    private final ControlState control;
    private final TradingStore store;
    private final TradeAlerts alerts;
    private final PriceSource prices;
    private final Map<Symbol, Market> markets = new LinkedHashMap<>();
    private final Map<Symbol, Instant> exitRetryAt = new HashMap<>();
    private final CachedBalances balances;
    private final TradingDay day;
    private final BooleanSupplier exchangeDown;
    private boolean unknownOrdersAlerted;
    private long candles;
    private long signals;

    /**
     * Loads positions, switches and today's PnL from the store and takes over unfinished orders.
     *
     * @throws SQLException when the store cannot be read
     */
    public Trader(BotConfig config, Clock clock, TradingStrategy strategy, RiskManager risk, OrderManager orders,
                  TradingStore store, Alerts alerts, PriceSource prices, Map<String, BigDecimal> balances)
            throws SQLException {
        this(config, clock, strategy, risk, orders, store, alerts, prices, balances, () -> false);
    }

    /**
     * As above, with the exchange's health: while {@code exchangeDown} says so, no buy is placed.
     *
     * @throws SQLException when the store cannot be read
     */
    public Trader(BotConfig config, Clock clock, TradingStrategy strategy, RiskManager risk, OrderManager orders,
                  TradingStore store, Alerts alerts, PriceSource prices, Map<String, BigDecimal> balances,
                  BooleanSupplier exchangeDown) throws SQLException {
        this.exchangeDown = exchangeDown;
        this.positions = new PositionBook(risk::quantityStep);
        this.config = config;
        this.clock = clock;
        this.strategy = strategy;
        this.risk = risk;
        this.orders = orders;
        this.store = store;
        this.alerts = new TradeAlerts(alerts, config.quoteCurrency());
        this.prices = prices;
        this.balances = new CachedBalances(balances);
        for (Symbol s : config.symbols()) {
            CandleSeries series = new CandleSeries(s, config.marketData().maxBars());
            markets.put(s, new Market(series, strategy.build(series.series())));
        }
        List<Position> saved = store.loadPositions();
        saved.stream().filter(p -> !markets.containsKey(p.symbol())).forEach(p -> LOG.warn("{} position of {} from "
                + "an earlier run is not among the configured symbols; it stays in the database, unmanaged",
                p.symbol(), Money.exact(p.quantity())));
        positions.restore(saved.stream().filter(p -> markets.containsKey(p.symbol())).toList());
        Map<String, Flags> savedFlags = store.loadFlags();
        Map<Symbol, Flags> perSymbol = new HashMap<>();
        config.symbols().forEach(s -> {
            if (savedFlags.containsKey(s.toString())) {
                perSymbol.put(s, savedFlags.get(s.toString()));
            }
        });
        Flags global = savedFlags.getOrDefault(TradingStore.GLOBAL_SCOPE,
                new Flags(config.control().tradingOnFirstStart(), true, true));
        this.control = new ControlState(global, perSymbol, config.symbols());
        if (savedFlags.isEmpty()) {
            store.saveFlags(TradingStore.GLOBAL_SCOPE, global);
        }
        BigDecimal realisedToday = sum(store.closedTrades(null, TradingDay.startOfToday(clock)));
        this.day = new TradingDay(clock, realisedToday, risk.dailyLossLimitReached(realisedToday));
        int recovering = orders.recover();
        if (recovering > 0) {
            LOG.warn("{} order(s) left unfinished by the previous run; asking the exchange what became of them",
                    recovering);
        }
    }

    // ---- market events -------------------------------------------------------------------------------------

    /** Adds history without trading on it. */
    public void onHistory(Symbol symbol, List<Candle> history) {
        Market m = markets.get(symbol);
        if (m != null) {
            int added = m.candles().addAll(history);
            LOG.debug("{}: {} candles of history", symbol, added);
        }
    }

    /** A candle closed: ask the strategy, and act on its signal where the switches and the risk rules allow. */
    public void onCandle(Candle candle) {
        Market m = markets.get(candle.symbol());
        if (m == null || !m.candles().add(candle)) {
            return;
        }
        candles++;
        Signal signal = TradingStrategy.signalAt(m.strategy(), m.candles().series());
        Symbol s = candle.symbol();
        LOG.debug("{} candle closed at {}: {}", s, Money.exact(candle.close()), signal);
        if (signal == Signal.HOLD) {
            return;
        }
        signals++;
        if (!control.allows(s, Flag.TRADING)) {
            LOG.info("{} {} signal ignored: trading is stopped", s, signal);
            return;
        }
        if (signal == Signal.BUY) {
            strategyBuy(s, candle);
        } else if (positions.get(s).isPresent()) {
            sell(s, Purpose.EXIT, false);
        }
    }

    private void strategyBuy(Symbol s, Candle candle) {
        if (!control.allows(s, Flag.BUY)) {
            LOG.info("{} buy signal ignored: buying is disabled", s);
            return;
        }
        if (positions.get(s).isPresent()) {
            LOG.debug("{} buy signal: position already open", s);
            return;
        }
        Optional<Rejection> refused = risk.checkBuy(buyCheck(s, risk.stakeAmount(), false));
        if (refused.isPresent()) {
            Rejection r = refused.get();
            LOG.info("{} buy signal at {} refused: {}", s, Money.exact(candle.close()), r);
            if (r.reason() == RejectReason.INSUFFICIENT_BALANCE) {
                alerts.buyRefused(s, r, clock.instant());
            }
            return;
        }
        submit(s, Purpose.ENTRY, risk.stakeAmount());
    }

    /**
     * Runs every check interval: rolls the day over, asks the exchange about orders whose outcome is unknown, and
     * checks stop-loss, take-profit and the trailing stop against the last prices.
     */
    public void periodicChecks() {
        day.rollOver();
        orders.lookUpDue();
        for (Position p : List.copyOf(positions.all().values())) {
            Optional<Ticker> last = freshPrice(p.symbol());
            if (last.isEmpty()) {
                continue;
            }
            BigDecimal price = last.get().price();
            if (positions.markPrice(p.symbol(), price) && config.risk().trailingStopPct().signum() > 0) {
                savePosition(positions.get(p.symbol()).orElseThrow());
            }
            Optional<Purpose> exit = risk.exitFor(positions.get(p.symbol()).orElseThrow(), price);
            Instant retryAt = exitRetryAt.get(p.symbol());
            if (exit.isEmpty() || orders.inFlight(p.symbol()).isPresent()
                    || retryAt != null && clock.instant().isBefore(retryAt)) {
                continue;
            }
            if (!control.allows(p.symbol(), Flag.TRADING) || !control.allows(p.symbol(), Flag.SELL)) {
                continue;
            }
            Purpose why = exit.get();
            alerts.exitHit(positions.get(p.symbol()).orElseThrow(), why, price);
            if (sell(p.symbol(), why, false) instanceof Submission.Refused) {
                exitRetryAt.put(p.symbol(), clock.instant().plus(EXIT_RETRY_DELAY));
            }
        }
    }

    // ---- commands -------------------------------------------------------------------------------------------

    /**
     * A {@code forcebuy}: a person's order, so neither the strategy nor the trading and buy switches nor the soft
     * limits (open positions, one per symbol, daily loss) stop it; the hard limits do (balance, maximum stake,
     * minimum size). On a symbol with a position it adds to it.
     *
     * @param amount the quote amount, or null for the configured stake
     */
    public Submission forceBuy(Symbol s, BigDecimal amount) {
        BigDecimal stake = amount == null ? risk.stakeAmount() : amount;
        Optional<Rejection> refused = risk.checkBuy(buyCheck(s, stake, true));
        return refused.<Submission>map(Submission.Refused::new).orElseGet(() -> submit(s, Purpose.FORCE_BUY, stake));
    }

    /** A {@code forcesell}: a person's order, closing the whole position at market whatever the switches say. */
    public Submission forceSell(Symbol s) {
        return sell(s, Purpose.FORCE_SELL, true);
    }

    /**
     * Sets a switch, persisted before this returns.
     *
     * @param symbol the symbol, or null for the global switch
     * @throws SQLException when it could not be saved; the switch is then unchanged
     */
    public void setFlag(Symbol symbol, Flag flag, boolean value) throws SQLException {
        if (symbol == null) {
            Flags next = control.global().with(flag, value);
            store.saveFlags(TradingStore.GLOBAL_SCOPE, next);
            control.setGlobal(flag, value);
        } else {
            Flags next = control.of(symbol).with(flag, value);
            store.saveFlags(symbol.toString(), next);
            control.set(symbol, flag, value);
        }
        LOG.info("{} {} {}", symbol == null ? "global" : symbol, flag.label(), value ? "on" : "off");
    }

    // ---- orders ---------------------------------------------------------------------------------------------

    private Submission sell(Symbol s, Purpose purpose, boolean forced) {
        Optional<Position> p = positions.get(s);
        if (p.isEmpty()) {
            return new Submission.Refused(Rejection.of(RejectReason.NO_POSITION, "no open position in " + s));
        }
        if (!forced && !control.allows(s, Flag.SELL)) {
            LOG.info("{} {} not placed: selling is disabled", s, purpose.label());
            return new Submission.Refused(Rejection.of(RejectReason.SELL_DISABLED, "selling is disabled for " + s));
        }
        return submit(s, purpose, p.get().quantity());
    }

    private Submission submit(Symbol s, Purpose purpose, BigDecimal amount) {
        Submission result = orders.submit(s, purpose, amount);
        if (result instanceof Submission.Sent sent) {
            Order o = sent.order();
            LOG.info("{} {} {} {} ({})", o.clientOrderId(), o.side(), s,
                    o.side() == Side.BUY ? Money.quote(amount) + " " + s.quote() : Money.exact(amount),
                    purpose.label());
        } else if (result instanceof Submission.Refused refused) {
            LOG.info("{} {} not placed: {}", s, purpose.label(), refused.rejection());
        }
        return result;
    }

    /** Applies a result from the order executor. */
    public void onResult(GatewayResult result) {
        if (result instanceof GatewayResult.Balances b) {
            balances.replace(b.free());
            return;
        }
        Optional<Order> done = orders.onResult(result);
        if (done.isEmpty()) {
            if (orders.consecutiveUnknown() >= UNKNOWN_ORDERS_ALERT_AFTER && !unknownOrdersAlerted) {
                unknownOrdersAlerted = true;
                alerts.ordersUnanswered(orders.consecutiveUnknown());
            }
            return;
        }
        unknownOrdersAlerted = false;
        Order order = done.get();
        if (!order.hasFill()) {
            orders.persist(order);
            LOG.warn("order {} ({} {} {}) {}: {}", order.clientOrderId(), order.side(), order.symbol(),
                    order.purpose().label(), order.status().label(), order.reason());
            if (order.status() == OrderStatus.REJECTED) {
                alerts.orderRejected(order);
            }
            if (order.side() == Side.SELL) {
                exitRetryAt.put(order.symbol(), clock.instant().plus(EXIT_RETRY_DELAY));
            }
            return;
        }
        applyFill(order);
    }

    private void applyFill(Order order) {
        exitRetryAt.remove(order.symbol());
        FillOutcome outcome = positions.outcomeOf(order);
        try {
            store.recordFill(order, outcome, List.of());
            positions.apply(outcome);
        } catch (SQLException e) {
            // The exchange has executed it, so the book keeps it; the order stays NEW in the store and is
            // looked up again at the next start, which records it then.
            LOG.error("could not record the fill of {}; it will be recorded at the next start",
                    order.clientOrderId(), e);
        }
        balances.applyFill(order);
        if (order.side() == Side.BUY) {
            alerts.bought(order, outcome.after(), outcome.opened());
            return;
        }
        ClosedTrade t = outcome.closedTrade();
        day.add(t.realisedPnl());
        alerts.sold(order, t, outcome.closed());
        if (risk.dailyLossLimitReached(day.realised()) && day.announceLimit()) {
            alerts.dailyLossLimit(day.realised(), risk.dailyLossLimit());
        }
    }

    // ---- state ---------------------------------------------------------------------------------------------

    private RiskManager.BuyCheck buyCheck(Symbol s, BigDecimal amount, boolean forced) {
        return new RiskManager.BuyCheck(s, amount, forced, freeQuote(), positions.openCount(),
                positions.get(s).isPresent(), day.realised(), freshPrice(s).isPresent(), exchangeDown.getAsBoolean());
    }

    /** @return the free quote balance, less what buys waiting for the exchange will spend, fees included. */
    public BigDecimal freeQuote() {
        BigDecimal reserved = BigDecimal.ZERO;
        for (Order o : orders.inFlight()) {
            if (o.side() == Side.BUY) {
                reserved = reserved.add(o.quoteAmount()).add(risk.feeOf(o.quoteAmount()));
            }
        }
        return balances.free(config.quoteCurrency()).subtract(reserved);
    }

    /** @return the price of {@code s} if it is recent enough to trade on. */
    public Optional<Ticker> freshPrice(Symbol s) {
        return prices.last(s).filter(t -> Duration.between(t.time(), clock.instant()).toMillis()
                <= config.marketData().staleAfterMs());
    }

    /**
     * What an open position is worth now.
     *
     * @param price         the last price, however old
     * @param unrealisedPnl what selling at that price would earn, after the exit fee
     * @param stale         whether the price is older than {@code marketData.staleAfterMs}
     * @param ageMs         the price's age
     */
    public record Mark(BigDecimal price, BigDecimal unrealisedPnl, boolean stale, long ageMs) {
    }

    /** @return the position marked at the last price, empty when no price is known yet. */
    public Optional<Mark> mark(Position p) {
        return prices.last(p.symbol()).map(t -> {
            long age = Math.max(0, Duration.between(t.time(), clock.instant()).toMillis());
            return new Mark(t.price(), p.unrealisedPnl(t.price(), risk.feePct()),
                    age > config.marketData().staleAfterMs(), age);
        });
    }

    /** @return the last price of {@code s}, however old. */
    public Optional<Ticker> lastPrice(Symbol s) {
        return prices.last(s);
    }

    private void savePosition(Position p) {
        try {
            store.savePosition(p);
        } catch (SQLException e) {
            LOG.error("could not save the {} position's high-water mark", p.symbol(), e);
        }
    }

    private static BigDecimal sum(List<ClosedTrade> trades) {
        return trades.stream().map(ClosedTrade::realisedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** @return the switches. */
    public ControlState control() {
        return control;
    }

    /** @return the open positions. */
    public PositionBook positions() {
        return positions;
    }

    /** @return the order manager, for in-flight orders. */
    public OrderManager orders() {
        return orders;
    }

    /** @return cached free balances by currency. */
    public Map<String, BigDecimal> balances() {
        return balances.snapshot();
    }

    /** @return realised PnL since midnight UTC. */
    public BigDecimal realisedToday() {
        return day.realised();
    }

    /** @return when today (UTC) began. */
    public Instant todayStart() {
        return day.start();
    }

    /** @return whether the daily loss limit stops buying now. */
    public boolean dailyLossLimitReached() {
        return risk.dailyLossLimitReached(day.realised());
    }

    /** @return candles the strategy has read since start. */
    public long candlesProcessed() {
        return candles;
    }

    /** @return buy or sell signals since start. */
    public long signals() {
        return signals;
    }

    /** @return candles held for {@code s}. */
    public int barCount(Symbol s) {
        Market m = markets.get(s);
        return m == null ? 0 : m.candles().size();
    }

    /** @return the strategy. */
    public TradingStrategy strategy() {
        return strategy;
    }

    /** @return the configured symbols. */
    public List<Symbol> symbols() {
        return new ArrayList<>(markets.keySet());
    }

    /** @return the store, for statistics. */
    public TradingStore store() {
        return store;
    }
}
