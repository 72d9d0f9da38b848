package com.byninja.bot.engine;

import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.risk.StakeSizing;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every decision becomes an order: the checks every buy goes through, the position limits that count entries
 * still waiting for the exchange, and sells that never ask for more than the account holds (within
 * {@value #SELL_BALANCE_TOLERANCE_PCT} % the position is matched to the free balance first: a fee taken in the coin,
 * not yet known). Owned by the trading thread.
 */
final class OrderDesk {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);
    /** How far below the position the free balance may be for a sell to be matched to it (Freqtrade: 2 %). */
    static final int SELL_BALANCE_TOLERANCE_PCT = 2;

    private final TradingContext ctx;
    private final Fills fills;
    private final ExchangeStops stops;
    private final LimitOrders limits;

    OrderDesk(TradingContext ctx, Fills fills, ExchangeStops stops, LimitOrders limits) {
        this.ctx = ctx;
        this.fills = fills;
        this.stops = stops;
        this.limits = limits;
    }

    /**
     * Sells the whole position of {@code s}, matched to the account, as {@code orders.*} says for {@code purpose}
     * (market or limit); when a sell rests on the exchange for it (the stop-loss, a limit exit), once the exchange has
     * confirmed that order's cancel.
     */
    Submission sell(Symbol s, Purpose purpose) {
        return sell(s, purpose, false);
    }

    /**
     * As {@link #sell(Symbol, Purpose)}; {@code atMarket} sells at market whatever {@code orders.*} says, as
     * {@code /panic} does.
     */
    Submission sell(Symbol s, Purpose purpose, boolean atMarket) {
        Optional<Position> held = ctx.positions.get(s);
        if (held.isEmpty()) {
            return new Submission.Refused(Rejection.of(RejectReason.ORDER_NO_POSITION, "no open position in " + s));
        }
        Optional<Rejection> paused = fills.pausedBy(s);
        if (paused.isPresent()) {
            return new Submission.Refused(paused.get());
        }
        Optional<Submission> waits = stops.beforeSell(s, purpose, atMarket);
        if (waits.isPresent()) {
            if (waits.get() instanceof Submission.Cancelling c) {
                LOG.info("{} {}: cancelling the stop-loss {} on {} first", s, purpose.label(),
                        c.stop().clientOrderId(), ctx.exchangeName);
            }
            return waits.get();
        }
        return sellNow(s, purpose, atMarket);
    }

    /**
     * Sells the whole position of {@code s}, matched to the account, with no sell resting on the exchange for it:
     * at market when {@code atMarket}, else as {@code orders.*} says for {@code purpose}.
     */
    Submission sellNow(Symbol s, Purpose purpose, boolean atMarket) {
        Optional<Position> held = ctx.positions.get(s);
        if (held.isEmpty()) {
            return new Submission.Refused(Rejection.of(RejectReason.ORDER_NO_POSITION, "no open position in " + s));
        }
        Position p = matchToAccount(held.get());
        return atMarket ? submitAtMarket(s, purpose, p.quantity()) : submit(s, purpose, p.quantity());
    }

    /** Sells the whole position of {@code s} at market, such as the rest of a limit exit that timed out. */
    Submission sellAtMarket(Symbol s, Purpose purpose) {
        return sellNow(s, purpose, true);
    }

    /**
     * A sell must not ask for more than the account holds. Where the free balance is a little below the position (a
     * fee taken in the coin that is not known yet, a rounding), the position is matched to the balance and recorded
     * first; a larger gap is left to the exchange to refuse, and the refusal brings fresh balances.
     */
    Position matchToAccount(Position p) {
        BigDecimal free = ctx.balances.free(p.symbol().base());
        if (free.signum() <= 0 || free.compareTo(p.quantity()) >= 0) {
            return p;
        }
        BigDecimal gap = p.quantity().subtract(free);
        if (gap.multiply(BigDecimal.valueOf(100)).compareTo(p.quantity().multiply(
                BigDecimal.valueOf(SELL_BALANCE_TOLERANCE_PCT))) > 0) {
            LOG.warn("{}: the account holds {} {} free, the position {}: more than {} % apart; selling the position "
                    + "and letting the exchange decide", p.symbol(), Money.exact(free), p.symbol().base(),
                    Money.exact(p.quantity()), SELL_BALANCE_TOLERANCE_PCT);
            return p;
        }
        Position matched = p.withCoinsTakenAsFee(gap, p.costOf(gap));
        try {
            ctx.journals.positions().savePosition(matched);
        } catch (SQLException e) {
            LOG.error("could not record the {} position matched to the account; selling the free balance anyway",
                    p.symbol(), e);
        }
        ctx.positions.replace(matched);
        fills.matchedAway(p.symbol(), gap);
        LOG.warn("{}: the account holds {} {}, {} less than the position of {} (a fee taken in {} not yet known?); "
                + "the position is matched to the account", p.symbol(), Money.exact(free), p.symbol().base(),
                Money.exact(gap), Money.exact(p.quantity()), p.symbol().base());
        return matched;
    }

    /**
     * Sends an order for {@code amount} (quote for a buy, base for a sell) unless the symbol waits for the store: a
     * market or a limit order, as {@code orders.*} says for {@code purpose}.
     */
    Submission submit(Symbol s, Purpose purpose, BigDecimal amount) {
        return send(s, purpose, amount, limits.asLimit(purpose));
    }

    /** Sends a market order for {@code amount} (quote for a buy, base for a sell) unless the symbol waits. */
    Submission submitAtMarket(Symbol s, Purpose purpose, BigDecimal amount) {
        return send(s, purpose, amount, false);
    }

    private Submission send(Symbol s, Purpose purpose, BigDecimal amount, boolean limit) {
        Optional<Rejection> paused = fills.pausedBy(s);
        if (paused.isPresent()) {
            return new Submission.Refused(paused.get());
        }
        Submission result = limit ? limits.place(s, purpose, amount) : ctx.orders.submit(s, purpose, amount);
        if (result instanceof Submission.Sent sent) {
            Order o = sent.order();
            LOG.info("{} {} {} {} ({}{})", o.clientOrderId(), o.side(), s,
                    o.side() == Side.BUY ? Money.quote(amount) + " " + s.quote() : Money.exact(amount),
                    purpose.label(), o.limitPrice() == null ? "" : ", limit " + Money.exact(o.limitPrice()));
        } else if (result instanceof Submission.Refused refused) {
            LOG.info("{} {} not placed: {}", s, purpose.label(), refused.rejection());
        }
        return result;
    }

    /** @return whether {@code s} holds a position or has an entry waiting for the exchange. */
    boolean holdsOrWaits(Symbol s) {
        return ctx.positions.get(s).isPresent()
                || ctx.orders.inFlight(s).filter(o -> o.side() == Side.BUY).isPresent() || fills.unrecordedEntry(s)
                || ctx.orders.resting(s).stream().anyMatch(o -> o.side() == Side.BUY);
    }

    /** @return positions open, plus entries waiting for the exchange (or the store) on symbols without one. */
    int openOrPendingPositions() {
        Set<Symbol> counted = new LinkedHashSet<>(ctx.positions.all().keySet());
        ctx.orders.inFlight().stream().filter(o -> o.side() == Side.BUY).forEach(o -> counted.add(o.symbol()));
        ctx.orders.resting().stream().filter(o -> o.side() == Side.BUY).forEach(o -> counted.add(o.symbol()));
        fills.paused().stream().filter(fills::unrecordedEntry).forEach(counted::add);
        return counted.size();
    }

    /** @return everything the risk rules need to decide a buy of {@code amount} on {@code s} now. */
    RiskManager.BuyCheck buyCheck(Symbol s, BigDecimal amount, boolean forced) {
        return new RiskManager.BuyCheck(s, amount, forced, ctx.freeQuote(), openOrPendingPositions(), holdsOrWaits(s),
                ctx.day.realised(), ctx.freshPrice(s).isPresent(), ctx.exchangeDown.getAsBoolean(), inPositions());
    }

    /**
     * @param s     the symbol to buy, whose stake mode applies
     * @param asked the quote amount a person asked for, or null for the stake of {@code risk.stakeMode}
     * @return the stake of a buy now: the mode's stake on the equity now (or {@code asked}), fitted to what is left of
     *         the budget
     */
    StakeSizing.Stake stake(Symbol s, BigDecimal asked) {
        StakeSizing sizing = ctx.riskFor(s).sizing();
        StakeSizing.Stake wanted = asked != null ? StakeSizing.Stake.of(asked) : sizing.stake(equity());
        return sizing.fit(wanted, inPositions());
    }

    /**
     * @return the free quote balance, what resting buys hold (their unfilled amount and its fee), and every open
     *         position at its last price (however old; at its entry cost before any price): what the stake modes size
     *         on
     */
    BigDecimal equity() {
        BigDecimal sum = ctx.balances.free(ctx.config.quoteCurrency());
        for (Order o : ctx.orders.resting()) {
            // What a resting buy holds is not in the free balance, and still the account's.
            if (o.side() == Side.BUY) {
                BigDecimal held = o.quoteAmount().subtract(o.quoteFilled()).max(BigDecimal.ZERO);
                sum = sum.add(held).add(ctx.risk.feeOf(held));
            }
        }
        for (Position p : ctx.positions.all().values()) {
            Optional<Ticker> last = ctx.prices.last(p.symbol());
            sum = sum.add(last.isPresent() ? last.get().price().multiply(p.quantity()) : p.entryCost());
        }
        return sum;
    }

    /**
     * @return the money in positions, which {@code risk.budget} limits: the entry cost (fees excluded) of the open
     *         positions, the quote amounts of the buys waiting for the exchange or resting on it, and of the entries
     *         whose fill waits for the store
     */
    BigDecimal inPositions() {
        BigDecimal sum = fills.unrecordedEntries();
        for (Position p : ctx.positions.all().values()) {
            sum = sum.add(p.entryCost());
        }
        for (Order o : ctx.orders.inFlight()) {
            if (o.side() == Side.BUY) {
                sum = sum.add(o.quoteAmount());
            }
        }
        for (Order o : ctx.orders.resting()) {
            // A resting buy counts whole until it ends: its fill is booked then.
            if (o.side() == Side.BUY && !ctx.orders.inFlight(o.symbol()).filter(o::equals).isPresent()) {
                sum = sum.add(o.quoteAmount());
            }
        }
        return sum;
    }
}
