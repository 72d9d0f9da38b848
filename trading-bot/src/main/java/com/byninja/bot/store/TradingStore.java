package com.byninja.bot.store;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.EquitySample;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.DecisionSession;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders, positions, closed trades, dust, the owner's stops, control switches, the strategy's decisions, the
 * protections' locks, the equity samples and the alert outbox in the {@link Database}. Money is stored as decimal
 * text, so it comes back exactly as it went in. Each method is one transaction, committed when it returns; an event
 * and the alerts it raises are written in the same one.
 * The SQL of each table is in its own class ({@link OrderTable}, {@link BookTables}, {@link ControlTable},
 * {@link DecisionTable}, {@link LockTable}, {@link OutboxTable}); this class says which rows change together.
 */
public final class TradingStore implements OrderJournal, PositionJournal, ControlJournal, DecisionJournal,
        LockJournal, EquityJournal {

    private final Database db;

    public TradingStore(Database db) {
        this.db = db;
    }

    @Override
    public void insertOrder(Order order) throws SQLException {
        db.inTransaction(c -> {
            OrderTable.insert(c, order);
            return null;
        });
    }

    @Override
    public void updateOrder(Order order, List<OutboxAlert> alerts) throws SQLException {
        db.inTransaction(c -> {
            OrderTable.update(c, order);
            OutboxTable.insert(c, alerts);
            return null;
        });
    }

    @Override
    public boolean recordFill(Order order, FillOutcome outcome, List<OutboxAlert> alerts) throws SQLException {
        return db.inTransaction(c -> apply(c, order, outcome, alerts));
    }

    @Override
    public boolean recordSlice(Order slice, FillOutcome outcome, List<OutboxAlert> alerts) throws SQLException {
        return db.inTransaction(c -> {
            if (!OrderTable.select(c, "WHERE client_order_id = ?", slice.clientOrderId()).isEmpty()) {
                return false;
            }
            OrderTable.insert(c, slice);
            return apply(c, slice, outcome, alerts);
        });
    }

    private static boolean apply(Connection c, Order order, FillOutcome outcome, List<OutboxAlert> alerts)
            throws SQLException {
        if (!OrderTable.markApplied(c, order.clientOrderId())) {
            return false;
        }
        OrderTable.update(c, order);
        if (outcome.after() == null) {
            BookTables.deletePosition(c, order.symbol());
            BookTables.deleteOwnerStop(c, order.symbol());
        } else {
            BookTables.upsertPosition(c, outcome.after());
        }
        if (outcome.closedTrade() != null) {
            BookTables.insertTrade(c, outcome.closedTrade());
        }
        if (outcome.dust().signum() != 0) {
            String asset = order.symbol().base();
            BookTables.upsertDust(c, asset,
                    BookTables.dust(c).getOrDefault(asset, BigDecimal.ZERO).add(outcome.dust()));
        }
        OutboxTable.insert(c, alerts);
        return true;
    }

    @Override
    public void recordFees(Order order, Position position, BigDecimal sellFee) throws SQLException {
        db.inTransaction(c -> {
            OrderTable.update(c, order);
            if (position != null) {
                BookTables.upsertPosition(c, position);
            }
            if (sellFee.signum() != 0) {
                BookTables.addExitFee(c, order.clientOrderId(), sellFee);
            }
            return null;
        });
    }

    @Override
    public List<Order> ordersWithStatus(OrderStatus status) throws SQLException {
        return db.inTransaction(c -> OrderTable.select(c, "WHERE status = ? ORDER BY created_at", status.name()));
    }

    @Override
    public List<Order> ordersWithUnknownFees() throws SQLException {
        return db.inTransaction(c -> OrderTable.select(c,
                "WHERE fees_known = 0 AND status IN ('FILLED', 'PARTIALLY_FILLED') ORDER BY created_at"));
    }

    @Override
    public Optional<Order> order(String clientOrderId) throws SQLException {
        return db.inTransaction(c -> OrderTable.select(c, "WHERE client_order_id = ?", clientOrderId))
                .stream().findFirst();
    }

    @Override
    public boolean isApplied(String clientOrderId) throws SQLException {
        return db.inTransaction(c -> OrderTable.isApplied(c, clientOrderId));
    }

    @Override
    public void savePosition(Position position) throws SQLException {
        db.inTransaction(c -> {
            BookTables.upsertPosition(c, position);
            return null;
        });
    }

    @Override
    public List<Position> loadPositions() throws SQLException {
        return db.inTransaction(BookTables::positions);
    }

    @Override
    public List<ClosedTrade> closedTrades(Symbol symbol, Instant since) throws SQLException {
        return db.inTransaction(c -> BookTables.trades(c, symbol, since));
    }

    @Override
    public Map<String, BigDecimal> feesPaid(Symbol symbol, Instant since) throws SQLException {
        return db.inTransaction(c -> OrderTable.feesPaid(c, symbol, since));
    }

    @Override
    public Map<String, BigDecimal> dust() throws SQLException {
        return db.inTransaction(BookTables::dust);
    }

    @Override
    public void setDust(String asset, BigDecimal amount) throws SQLException {
        db.inTransaction(c -> {
            BookTables.upsertDust(c, asset, amount);
            return null;
        });
    }

    @Override
    public List<ClosedTrade> recentTrades(Symbol symbol, int limit) throws SQLException {
        return db.inTransaction(c -> BookTables.recentTrades(c, symbol, limit));
    }

    @Override
    public void saveOwnerStop(OwnerStop stop) throws SQLException {
        db.inTransaction(c -> {
            BookTables.upsertOwnerStop(c, stop);
            return null;
        });
    }

    @Override
    public List<OwnerStop> ownerStops() throws SQLException {
        return db.inTransaction(BookTables::ownerStops);
    }

    @Override
    public void saveFlags(String scope, Flags flags) throws SQLException {
        db.inTransaction(c -> {
            ControlTable.save(c, scope, flags);
            return null;
        });
    }

    @Override
    public Map<String, Flags> loadFlags() throws SQLException {
        return db.inTransaction(ControlTable::load);
    }

    // ---- decisions -------------------------------------------------------------------------------------------

    @Override
    public long startSession(Instant startedAt) throws SQLException {
        return db.inTransaction(c -> DecisionTable.startSession(c, startedAt));
    }

    @Override
    public void recordHistory(long session, List<Candle> candles, Instant readAt) throws SQLException {
        db.inTransaction(c -> {
            DecisionTable.insertHistory(c, session, candles, readAt);
            return null;
        });
    }

    @Override
    public void recordDecision(CandleDecision decision) throws SQLException {
        db.inTransaction(c -> {
            DecisionTable.upsert(c, decision);
            return null;
        });
    }

    @Override
    public int forgetDecisionsBefore(Instant cutoff) throws SQLException {
        return db.inTransaction(c -> DecisionTable.forgetBefore(c, cutoff));
    }

    @Override
    public List<DecisionSession> decisionSessions() throws SQLException {
        return db.inTransaction(DecisionTable::sessions);
    }

    @Override
    public List<CandleDecision> decisions(long session) throws SQLException {
        return db.inTransaction(c -> DecisionTable.of(c, session));
    }

    // ---- locks -----------------------------------------------------------------------------------------------

    @Override
    public void saveLock(EntryLock lock, List<OutboxAlert> alerts) throws SQLException {
        db.inTransaction(c -> {
            LockTable.upsert(c, lock);
            OutboxTable.insert(c, alerts);
            return null;
        });
    }

    @Override
    public boolean endLock(EntryLock lock, List<OutboxAlert> alerts) throws SQLException {
        return db.inTransaction(c -> {
            if (!LockTable.delete(c, lock)) {
                return false;
            }
            OutboxTable.insert(c, alerts);
            return true;
        });
    }

    @Override
    public List<EntryLock> locks() throws SQLException {
        return db.inTransaction(LockTable::all);
    }

    // ---- equity ----------------------------------------------------------------------------------------------

    @Override
    public void saveEquity(EquitySample sample) throws SQLException {
        db.inTransaction(c -> {
            EquityTable.upsert(c, sample);
            return null;
        });
    }

    @Override
    public List<EquitySample> equitySince(Instant since) throws SQLException {
        return db.inTransaction(c -> EquityTable.since(c, since));
    }

    @Override
    public Optional<EquitySample> equityAtOrBefore(Instant at) throws SQLException {
        return db.inTransaction(c -> EquityTable.atOrBefore(c, at));
    }

    @Override
    public Optional<EquitySample> equityAtOrAfter(Instant at) throws SQLException {
        return db.inTransaction(c -> EquityTable.atOrAfter(c, at));
    }

    // ---- the alert outbox ------------------------------------------------------------------------------------

    /** Keeps alerts raised by something that changed nothing else in the store. */
    public void saveAlerts(List<OutboxAlert> alerts) throws SQLException {
        db.inTransaction(c -> {
            OutboxTable.insert(c, alerts);
            return null;
        });
    }

    /** @return the alerts not yet delivered, oldest first. */
    public List<OutboxAlert> outbox() throws SQLException {
        return db.inTransaction(OutboxTable::all);
    }

    /** Forgets delivered alerts, in one transaction. */
    public void deleteAlerts(Collection<String> ids) throws SQLException {
        db.inTransaction(c -> {
            OutboxTable.delete(c, ids);
            return null;
        });
    }
}
