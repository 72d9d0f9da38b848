package com.byninja.bot.exchange.paper;

import com.byninja.bot.config.BotConfig.SimulatorSettings;
import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Paper money: the simulated wallet, its fills and its resting orders, kept in the bot's database by
 * {@link SimulatorLedger} (or in memory for a backtest). The simulator fills at its random-walk price; paper trading
 * on a real exchange fills here at the exchange's last price. Either way one client order id executes at most once.
 *
 * <p>Fill arithmetic, exact: a buy of quote amount {@code A} at fill price {@code P} receives {@code Q = A / P}
 * rounded down to the quantity step, costs {@code Q * P} plus a fee of {@code Q * P * feePct / 100} rounded up to
 * {@value #FEE_DECIMALS} decimals. A sell of {@code Q} credits {@code Q * P} minus the fee likewise. Buys fill
 * {@code slippagePct} above the price, sells below it, and the fill price is rounded to the market's price tick
 * against the trader (buys up, sells down): rounded to the nearest tick, a slippage under half a tick would vanish
 * and paper trading would fill better than a real market ever does.
 *
 * <p>Resting orders, as Binance keeps them, matched pessimistically (a paper result never looks better than live
 * could be): a limit buy of amount {@code A} at limit {@code L} is for {@code Q = A / L} rounded down to the step and
 * locks {@code Q * L} plus its fee; a sell (limit or stop) locks its coins. The free balances ({@link #balances()})
 * exclude what is locked ({@link #lockedBalances()}). A resting limit buy fills at {@code L} only once the price goes
 * strictly below {@code L}, a limit sell only strictly above (a touch is not enough: the queue ahead of it fills
 * first). A stop triggers when the price is at or below its stop price and sells at that price less the slippage,
 * rounded down to the tick, but never below its limit; when the price is already below the limit it rests, triggered,
 * until the price goes strictly above the limit and then fills at the limit. Orders fill whole, never in part.
 */
public final class PaperWallet {

    /** Decimals of base quantities, when the market does not say otherwise. */
    public static final int QUANTITY_DECIMALS = 8;
    /** Decimals of fees. */
    public static final int FEE_DECIMALS = 8;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SimulatorSettings settings;
    private final Clock clock;
    private final WalletLedger ledger;
    private final Map<String, BigDecimal> balances;
    private final Map<String, RestingOrder> resting = new LinkedHashMap<>();
    private final String prefix;
    private long orderSequence;

    /**
     * @param settings      fee, slippage and starting balance
     * @param quoteCurrency the currency the wallet starts with
     * @param db            where the wallet is kept
     * @param clock         fill times
     * @param idPrefix      the exchange order ids' prefix, such as {@code SIM}
     * @throws SQLException when the wallet cannot be read
     */
    public PaperWallet(SimulatorSettings settings, String quoteCurrency, Database db, Clock clock, String idPrefix)
            throws SQLException {
        this(settings, quoteCurrency, new SimulatorLedger(db), clock, idPrefix);
    }

    /**
     * @param ledger where the wallet is kept: the database, or memory for a backtest
     * @throws SQLException when the wallet cannot be read
     */
    public PaperWallet(SimulatorSettings settings, String quoteCurrency, WalletLedger ledger, Clock clock,
                       String idPrefix) throws SQLException {
        this.settings = settings;
        this.clock = clock;
        this.ledger = ledger;
        this.prefix = idPrefix;
        Map<String, BigDecimal> loaded = ledger.loadBalances();
        if (loaded.isEmpty()) {
            loaded.put(quoteCurrency, settings.startingBalance());
            ledger.saveBalances(loaded);
        }
        this.balances = loaded;
        for (RestingOrder order : ledger.loadResting()) {
            resting.put(order.request().clientOrderId(), order);
        }
        this.orderSequence = ledger.orderCount();
    }

    /**
     * Places an order at the market price {@code price}, once: a client order id already known returns its report
     * as it stands (final, or {@code OPEN} while it rests). A market order fills at once. A limit order that would
     * execute at once fills at once like a market order, never beyond its limit, unless it is post-only (then it is
     * refused as {@code WOULD_TAKE}); otherwise it rests. A stop rests until triggered, or is refused as
     * {@code WOULD_TRIGGER_IMMEDIATELY} when {@code price} is already at or below its stop price.
     *
     * @param request      the order; a sell's quantity already rounded to the market's step
     * @param price        the market price now
     * @param priceTick    the market's price increment (such as {@code 0.01}); fill prices are multiples of it
     * @param quantityStep the smallest quantity increment, or null for {@value #QUANTITY_DECIMALS} decimals
     * @return the fill, the resting order's {@code OPEN} report, or the rejection
     * @throws ExchangeException when the ledger cannot be written
     */
    public synchronized ExecutionReport place(OrderRequest request, BigDecimal price, BigDecimal priceTick,
                                              BigDecimal quantityStep) throws ExchangeException {
        if (priceTick == null || priceTick.signum() <= 0) {
            throw new IllegalArgumentException("a price tick must be positive, got " + priceTick);
        }
        try {
            Optional<ExecutionReport> existing = findKnown(request.clientOrderId());
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = now();
            if (request.type().rests()) {
                return placeResting(request, price, priceTick, quantityStep, now);
            }
            Map<String, BigDecimal> after = new HashMap<>(balances);
            ExecutionReport report = request.side() == OrderRequest.Side.BUY
                    ? buy(request, price, priceTick, quantityStep, after, now)
                    : sell(request, price, priceTick, after, now);
            record(report, after);
            return report;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private ExecutionReport buy(OrderRequest request, BigDecimal price, BigDecimal tick, BigDecimal step,
                                Map<String, BigDecimal> wallet, Instant now) {
        BigDecimal fill = buyPrice(price, tick);
        BigDecimal quantity = quantityFor(request.quoteAmount(), fill, step);
        if (quantity.signum() == 0) {
            return ExecutionReport.rejected(request.clientOrderId(), Refusal.BELOW_EXCHANGE_MINIMUM,
                    "amount below one unit of quantity", now);
        }
        BigDecimal cost = quantity.multiply(fill);
        BigDecimal fee = fee(cost);
        String quote = request.symbol().quote();
        BigDecimal free = wallet.getOrDefault(quote, BigDecimal.ZERO);
        if (free.compareTo(cost.add(fee)) < 0) {
            return insufficient(request, quote, cost.add(fee), free, now);
        }
        wallet.put(quote, free.subtract(cost).subtract(fee));
        wallet.merge(request.symbol().base(), quantity, BigDecimal::add);
        return ExecutionReport.executed(request.clientOrderId(), nextExchangeOrderId(), ExecutionReport.Status.FILLED,
                quantity, cost, List.of(new Fee(fee, quote)), now);
    }

    private ExecutionReport sell(OrderRequest request, BigDecimal price, BigDecimal tick,
                                 Map<String, BigDecimal> wallet, Instant now) {
        String base = request.symbol().base();
        BigDecimal held = wallet.getOrDefault(base, BigDecimal.ZERO);
        if (held.compareTo(request.quantity()) < 0) {
            return insufficient(request, base, request.quantity(), held, now);
        }
        wallet.put(base, held.subtract(request.quantity()));
        return soldAt(request, nextExchangeOrderId(), request.quantity(), sellPrice(price, tick), wallet, now);
    }

    private ExecutionReport placeResting(OrderRequest request, BigDecimal price, BigDecimal tick, BigDecimal step,
                                         Instant now) throws SQLException {
        String id = request.clientOrderId();
        BigDecimal limit = request.limitPrice();
        boolean buy = request.side() == OrderRequest.Side.BUY;
        BigDecimal quantity = buy ? quantityFor(request.quoteAmount(), limit, step) : request.quantity();
        ExecutionReport refused = null;
        boolean marketable = buy ? limit.compareTo(price) >= 0 : limit.compareTo(price) <= 0;
        if (quantity.signum() == 0) {
            refused = ExecutionReport.rejected(id, Refusal.BELOW_EXCHANGE_MINIMUM, "amount below one unit of quantity",
                    now);
        } else if (request.type() == OrderRequest.Type.STOP_LOSS_LIMIT) {
            marketable = false;
            if (request.stopPrice().compareTo(price) >= 0) {
                refused = ExecutionReport.rejected(id, Refusal.WOULD_TRIGGER_IMMEDIATELY, "stop price "
                        + plain(request.stopPrice()) + " is at or above the price " + plain(price)
                        + ": the stop would trigger immediately", now);
            }
        } else if (marketable && request.postOnly()) {
            refused = ExecutionReport.rejected(id, Refusal.WOULD_TAKE, "post-only " + request.side() + " at "
                    + plain(limit) + " would execute at once at the price " + plain(price), now);
        }
        BigDecimal lock = buy ? quantity.multiply(limit).add(fee(quantity.multiply(limit))) : quantity;
        String currency = buy ? request.symbol().quote() : request.symbol().base();
        BigDecimal free = balances.getOrDefault(currency, BigDecimal.ZERO);
        if (refused == null && free.compareTo(lock) < 0) {
            refused = insufficient(request, currency, lock, free, now);
        }
        if (refused != null) {
            record(refused, balances);
            return refused;
        }
        Map<String, BigDecimal> after = new HashMap<>(balances);
        after.put(currency, free.subtract(lock));
        String exchangeOrderId = nextExchangeOrderId();
        if (marketable) {
            ExecutionReport report = buy
                    ? boughtAt(request, exchangeOrderId, quantity, buyPrice(price, tick).min(limit), lock, after, now)
                    : soldAt(request, exchangeOrderId, quantity, sellPrice(price, tick).max(limit), after, now);
            record(report, after);
            return report;
        }
        RestingOrder order = new RestingOrder(request, exchangeOrderId, quantity, lock, false, now);
        ledger.recordResting(order, after);
        balances.clear();
        balances.putAll(after);
        resting.put(id, order);
        return openReport(order);
    }

    /**
     * Matches the resting orders of {@code symbol} against the prices it went through since they were last matched:
     * each fills at the first price that crosses it (see the class comment), at that price's time.
     *
     * @param symbol    the market
     * @param path      its prices since the last match, oldest first
     * @param priceTick the market's price increment, to round a triggered stop's fill
     * @return the orders that filled, in the order they were placed
     * @throws ExchangeException when the ledger cannot be written
     */
    public synchronized List<ExecutionReport> match(Symbol symbol, PricePath path, BigDecimal priceTick)
            throws ExchangeException {
        List<ExecutionReport> fills = new ArrayList<>();
        if (path.size() == 0) {
            return fills;
        }
        try {
            for (RestingOrder order : List.copyOf(resting.values())) {
                if (order.request().symbol().equals(symbol)) {
                    match(order, path, priceTick).ifPresent(fills::add);
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return fills;
    }

    private Optional<ExecutionReport> match(RestingOrder order, PricePath path, BigDecimal tick) throws SQLException {
        OrderRequest request = order.request();
        BigDecimal limit = request.limitPrice();
        if (request.side() == OrderRequest.Side.BUY) {
            int i = path.firstBelow(limit, 0);
            return i < 0 ? Optional.empty() : Optional.of(fillResting(order, limit, path.time(i)));
        }
        if (request.type() == OrderRequest.Type.STOP_LOSS_LIMIT && !order.triggered()) {
            int t = path.firstAtOrBelow(request.stopPrice(), 0);
            if (t < 0) {
                return Optional.empty();
            }
            if (path.price(t).compareTo(limit) >= 0) {
                return Optional.of(fillResting(order, sellPrice(path.price(t), tick).max(limit), path.time(t)));
            }
            // Gapped below its limit: from here on it is a limit sell waiting for the price to come back.
            int i = path.firstAbove(limit, t + 1);
            if (i >= 0) {
                return Optional.of(fillResting(order, limit, path.time(i)));
            }
            ledger.recordTriggered(request.clientOrderId());
            resting.put(request.clientOrderId(), order.asTriggered());
            return Optional.empty();
        }
        int i = path.firstAbove(limit, 0);
        return i < 0 ? Optional.empty() : Optional.of(fillResting(order, limit, path.time(i)));
    }

    private ExecutionReport fillResting(RestingOrder order, BigDecimal fill, Instant at) throws SQLException {
        OrderRequest request = order.request();
        Map<String, BigDecimal> after = new HashMap<>(balances);
        ExecutionReport report = request.side() == OrderRequest.Side.BUY
                ? boughtAt(request, order.exchangeOrderId(), order.quantity(), fill, order.locked(), after, at)
                : soldAt(request, order.exchangeOrderId(), order.quantity(), fill, after, at);
        record(report, after);
        return report;
    }

    /**
     * Cancels a resting order and gives back what it locked.
     *
     * @param clientOrderId the order's id
     * @return {@code CANCELLED} (the same report when asked again), the final report of an order that already
     *         reached one, or empty when the wallet never received the order
     * @throws ExchangeException when the ledger cannot be written
     */
    public synchronized Optional<ExecutionReport> cancel(String clientOrderId) throws ExchangeException {
        try {
            RestingOrder order = resting.get(clientOrderId);
            if (order == null) {
                return ledger.findOrder(clientOrderId);
            }
            Map<String, BigDecimal> after = new HashMap<>(balances);
            after.merge(order.lockedCurrency(), order.locked(), BigDecimal::add);
            ExecutionReport report = ExecutionReport.cancelled(clientOrderId, order.exchangeOrderId(), BigDecimal.ZERO,
                    BigDecimal.ZERO, List.of(), "cancelled by the bot", now());
            record(report, after);
            return Optional.of(report);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Credits a buy of {@code quantity} at {@code fill} paid from {@code locked}, already taken from the wallet. */
    private ExecutionReport boughtAt(OrderRequest request, String exchangeOrderId, BigDecimal quantity,
                                     BigDecimal fill, BigDecimal locked, Map<String, BigDecimal> wallet, Instant at) {
        BigDecimal cost = quantity.multiply(fill);
        BigDecimal fee = fee(cost);
        String quote = request.symbol().quote();
        wallet.merge(quote, locked.subtract(cost).subtract(fee), BigDecimal::add);
        wallet.merge(request.symbol().base(), quantity, BigDecimal::add);
        return ExecutionReport.executed(request.clientOrderId(), exchangeOrderId, ExecutionReport.Status.FILLED,
                quantity, cost, List.of(new Fee(fee, quote)), at);
    }

    /** Credits a sell of {@code quantity} at {@code fill}; the coins are already taken from the wallet. */
    private ExecutionReport soldAt(OrderRequest request, String exchangeOrderId, BigDecimal quantity, BigDecimal fill,
                                   Map<String, BigDecimal> wallet, Instant at) {
        BigDecimal proceeds = quantity.multiply(fill);
        BigDecimal fee = fee(proceeds);
        String quote = request.symbol().quote();
        wallet.merge(quote, proceeds.subtract(fee), BigDecimal::add);
        return ExecutionReport.executed(request.clientOrderId(), exchangeOrderId, ExecutionReport.Status.FILLED,
                quantity, proceeds, List.of(new Fee(fee, quote)), at);
    }

    private void record(ExecutionReport report, Map<String, BigDecimal> after) throws SQLException {
        ledger.recordExecution(report, after);
        resting.remove(report.clientOrderId());
        if (after != balances) {
            balances.clear();
            balances.putAll(after);
        }
    }

    private ExecutionReport insufficient(OrderRequest request, String currency, BigDecimal need, BigDecimal have,
                                         Instant now) {
        return ExecutionReport.rejected(request.clientOrderId(), Refusal.INSUFFICIENT_BALANCE, "insufficient "
                + currency + " balance: need " + need.toPlainString() + ", have " + have.toPlainString(), now);
    }

    private BigDecimal buyPrice(BigDecimal price, BigDecimal tick) {
        return toTick(price.multiply(BigDecimal.ONE.add(settings.slippagePct().divide(HUNDRED))), tick,
                RoundingMode.CEILING);
    }

    private BigDecimal sellPrice(BigDecimal price, BigDecimal tick) {
        // At a price of one tick, rounding down would sell for nothing: the smallest price stands in.
        return toTick(price.multiply(BigDecimal.ONE.subtract(settings.slippagePct().divide(HUNDRED))), tick,
                RoundingMode.FLOOR).max(tick);
    }

    private static BigDecimal quantityFor(BigDecimal quoteAmount, BigDecimal price, BigDecimal step) {
        BigDecimal quantity = quoteAmount.divide(price, QUANTITY_DECIMALS, RoundingMode.DOWN);
        if (step != null && step.signum() > 0) {
            quantity = quantity.divideToIntegralValue(step).multiply(step).setScale(step.scale(), RoundingMode.DOWN);
        }
        return quantity;
    }

    /** @return {@code price} as a whole number of ticks, rounded the given way: {@link MarketRules#onTick} */
    static BigDecimal toTick(BigDecimal price, BigDecimal tick, RoundingMode rounding) {
        return MarketRules.onTick(price, tick, rounding);
    }

    private BigDecimal fee(BigDecimal value) {
        return value.multiply(settings.feePct()).divide(HUNDRED).setScale(FEE_DECIMALS, RoundingMode.UP);
    }

    private String nextExchangeOrderId() {
        return prefix + "-" + (++orderSequence);
    }

    private Instant now() {
        // The ledger keeps milliseconds: a report read back must equal the one first returned.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ExecutionReport openReport(RestingOrder order) {
        return ExecutionReport.open(order.request().clientOrderId(), order.exchangeOrderId(), BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(), order.placedAt());
    }

    private Optional<ExecutionReport> findKnown(String clientOrderId) throws SQLException {
        RestingOrder order = resting.get(clientOrderId);
        return order != null ? Optional.of(openReport(order)) : ledger.findOrder(clientOrderId);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static ExchangeException failed(SQLException e) {
        return new ExchangeException("paper wallet ledger failed: " + e.getMessage(), e);
    }

    /**
     * @return the report of the order with this client order id as it stands ({@code OPEN} while it rests), or empty
     *         when the wallet never received it
     * @throws ExchangeException when the ledger cannot be read
     */
    public synchronized Optional<ExecutionReport> find(String clientOrderId) throws ExchangeException {
        try {
            return findKnown(clientOrderId);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @return whether an order of {@code symbol} rests in the wallet. */
    public synchronized boolean hasResting(Symbol symbol) {
        return resting.values().stream().anyMatch(o -> o.request().symbol().equals(symbol));
    }

    /** @return whether the order with this client order id rests in the wallet. */
    public synchronized boolean isResting(String clientOrderId) {
        return resting.containsKey(clientOrderId);
    }

    /** @return the free balance per currency: what resting orders lock is not in it, as on Binance. */
    public synchronized Map<String, BigDecimal> balances() {
        return Map.copyOf(balances);
    }

    /** @return per currency, what the resting orders lock; empty when none rests. */
    public synchronized Map<String, BigDecimal> lockedBalances() {
        Map<String, BigDecimal> locked = new HashMap<>();
        resting.values().forEach(o -> locked.merge(o.lockedCurrency(), o.locked(), BigDecimal::add));
        return Map.copyOf(locked);
    }

    /** @return the fee of every fill, in percent of its quote value. */
    public BigDecimal feePct() {
        return settings.feePct();
    }
}
