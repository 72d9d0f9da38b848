package com.byninja.bot.replay;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.FeesPaid;
import com.byninja.bot.domain.FillOutcome;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.ControlJournal;
import com.byninja.bot.engine.port.OrderJournal;
import com.byninja.bot.engine.port.PositionJournal;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The order, position and control journals in memory, for replaying history through the real trading engine. As the
 * engine sees it, it behaves as the SQLite store does: a fill is applied once, and a second {@link #recordFill} of the
 * same order returns false and changes nothing; positions, trades, dust, fees and switches come back as the store
 * gives them, in the same order; a write the store would refuse (an order inserted twice, an update of an unknown
 * order, an alert id used before) throws {@link SQLException} and changes nothing. Times are kept to the
 * millisecond, as the store keeps them; money is kept as the exact {@link BigDecimal} given (the store gives back the
 * same value, written out in plain digits: {@code 6E+4} comes back from it as {@code 60000}).
 *
 * <p>No threads, no I/O. Not thread-safe: one thread (a replay's, or the trading thread) is its only user.
 *
 * <p>For a replay's report it also keeps what the store hands on and forgets: every order in the order inserted
 * ({@link #orders}), every closed trade ({@link #trades}) and every alert written with an order's fill or end
 * ({@link #alerts}); nothing is delivered. A backtest, which has nobody to show them to, keeps only their ids
 * ({@link #keepingNoAlertTexts}): a year of one-minute trades writes some 20,000 of them.
 */
public final class InMemoryJournal implements OrderJournal, PositionJournal, ControlJournal {

    /** The store's rows, oldest first; an order's fill is applied at most once. */
    private final Map<String, Row> orders = new LinkedHashMap<>();
    /** By symbol text, the order the store lists positions in. */
    private final Map<String, Position> positions = new TreeMap<>();
    /** By the sell that closed them, in the order recorded. */
    private final Map<String, ClosedTrade> trades = new LinkedHashMap<>();
    private final Map<String, BigDecimal> dust = new TreeMap<>();
    /** In the order the scopes were first saved. */
    private final Map<String, Flags> flags = new LinkedHashMap<>();
    private final List<OutboxAlert> alerts = new ArrayList<>();
    private final Set<String> alertIds = new HashSet<>();
    private final boolean keepAlerts;

    /** A journal that keeps every alert written, for {@link #alerts}. */
    public InMemoryJournal() {
        this(true);
    }

    private InMemoryJournal(boolean keepAlerts) {
        this.keepAlerts = keepAlerts;
    }

    /** @return a journal that checks alert ids as the store does but keeps no alert: {@link #alerts} stays empty */
    public static InMemoryJournal keepingNoAlertTexts() {
        return new InMemoryJournal(false);
    }

    private static final class Row {
        Order order;
        boolean applied;

        Row(Order order) {
            this.order = order;
        }
    }

    @Override
    public void insertOrder(Order order) throws SQLException {
        if (orders.containsKey(order.clientOrderId())) {
            throw new SQLException("order " + order.clientOrderId() + " is recorded already");
        }
        orders.put(order.clientOrderId(), new Row(toMillis(order)));
    }

    @Override
    public void updateOrder(Order order, List<OutboxAlert> raised) throws SQLException {
        Row row = row(order);
        checkNew(raised);
        row.order = updated(row.order, order);
        keep(raised);
    }

    @Override
    public boolean recordFill(Order order, FillOutcome outcome, List<OutboxAlert> raised) throws SQLException {
        Row row = orders.get(order.clientOrderId());
        if (row == null || row.applied) {
            return false;
        }
        ClosedTrade trade = outcome.closedTrade();
        if (trade != null && trades.containsKey(trade.clientOrderId())) {
            throw new SQLException("a trade closed by " + trade.clientOrderId() + " is recorded already");
        }
        checkNew(raised);
        row.applied = true;
        row.order = updated(row.order, order);
        if (outcome.after() == null) {
            positions.remove(order.symbol().toString());
        } else {
            positions.put(outcome.after().symbol().toString(), toMillis(outcome.after()));
        }
        if (trade != null) {
            trades.put(trade.clientOrderId(), toMillis(trade));
        }
        if (outcome.dust().signum() != 0) {
            String asset = order.symbol().base();
            dust.put(asset, dust.getOrDefault(asset, BigDecimal.ZERO).add(outcome.dust()));
        }
        keep(raised);
        return true;
    }

    @Override
    public void recordFees(Order order, Position position, BigDecimal sellFee) throws SQLException {
        Row row = row(order);
        row.order = updated(row.order, order);
        if (position != null) {
            positions.put(position.symbol().toString(), toMillis(position));
        }
        ClosedTrade t = trades.get(order.clientOrderId());
        if (sellFee.signum() != 0 && t != null) {
            trades.put(t.clientOrderId(), new ClosedTrade(t.symbol(), t.quantity(), t.entryCost(), t.entryFees(),
                    t.exitPrice(), t.exitFees().add(sellFee), t.realisedPnl().subtract(sellFee), t.openedAt(),
                    t.closedAt(), t.exitPurpose(), t.clientOrderId()));
        }
    }

    @Override
    public List<Order> ordersWithStatus(OrderStatus status) {
        return ordersBy(o -> o.status() == status, Order::createdAt);
    }

    @Override
    public List<Order> ordersWithUnknownFees() {
        return ordersBy(o -> !o.feesKnown() && executed(o), Order::createdAt);
    }

    @Override
    public Optional<Order> order(String clientOrderId) {
        Row row = orders.get(clientOrderId);
        return row == null ? Optional.empty() : Optional.of(row.order);
    }

    @Override
    public boolean isApplied(String clientOrderId) {
        Row row = orders.get(clientOrderId);
        return row != null && row.applied;
    }

    @Override
    public void savePosition(Position position) {
        positions.put(position.symbol().toString(), toMillis(position));
    }

    @Override
    public List<Position> loadPositions() {
        return new ArrayList<>(positions.values());
    }

    @Override
    public List<ClosedTrade> closedTrades(Symbol symbol, Instant since) {
        // A stable sort: trades closed in the same millisecond stay in the order recorded, as the store's id orders
        // them.
        return trades.values().stream()
                .filter(t -> (symbol == null || t.symbol().equals(symbol)) && !t.closedAt().isBefore(since(since)))
                .sorted(Comparator.comparing(ClosedTrade::closedAt))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    @Override
    public Map<String, BigDecimal> feesPaid(Symbol symbol, Instant since) {
        FeesPaid paid = new FeesPaid();
        for (Order o : ordersBy(o -> executed(o) && (symbol == null || o.symbol().equals(symbol))
                && !o.updatedAt().isBefore(since(since)), Order::updatedAt)) {
            paid.add(o.symbol(), o.fees(), o.filledQuantity(), o.quoteFilled());
        }
        return paid.totals();
    }

    @Override
    public Map<String, BigDecimal> dust() {
        return new LinkedHashMap<>(dust);
    }

    @Override
    public void setDust(String asset, BigDecimal amount) {
        dust.put(asset, amount);
    }

    @Override
    public void saveFlags(String scope, Flags saved) {
        flags.put(scope, saved);
    }

    @Override
    public Map<String, Flags> loadFlags() {
        return new LinkedHashMap<>(flags);
    }

    // ---- for a replay's report ---------------------------------------------------------------------------------

    /** @return every order as recorded now, in the order inserted. */
    public List<Order> orders() {
        return orders.values().stream().map(r -> r.order).toList();
    }

    /** @return every closed trade in the order recorded, with fees found after its fill. */
    public List<ClosedTrade> trades() {
        return List.copyOf(trades.values());
    }

    /** @return every alert written with an order's fill or end, in the order written. */
    public List<OutboxAlert> alerts() {
        return List.copyOf(alerts);
    }

    // ---- rows ----------------------------------------------------------------------------------------------------

    private Row row(Order order) throws SQLException {
        Row row = orders.get(order.clientOrderId());
        if (row == null) {
            throw new SQLException("no order " + order.clientOrderId() + " to update");
        }
        return row;
    }

    private void checkNew(List<OutboxAlert> raised) throws SQLException {
        Set<String> ids = new HashSet<>();
        for (OutboxAlert a : raised) {
            if (alertIds.contains(a.id()) || !ids.add(a.id())) {
                throw new SQLException("alert " + a.id() + " is recorded already");
            }
        }
    }

    private void keep(List<OutboxAlert> raised) {
        for (OutboxAlert a : raised) {
            alertIds.add(a.id());
            if (keepAlerts) {
                alerts.add(a);
            }
        }
    }

    /** @return the rows matching {@code filter}, by {@code time}; rows of the same time in the order inserted. */
    private List<Order> ordersBy(Predicate<Order> filter, Function<Order, Instant> time) {
        return orders.values().stream().map(r -> r.order).filter(filter).sorted(Comparator.comparing(time))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static boolean executed(Order o) {
        return o.status() == OrderStatus.FILLED || o.status() == OrderStatus.PARTIALLY_FILLED;
    }

    private static Instant since(Instant since) {
        return since == null ? Instant.MIN : toMillis(since);
    }

    /** What the exchange's answer changes; what the bot decided stays as inserted, as in the store. */
    private static Order updated(Order stored, Order o) {
        return new Order(stored.clientOrderId(), stored.symbol(), stored.side(), stored.purpose(),
                stored.quoteAmount(), stored.quantity(), o.status(), o.exchangeOrderId(), o.filledQuantity(),
                o.quoteFilled(), o.fees(), o.feesKnown(), o.refusal(), o.reason(), stored.createdAt(),
                toMillis(o.updatedAt()));
    }

    private static Instant toMillis(Instant t) {
        return Instant.ofEpochMilli(t.toEpochMilli());
    }

    private static Order toMillis(Order o) {
        return new Order(o.clientOrderId(), o.symbol(), o.side(), o.purpose(), o.quoteAmount(), o.quantity(),
                o.status(), o.exchangeOrderId(), o.filledQuantity(), o.quoteFilled(), o.fees(), o.feesKnown(),
                o.refusal(), o.reason(), toMillis(o.createdAt()), toMillis(o.updatedAt()));
    }

    private static Position toMillis(Position p) {
        return new Position(p.symbol(), p.quantity(), p.entryCost(), p.entryFees(), toMillis(p.openedAt()),
                p.highestPrice());
    }

    private static ClosedTrade toMillis(ClosedTrade t) {
        return new ClosedTrade(t.symbol(), t.quantity(), t.entryCost(), t.entryFees(), t.exitPrice(), t.exitFees(),
                t.realisedPnl(), toMillis(t.openedAt()), toMillis(t.closedAt()), t.exitPurpose(), t.clientOrderId());
    }
}
