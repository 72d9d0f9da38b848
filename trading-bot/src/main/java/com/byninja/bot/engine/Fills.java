package com.byninja.bot.engine;

import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.FillOutcome;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.Resolution;
import com.byninja.runtime.Backoff;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The bookkeeping of order results: a fill is recorded (order, position, trade and its alerts in one transaction,
 * each order at most once) before the book changes. If the write fails, the symbol is paused (no order, no stop), the
 * owner is told once, and the write is tried again, {@value #FIRST_STORE_RETRY_MS} ms doubling to
 * {@value #MAX_STORE_RETRY_MS} ms, until it succeeds. Orders that ended without a fill, orders the exchange never
 * answered for, and fees found after the fill are settled here too. Owned by the trading thread.
 */
final class Fills {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);
    private static final int UNKNOWN_ORDERS_ALERT_AFTER = 3;
    static final long FIRST_STORE_RETRY_MS = 1_000;
    static final long MAX_STORE_RETRY_MS = 30_000;

    /** A fill the store could not record yet, tried again until it is. */
    private static final class Unrecorded {
        final Order order;
        final boolean recovered;
        /** Whether it is a slice of a resting order ({@link Order#slice}), inserted as it is recorded. */
        final boolean slice;
        final Backoff backoff = Backoff.of(FIRST_STORE_RETRY_MS, MAX_STORE_RETRY_MS);
        Instant nextTry;

        Unrecorded(Order order, boolean recovered, boolean slice, Instant now) {
            this.order = order;
            this.recovered = recovered;
            this.slice = slice;
            this.nextTry = now.plusMillis(backoff.next());
        }
    }

    private final TradingContext ctx;
    private final ExitRetries exits;
    private final EntryLocks locks;
    private final Panic panic;
    private final ExchangeStops stops;
    private final Map<Symbol, Unrecorded> unrecorded = new LinkedHashMap<>();
    /** Per symbol, news of its orders that came while a fill of it waited for the store: handled after, in order. */
    private final Map<Symbol, List<Resolution>> deferred = new HashMap<>();
    /**
     * Per symbol, base quantity a sell took off the position to match the account before the fee that explains it
     * was known; a fee found later is not taken off twice. Kept in memory: after a restart such a fee is taken off
     * again, leaving the position a little below the account, which the next sell leaves behind as dust.
     */
    private final Map<Symbol, BigDecimal> matchedAway = new HashMap<>();
    private boolean unknownOrdersAlerted;

    /**
     * @param panic told of each sell's end, which a running {@code /panic} may wait for
     * @param stops told of each stop-loss on the exchange that rests or ends
     */
    Fills(TradingContext ctx, ExitRetries exits, EntryLocks locks, Panic panic, ExchangeStops stops) {
        this.ctx = ctx;
        this.exits = exits;
        this.locks = locks;
        this.panic = panic;
        this.stops = stops;
    }

    /** Applies a result from the order executor. */
    void onResult(GatewayResult result) {
        if (result instanceof GatewayResult.Balances b) {
            ctx.balances.replace(b.free());
            return;
        }
        Optional<Resolution> resolved = ctx.orders.onResult(result);
        if (resolved.isEmpty()) {
            if (ctx.orders.consecutiveUnknown() >= UNKNOWN_ORDERS_ALERT_AFTER && !unknownOrdersAlerted) {
                unknownOrdersAlerted = true;
                ctx.alerts.ordersUnanswered(ctx.orders.consecutiveUnknown());
            }
            return;
        }
        Symbol s = symbolOf(resolved.get());
        if (isPaused(s) || deferred.containsKey(s)) {
            // Booked in the order it came: after the fill that waits for the store.
            deferred.computeIfAbsent(s, k -> new ArrayList<>()).add(resolved.get());
            LOG.info("{}: news of an order waits until the fill before it is recorded", s);
            return;
        }
        handle(resolved.get());
    }

    private static Symbol symbolOf(Resolution r) {
        if (r instanceof Resolution.Resting x) {
            return x.order().symbol();
        } else if (r instanceof Resolution.Done x) {
            return x.order().symbol();
        } else if (r instanceof Resolution.GaveUp x) {
            return x.order().symbol();
        }
        return ((Resolution.FeesFound) r).order().symbol();
    }

    private void handle(Resolution resolution) {
        Optional<Resolution> resolved = Optional.of(resolution);
        if (resolved.get() instanceof Resolution.Resting r) {
            if (unknownOrdersAlerted) {
                unknownOrdersAlerted = false;
                ctx.alerts.ordersAnswered();
            }
            ctx.orders.persist(r.order(), List.of());
            // What executed of it so far is booked now, not when it ends.
            ctx.orders.nextSlice(r.order()).ifPresent(slice -> applyFill(slice, false, true));
            if (r.order().purpose() == Purpose.STOP_ON_EXCHANGE) {
                stops.onResting(r.order(), r.placed());
            } else if (r.placed()) {
                Order o = r.order();
                LOG.info("{} limit {} {} rests on {} at {}{}", o.symbol(), o.side().name().toLowerCase(java.util.Locale.ROOT),
                        o.clientOrderId(), ctx.exchangeName, Money.exact(o.limitPrice()), o.hasFill() ? ", "
                        + Money.exact(o.filledQuantity()) + " filled at once" : "");
            }
        } else if (resolved.get() instanceof Resolution.Done done) {
            if (unknownOrdersAlerted) {
                unknownOrdersAlerted = false;
                ctx.alerts.ordersAnswered();
            }
            // A resting order booked in slices applies, with its own row, only what they did not book.
            Order own = ctx.orders.lessBooked(done.order());
            if (own.hasFill()) {
                applyFill(own, done.recovered(), false);
            } else if (own != done.order() && done.order().hasFill()) {
                bookedWhole(own);
            } else {
                finishedWithoutFill(own, done.recovered());
            }
            if (done.order().rests()) {
                stops.onDone(done.order());
            }
        } else if (resolved.get() instanceof Resolution.GaveUp gaveUp) {
            LOG.warn(Alerts.ALERTED, "order {} never appeared on {} within {}; leaving it to the next start's "
                    + "reconciliation", gaveUp.order().clientOrderId(), ctx.exchangeName, gaveUp.waited());
            ctx.alerts.gaveUp(gaveUp.order(), gaveUp.waited(), ctx.exchangeName);
            if (ExitRetries.isProtective(gaveUp.order().purpose())) {
                exits.notPlaced(gaveUp.order().symbol());
            }
            panic.failed(gaveUp.order(), "no answer from " + ctx.exchangeName + ", which has not shown the sell in "
                    + Durations.words(gaveUp.waited().toMillis()) + "; it is looked up again at the next start");
        } else if (resolved.get() instanceof Resolution.FeesFound found) {
            feesFound(found.order(), found.fees());
        }
    }

    private void finishedWithoutFill(Order order, boolean recovered) {
        Symbol s = order.symbol();
        if (order.purpose() == Purpose.STOP_ON_EXCHANGE || order.rests() && order.status() == OrderStatus.CANCELLED) {
            // The stops and limit orders say what follows: a stop's refusal is retried and alerted there, a cancel
            // lets the sell that waited for it go, a limit order's timeout may send the rest at market.
            ctx.orders.persist(order, List.of());
            LOG.info("{} order {} ({}) {}: {}", order.purpose().label(), order.clientOrderId(), s,
                    order.status().label(), order.reason());
            return;
        }
        List<OutboxAlert> raised = new ArrayList<>();
        boolean protective = ExitRetries.isProtective(order.purpose());
        boolean forced = order.purpose() == Purpose.FORCE_BUY || order.purpose() == Purpose.FORCE_SELL;
        boolean announceRefusal = false;
        if (order.status() == OrderStatus.CANCELLED) {
            if (recovered || forced) {
                raised.add(ctx.alerts.notPlaced(order, recovered));
            }
            if (protective) {
                exits.notPlaced(s);
            }
        } else if (order.status() == OrderStatus.REJECTED) {
            if (order.refusal() == Refusal.INSUFFICIENT_BALANCE) {
                ctx.orders.refreshBalances();
            }
            if (protective) {
                announceRefusal = exits.refused(s, order.refusal(), ctx.clock.instant());
            } else {
                raised.add(ctx.alerts.orderRejected(order, recovered));
            }
        }
        if (ctx.orders.persist(order, raised)) {
            ctx.alerts.sink().deliver(raised);
        }
        // Said in the chat already when it raised an alert; a refusal retried in silence is relayed as a log line.
        Marker alerted = raised.isEmpty() && !announceRefusal ? null : Alerts.ALERTED;
        LOG.warn(alerted, "order {} ({} {} {}) {}: {}", order.clientOrderId(), order.side(), s,
                order.purpose().label(), order.status().label(), order.reason());
        if (announceRefusal) {
            ctx.alerts.exitRefused(order, exits.waitMs(s, ctx.clock.instant()), ExitRetries.MAX_DELAY_MS);
        }
        panic.failed(order, order.status() == OrderStatus.REJECTED
                ? ctx.exchangeName + " rejected the sell: " + order.reason()
                : "the sell never reached " + ctx.exchangeName);
    }

    /** A resting order ended with everything it executed booked by its slices: its row records its end. */
    private void bookedWhole(Order own) {
        ctx.orders.persist(own, List.of());
        LOG.info("{} order {} ({}) {}: every fill booked as it came", own.purpose().label(), own.clientOrderId(),
                own.symbol(), own.status().label());
        if (own.side() == Side.SELL) {
            panic.filled(own, null, ctx.positions.get(own.symbol()).isEmpty());
        }
    }

    /** @param slice whether {@code order} is a slice of a resting order, inserted as it is recorded */
    private void applyFill(Order order, boolean recovered, boolean slice) {
        Symbol s = order.symbol();
        if (order.side() == Side.SELL && ctx.positions.get(s).isEmpty()) {
            if (record(order, new FillOutcome(s, null, null, null, BigDecimal.ZERO),
                    List.of(ctx.alerts.soldWithoutPosition(order, recovered)), recovered, slice)) {
                panic.filled(order, null, false);
            }
            return;
        }
        FillOutcome outcome = ctx.positions.outcomeOf(order);
        List<OutboxAlert> raised = new ArrayList<>();
        ClosedTrade trade = outcome.closedTrade();
        boolean countsToday = false;
        boolean announceLimit = false;
        if (order.side() == Side.BUY) {
            raised.add(ctx.alerts.bought(order, outcome.after(), outcome.opened(), recovered));
        } else {
            raised.add(ctx.alerts.sold(order, trade, outcome.closed(), recovered));
            ctx.day.rollOver();
            // A sell found after midnight that filled before it belongs to the day it closed.
            countsToday = !trade.closedAt().isBefore(ctx.day.start());
            BigDecimal today = countsToday ? ctx.day.realised().add(trade.realisedPnl()) : ctx.day.realised();
            announceLimit = countsToday && ctx.risk.dailyLossLimitReached(today) && !ctx.day.limitAnnounced();
            if (announceLimit) {
                raised.add(ctx.alerts.dailyLossLimit(today, ctx.risk.dailyLossLimit()));
            }
        }
        if (!record(order, outcome, raised, recovered, slice)) {
            return;
        }
        if (slice) {
            ctx.orders.sliceBooked(order);
        }
        ctx.positions.apply(outcome);
        if (outcome.after() == null) {
            // The store forgot the owner's stop with the position, in the fill's transaction.
            ctx.ownerStops.forget(s);
        }
        ctx.balances.applyFill(order);
        if (countsToday) {
            ctx.day.add(trade.realisedPnl());
        }
        if (announceLimit) {
            ctx.day.announceLimit();
        }
        if (order.side() == Side.SELL && outcome.closed()) {
            matchedAway.remove(s);
            int refusals = exits.end(s);
            if (refusals > 0 && ExitRetries.isProtective(order.purpose())) {
                ctx.alerts.exitRecovered(order, refusals);
            }
        }
        if (trade != null) {
            locks.onTradeClosed(trade, outcome.closed());
            panic.filled(order, trade, outcome.closed());
        }
        if (!order.feesKnown()) {
            LOG.warn("the fees of order {} are not known yet; they are looked up until they are",
                    order.clientOrderId());
            ctx.orders.lookUpFees(order);
        }
    }

    /**
     * Records a fill with its alerts, once. A failed write pauses the symbol and is tried again.
     *
     * @return whether this call applied it, so the book may follow
     */
    private boolean record(Order order, FillOutcome outcome, List<OutboxAlert> raised, boolean recovered,
                           boolean slice) {
        Symbol s = order.symbol();
        boolean applied;
        try {
            applied = slice ? ctx.journals.orders().recordSlice(order, outcome, raised)
                    : ctx.journals.orders().recordFill(order, outcome, raised);
        } catch (SQLException e) {
            Unrecorded u = unrecorded.get(s);
            if (u == null) {
                unrecorded.put(s, new Unrecorded(order, recovered, slice, ctx.clock.instant()));
                LOG.error(Alerts.ALERTED, "could not record the fill of {}; {} is paused until it is recorded",
                        order.clientOrderId(), s, e);
                ctx.alerts.fillNotRecorded(order, String.valueOf(e.getMessage()));
            } else {
                u.nextTry = ctx.clock.instant().plusMillis(u.backoff.next());
                LOG.debug("recording the fill of {} failed again ({} attempts)", order.clientOrderId(),
                        u.backoff.failures());
            }
            return false;
        }
        Unrecorded was = unrecorded.remove(s);
        if (was != null) {
            LOG.info("the fill of {} is recorded after {} attempts; {} trades again", order.clientOrderId(),
                    was.backoff.failures() + 1, s);
            ctx.alerts.fillRecordedLate(order, was.backoff.failures() + 1);
        }
        if (!applied) {
            LOG.warn("order {} had already been applied; not applying it twice", order.clientOrderId());
            return false;
        }
        ctx.alerts.sink().deliver(raised);
        return true;
    }

    /** Tries again the fills whose write is due. */
    void retryUnrecorded() {
        if (unrecorded.isEmpty()) {
            return; // nearly always: the copy below would be an array a step
        }
        Instant now = ctx.clock.instant();
        for (Unrecorded u : List.copyOf(unrecorded.values())) {
            if (!now.isBefore(u.nextTry)) {
                applyFill(u.order, u.recovered, u.slice);
                handleDeferred(u.order.symbol());
            }
        }
    }

    /** Handles the news that waited for {@code s}'s fill, in order, until one waits for the store again. */
    private void handleDeferred(Symbol s) {
        List<Resolution> waiting = isPaused(s) ? null : deferred.remove(s);
        if (waiting == null) {
            return;
        }
        for (int i = 0; i < waiting.size(); i++) {
            if (isPaused(s)) {
                deferred.put(s, new ArrayList<>(waiting.subList(i, waiting.size())));
                return;
            }
            handle(waiting.get(i));
        }
    }

    /** The fees of an order applied without them are known now: the position follows (a fee in the coin). */
    private void feesFound(Order order, List<Fee> fees) {
        Symbol s = order.symbol();
        Order withFees = order.withFees(fees);
        BigDecimal baseFee = withFees.fee(s.base());
        BigDecimal quoteFee = withFees.fee(s.quote());
        Position after = null;
        Optional<Position> p = ctx.positions.get(s);
        if (order.side() == Side.BUY && p.isPresent() && !order.updatedAt().isBefore(p.get().openedAt())) {
            // A sell may already have matched the position to the account, taking these coins off: not twice.
            BigDecimal already = baseFee.min(matchedAway.getOrDefault(s, BigDecimal.ZERO));
            BigDecimal lost = baseFee.subtract(already);
            if (lost.compareTo(p.get().quantity()) < 0) {
                Position net = p.get().withCoinsTakenAsFee(lost, lost.multiply(order.averagePrice()));
                after = new Position(s, net.quantity(), net.entryCost(), net.entryFees().add(quoteFee),
                        net.openedAt(), net.highestPrice());
            }
            if (already.signum() > 0) {
                matchedAway.merge(s, already.negate(), BigDecimal::add);
            }
        }
        BigDecimal sellFee = order.side() == Side.SELL ? quoteFee.add(baseFee.multiply(order.averagePrice()))
                : BigDecimal.ZERO;
        try {
            ctx.journals.orders().recordFees(withFees, after, sellFee);
        } catch (SQLException e) {
            LOG.error("could not record the fees of {}; they are looked up again", order.clientOrderId(), e);
            ctx.orders.lookUpFees(order);
            return;
        }
        if (after != null) {
            ctx.positions.replace(after);
        }
        LOG.info("fees of order {} found: {}{}", order.clientOrderId(), Fee.format(fees), after == null ? ""
                : "; " + s + " position now " + Money.exact(after.quantity()));
    }

    /** A sell matched the position to the account, taking {@code gap} off before the fee explaining it is known. */
    void matchedAway(Symbol s, BigDecimal gap) {
        matchedAway.merge(s, gap, BigDecimal::add);
    }

    /** @return why {@code s} may not trade: a fill of it waits to be recorded. */
    Optional<Rejection> pausedBy(Symbol s) {
        Unrecorded u = unrecorded.get(s);
        return u == null ? Optional.empty() : Optional.of(Rejection.of(RejectReason.STORE_ERROR, "the fill of order "
                + u.order.clientOrderId() + " could not be recorded yet; " + s + " waits until it is"));
    }

    /** @return whether the fill waiting for the store on {@code s} is an entry. */
    boolean unrecordedEntry(Symbol s) {
        Unrecorded u = unrecorded.get(s);
        return u != null && u.order.side() == Side.BUY;
    }

    /** @return the quote amount of the entries whose fill waits for the store, fees excluded. */
    BigDecimal unrecordedEntries() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Unrecorded u : unrecorded.values()) {
            if (u.order.side() == Side.BUY) {
                sum = sum.add(u.order.quoteFilled());
            }
        }
        return sum;
    }

    /** @return whether a fill of {@code s} waits for the store. */
    boolean isPaused(Symbol s) {
        return unrecorded.containsKey(s);
    }

    /** @return symbols whose fill waits for the store. */
    Set<Symbol> paused() {
        return Set.copyOf(unrecorded.keySet());
    }
}
