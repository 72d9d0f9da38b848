package com.byninja.bot.engine;

import com.byninja.bot.config.BotConfig.OrderKind;
import com.byninja.bot.config.BotConfig.OrderSettings;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.OrderRequest.Type;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.orders.Submission;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limit orders ({@code orders.entry}, {@code orders.exit}, {@code orders.stopExit}, {@code orders.forced}: limit):
 * priced from the last price, {@code orders.limitOffsetPct} below it for a buy and above it for a sell, on the
 * exchange's tick (a buy rounded down, a sell up: never worse than asked); post-only when {@code orders.postOnly}.
 * One that still rests after {@code orders.limitTimeoutMs} is cancelled, the cancel confirmed by the exchange; what
 * filled is kept (a buy's fill opens the position, a sell's reduces it), and with {@code orders.marketAfterTimeout} the
 * rest is sent at market; a stop exit's rest always is, as a stop must sell. Owned by the trading thread.
 */
final class LimitOrders {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TradingContext ctx;
    /** Limit orders whose cancel the timeout asked for, by client order id. */
    private final Set<String> timedOut = new HashSet<>();
    private OrderDesk desk;

    LimitOrders(TradingContext ctx) {
        this.ctx = ctx;
    }

    /** @param orderDesk where the market orders that replace a timed-out rest go */
    void replaceThrough(OrderDesk orderDesk) {
        this.desk = orderDesk;
    }

    /** @return whether an order of {@code purpose} goes out as a limit order */
    boolean asLimit(Purpose purpose) {
        return settings().kindOf(purpose) == OrderKind.LIMIT;
    }

    /**
     * Places a limit order at the last price moved by the offset.
     *
     * @param amount a buy's quote amount, a sell's base quantity
     */
    Submission place(Symbol s, Purpose purpose, BigDecimal amount) {
        Optional<Ticker> last = ctx.freshPrice(s);
        if (last.isEmpty()) {
            return new Submission.Refused(Rejection.of(RejectReason.RISK_NO_PRICE, "no recent price of " + s
                    + " to set a limit price from"));
        }
        boolean buy = purpose.isBuy();
        BigDecimal offset = settings().limitOffsetPct().divide(HUNDRED, MathContext.DECIMAL64);
        BigDecimal raw = last.get().price().multiply(buy ? BigDecimal.ONE.subtract(offset)
                : BigDecimal.ONE.add(offset), MathContext.DECIMAL64);
        BigDecimal price = ctx.risk.marketRules(s).roundPrice(raw, buy ? RoundingMode.DOWN : RoundingMode.UP);
        return ctx.orders.submitLimit(s, purpose, amount, price, settings().postOnly());
    }

    /** Cancels the limit orders that have rested for {@code orders.limitTimeoutMs}. */
    void check() {
        if (ctx.orders.resting().isEmpty()) {
            return;
        }
        Instant now = ctx.clock.instant();
        for (Order o : List.copyOf(ctx.orders.resting())) {
            if (o.type() != Type.LIMIT || ctx.orders.cancelling(o) || timedOut.contains(o.clientOrderId())
                    || now.isBefore(o.createdAt().plusMillis(settings().limitTimeoutMs()))) {
                continue;
            }
            if (ctx.orders.cancel(o)) {
                timedOut.add(o.clientOrderId());
                LOG.info("{} limit {} {} at {} unfilled after {} ms ({} filled): cancelling", o.symbol(),
                        o.side().name().toLowerCase(java.util.Locale.ROOT), o.clientOrderId(),
                        Money.exact(o.limitPrice()), settings().limitTimeoutMs(), Money.exact(o.filledQuantity()));
            }
        }
    }

    /**
     * A limit order ended (its fill, if any, applied). One the timeout cancelled has its rest sent at market where
     * {@code orders.marketAfterTimeout} (or its stop exit) asks.
     */
    void onDone(Order o) {
        if (!timedOut.remove(o.clientOrderId()) || o.status() == OrderStatus.FILLED) {
            return;
        }
        boolean stop = o.purpose() == Purpose.STOP_LOSS || o.purpose() == Purpose.TRAILING_STOP;
        boolean rest = settings().marketAfterTimeout() || stop;
        if (o.purpose() == Purpose.FORCE_BUY || o.purpose() == Purpose.FORCE_SELL) {
            // A person waits for the fill the reply promised.
            ctx.alerts.limitTimedOut(o, settings().limitTimeoutMs(), rest);
        }
        if (!rest) {
            LOG.info("{} limit {} timed out with {} filled; the rest is not sent", o.symbol(), o.clientOrderId(),
                    Money.exact(o.filledQuantity()));
            return;
        }
        Symbol s = o.symbol();
        if (o.side() == Side.BUY) {
            BigDecimal unfilled = o.quoteAmount().subtract(o.quoteFilled());
            if (unfilled.signum() <= 0 || unfilled.compareTo(ctx.config.riskFor(s).minOrderAmount()) < 0) {
                return;
            }
            LOG.info("{} limit buy {} timed out: the rest, {} {}, at market", s, o.clientOrderId(),
                    Money.quote(unfilled), s.quote());
            desk.submitAtMarket(s, o.purpose(), unfilled);
        } else if (ctx.positions.get(s).isPresent()) {
            LOG.info("{} limit sell {} timed out: the rest of the position at market", s, o.clientOrderId());
            desk.sellAtMarket(s, o.purpose());
        }
    }

    /**
     * A {@code /cancel}: cancels the limit buy resting for {@code s}.
     *
     * @return the order whose cancel is on its way; empty when none rests
     */
    Optional<Order> cancelEntry(Symbol s) {
        for (Order o : ctx.orders.resting(s)) {
            if (o.side() == Side.BUY && o.type() == Type.LIMIT) {
                return ctx.orders.cancel(o) ? Optional.of(o) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private OrderSettings settings() {
        return ctx.config.orders();
    }
}
