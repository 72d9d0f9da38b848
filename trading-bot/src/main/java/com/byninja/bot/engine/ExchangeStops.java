package com.byninja.bot.engine;

import com.byninja.bot.config.BotConfig.OrderSettings;
import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.risk.RiskManager;
import com.byninja.runtime.Backoff;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stop-loss of each position as an order resting on the exchange ({@code risk.stopLossOnExchange}), so that the
 * position stays protected while the bot is down, restarting or cut off. Owned by the trading thread.
 *
 * <p>Rules a trader relies on:
 * <ul>
 *   <li>Once an entry fills, the next check places a stop-loss limit sell of the position at its stop level (the
 *       higher of the stop-loss, the trailing stop, the strategy's and the owner's stop), the stop price rounded up to
 *       the tick (it triggers no later than the level), the limit {@code orders.stopLimitOffsetPct} below it rounded
 *       down. Its client order id is recorded before it is sent, as for every order.</li>
 *   <li>At most one stop rests per position, and no coin is covered by two sells: a stop is moved (a rising level,
 *       a changed quantity) by a cancel the exchange confirms, then a new order; any other sell of the position
 *       (strategy exit, take-profit, minimal ROI, {@code /forcesell}, {@code /panic}) waits for the stop's cancel to
 *       be confirmed, and is sent only if the stop did not fill first.</li>
 *   <li>A level moves the stop only when it has risen more than {@code orders.stopMoveStepPct} above the resting stop
 *       price, at most once per {@code orders.stopMoveIntervalMs}.</li>
 *   <li>While its stop rests on the exchange, the bot's own stop-loss and trailing stop leave a price between the
 *       stop's stop price and its limit price to the exchange, and ask at once what became of the stop; below the
 *       limit (a fall the stop may not catch) the bot cancels the stop and sells at market itself.</li>
 *   <li>A stop that could not be placed leaves the bot protecting the position itself; it is tried again after
 *       {@value #FIRST_RETRY_MS} ms, doubling up to {@value #MAX_RETRY_MS} ms, and alerted once per episode. A stop
 *       cancelled on the exchange by someone else is alerted and placed again.</li>
 * </ul>
 */
final class ExchangeStops {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);
    static final long FIRST_RETRY_MS = 5_000;
    static final long MAX_RETRY_MS = 300_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One symbol's stop on the exchange, beyond what the order manager knows of the order itself. */
    private static final class Guard {
        /** Whether the bot asked for the resting stop's cancel, and waits for the exchange's answer. */
        boolean cancelling;
        /** The client order id of the resting sell whose cancel the bot asked for. */
        String cancellingId;
        /** The sell that waits for the stop's cancel, or null. */
        Purpose exitAfterCancel;
        /** Whether that sell goes at market whatever {@code orders.*} says ({@code /panic}). */
        boolean exitAtMarket;
        /** Whether the stop is cancelled to be placed again, at a new level or for a new quantity. */
        boolean replaceAfterCancel;
        /** Whether a sell waits for the stop on its way to the exchange: cancelled as soon as it rests. */
        boolean cancelWhenResting;
        Instant placedAt = Instant.MIN;
        final Backoff backoff = Backoff.of(FIRST_RETRY_MS, MAX_RETRY_MS);
        Instant retryAt = Instant.MIN;
        int failures;
        boolean alerted;
    }

    private final TradingContext ctx;
    private final Panic panic;
    private final LimitOrders limits;
    private final Map<Symbol, Guard> guards = new HashMap<>();
    private Fills fills;
    private OrderDesk desk;

    /** @param limits told of the limit orders that end, other than those cancelled here for a sell */
    ExchangeStops(TradingContext ctx, Panic panic, LimitOrders limits) {
        this.ctx = ctx;
        this.panic = panic;
        this.limits = limits;
    }

    /**
     * @param bookkeeping which symbols wait for the store
     * @param orderDesk   where the sells that waited for a stop's cancel go
     */
    void wire(Fills bookkeeping, OrderDesk orderDesk) {
        this.fills = bookkeeping;
        this.desk = orderDesk;
    }

    /** @return whether positions in {@code s} are protected by a stop on the exchange */
    boolean enabled(Symbol s) {
        return ctx.config.riskFor(s).stopLossOnExchange() && ctx.config.risk().protectiveExits();
    }

    /** @return whether {@code p} should have a stop on the exchange: they are on, and it has a stop level */
    boolean wanted(Position p) {
        return enabled(p.symbol()) && level(p).isPresent();
    }

    /** @return the stop resting on the exchange for {@code s}, as last seen */
    Optional<Order> resting(Symbol s) {
        List<Order> open = ctx.orders.resting(s);
        for (Order o : open) {
            if (o.purpose() == Purpose.STOP_ON_EXCHANGE) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** @return a sell resting on the exchange for {@code s}: its stop-loss, or a limit exit */
    private Optional<Order> restingSell(Symbol s) {
        for (Order o : ctx.orders.resting(s)) {
            if (o.side() == com.byninja.bot.domain.OrderRequest.Side.SELL) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * Places the stops positions lack, moves those whose level or quantity changed, asks about a stop the price has
     * reached, and cancels stops left without a position (or turned off by a reload).
     */
    void sync() {
        Instant now = ctx.clock.instant();
        for (Position p : List.copyOf(ctx.positions.all().values())) {
            Symbol s = p.symbol();
            Optional<Order> stop = resting(s);
            if (fills.isPaused(s) || ctx.orders.inFlight(s).isPresent()) {
                continue;
            }
            Guard g = guards.computeIfAbsent(s, x -> new Guard());
            if (g.cancelling) {
                continue;
            }
            Optional<BigDecimal> level = enabled(s) ? level(p) : Optional.empty();
            if (stop.isEmpty()) {
                // A limit exit resting covers the coins: the stop waits until it ends.
                if (level.isPresent() && !now.isBefore(g.retryAt) && restingSell(s).isEmpty()) {
                    place(p, level.get(), g);
                }
                continue;
            }
            Order resting = stop.get();
            Optional<Ticker> last = ctx.freshPrice(s);
            if (last.isPresent() && last.get().price().compareTo(resting.stopPrice()) <= 0) {
                ctx.orders.pollNow(s);
            }
            if (level.isEmpty()) {
                LOG.info("{}: no stop level any more (risk.stopLossOnExchange or the stop-loss turned off); "
                        + "cancelling the stop on {}", s, ctx.exchangeName);
                cancel(resting, g, false);
            } else if (resting.quantity().subtract(resting.filledQuantity()).compareTo(p.quantity()) != 0) {
                LOG.info("{}: the position is {} now, its stop on {} sells {}; moving it", s,
                        Money.exact(p.quantity()), ctx.exchangeName, Money.exact(resting.quantity()));
                cancel(resting, g, true);
            } else if (risenEnough(resting, level.get()) && !now.isBefore(g.placedAt.plusMillis(
                    settings().stopMoveIntervalMs()))) {
                LOG.info("{}: the stop level rose to {}; moving the stop on {} up from {}", s,
                        Money.exact(level.get()), ctx.exchangeName, Money.exact(resting.stopPrice()));
                cancel(resting, g, true);
            }
        }
        for (Order o : List.copyOf(ctx.orders.resting())) {
            Symbol s = o.symbol();
            if (o.purpose() == Purpose.STOP_ON_EXCHANGE && ctx.positions.get(s).isEmpty()
                    && ctx.orders.inFlight(s).isEmpty() && !fills.isPaused(s)) {
                LOG.warn("{}: stop {} rests on {} without a position to protect; cancelling it", s,
                        o.clientOrderId(), ctx.exchangeName);
                cancel(o, guards.computeIfAbsent(s, x -> new Guard()), false);
            }
        }
    }

    /**
     * Before a sell of the position in {@code s}: a sell resting on the exchange (the stop-loss, a limit exit) covers
     * the same coins, so it is cancelled first and the sell waits for the exchange's confirmation. A limit exit already
     * resting is left alone for another exit of its kind (strategy exit, take-profit, minimal ROI): the position is
     * being sold.
     *
     * @param atMarket whether the sell goes at market whatever {@code orders.*} says
     * @return empty when no sell rests and the sell may go at once; else the cancel on its way, or why the sell is not
     *         sent
     */
    Optional<Submission> beforeSell(Symbol s, Purpose purpose, boolean atMarket) {
        Optional<Order> resting = restingSell(s);
        Guard g = guards.computeIfAbsent(s, x -> new Guard());
        Optional<Order> placing = ctx.orders.inFlight(s).filter(o -> o.purpose() == Purpose.STOP_ON_EXCHANGE
                && o.status() == OrderStatus.NEW);
        if (resting.isEmpty() && placing.isPresent()) {
            // The stop is on its way: it is cancelled as soon as it rests, then the sell goes (at once if refused).
            g.cancelWhenResting = true;
            if (g.exitAfterCancel == null) {
                g.exitAfterCancel = purpose;
            }
            g.exitAtMarket |= atMarket;
            return Optional.of(new Submission.Cancelling(placing.get(), g.exitAfterCancel));
        }
        if (resting.isEmpty()) {
            return Optional.empty();
        }
        Order o = resting.get();
        if (o.purpose() != Purpose.STOP_ON_EXCHANGE && !g.cancelling && !overrides(purpose)) {
            return Optional.of(new Submission.Refused(Rejection.of(RejectReason.ORDER_IN_FLIGHT, "a limit sell of "
                    + s + " rests on " + ctx.exchangeName + " already (order " + o.clientOrderId() + ")")));
        }
        if (!g.cancelling && !cancel(o, g, false)) {
            return Optional.of(new Submission.Refused(Rejection.of(RejectReason.ORDER_IN_FLIGHT, "the "
                    + (o.purpose() == Purpose.STOP_ON_EXCHANGE ? "stop-loss" : "limit sell") + " on "
                    + ctx.exchangeName + " (order " + o.clientOrderId() + ") must be cancelled first, and the cancel "
                    + "could not be sent yet")));
        }
        if (g.exitAfterCancel == null) {
            g.exitAfterCancel = purpose;
        }
        g.exitAtMarket |= atMarket;
        g.replaceAfterCancel = false;
        return Optional.of(new Submission.Cancelling(o, g.exitAfterCancel));
    }

    /** @return whether a sell for {@code purpose} replaces a limit exit resting: a stop, or a person's order */
    static boolean overrides(Purpose purpose) {
        return purpose == Purpose.STOP_LOSS || purpose == Purpose.TRAILING_STOP || purpose == Purpose.FORCE_SELL;
    }

    /**
     * @return whether the bot's own stop-loss or trailing stop should leave {@code price} to the stop resting on the
     *         exchange: the stop has triggered there and its limit can still be met. The stop is asked about at once.
     */
    boolean yields(Symbol s, BigDecimal price) {
        Optional<Order> stop = resting(s);
        Guard g = guards.get(s);
        if (stop.isEmpty() || g != null && g.cancelling) {
            return false;
        }
        Order o = stop.get();
        if (price.compareTo(o.stopPrice()) <= 0 && price.compareTo(o.limitPrice()) >= 0) {
            ctx.orders.pollNow(s);
            return true;
        }
        return false;
    }

    /** A stop now rests on the exchange. */
    void onResting(Order stop, boolean placed) {
        if (!placed) {
            return;
        }
        Guard g = guards.computeIfAbsent(stop.symbol(), x -> new Guard());
        LOG.info("{}: stop-loss {} rests on {}: stop {}, limit {}, {} {}", stop.symbol(), stop.clientOrderId(),
                ctx.exchangeName, Money.exact(stop.stopPrice()), Money.exact(stop.limitPrice()),
                Money.exact(stop.quantity()), stop.symbol().base());
        if (g.cancelWhenResting) {
            g.cancelWhenResting = false;
            cancel(stop, g, false);
        }
        if (g.alerted) {
            ctx.alerts.stopPlaced(stop, g.failures);
        }
        g.alerted = false;
        g.failures = 0;
        g.backoff.reset();
        g.retryAt = Instant.MIN;
    }

    /**
     * An order that may rest reached its final state (its fill, if any, already applied to the book). A sell the bot
     * cancelled for another sell lets that sell go; a stop refused, filled, or cancelled by the bot or by someone else
     * is followed up here; any other limit order is the limit orders' to follow up.
     */
    void onDone(Order done) {
        Symbol s = done.symbol();
        Guard g = guards.computeIfAbsent(s, x -> new Guard());
        if (g.cancelWhenResting && done.purpose() == Purpose.STOP_ON_EXCHANGE) {
            // The stop a sell waited for ended before it rested (refused, say): the sell goes now.
            g.cancelWhenResting = false;
            g.cancelling = true;
            g.cancellingId = done.clientOrderId();
        }
        boolean ours = g.cancelling && done.clientOrderId().equals(g.cancellingId);
        if (!ours && done.purpose() != Purpose.STOP_ON_EXCHANGE) {
            limits.onDone(done);
            return;
        }
        Order stop = done;
        if (stop.status() == OrderStatus.REJECTED && !ours) {
            failed(s, stop.stopPrice(), stop.reason(), stop.refusal(), g);
            return;
        }
        Purpose exit = ours ? g.exitAfterCancel : null;
        boolean atMarket = g.exitAtMarket;
        boolean replace = ours && g.replaceAfterCancel;
        if (ours) {
            g.cancelling = false;
            g.cancellingId = null;
            g.exitAfterCancel = null;
            g.exitAtMarket = false;
            g.replaceAfterCancel = false;
        }
        Optional<Position> held = ctx.positions.get(s);
        if (ours && exit != null) {
            if (held.isEmpty()) {
                LOG.info("{}: the {} on {} sold first; the {} sell is not needed", s, stop.purpose().label(),
                        ctx.exchangeName, exit.label());
                return;
            }
            Submission sell = desk.sellNow(s, exit, atMarket);
            panic.handOver(stop, sell);
            return;
        }
        if (stop.purpose() != Purpose.STOP_ON_EXCHANGE) {
            return;
        }
        if (held.isEmpty() || !enabled(s)) {
            return;
        }
        if (!ours && stop.status() == OrderStatus.CANCELLED) {
            LOG.warn(com.byninja.bot.engine.port.Alerts.ALERTED, "{}: stop-loss {} was cancelled on {}, not by the "
                    + "bot; placing it again", s, stop.clientOrderId(), ctx.exchangeName);
            ctx.alerts.stopCancelledOutside(stop);
        }
        if (ours && !replace) {
            return;
        }
        // Moved, partly filled, or cancelled by someone else: the position is without a stop until the new one rests.
        level(held.get()).ifPresent(level -> place(held.get(), level, g));
    }

    private boolean cancel(Order resting, Guard g, boolean replace) {
        if (!ctx.orders.cancel(resting)) {
            return false;
        }
        g.cancelling = true;
        g.cancellingId = resting.clientOrderId();
        g.replaceAfterCancel = replace;
        return true;
    }

    private void place(Position p, BigDecimal level, Guard g) {
        Symbol s = p.symbol();
        if (fills.isPaused(s) || ctx.orders.inFlight(s).isPresent()) {
            return;
        }
        MarketRules rules = ctx.risk.marketRules(s);
        BigDecimal stopPrice = rules.roundPrice(level, RoundingMode.UP);
        BigDecimal offset = BigDecimal.ONE.subtract(settings().stopLimitOffsetPct().divide(HUNDRED,
                MathContext.DECIMAL64));
        BigDecimal limitPrice = rules.roundPrice(stopPrice.multiply(offset, MathContext.DECIMAL64),
                RoundingMode.DOWN);
        if (limitPrice.signum() <= 0) {
            failed(s, level, "its limit price would be " + Money.exact(limitPrice), null, g);
            return;
        }
        Position sellable = desk.matchToAccount(p);
        Submission sent = ctx.orders.submitStop(s, sellable.quantity(), stopPrice, limitPrice);
        if (sent instanceof Submission.Refused r) {
            failed(s, level, r.rejection().message(), null, g);
            return;
        }
        g.placedAt = ctx.clock.instant();
        LOG.info("{}: placing the stop-loss on {}: stop {}, limit {}, {} {}", s, ctx.exchangeName,
                Money.exact(stopPrice), Money.exact(limitPrice), Money.exact(sellable.quantity()), s.base());
    }

    private void failed(Symbol s, BigDecimal level, String why, Refusal refusal, Guard g) {
        g.failures++;
        long waitMs = g.backoff.next();
        g.retryAt = ctx.clock.instant().plusMillis(waitMs);
        if (refusal == Refusal.INSUFFICIENT_BALANCE) {
            ctx.orders.refreshBalances();
        }
        if (refusal == Refusal.WOULD_TRIGGER_IMMEDIATELY) {
            // The price is below the stop already: the bot's own stop-loss sells; nothing to tell.
            LOG.info("{}: the stop-loss was not placed on {}: the price is below it already; the bot's own "
                    + "stop-loss acts", s, ctx.exchangeName);
            return;
        }
        LOG.warn(g.alerted ? null : com.byninja.bot.engine.port.Alerts.ALERTED, "{}: the stop-loss at {} could not "
                + "be placed on {}: {}; trying again in {} ms", s, Money.exact(level), ctx.exchangeName, why, waitMs);
        if (!g.alerted) {
            g.alerted = true;
            ctx.alerts.stopNotPlaced(s, level, why, waitMs);
        }
    }

    /** @return the level the stop on the exchange should rest at: the highest of the position's stops, if any */
    private Optional<BigDecimal> level(Position p) {
        RiskManager.Protection levels = ctx.protection(p);
        Optional<BigDecimal> stop = levels.stopLoss();
        Optional<BigDecimal> trailing = levels.trailingStop();
        if (stop.isPresent() && trailing.isPresent()) {
            return Optional.of(stop.get().max(trailing.get()));
        }
        return stop.isPresent() ? stop : trailing;
    }

    private boolean risenEnough(Order resting, BigDecimal level) {
        BigDecimal step = resting.stopPrice().multiply(settings().stopMoveStepPct()).divide(HUNDRED,
                MathContext.DECIMAL64);
        return level.subtract(resting.stopPrice()).compareTo(step) > 0;
    }

    private OrderSettings settings() {
        return ctx.config.orders();
    }
}
