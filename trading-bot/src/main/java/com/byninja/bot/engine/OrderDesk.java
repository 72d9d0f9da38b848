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

    OrderDesk(TradingContext ctx, Fills fills, ExchangeStops stops) {
        this.ctx = ctx;
        this.fills = fills;
        this.stops = stops;
    }

    /**
     * Sells the whole position of {@code s}, matched to the account; when a stop-loss rests on the exchange for it,
     * once the exchange has confirmed the stop's cancel.
     */
    Submission sell(Symbol s, Purpose purpose) {
        Optional<Position> held = ctx.positions.get(s);
        if (held.isEmpty()) {
            return new Submission.Refused(Rejection.of(RejectReason.ORDER_NO_POSITION, "no open position in " + s));
        }
        Optional<Rejection> paused = fills.pausedBy(s);
        if (paused.isPresent()) {
            return new Submission.Refused(paused.get());
        }
        Optional<Submission> waits = stops.beforeSell(s, purpose);
        if (waits.isPresent()) {
            if (waits.get() instanceof Submission.Cancelling c) {
                LOG.info("{} {}: cancelling the stop-loss {} on {} first", s, purpose.label(),
                        c.stop().clientOrderId(), ctx.exchangeName);
            }
            return waits.get();
        }
        return sellNow(s, purpose);
    }

    /** Sells the whole position of {@code s}, matched to the account, with no stop resting on the exchange. */
    Submission sellNow(Symbol s, Purpose purpose) {
        Optional<Position> held = ctx.positions.get(s);
        if (held.isEmpty()) {
            return new Submission.Refused(Rejection.of(RejectReason.ORDER_NO_POSITION, "no open position in " + s));
        }
        Position p = matchToAccount(held.get());
        return submit(s, purpose, p.quantity());
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

    /** Sends an order for {@code amount} (quote for a buy, base for a sell) unless the symbol waits for the store. */
    Submission submit(Symbol s, Purpose purpose, BigDecimal amount) {
        Optional<Rejection> paused = fills.pausedBy(s);
        if (paused.isPresent()) {
            return new Submission.Refused(paused.get());
        }
        Submission result = ctx.orders.submit(s, purpose, amount);
        if (result instanceof Submission.Sent sent) {
            Order o = sent.order();
            LOG.info("{} {} {} {} ({})", o.clientOrderId(), o.side(), s,
                    o.side() == Side.BUY ? Money.quote(amount) + " " + s.quote() : Money.exact(amount),
                    purpose.label());
        } else if (result instanceof Submission.Refused refused) {
            LOG.info("{} {} not placed: {}", s, purpose.label(), refused.rejection());
        }
        return result;
    }

    /** @return whether {@code s} holds a position or has an entry waiting for the exchange. */
    boolean holdsOrWaits(Symbol s) {
        return ctx.positions.get(s).isPresent()
                || ctx.orders.inFlight(s).filter(o -> o.side() == Side.BUY).isPresent() || fills.unrecordedEntry(s);
    }

    /** @return positions open, plus entries waiting for the exchange (or the store) on symbols without one. */
    int openOrPendingPositions() {
        Set<Symbol> counted = new LinkedHashSet<>(ctx.positions.all().keySet());
        ctx.orders.inFlight().stream().filter(o -> o.side() == Side.BUY).forEach(o -> counted.add(o.symbol()));
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
     * @return the free quote balance plus every open position at its last price (however old; at its entry cost
     *         before any price): what the stake modes size on
     */
    BigDecimal equity() {
        BigDecimal sum = ctx.balances.free(ctx.config.quoteCurrency());
        for (Position p : ctx.positions.all().values()) {
            Optional<Ticker> last = ctx.prices.last(p.symbol());
            sum = sum.add(last.isPresent() ? last.get().price().multiply(p.quantity()) : p.entryCost());
        }
        return sum;
    }

    /**
     * @return the money in positions, which {@code risk.budget} limits: the entry cost (fees excluded) of the open
     *         positions, the quote amounts of the buys waiting for the exchange, and of the entries whose fill waits
     *         for the store
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
        return sum;
    }
}
