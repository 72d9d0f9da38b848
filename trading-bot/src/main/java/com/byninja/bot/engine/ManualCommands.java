package com.byninja.bot.engine;

import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.OwnerStop;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.engine.port.ControlJournal;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.risk.StakeSizing;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person orders: {@code forcebuy}, {@code forcesell}, the switches and a stop at break-even. A person's order
 * passes the strategy, the trading and buy switches and the soft limits; the hard limits hold. Owned by the trading
 * thread.
 */
final class ManualCommands {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);

    private final TradingContext ctx;
    private final OrderDesk desk;

    ManualCommands(TradingContext ctx, OrderDesk desk) {
        this.ctx = ctx;
        this.desk = desk;
    }

    /**
     * @param amount the quote amount, or null for the stake of {@code risk.stakeMode}; either is cut to what is left
     *               of {@code risk.budget}, and the reply says so
     */
    Submission forceBuy(Symbol s, BigDecimal amount) {
        if (ctx.unconfigured.contains(s)) {
            return new Submission.Refused(Rejection.of(RejectReason.ORDER_SYMBOL_NOT_CONFIGURED, s + " is no longer "
                    + "in the configuration: its position can only be sold (forcesell " + s + ")"));
        }
        StakeSizing.Stake stake = desk.stake(s, amount);
        Optional<Rejection> refused = ctx.riskFor(s).checkBuy(desk.buyCheck(s, stake.amount(), true));
        if (refused.isPresent()) {
            return new Submission.Refused(refused.get());
        }
        Submission sent = desk.submit(s, Purpose.FORCE_BUY, stake.amount());
        return stake.cut() != null && sent instanceof Submission.Sent ok
                ? new Submission.Sent(ok.order(), "the amount was " + stake.cut()) : sent;
    }

    Submission forceSell(Symbol s) {
        return desk.sell(s, Purpose.FORCE_SELL);
    }

    /**
     * Raises the stop-loss of the position in {@code s} to its break-even price ({@code RiskManager#breakEvenPrice}),
     * saved before it counts. Never lowers a stop, and never sets one the last price is already at or below: that
     * stop would sell at once, which is {@code forcesell}'s business.
     *
     * @throws SQLException when it could not be saved; nothing changed then
     */
    StopMove stopToBreakEven(Symbol s) throws SQLException {
        Optional<Position> held = ctx.positions.get(s);
        if (held.isEmpty()) {
            return new StopMove.Refused("no_position", "No open position in " + s + ".");
        }
        if (!ctx.config.risk().protectiveExits()) {
            return new StopMove.Refused("protective_exits_off", "Protective exits are off (risk.protectiveExits: "
                    + "false): a stop would never sell.");
        }
        Position p = held.get();
        BigDecimal tick = ctx.risk.priceTick(s);
        BigDecimal breakEven = ctx.riskFor(s).breakEvenPrice(p);
        String level = Money.price(breakEven, tick);
        Optional<Ticker> last = ctx.prices.last(s);
        if (last.isEmpty()) {
            return new StopMove.Refused("no_price", "No price for " + s + " yet: a stop at its break-even, " + level
                    + ", could sell at once.");
        }
        if (last.get().price().compareTo(breakEven) <= 0) {
            return new StopMove.Refused("not_above_break_even", s + " is at " + Money.price(last.get().price(), tick)
                    + ", not above its break-even of " + level + ": a stop there would sell at once. Send /forcesell "
                    + s + " to close it.");
        }
        Optional<BigDecimal> before = ctx.protection(p).stopLoss();
        if (before.isPresent() && before.get().compareTo(breakEven) >= 0) {
            return new StopMove.Refused("already_above", "The stop-loss of " + s + " is already at "
                    + Money.price(before.get(), tick) + ", at or above its break-even of " + level + "; left there.");
        }
        OwnerStop stop = new OwnerStop(s, p.openedAt(), breakEven, ctx.clock.instant());
        ctx.journals.positions().saveOwnerStop(stop);
        ctx.ownerStops.set(stop);
        LOG.info("{} stop-loss raised to its break-even {} by the owner (was {})", s, level,
                before.map(b -> Money.price(b, tick)).orElse("none"));
        return new StopMove.Moved(stop, before.orElse(null));
    }

    /** @param symbol the symbol, or null for the global switch */
    void setFlag(Symbol symbol, Flag flag, boolean value) throws SQLException {
        if (symbol == null) {
            Flags next = ctx.control.global().with(flag, value);
            ctx.journals.control().saveFlags(ControlJournal.GLOBAL_SCOPE, next);
            ctx.control.setGlobal(flag, value);
        } else {
            Flags next = ctx.control.of(symbol).with(flag, value);
            ctx.journals.control().saveFlags(symbol.toString(), next);
            ctx.control.set(symbol, flag, value);
        }
        LOG.info("{} {} {}", symbol == null ? "global" : symbol, flag.label(), value ? "on" : "off");
    }
}
