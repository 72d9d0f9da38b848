package com.byninja.bot.engine;

import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.ControlJournal;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.risk.StakeSizing;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person orders: {@code forcebuy}, {@code forcesell} and the switches. A person's order passes the strategy,
 * the trading and buy switches and the soft limits; the hard limits hold. Owned by the trading thread.
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
