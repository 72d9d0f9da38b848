package com.byninja.bot.orders;

import com.byninja.bot.exchange.OrderRequest;
import com.byninja.bot.exchange.Symbol;
import com.byninja.bot.risk.RejectReason;
import com.byninja.bot.risk.Rejection;
import com.byninja.bot.store.TradingStore;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every order's life. An order gets its client order id and is committed as {@code NEW} before it is handed to the
 * exchange; one decision makes one order, sent once. While a symbol's order waits for the exchange, no other order
 * for that symbol is placed. An order whose outcome is lost (network error, crash) stays {@code NEW} and is looked
 * up, with growing delays, until the exchange says what became of it. Owned by the trading thread.
 */
public final class OrderManager {

    private static final Logger LOG = LoggerFactory.getLogger(OrderManager.class);
    private static final long FIRST_LOOKUP_DELAY_MS = 1_000;
    private static final long MAX_LOOKUP_DELAY_MS = 60_000;

    /** An order whose outcome is unknown, and when to ask again. */
    private record Pending(Order order, Instant lookupAt, long delayMs) {
    }

    private final TradingStore store;
    private final OrderGateway gateway;
    private final ClientOrderIds ids;
    private final Clock clock;
    private final Map<Symbol, Order> inFlight = new HashMap<>();
    private final Map<String, Pending> unknown = new HashMap<>();
    private int consecutiveUnknown;

    public OrderManager(TradingStore store, OrderGateway gateway, ClientOrderIds ids, Clock clock) {
        this.store = store;
        this.gateway = gateway;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Takes over orders left {@code NEW} by the previous run (crash, or shutdown before they were sent): each is
     * looked up on the exchange before its symbol trades again.
     *
     * @return how many orders are being recovered
     */
    public int recover() throws SQLException {
        Instant now = clock.instant();
        int n = 0;
        for (Order order : store.ordersWithStatus(OrderStatus.NEW)) {
            inFlight.put(order.symbol(), order);
            unknown.put(order.clientOrderId(), new Pending(order, now, FIRST_LOOKUP_DELAY_MS));
            n++;
        }
        return n;
    }

    /**
     * @param symbol   the market
     * @param purpose  why
     * @param amount   for a buy the quote amount, for a sell the base quantity
     * @return the recorded order, or why it was not placed
     */
    public Submission submit(Symbol symbol, Purpose purpose, BigDecimal amount) {
        Order busy = inFlight.get(symbol);
        if (busy != null) {
            return new Submission.Refused(Rejection.of(RejectReason.ORDER_IN_FLIGHT, "order " + busy.clientOrderId()
                    + " for " + symbol + " is still waiting for the exchange"));
        }
        String id = ids.next();
        OrderRequest request = purpose.isBuy() ? OrderRequest.buy(id, symbol, amount)
                : OrderRequest.sell(id, symbol, amount);
        Order order = Order.newOrder(request, purpose, clock.instant());
        try {
            store.insertOrder(order);
        } catch (SQLException e) {
            LOG.error("could not record order {} for {}; not sent", id, symbol, e);
            return new Submission.Refused(Rejection.of(RejectReason.STORE_ERROR,
                    "the order could not be recorded, so it was not sent: " + e.getMessage()));
        }
        if (!gateway.place(order)) {
            Order refused = order.finishedWithout(OrderStatus.REJECTED, "order queue full", clock.instant());
            persist(refused);
            return new Submission.Refused(Rejection.of(RejectReason.ORDER_QUEUE_FULL,
                    "too many orders are waiting for the exchange; " + id + " was not sent"));
        }
        inFlight.put(symbol, order);
        return new Submission.Sent(order);
    }

    /**
     * Applies the executor's answer about an order.
     *
     * @return the order in its final state, not yet persisted (a fill is persisted with its position change); empty
     *         while the outcome is still unknown
     */
    public Optional<Order> onResult(GatewayResult result) {
        Instant now = clock.instant();
        if (result instanceof GatewayResult.Executed e) {
            consecutiveUnknown = 0;
            return Optional.of(finish(e.order().withReport(e.report())));
        }
        if (result instanceof GatewayResult.NotFound nf) {
            consecutiveUnknown = 0;
            return Optional.of(finish(nf.order().finishedWithout(OrderStatus.CANCELLED,
                    "never reached the exchange", now)));
        }
        if (result instanceof GatewayResult.Unknown u) {
            consecutiveUnknown++;
            Pending previous = unknown.get(u.order().clientOrderId());
            long delay = previous == null ? FIRST_LOOKUP_DELAY_MS
                    : Math.min(previous.delayMs() * 2, MAX_LOOKUP_DELAY_MS);
            unknown.put(u.order().clientOrderId(), new Pending(u.order(), now.plusMillis(delay), delay));
            LOG.warn("order {} ({} {}) outcome unknown: {}; asking the exchange again in {} ms",
                    u.order().clientOrderId(), u.order().side(), u.order().symbol(), u.error(), delay);
        }
        return Optional.empty();
    }

    /** Queues the lookups that are due. */
    public void lookUpDue() {
        Instant now = clock.instant();
        for (Pending p : List.copyOf(unknown.values())) {
            if (!p.lookupAt().isAfter(now) && gateway.lookup(p.order())) {
                // Not asked again until this lookup answers (or fails and reschedules).
                unknown.put(p.order().clientOrderId(), new Pending(p.order(), Instant.MAX, p.delayMs()));
            }
        }
    }

    private Order finish(Order done) {
        unknown.remove(done.clientOrderId());
        Order current = inFlight.get(done.symbol());
        if (current != null && current.clientOrderId().equals(done.clientOrderId())) {
            inFlight.remove(done.symbol());
        }
        return done;
    }

    /** Persists an order's final state without a fill; a failure is logged, the order is looked up next start. */
    public void persist(Order order) {
        try {
            store.updateOrder(order);
        } catch (SQLException e) {
            LOG.error("could not record {} as {}", order.clientOrderId(), order.status().label(), e);
        }
    }

    /** @return the order waiting for the exchange for {@code symbol}, if any. */
    public Optional<Order> inFlight(Symbol symbol) {
        return Optional.ofNullable(inFlight.get(symbol));
    }

    /** @return every order waiting for the exchange. */
    public Collection<Order> inFlight() {
        return Collections.unmodifiableCollection(inFlight.values());
    }

    /** @return exchange calls in a row whose outcome was unknown; reset by any answer. */
    public int consecutiveUnknown() {
        return consecutiveUnknown;
    }
}
