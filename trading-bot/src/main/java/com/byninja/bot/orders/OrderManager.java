package com.byninja.bot.orders;

import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.OrderJournal;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every order's life. An order gets its client order id and is committed as {@code NEW} before it is handed to the
 * exchange; one decision makes one order, sent once. While a symbol's order waits for the exchange, no other order
 * for that symbol is placed. An order whose outcome is lost (network error, crash) stays {@code NEW} and is looked
 * up, with growing delays, until the exchange says what became of it.
 *
 * <p>On a real account, an exchange that does not show an order after a lost answer has not necessarily refused it:
 * Binance documents that a 5xx leaves the outcome unknown and the order may still execute. There, an order that is
 * not found keeps being looked up for the lookup window (counted from its creation; its symbol waits meanwhile); if
 * it never appears, the bot gives up on it for this run (the caller alerts) and leaves it {@code NEW} for the next
 * start, which looks it up again and, past the window, records it as never placed. Where the exchange is the bot's
 * own paper wallet, "not found" is final at once.
 *
 * <p>An order that executed but whose fees could not be read is looked up again, with growing delays, until they
 * are known.
 *
 * <p>An order that rests on the exchange (a stop-loss, a limit order) is {@code OPEN} from the exchange's first
 * answer: its symbol is free for other orders again, and the exchange is asked what became of it every
 * {@code orders.statusPollMs} (at once when {@link #pollNow} asks) until it ends. A cancel holds the symbol until the
 * exchange confirms it, and is sent again, with growing delays, while it is not confirmed: what the exchange answers
 * (cancelled, or filled first) is the order's final state. Owned by the trading thread.
 */
public final class OrderManager {

    private static final Logger LOG = LoggerFactory.getLogger(OrderManager.class);
    private static final long FIRST_LOOKUP_DELAY_MS = 1_000;
    private static final long MAX_LOOKUP_DELAY_MS = 60_000;
    private static final long FIRST_FEE_LOOKUP_DELAY_MS = 5_000;
    private static final long MAX_FEE_LOOKUP_DELAY_MS = 600_000;
    /** A resting order the price has reached is asked about at most this often. */
    static final long MIN_POLL_GAP_MS = 1_000;

    /** An order to ask the exchange about, and when. */
    private record Lookup(Order order, Instant at, long delayMs) {
    }

    /** What the slices of a resting order booked: how many, and their sums. */
    private record Booked(int slices, BigDecimal quantity, BigDecimal quote, List<Fee> fees) {
        static final Booked NONE = new Booked(0, BigDecimal.ZERO, BigDecimal.ZERO, List.of());

        Booked plus(Order slice) {
            List<Fee> all = new java.util.ArrayList<>(fees);
            all.addAll(slice.fees());
            return new Booked(slices + 1, quantity.add(slice.filledQuantity()), quote.add(slice.quoteFilled()),
                    Fee.merge(all));
        }
    }

    private final OrderJournal store;
    private final OrderGateway gateway;
    private final ClientOrderIds ids;
    private final Clock clock;
    private final long lookupWindowMs;
    private final long pollIntervalMs;
    private final Map<Symbol, Order> inFlight = new HashMap<>();
    /** Orders resting on the exchange, as last seen, by client order id. */
    private final Map<String, Order> resting = new LinkedHashMap<>();
    /** When each resting order is next asked about; {@link Instant#MAX} while a question is on its way. */
    private final Map<String, Lookup> polls = new LinkedHashMap<>();
    /** What the slices of each resting order booked so far, by its client order id; none booked: absent. */
    private final Map<String, Booked> booked = new HashMap<>();
    /** When each resting order's last answer came, by client order id. */
    private final Map<String, Instant> answeredAt = new HashMap<>();
    /** Resting orders being cancelled, by client order id. */
    private final Set<String> cancelling = new HashSet<>();
    /** Cancels the exchange did not confirm, to send again. */
    private final Map<String, Lookup> cancels = new LinkedHashMap<>();
    private final Map<String, Lookup> unknown = new LinkedHashMap<>();
    private final Map<String, Lookup> feeLookups = new LinkedHashMap<>();
    private final Set<String> recovered = new HashSet<>();
    /** Orders whose outcome stayed unknown past the lookup window, by client order id: looked up at the next start. */
    private final Map<String, Order> givenUp = new LinkedHashMap<>();
    private int consecutiveUnknown;

    /**
     * @param lookupWindowMs how long after its creation an order that is not found is still looked for (a real
     *                       account); 0 where "not found" is final (the simulator and paper wallets)
     * @param pollIntervalMs how often a resting order is asked about
     */
    public OrderManager(OrderJournal store, OrderGateway gateway, ClientOrderIds ids, Clock clock,
                        long lookupWindowMs, long pollIntervalMs) {
        this.store = store;
        this.gateway = gateway;
        this.ids = ids;
        this.clock = clock;
        this.lookupWindowMs = lookupWindowMs;
        this.pollIntervalMs = pollIntervalMs;
    }

    /** Resting orders asked about every 5 s. */
    public OrderManager(OrderJournal store, OrderGateway gateway, ClientOrderIds ids, Clock clock,
                        long lookupWindowMs) {
        this(store, gateway, ids, clock, lookupWindowMs, 5_000);
    }

    /** Where "not found" is final at once. */
    public OrderManager(OrderJournal store, OrderGateway gateway, ClientOrderIds ids, Clock clock) {
        this(store, gateway, ids, clock, 0);
    }

    /**
     * Takes over orders left {@code NEW} by the previous run (crash, or shutdown before they were sent): each is
     * looked up on the exchange before its symbol trades again. Orders left resting ({@code OPEN}) are asked about at
     * once: one may have filled meanwhile. Orders whose fees were not known yet are looked up again too.
     *
     * @return how many orders are being recovered
     */
    public int recover() throws SQLException {
        Instant now = clock.instant();
        int n = 0;
        for (Order order : store.ordersWithStatus(OrderStatus.NEW)) {
            inFlight.put(order.symbol(), order);
            unknown.put(order.clientOrderId(), new Lookup(order, now, FIRST_LOOKUP_DELAY_MS));
            recovered.add(order.clientOrderId());
            n++;
        }
        for (Order order : store.ordersWithStatus(OrderStatus.OPEN)) {
            Booked b = Booked.NONE;
            for (Order slice : store.slicesOf(order.clientOrderId())) {
                b = b.plus(slice);
            }
            if (b.slices() > 0) {
                booked.put(order.clientOrderId(), b);
            }
            resting.put(order.clientOrderId(), order);
            polls.put(order.clientOrderId(), new Lookup(order, now, pollIntervalMs));
            recovered.add(order.clientOrderId());
            n++;
        }
        for (Order order : store.ordersWithUnknownFees()) {
            feeLookups.put(order.clientOrderId(), new Lookup(order, now, FIRST_FEE_LOOKUP_DELAY_MS));
        }
        return n;
    }

    /**
     * @param symbol  the market
     * @param purpose why
     * @param amount  for a buy the quote amount, for a sell the base quantity
     * @return the recorded order, or why it was not placed
     */
    public Submission submit(Symbol symbol, Purpose purpose, BigDecimal amount) {
        return submit(symbol, purpose, id -> purpose.isBuy() ? OrderRequest.buy(id, symbol, amount)
                : OrderRequest.sell(id, symbol, amount));
    }

    /**
     * A limit order: a buy spending at most {@code amount} of the quote currency, or a sell of {@code amount} of the
     * base currency, at {@code price} or better.
     *
     * @return the recorded order, or why it was not placed
     */
    public Submission submitLimit(Symbol symbol, Purpose purpose, BigDecimal amount, BigDecimal price,
                                  boolean postOnly) {
        return submit(symbol, purpose, id -> purpose.isBuy()
                ? OrderRequest.limitBuy(id, symbol, amount, price, postOnly)
                : OrderRequest.limitSell(id, symbol, amount, price, postOnly));
    }

    /**
     * A stop-loss that rests on the exchange, for {@link Purpose#STOP_ON_EXCHANGE}.
     *
     * @param quantity   the base quantity it sells
     * @param stopPrice  the price that triggers it
     * @param limitPrice the lowest price it sells at once triggered
     * @return the recorded order, or why it was not placed
     */
    public Submission submitStop(Symbol symbol, BigDecimal quantity, BigDecimal stopPrice, BigDecimal limitPrice) {
        return submit(symbol, Purpose.STOP_ON_EXCHANGE, id -> OrderRequest.stopLoss(id, symbol, quantity, stopPrice,
                limitPrice));
    }

    private Submission submit(Symbol symbol, Purpose purpose, java.util.function.Function<String, OrderRequest> make) {
        Order busy = inFlight.get(symbol);
        if (busy != null) {
            return new Submission.Refused(Rejection.of(RejectReason.ORDER_IN_FLIGHT, "order " + busy.clientOrderId()
                    + " for " + symbol + " is still waiting for the exchange"));
        }
        String id = ids.next();
        OrderRequest request = make.apply(id);
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
            persist(refused, List.of());
            return new Submission.Refused(Rejection.of(RejectReason.ORDER_QUEUE_FULL,
                    "too many orders are waiting for the exchange; " + id + " was not sent"));
        }
        inFlight.put(symbol, order);
        return new Submission.Sent(order);
    }

    /**
     * Applies the executor's answer about an order.
     *
     * @return what became of the order; empty while its outcome is still unknown
     */
    public Optional<Resolution> onResult(GatewayResult result) {
        Instant now = clock.instant();
        if (result instanceof GatewayResult.Executed e && feeLookups.containsKey(e.order().clientOrderId())) {
            return feesLookedUp(e.order(), e.report().feesKnown() ? e : null, now);
        }
        if (result instanceof GatewayResult.NotFound nf && feeLookups.containsKey(nf.order().clientOrderId())) {
            return feesLookedUp(nf.order(), null, now);
        }
        if (result instanceof GatewayResult.Unknown u && feeLookups.containsKey(u.order().clientOrderId())) {
            return feesLookedUp(u.order(), null, now);
        }
        if (result instanceof GatewayResult.CancelUnconfirmed cu) {
            return cancelNotConfirmed(cu, now);
        }
        if (lateWithoutFill(result)) {
            return Optional.empty();
        }
        if (result instanceof GatewayResult.Executed e && !e.report().status().isFinal()) {
            consecutiveUnknown = 0;
            return rests(e.order().withReport(e.report()), now);
        }
        if (result instanceof GatewayResult.Executed e) {
            consecutiveUnknown = 0;
            return Optional.of(finish(e.order().withReport(e.report())));
        }
        if (result instanceof GatewayResult.NotFound nf && (resting.containsKey(nf.order().clientOrderId())
                || cancelling.contains(nf.order().clientOrderId()))) {
            consecutiveUnknown = 0;
            return Optional.of(finish(nf.order().finishedWithout(OrderStatus.CANCELLED, "no longer on "
                    + "the exchange", now)));
        }
        if (result instanceof GatewayResult.Unknown u && resting.containsKey(u.order().clientOrderId())) {
            consecutiveUnknown++;
            Lookup previous = polls.get(u.order().clientOrderId());
            long delay = previous == null ? FIRST_LOOKUP_DELAY_MS : Math.min(Math.max(FIRST_LOOKUP_DELAY_MS,
                    previous.delayMs() * 2), MAX_LOOKUP_DELAY_MS);
            polls.put(u.order().clientOrderId(), new Lookup(resting.get(u.order().clientOrderId()),
                    now.plusMillis(delay), delay));
            LOG.warn("resting order {} ({} {}) could not be asked about: {}; asking again in {} ms",
                    u.order().clientOrderId(), u.order().side(), u.order().symbol(), u.error(), delay);
            return Optional.empty();
        }
        if (result instanceof GatewayResult.NotFound nf) {
            consecutiveUnknown = 0;
            Order order = nf.order();
            Instant windowEnds = order.createdAt().plusMillis(lookupWindowMs);
            if (lookupWindowMs > 0 && now.isBefore(windowEnds)) {
                long delay = nextDelay(order, MAX_LOOKUP_DELAY_MS);
                Instant at = now.plusMillis(delay).isAfter(windowEnds) ? windowEnds : now.plusMillis(delay);
                unknown.put(order.clientOrderId(), new Lookup(order, at, delay));
                LOG.warn("order {} ({} {}) is not on the exchange yet; its answer was lost, so it may still appear: "
                        + "looking again in {} ms, until {}", order.clientOrderId(), order.side(), order.symbol(),
                        Duration.between(now, at).toMillis(), windowEnds);
                return Optional.empty();
            }
            if (lookupWindowMs > 0 && !recovered.contains(order.clientOrderId())) {
                unknown.remove(order.clientOrderId());
                release(order);
                givenUp.put(order.clientOrderId(), order);
                return Optional.of(new Resolution.GaveUp(order, Duration.between(order.createdAt(), now)));
            }
            return Optional.of(finish(order.finishedWithout(OrderStatus.CANCELLED, "never reached the exchange",
                    now)));
        }
        if (result instanceof GatewayResult.Unknown u) {
            consecutiveUnknown++;
            long delay = nextDelay(u.order(), MAX_LOOKUP_DELAY_MS);
            unknown.put(u.order().clientOrderId(), new Lookup(u.order(), now.plusMillis(delay), delay));
            LOG.warn("order {} ({} {}) outcome unknown: {}; asking the exchange again in {} ms",
                    u.order().clientOrderId(), u.order().side(), u.order().symbol(), u.error(), delay);
        }
        return Optional.empty();
    }

    /**
     * An answer without a fill about an order this manager no longer waits for (finished, or given up) is late news:
     * it must not turn a recorded fill into a cancellation. A late fill still goes on: recording a fill is idempotent,
     * and an order given up on may really have executed.
     */
    private boolean lateWithoutFill(GatewayResult result) {
        Order order;
        if (result instanceof GatewayResult.Executed e && e.report().filledQuantity().signum() > 0) {
            return false;
        } else if (result instanceof GatewayResult.Executed e) {
            order = e.order();
        } else if (result instanceof GatewayResult.NotFound nf) {
            order = nf.order();
        } else {
            return false;
        }
        Order current = inFlight.get(order.symbol());
        boolean waited = unknown.containsKey(order.clientOrderId()) || resting.containsKey(order.clientOrderId())
                || current != null && current.clientOrderId().equals(order.clientOrderId());
        if (!waited) {
            LOG.info("order {} ({} {}): a late answer without a fill is ignored; the order was already settled",
                    order.clientOrderId(), order.side(), order.symbol());
        }
        return !waited;
    }

    /** The exchange shows the order resting: the first time, its symbol is free again and its polling starts. */
    private Optional<Resolution> rests(Order open, Instant now) {
        String id = open.clientOrderId();
        if (cancelling.contains(id)) {
            // A question asked before the cancel; the cancel's answer settles it.
            return Optional.empty();
        }
        Order before = resting.put(id, open);
        polls.put(id, new Lookup(open, now.plusMillis(pollIntervalMs), pollIntervalMs));
        answeredAt.put(id, now);
        boolean placed = before == null;
        if (placed) {
            unknown.remove(id);
            givenUp.remove(id);
            release(open);
        } else {
            recovered.remove(id);
        }
        if (placed || before.status() != open.status()
                || before.filledQuantity().compareTo(open.filledQuantity()) != 0) {
            return Optional.of(new Resolution.Resting(open, placed));
        }
        return Optional.empty();
    }

    private Optional<Resolution> cancelNotConfirmed(GatewayResult.CancelUnconfirmed cu, Instant now) {
        String id = cu.order().clientOrderId();
        if (!cancelling.contains(id)) {
            return Optional.empty();
        }
        consecutiveUnknown++;
        Lookup previous = cancels.get(id);
        long delay = previous == null ? FIRST_LOOKUP_DELAY_MS : Math.min(previous.delayMs() * 2,
                MAX_LOOKUP_DELAY_MS);
        cancels.put(id, new Lookup(cu.order(), now.plusMillis(delay), delay));
        LOG.warn("the cancel of order {} ({} {}) is not confirmed: {}; sending it again in {} ms", id,
                cu.order().side(), cu.order().symbol(), cu.error(), delay);
        return Optional.empty();
    }

    /**
     * Cancels a resting order; its symbol places nothing else until the exchange confirms. The exchange's answer comes
     * back through {@link #onResult} as the order's final state.
     *
     * @return whether the cancel is on its way (or already was); false when another order of the symbol waits for
     *         the exchange, the order does not rest, or the queue is full
     */
    public boolean cancel(Order open) {
        String id = open.clientOrderId();
        if (cancelling.contains(id)) {
            return true;
        }
        Order current = resting.get(id);
        if (current == null || inFlight.containsKey(current.symbol()) || !gateway.cancel(current)) {
            return false;
        }
        cancelling.add(id);
        inFlight.put(current.symbol(), current);
        LOG.debug("cancelling order {} ({} {} {})", id, current.side(), current.symbol(), current.purpose().label());
        return true;
    }

    /**
     * Asks about the resting orders of {@code symbol} at the next {@link #lookUpDue}, such as a stop just reached; an
     * order is asked about at most once per {@value #MIN_POLL_GAP_MS} ms however often this is called.
     */
    public void pollNow(Symbol symbol) {
        Instant now = clock.instant();
        for (Lookup l : List.copyOf(polls.values())) {
            if (!l.order().symbol().equals(symbol) || l.at().equals(Instant.MAX) || !l.at().isAfter(now)) {
                continue;
            }
            Instant soonest = answeredAt.getOrDefault(l.order().clientOrderId(), Instant.MIN)
                    .plusMillis(MIN_POLL_GAP_MS);
            Instant at = soonest.isAfter(now) ? soonest : now;
            if (at.isBefore(l.at())) {
                polls.put(l.order().clientOrderId(), new Lookup(l.order(), at, l.delayMs()));
            }
        }
    }

    private long nextDelay(Order order, long max) {
        Lookup previous = unknown.get(order.clientOrderId());
        return previous == null ? FIRST_LOOKUP_DELAY_MS : Math.min(previous.delayMs() * 2, max);
    }

    private Optional<Resolution> feesLookedUp(Order order, GatewayResult.Executed found, Instant now) {
        Lookup previous = feeLookups.get(order.clientOrderId());
        if (found != null) {
            feeLookups.remove(order.clientOrderId());
            return Optional.of(new Resolution.FeesFound(previous.order(), found.report().fees()));
        }
        long delay = Math.min(previous.delayMs() * 2, MAX_FEE_LOOKUP_DELAY_MS);
        feeLookups.put(order.clientOrderId(), new Lookup(previous.order(), now.plusMillis(delay), delay));
        LOG.info("the fees of order {} are still not known; asking again in {} s", order.clientOrderId(),
                delay / 1000);
        return Optional.empty();
    }

    /** Looks the fees of an order that executed up until they are known: its fill was applied without them. */
    public void lookUpFees(Order applied) {
        feeLookups.put(applied.clientOrderId(), new Lookup(applied, clock.instant().plusMillis(
                FIRST_FEE_LOOKUP_DELAY_MS), FIRST_FEE_LOOKUP_DELAY_MS));
    }

    /** Queues the lookups that are due. */
    public void lookUpDue() {
        Instant now = clock.instant();
        lookUpDue(unknown, now);
        lookUpDue(feeLookups, now);
        if (!polls.isEmpty()) {
            for (Lookup l : List.copyOf(polls.values())) {
                if (!cancelling.contains(l.order().clientOrderId()) && !l.at().isAfter(now)
                        && gateway.lookup(l.order())) {
                    polls.put(l.order().clientOrderId(), new Lookup(l.order(), Instant.MAX, l.delayMs()));
                }
            }
        }
        if (!cancels.isEmpty()) {
            for (Lookup l : List.copyOf(cancels.values())) {
                if (!l.at().isAfter(now) && gateway.cancel(l.order())) {
                    cancels.put(l.order().clientOrderId(), new Lookup(l.order(), Instant.MAX, l.delayMs()));
                }
            }
        }
    }

    private void lookUpDue(Map<String, Lookup> lookups, Instant now) {
        if (lookups.isEmpty()) {
            return; // nearly always: the copy below would be an array a step
        }
        for (Lookup l : List.copyOf(lookups.values())) {
            if (!l.at().isAfter(now) && gateway.lookup(l.order())) {
                // Not asked again until this lookup answers (or fails and reschedules).
                lookups.put(l.order().clientOrderId(), new Lookup(l.order(), Instant.MAX, l.delayMs()));
            }
        }
    }

    private Resolution finish(Order done) {
        unknown.remove(done.clientOrderId());
        givenUp.remove(done.clientOrderId());
        resting.remove(done.clientOrderId());
        polls.remove(done.clientOrderId());
        answeredAt.remove(done.clientOrderId());
        cancels.remove(done.clientOrderId());
        cancelling.remove(done.clientOrderId());
        boolean wasRecovered = recovered.contains(done.clientOrderId());
        release(done);
        return new Resolution.Done(done, wasRecovered);
    }

    private void release(Order order) {
        recovered.remove(order.clientOrderId());
        Order current = inFlight.get(order.symbol());
        if (current != null && current.clientOrderId().equals(order.clientOrderId())) {
            inFlight.remove(order.symbol());
        }
    }

    /**
     * Persists an order's final state without a fill, with the alerts it raised.
     *
     * @return whether it was recorded; when not (logged), the order stays {@code NEW} in the store and is looked up
     *         again at the next start
     */
    public boolean persist(Order order, List<OutboxAlert> alerts) {
        try {
            store.updateOrder(order, alerts);
            return true;
        } catch (SQLException e) {
            LOG.error("could not record {} as {}; it is looked up again at the next start", order.clientOrderId(),
                    order.status().label(), e);
            return false;
        }
    }

    /** Asks for fresh balances, such as after the exchange said the account holds less than the bot thought. */
    public void refreshBalances() {
        gateway.refreshBalances();
    }

    /** @return the order waiting for the exchange for {@code symbol}, if any. */
    public Optional<Order> inFlight(Symbol symbol) {
        return Optional.ofNullable(inFlight.get(symbol));
    }

    /** @return every order waiting for the exchange, its outcome unknown ones included. */
    public Collection<Order> inFlight() {
        return Collections.unmodifiableCollection(inFlight.values());
    }

    /**
     * @return the next slice of a resting order: what it executed beyond its slices so far, to be booked now; empty
     *         when nothing more executed, or its fees are not known yet (it waits for them, or for the order's end)
     */
    public Optional<Order> nextSlice(Order open) {
        Booked b = booked.getOrDefault(open.clientOrderId(), Booked.NONE);
        if (!open.feesKnown() || open.filledQuantity().compareTo(b.quantity()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(open.slice(b.slices() + 1, open.filledQuantity().subtract(b.quantity()),
                open.quoteFilled().subtract(b.quote()), Fee.minus(open.fees(), b.fees()), open.updatedAt()));
    }

    /** A slice of a resting order is recorded: the next one starts from it. */
    public void sliceBooked(Order slice) {
        String parent = Order.parentId(slice.clientOrderId());
        booked.merge(parent, Booked.NONE.plus(slice), (was, one) -> was.plus(slice));
    }

    /**
     * @return {@code done}, an order that reached its final state, less what its slices booked: what its own row
     *         records and applies
     */
    public Order lessBooked(Order done) {
        Booked b = booked.remove(done.clientOrderId());
        return b == null ? done : done.lessBooked(b.quantity(), b.quote(), b.fees());
    }

    /** @return the orders resting on {@code symbol}'s market, as last seen */
    public List<Order> resting(Symbol symbol) {
        return resting.values().stream().filter(o -> o.symbol().equals(symbol)).toList();
    }

    /** @return every order resting on the exchange, as last seen, oldest first */
    public Collection<Order> resting() {
        return Collections.unmodifiableCollection(resting.values());
    }

    /** @return whether the cancel of this resting order is on its way */
    public boolean cancelling(Order order) {
        return cancelling.contains(order.clientOrderId());
    }

    /** @return executed orders whose fees are still being looked up. */
    public int feesPending() {
        return feeLookups.size();
    }

    /** @return whether the outcome of {@code order}, waiting for the exchange, is unknown and being looked up */
    public boolean outcomeUnknown(Order order) {
        return unknown.containsKey(order.clientOrderId());
    }

    /** @return executed orders whose fees are still being looked up, in the order they were found unknown */
    public List<Order> feesUnknown() {
        return feeLookups.values().stream().map(Lookup::order).toList();
    }

    /**
     * @return orders whose outcome was still unknown at the end of the lookup window: no longer waited for in this
     *         run, looked up again at the next start; one that is found meanwhile leaves the list
     */
    public List<Order> givenUp() {
        return List.copyOf(givenUp.values());
    }

    /** @return exchange calls in a row whose outcome was unknown; reset by any answer. */
    public int consecutiveUnknown() {
        return consecutiveUnknown;
    }
}
