package com.byninja.bot.replay;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.DecisionSession;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.EquitySample;
import com.byninja.bot.domain.FeesPaid;
import com.byninja.bot.domain.FillOutcome;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.OwnerStop;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.ControlJournal;
import com.byninja.bot.engine.port.DecisionJournal;
import com.byninja.bot.engine.port.EquityJournal;
import com.byninja.bot.engine.port.LockJournal;
import com.byninja.bot.engine.port.OrderJournal;
import com.byninja.bot.engine.port.PositionJournal;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * The order, position, control, decision and lock journals in memory, for replaying history through the real trading
 * engine. As the engine sees it, it behaves as the SQLite store does: a fill is applied once, and a second
 * {@link #recordFill} of the same order returns false and changes nothing; positions, trades, dust, fees, switches,
 * sessions, decisions and locks come back as the store gives them, in the same order, and decisions are forgotten by
 * age as the store forgets them; a write the store would refuse (an order inserted twice, an update of an unknown
 * order, an alert id used before) throws {@link SQLException} and changes nothing. Times are kept to the millisecond,
 * as the store keeps them; money is kept as the exact {@link BigDecimal} given (the store gives back the same value,
 * written out in plain digits: {@code 6E+4} comes back from it as {@code 60000}).
 *
 * <p>Decisions on candles are kept only by a journal made with {@link #keepingDecisions()}, as a replay checked
 * against the live bot needs them; {@code new InMemoryJournal()} numbers sessions and forgets each decision at once:
 * a backtest reads none, and keeping them made a year of one-minute candles about 30 % slower.
 *
 * <p>No threads, no I/O. Not thread-safe: one thread (a replay's, or the trading thread) is its only user.
 *
 * <p>For a replay's report it also keeps what the store hands on and forgets: every order in the order inserted
 * ({@link #orders}), every closed trade ({@link #trades}) and every alert written with an order's fill or end
 * ({@link #alerts}); nothing is delivered. A backtest, which has nobody to show them to, keeps only their ids
 * ({@link #keepingNoAlertTexts}): a year of one-minute trades writes some 20,000 of them.
 */
public final class InMemoryJournal implements OrderJournal, PositionJournal, ControlJournal, DecisionJournal,
        LockJournal, EquityJournal {

    /** The store's rows, oldest first; an order's fill is applied at most once. */
    private final Map<String, Row> orders = new LinkedHashMap<>();
    /** By symbol text, the order the store lists positions in. */
    private final Map<String, Position> positions = new TreeMap<>();
    /** By the sell that closed them, in the order recorded. */
    private final Map<String, ClosedTrade> trades = new LinkedHashMap<>();
    private final Map<String, BigDecimal> dust = new TreeMap<>();
    /** By symbol text, as the store lists them. */
    private final Map<String, OwnerStop> ownerStops = new TreeMap<>();
    /** In the order the scopes were first saved. */
    private final Map<String, Flags> flags = new LinkedHashMap<>();
    private final List<OutboxAlert> alerts = new ArrayList<>();
    private final Set<String> alertIds = new HashSet<>();
    /** By id; ids are never given twice, as the store's AUTOINCREMENT gives them. */
    private final Map<Long, DecisionSession> sessions = new TreeMap<>();
    private long lastSession;
    /** By session, then symbol, then candle start: what the age limit forgets is the head of each map. */
    private final Map<Long, Map<Symbol, TreeMap<Instant, Decided>>> decisions = new TreeMap<>();
    /** The order candles were recorded in, which a session's candles come back in. */
    private long decisionSeq;
    /** By protection and scope, as the store keys them. */
    private final Map<String, EntryLock> locks = new HashMap<>();
    /** By instant. */
    private final TreeMap<Instant, EquitySample> equity = new TreeMap<>();

    private final boolean keepsDecisions;
    private final boolean keepAlerts;

    private record Decided(long seq, CandleDecision decision) {
    }

    /** A journal that keeps every alert written, for {@link #alerts}, and no decision on candles. */
    public InMemoryJournal() {
        this(false, true);
    }

    private InMemoryJournal(boolean keepsDecisions, boolean keepAlerts) {
        this.keepsDecisions = keepsDecisions;
        this.keepAlerts = keepAlerts;
    }

    /** @return a journal that keeps the decisions on candles too, as the store does. */
    public static InMemoryJournal keepingDecisions() {
        return new InMemoryJournal(true, true);
    }

    /** @return a journal that checks alert ids as the store does but keeps no alert: {@link #alerts} stays empty */
    public static InMemoryJournal keepingNoAlertTexts() {
        return new InMemoryJournal(false, false);
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
            ownerStops.remove(order.symbol().toString());
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
    public boolean recordSlice(Order slice, FillOutcome outcome, List<OutboxAlert> raised) throws SQLException {
        if (orders.containsKey(slice.clientOrderId())) {
            return false;
        }
        insertOrder(slice);
        try {
            return recordFill(slice, outcome, raised);
        } catch (SQLException e) {
            // As the store's transaction: nothing of it stays.
            orders.remove(slice.clientOrderId());
            throw e;
        }
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
    public List<ClosedTrade> recentTrades(Symbol symbol, int limit) {
        List<ClosedTrade> all = closedTrades(symbol, null);
        List<ClosedTrade> latest = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && latest.size() < limit; i--) {
            latest.add(all.get(i));
        }
        return latest;
    }

    @Override
    public void saveOwnerStop(OwnerStop stop) {
        ownerStops.put(stop.symbol().toString(), new OwnerStop(stop.symbol(), toMillis(stop.openedAt()),
                stop.level(), toMillis(stop.setAt())));
    }

    @Override
    public List<OwnerStop> ownerStops() {
        return new ArrayList<>(ownerStops.values());
    }

    @Override
    public void saveFlags(String scope, Flags saved) {
        flags.put(scope, saved);
    }

    @Override
    public Map<String, Flags> loadFlags() {
        return new LinkedHashMap<>(flags);
    }

    @Override
    public long startSession(Instant startedAt) {
        long id = ++lastSession;
        sessions.put(id, new DecisionSession(id, toMillis(startedAt), false));
        return id;
    }

    @Override
    public void recordHistory(long session, List<Candle> candles, Instant readAt) {
        if (!keepsDecisions) {
            return;
        }
        for (Candle c : candles) {
            candlesOf(session, c.symbol()).computeIfAbsent(toMillis(c.start()), start -> new Decided(++decisionSeq,
                    toMillis(new CandleDecision(session, c, CandleDecision.Action.HISTORY, null, readAt))));
        }
    }

    @Override
    public void recordDecision(CandleDecision decision) {
        if (!keepsDecisions) {
            return;
        }
        TreeMap<Instant, Decided> candles = candlesOf(decision.session(), decision.symbol());
        Instant start = toMillis(decision.candle().start());
        Decided before = candles.get(start);
        candles.put(start, new Decided(before == null ? ++decisionSeq : before.seq(), toMillis(decision)));
    }

    private TreeMap<Instant, Decided> candlesOf(long session, Symbol symbol) {
        return decisions.computeIfAbsent(session, s -> new LinkedHashMap<>())
                .computeIfAbsent(symbol, s -> new TreeMap<>());
    }

    @Override
    public int forgetDecisionsBefore(Instant cutoff) {
        Instant before = toMillis(cutoff);
        int forgotten = 0;
        for (var session = decisions.entrySet().iterator(); session.hasNext(); ) {
            Map.Entry<Long, Map<Symbol, TreeMap<Instant, Decided>>> s = session.next();
            int lost = 0;
            for (TreeMap<Instant, Decided> candles : s.getValue().values()) {
                Map<Instant, Decided> old = candles.headMap(before);
                lost += old.size();
                old.clear();
            }
            s.getValue().values().removeIf(Map::isEmpty);
            DecisionSession row = sessions.get(s.getKey());
            if (lost > 0 && row != null && !row.truncated()) {
                sessions.put(row.id(), new DecisionSession(row.id(), row.startedAt(), true));
            }
            if (s.getValue().isEmpty()) {
                session.remove();
            }
            forgotten += lost;
        }
        sessions.values().removeIf(s -> s.startedAt().isBefore(before) && !decisions.containsKey(s.id()));
        return forgotten;
    }

    @Override
    public List<DecisionSession> decisionSessions() {
        return new ArrayList<>(sessions.values());
    }

    @Override
    public List<CandleDecision> decisions(long session) {
        return decisions.getOrDefault(session, Map.of()).values().stream().flatMap(m -> m.values().stream())
                .sorted(Comparator.comparingLong(Decided::seq)).map(Decided::decision)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    @Override
    public void saveLock(EntryLock lock, List<OutboxAlert> raised) throws SQLException {
        checkNew(raised);
        locks.put(key(lock), toMillis(lock));
        keep(raised);
    }

    @Override
    public boolean endLock(EntryLock lock, List<OutboxAlert> raised) throws SQLException {
        EntryLock saved = locks.get(key(lock));
        if (saved == null || !saved.until().equals(toMillis(lock.until()))) {
            return false;
        }
        checkNew(raised);
        locks.remove(key(lock));
        keep(raised);
        return true;
    }

    @Override
    public List<EntryLock> locks() {
        return locks.values().stream().sorted(Comparator.comparing(EntryLock::until)
                .thenComparing(l -> l.kind().code()).thenComparing(EntryLock::scope))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    @Override
    public void saveEquity(EquitySample sample) {
        equity.put(sample.at(), sample);
    }

    @Override
    public List<EquitySample> equitySince(Instant since) {
        return new ArrayList<>(equity.tailMap(since, true).values());
    }

    @Override
    public Optional<EquitySample> equityAtOrBefore(Instant at) {
        return Optional.ofNullable(equity.floorEntry(at)).map(Map.Entry::getValue);
    }

    @Override
    public Optional<EquitySample> equityAtOrAfter(Instant at) {
        return Optional.ofNullable(equity.ceilingEntry(at)).map(Map.Entry::getValue);
    }

    private static String key(EntryLock lock) {
        return lock.kind().code() + " " + lock.scope();
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
                toMillis(o.updatedAt()), stored.type(), stored.limitPrice(), stored.stopPrice(), stored.postOnly());
    }

    private static Instant toMillis(Instant t) {
        return t.getNano() % 1_000_000 == 0 ? t : Instant.ofEpochMilli(t.toEpochMilli());
    }

    private static Order toMillis(Order o) {
        return new Order(o.clientOrderId(), o.symbol(), o.side(), o.purpose(), o.quoteAmount(), o.quantity(),
                o.status(), o.exchangeOrderId(), o.filledQuantity(), o.quoteFilled(), o.fees(), o.feesKnown(),
                o.refusal(), o.reason(), toMillis(o.createdAt()), toMillis(o.updatedAt()), o.type(), o.limitPrice(),
                o.stopPrice(), o.postOnly());
    }

    private static Position toMillis(Position p) {
        return new Position(p.symbol(), p.quantity(), p.entryCost(), p.entryFees(), toMillis(p.openedAt()),
                p.highestPrice());
    }

    /** The candle itself where its times are whole milliseconds already, as they are: no copy per candle kept. */
    private static CandleDecision toMillis(CandleDecision d) {
        Candle c = d.candle();
        Duration period = Duration.ofMillis(c.period().toMillis());
        Candle kept = toMillis(c.start()) == c.start() && period.equals(c.period()) ? c : new Candle(c.symbol(),
                toMillis(c.start()), period, c.open(), c.high(), c.low(), c.close(), c.volume());
        return new CandleDecision(d.session(), kept, d.action(), d.reason(), toMillis(d.decidedAt()));
    }

    private static EntryLock toMillis(EntryLock l) {
        return new EntryLock(l.kind(), l.symbol(), toMillis(l.since()), toMillis(l.until()), l.reason());
    }

    private static ClosedTrade toMillis(ClosedTrade t) {
        return new ClosedTrade(t.symbol(), t.quantity(), t.entryCost(), t.entryFees(), t.exitPrice(), t.exitFees(),
                t.realisedPnl(), toMillis(t.openedAt()), toMillis(t.closedAt()), t.exitPurpose(), t.clientOrderId());
    }
}
