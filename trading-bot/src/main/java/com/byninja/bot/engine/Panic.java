package com.byninja.bot.engine;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.orders.Submission;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code /panic}: trading stops globally and every open position is sold at market, through the paths of a
 * {@code forcesell} (so protective exits go on as before); a sell already on its way, such as a stop-loss's, is waited
 * for instead of doubled. When the last of its sells has filled or failed, one alert sums it up: the positions
 * closed, the realised PnL, and what could not be sold and why. One runs at a time; its memory is this run's, so a
 * restart while it runs ends it without a summary (each fill is still alerted). Owned by the trading thread.
 */
final class Panic {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);

    /** A sell of the panic that filled, wholly or in part: its trade, or null when the bot held no position. */
    record Sold(Order order, ClosedTrade trade, boolean closed) {
    }

    /** A position the panic could not sell, and why, in words. */
    record Unsold(Symbol symbol, String why) {
    }

    private final TradingContext ctx;
    /** When the panic running started; null when none runs. */
    private Instant startedAt;
    /** The sells it waits for, by client order id. */
    private final Map<String, Order> waiting = new LinkedHashMap<>();
    private final List<Sold> sold = new ArrayList<>();
    private final List<Unsold> unsold = new ArrayList<>();

    Panic(TradingContext ctx) {
        this.ctx = ctx;
    }

    /** Starts a panic, unless one runs: then it says so and does nothing. */
    PanicStart start(OrderDesk desk, ManualCommands commands) {
        if (startedAt != null) {
            return new PanicStart(startedAt, true, false, null, List.of(), List.of(), List.of(), List.of(),
                    waiting.size());
        }
        Instant now = ctx.clock.instant();
        boolean wasOn = ctx.control.global().trading();
        String notSaved = null;
        if (wasOn) {
            try {
                commands.setFlag(null, Flag.TRADING, false);
            } catch (SQLException e) {
                // Stopped anyway: an emergency does not wait for the disk.
                ctx.control.setGlobal(Flag.TRADING, false);
                notSaved = String.valueOf(e.getMessage());
                LOG.error("panic: trading is stopped, but that could not be saved", e);
            }
        }
        List<Order> sells = new ArrayList<>();
        List<Order> alreadySelling = new ArrayList<>();
        List<PanicStart.NotSold> notSold = new ArrayList<>();
        for (Position p : List.copyOf(ctx.positions.all().values())) {
            Symbol s = p.symbol();
            // A stop being cancelled is no sell on its way: the panic's sell follows its cancel.
            Optional<Order> busy = ctx.orders.inFlight(s).filter(o -> o.side() == Side.SELL
                    && o.purpose() != Purpose.STOP_ON_EXCHANGE);
            if (busy.isPresent()) {
                alreadySelling.add(busy.get());
                waiting.put(busy.get().clientOrderId(), busy.get());
                continue;
            }
            Submission result = desk.sell(s, Purpose.FORCE_SELL, true);
            if (result instanceof Submission.Sent sent) {
                sells.add(sent.order());
                waiting.put(sent.order().clientOrderId(), sent.order());
            } else if (result instanceof Submission.Cancelling c) {
                // Waited for under the stop's id until the sell exists (or the stop itself fills).
                sells.add(c.stop());
                waiting.put(c.stop().clientOrderId(), c.stop());
            } else {
                Submission.Refused refused = (Submission.Refused) result;
                notSold.add(new PanicStart.NotSold(s, refused.rejection()));
                unsold.add(new Unsold(s, refused.rejection().message()));
            }
        }
        List<Order> buys = ctx.orders.inFlight().stream().filter(o -> o.side() == Side.BUY)
                .filter(o -> ctx.positions.get(o.symbol()).isEmpty()).toList();
        LOG.warn("panic: trading stopped globally{}; {} sells sent, {} already on their way, {} positions not sold",
                wasOn ? "" : " (it was already)", sells.size(), alreadySelling.size(), notSold.size());
        PanicStart started = new PanicStart(now, false, wasOn, notSaved, sells, alreadySelling, notSold, buys,
                waiting.size());
        if (waiting.isEmpty()) {
            // Nothing to wait for: the reply says it all.
            unsold.clear();
        } else {
            startedAt = now;
        }
        return started;
    }

    /** @return whether a panic runs: its sells are not all done */
    boolean running() {
        return startedAt != null;
    }

    /**
     * A sell filled and was recorded.
     *
     * @param trade  the round trip it closed, or null when the bot held no position
     * @param closed whether it closed the position
     */
    void filled(Order order, ClosedTrade trade, boolean closed) {
        if (waiting.remove(order.clientOrderId()) != null) {
            sold.add(new Sold(order, trade, closed));
            finishIfDone();
        }
    }

    /**
     * The stop a panic sell waited for is cancelled, and the sell sent or refused: the panic waits for the sell now.
     */
    void handOver(Order stop, Submission sell) {
        if (!waiting.containsKey(stop.clientOrderId())) {
            return;
        }
        if (sell instanceof Submission.Sent sent) {
            waiting.remove(stop.clientOrderId());
            waiting.put(sent.order().clientOrderId(), sent.order());
        } else if (sell instanceof Submission.Refused refused) {
            failed(stop, refused.rejection().message());
        }
    }

    /** A sell ended without a fill, or was given up on; {@code why} in words. */
    void failed(Order order, String why) {
        if (waiting.remove(order.clientOrderId()) != null) {
            unsold.add(new Unsold(order.symbol(), why));
            finishIfDone();
        }
    }

    private void finishIfDone() {
        if (!waiting.isEmpty()) {
            return;
        }
        LOG.warn("panic over: {} sells filled, {} positions not sold", sold.size(), unsold.size());
        ctx.alerts.panicOver(startedAt, sold, unsold);
        startedAt = null;
        sold.clear();
        unsold.clear();
    }
}
