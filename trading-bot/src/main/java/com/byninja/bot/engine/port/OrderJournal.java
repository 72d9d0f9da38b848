package com.byninja.bot.engine.port;

import com.byninja.bot.domain.FillOutcome;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.Position;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Where orders are written before they are sent, and where a fill is recorded once, with everything it changes, before
 * the book follows. The SQLite store implements it for trading; an in-memory journal implements it for replaying
 * history. A write that throws changed nothing.
 */
public interface OrderJournal {

    /** Records a new order; it must be committed before the order is sent. */
    void insertOrder(Order order) throws SQLException;

    /** Records an order's final state without a fill (rejected, cancelled), with the alerts it raised. */
    void updateOrder(Order order, List<OutboxAlert> alerts) throws SQLException;

    /** Records an order's final state without a fill (rejected, cancelled). */
    default void updateOrder(Order order) throws SQLException {
        updateOrder(order, List.of());
    }

    /**
     * Records an order's fill, its effect on positions, trades and dust, and the alerts it raises, atomically, and
     * only once: an order already applied is left as it is. A fill that closes a position forgets the owner's stop of
     * its symbol ({@link PositionJournal#saveOwnerStop}).
     *
     * @return whether this call applied it; false when it had been applied before (nothing was changed then)
     */
    boolean recordFill(Order order, FillOutcome outcome, List<OutboxAlert> alerts) throws SQLException;

    /**
     * Records what a resting order executed since its last slice ({@link Order#slice}), as an order of its own that
     * is inserted and applied together, atomically, with its effect and alerts as {@link #recordFill} records them; a
     * slice recorded before is left as it is. The resting order's own row keeps what the exchange says of it.
     *
     * @return whether this call recorded it; false when a slice of that client order id exists already
     */
    boolean recordSlice(Order slice, FillOutcome outcome, List<OutboxAlert> alerts) throws SQLException;

    /** @return the slices recorded of the resting order {@code clientOrderId}, in order */
    default List<Order> slicesOf(String clientOrderId) throws SQLException {
        List<Order> slices = new java.util.ArrayList<>();
        for (int n = 1; ; n++) {
            java.util.Optional<Order> slice = order(Order.sliceId(clientOrderId, n));
            if (slice.isEmpty()) {
                return slices;
            }
            slices.add(slice.get());
        }
    }

    /**
     * Records the fees of an executed order that were not known when its fill was applied, and what they change: a
     * fee in the coin bought makes the position smaller; a sell's fee lowers the PnL of the trade it closed.
     *
     * @param position the position after the fees, or null when no position changes
     * @param sellFee  the sell's fee in the quote currency, added to its trade's exit fees; zero for a buy
     */
    void recordFees(Order order, Position position, BigDecimal sellFee) throws SQLException;

    /** @return orders in {@code status}, oldest first. */
    List<Order> ordersWithStatus(OrderStatus status) throws SQLException;

    /** @return executed orders whose fees are not known yet, oldest first. */
    List<Order> ordersWithUnknownFees() throws SQLException;

    /** @return the order with this client order id. */
    Optional<Order> order(String clientOrderId) throws SQLException;

    /** @return whether the order's fill has been applied to the book. */
    boolean isApplied(String clientOrderId) throws SQLException;
}
