package com.byninja.bot.engine;

import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.AlertSink;
import com.byninja.bot.risk.RiskManager;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The trader's alerts in words and data: each alert's {@code data.event} names its kind and carries the exact
 * figures; the text rounds them for people, prices to the market's tick when the exchange gave one. The chat shows
 * an alert's symbol above its text, so the text does not repeat it, except in a command to send. Alerts about an
 * event the store records are returned as {@link OutboxAlert}s, to be written in the event's transaction; the others
 * go straight to the sink.
 */
final class TradeAlerts {

    private static final Duration RISK_ALERT_INTERVAL = Duration.ofMinutes(30);
    private static final String AFTER_RESTART = " (found after the restart)";
    /** {@code data.scope} of the alerts about order requests, as against those about prices or every call. */
    private static final String ORDERS_SCOPE = "orders";

    private final AlertSink sink;
    private final String quote;
    private final Clock clock;
    private final AlertIds ids;
    private final Function<Symbol, BigDecimal> ticks;
    private final Map<String, Instant> lastRiskAlert = new HashMap<>();

    /** @param ticks each market's price tick, zero when the exchange gave none */
    TradeAlerts(AlertSink sink, String quoteCurrency, Clock clock, Function<Symbol, BigDecimal> ticks) {
        this.sink = sink;
        this.quote = quoteCurrency;
        this.clock = clock;
        this.ticks = ticks;
        this.ids = new AlertIds(clock);
    }

    AlertSink sink() {
        return sink;
    }

    OutboxAlert bought(Order order, Position after, boolean opened, boolean recovered) {
        Symbol s = order.symbol();
        AlertKind kind = opened ? AlertKind.POSITION_OPENED : AlertKind.POSITION_INCREASED;
        if (!sink.read()) {
            return unread(kind, s);
        }
        ObjectNode data = facts(s);
        data.put("orderId", order.clientOrderId());
        data.put("purpose", order.purpose().label());
        data.put("quantity", Money.exact(order.filledQuantity()));
        data.put("price", Money.exact(order.averagePrice()));
        data.put("cost", Money.exact(order.filledValue()));
        data.put("fee", Fee.format(order.fees()));
        data.put("feesKnown", order.feesKnown());
        data.put("positionQuantity", Money.exact(after.quantity()));
        data.put("averageEntryPrice", Money.exact(after.averageEntryPrice()));
        data.put("recovered", recovered);
        return outbox(kind, (opened ? "Opened " : "Added to the position ") + order.purpose().why() + ": bought "
                + Money.exact(order.filledQuantity()) + " " + s.base() + " at " + price(s, order.averagePrice())
                + " for " + Money.up(order.filledValue()) + " " + s.quote() + ", fee "
                + Money.fees(order.fees(), order.feesKnown(), s.quote()) + (recovered ? AFTER_RESTART : ""), s, data);
    }

    OutboxAlert sold(Order order, ClosedTrade t, boolean closed, boolean recovered) {
        Symbol s = order.symbol();
        if (!sink.read()) {
            return unread(closed ? AlertKind.POSITION_CLOSED : AlertKind.POSITION_REDUCED, s);
        }
        BigDecimal basis = t.entryCost().add(t.entryFees());
        BigDecimal pct = Money.pct(t.realisedPnl(), basis);
        AlertKind kind = closed ? AlertKind.POSITION_CLOSED : AlertKind.POSITION_REDUCED;
        ObjectNode data = facts(s);
        data.put("orderId", order.clientOrderId());
        data.put("purpose", order.purpose().label());
        data.put("quantity", Money.exact(t.quantity()));
        data.put("price", Money.exact(t.exitPrice()));
        data.put("realisedPnl", Money.exact(t.realisedPnl()));
        data.put("realisedPnlPct", pct.toPlainString());
        data.put("fees", Money.exact(t.fees()));
        data.put("feesKnown", order.feesKnown());
        data.put("recovered", recovered);
        return outbox(kind, (closed ? "Closed " : "Reduced ") + order.purpose().why() + ": sold "
                + Money.exact(t.quantity()) + " " + s.base() + " at " + price(s, t.exitPrice()) + ", PnL "
                + Money.signedDown(t.realisedPnl()) + " " + s.quote() + " (" + Money.signedPct(pct) + "%) after "
                + Money.up(t.fees()) + " " + s.quote() + " fees"
                + (order.feesKnown() ? "" : " (the sell's fee is not known yet)") + (recovered ? AFTER_RESTART : ""),
                s, data);
    }

    /** A sell filled while the bot held no position in its symbol: the book and the account disagree. */
    OutboxAlert soldWithoutPosition(Order order, boolean recovered) {
        Symbol s = order.symbol();
        AlertKind kind = AlertKind.SELL_WITHOUT_POSITION;
        ObjectNode data = facts(s);
        data.put("orderId", order.clientOrderId());
        data.put("quantity", Money.exact(order.filledQuantity()));
        data.put("proceeds", Money.exact(order.filledValue()));
        return outbox(kind, "Sell " + order.clientOrderId() + " of " + Money.exact(order.filledQuantity()) + " "
                + s.base() + " filled for " + Money.down(order.filledValue()) + " " + s.quote()
                + (recovered ? AFTER_RESTART : "") + ", but the bot holds no position here (closed meanwhile?). "
                + "It is recorded without a trade; compare the account with /status.", s, data);
    }

    /** @param roi for the minimal ROI, the level it reached; empty for the other exits */
    void exitHit(Position p, Purpose why, BigDecimal price, Optional<RiskManager.RoiLevel> roi) {
        AlertKind kind = switch (why) {
            case STOP_LOSS -> AlertKind.STOP_LOSS_HIT;
            case TAKE_PROFIT -> AlertKind.TAKE_PROFIT_HIT;
            case MINIMAL_ROI -> AlertKind.MINIMAL_ROI_HIT;
            default -> AlertKind.TRAILING_STOP_HIT;
        };
        ObjectNode data = facts(p.symbol());
        data.put("price", Money.exact(price));
        data.put("averageEntryPrice", Money.exact(p.averageEntryPrice()));
        data.put("highestPrice", Money.exact(p.highestPrice()));
        String asked = "";
        if (roi.isPresent()) {
            long minutes = Math.max(0, Duration.between(p.openedAt(), clock.instant()).toMinutes());
            data.put("minimalRoiPct", Money.exact(roi.get().pct()));
            data.put("minimalRoiPrice", Money.exact(roi.get().price()));
            data.put("ageMinutes", minutes);
            asked = ", " + Money.exact(roi.get().pct()) + " % profit after fees asked after " + minutes + " min";
        }
        raise(kind, label(why) + " hit at " + price(p.symbol(), price) + " (entry "
                + price(p.symbol(), p.averageEntryPrice()) + asked + "); selling " + Money.exact(p.quantity()) + " "
                + p.symbol().base(), p.symbol(), data);
    }

    /** The first refusal of a protective exit in an episode; the next tries are not announced. */
    void exitRefused(Order order, long nextTryMs, long maxDelayMs) {
        AlertKind kind = AlertKind.EXIT_REFUSED;
        ObjectNode data = facts(order.symbol());
        data.put("orderId", order.clientOrderId());
        data.put("purpose", order.purpose().label());
        data.put("reason", String.valueOf(order.reason()));
        data.put("nextTryMs", nextTryMs);
        raise(kind, "The exchange refused the " + lower(label(order.purpose())) + " sell: " + order.reason()
                + ". The position stays protected: the bot tries again in "
                + Durations.words(nextTryMs) + ", then less often (at most every " + Durations.words(maxDelayMs)
                + "), and says when it goes through.", order.symbol(), data);
    }

    /**
     * The stop-loss of a position could not be placed on the exchange; once per episode.
     *
     * @param retryMs when the bot tries again
     */
    void stopNotPlaced(Symbol s, BigDecimal level, String why, long retryMs) {
        AlertKind kind = AlertKind.STOP_NOT_PLACED;
        ObjectNode data = facts(s);
        data.put("level", Money.exact(level));
        data.put("reason", why);
        data.put("nextTryMs", retryMs);
        raise(kind, "The stop-loss at " + price(s, level) + " could not be placed on the exchange: " + why
                + ". The bot watches the price and sells at the stop itself while it runs; it tries again in "
                + Durations.words(retryMs) + " and says when the stop rests on the exchange.", s, data);
    }

    /** A stop-loss on the exchange was cancelled there by someone else; the bot places it again. */
    void stopCancelledOutside(Order stop) {
        AlertKind kind = AlertKind.STOP_CANCELLED;
        Symbol s = stop.symbol();
        ObjectNode data = facts(s);
        data.put("orderId", stop.clientOrderId());
        data.put("stopPrice", Money.exact(stop.stopPrice()));
        raise(kind, "The stop-loss on the exchange (order " + stop.clientOrderId() + ", stop " + price(s,
                stop.stopPrice()) + ") was cancelled, not by the bot; it is placed again.", s, data);
    }

    /** The stop-loss rests on the exchange after it could not be placed. */
    void stopPlaced(Order stop, int failures) {
        AlertKind kind = AlertKind.STOP_PLACED;
        Symbol s = stop.symbol();
        ObjectNode data = facts(s);
        data.put("orderId", stop.clientOrderId());
        data.put("stopPrice", Money.exact(stop.stopPrice()));
        data.put("limitPrice", Money.exact(stop.limitPrice()));
        data.put("failures", failures);
        raise(kind, "The stop-loss rests on the exchange now: stop " + price(s, stop.stopPrice()) + ", limit "
                + price(s, stop.limitPrice()) + " (order " + stop.clientOrderId() + ", after "
                + Money.count(failures, "failed attempt", "failed attempts") + ").", s, data);
    }

    /** A protective exit went through after refusals. */
    void exitRecovered(Order order, int refusals) {
        AlertKind kind = AlertKind.EXIT_RECOVERED;
        ObjectNode data = facts(order.symbol());
        data.put("orderId", order.clientOrderId());
        data.put("refusals", refusals);
        raise(kind, "The " + lower(label(order.purpose())) + " sell went through after "
                + Money.count(refusals, "refused attempt", "refused attempts") + ".", order.symbol(), data);
    }

    OutboxAlert dailyLossLimit(BigDecimal realisedToday, BigDecimal limit) {
        AlertKind kind = AlertKind.DAILY_LOSS_LIMIT;
        ObjectNode data = facts(null);
        data.put("realisedToday", Money.exact(realisedToday));
        data.put("limit", Money.exact(limit));
        return outbox(kind, "Daily loss limit reached: " + Money.signedDown(realisedToday) + " " + quote
                + " realised today (limit " + Money.quote(limit) + "); buying stops until 00:00 UTC", null, data);
    }

    /** A protection locked the strategy's entries: written with the lock. */
    OutboxAlert locked(EntryLock l) {
        AlertKind kind = AlertKind.ENTRY_LOCKED;
        if (!sink.read()) {
            return unread(kind, l.symbol());
        }
        ObjectNode data = lockFacts(l);
        return outbox(kind, l.kind().label() + (l.symbol() == null ? " on every symbol" : "")
                + ": the strategy does not buy until " + EntryLock.time(l.until(), clock.instant()) + " ("
                + l.reason() + "). Sells, stops and /forcebuy still work.", l.symbol(), data);
    }

    /** A lock ended, now or while the bot was stopped: written as the lock is forgotten. */
    OutboxAlert unlocked(EntryLock l, boolean whileStopped) {
        return unlocked(l, whileStopped, false);
    }

    /**
     * A lock ended, now or while the bot was stopped: written as the lock is forgotten.
     *
     * @param buyingDisabled whether the buy switch keeps the strategy from buying all the same ({@code /disablebuy}
     *                       during a pause)
     */
    OutboxAlert unlocked(EntryLock l, boolean whileStopped, boolean buyingDisabled) {
        AlertKind kind = AlertKind.ENTRY_UNLOCKED;
        if (!sink.read()) {
            return unread(kind, l.symbol());
        }
        ObjectNode data = lockFacts(l);
        data.put("whileStopped", whileStopped);
        data.put("buyingDisabled", buyingDisabled);
        return outbox(kind, l.kind().label() + (l.symbol() == null ? " on every symbol" : "") + " ended at "
                + EntryLock.time(l.until(), clock.instant()) + (whileStopped ? ", while the bot was stopped" : "")
                + (buyingDisabled ? "; buying stays disabled (/disablebuy) until /enablebuy."
                        : ": the strategy may buy again."), l.symbol(), data);
    }

    private static ObjectNode lockFacts(EntryLock l) {
        ObjectNode data = facts(l.symbol());
        data.put("protection", l.kind().code());
        data.put("scope", l.symbol() == null ? "all" : l.symbol().toString());
        data.put("since", l.since().toString());
        data.put("until", l.until().toString());
        data.put("reason", l.reason());
        return data;
    }

    /** A strategy buy refused by a risk limit; at most once per symbol and reason every half hour. */
    void buyRefused(Symbol s, Rejection r, Instant now) {
        String key = s + "/" + r.reason();
        Instant last = lastRiskAlert.get(key);
        if (last != null && Duration.between(last, now).compareTo(RISK_ALERT_INTERVAL) < 0) {
            return;
        }
        lastRiskAlert.put(key, now);
        AlertKind kind = AlertKind.RISK_LIMIT;
        ObjectNode data = facts(s);
        data.put("reason", r.reason().code());
        raise(kind, "The strategy's buy was refused: " + r.message(), s, data);
    }

    OutboxAlert orderRejected(Order order, boolean recovered) {
        String side = order.side().name().toLowerCase(Locale.ROOT);
        AlertKind kind = AlertKind.ORDER_REJECTED;
        ObjectNode data = facts(order.symbol());
        data.put("orderId", order.clientOrderId());
        data.put("side", side);
        data.put("purpose", order.purpose().label());
        data.put("reason", String.valueOf(order.reason()));
        data.put("recovered", recovered);
        return outbox(kind, "The exchange rejected " + side + " order " + order.clientOrderId() + ", placed "
                + order.purpose().why() + ": " + order.reason() + (recovered ? AFTER_RESTART : ""), order.symbol(),
                data);
    }

    /**
     * An order that never reached the exchange: cut off by a crash or a restart, or lost and never seen. A person's
     * order must be sent again by that person; the bot decides again on its own.
     */
    /**
     * A person's limit order was cancelled at its timeout: what filled of it (its own alert says so) is kept.
     *
     * @param restAtMarket whether the unfilled rest goes at market now
     */
    void limitTimedOut(Order order, long timeoutMs, boolean restAtMarket) {
        AlertKind kind = AlertKind.ORDER_NOT_PLACED;
        Symbol s = order.symbol();
        ObjectNode data = facts(s);
        data.put("orderId", order.clientOrderId());
        data.put("purpose", order.purpose().label());
        data.put("limitPrice", Money.exact(order.limitPrice()));
        data.put("filledQuantity", Money.exact(order.filledQuantity()));
        data.put("timedOut", true);
        String side = order.side().name().toLowerCase(Locale.ROOT);
        String filled = order.hasFill() ? Money.exact(order.filledQuantity()) + " " + s.base() + " of it filled and "
                + "is kept" : "nothing of it filled";
        raise(kind, "The limit " + side + " at " + price(s, order.limitPrice()) + " (order " + order.clientOrderId()
                + ", " + order.purpose().why() + ") did not fill within " + Durations.words(timeoutMs)
                + " and was cancelled: " + filled + (restAtMarket ? "; the rest goes at market now."
                : ". Send /force" + side + " " + s + " again if you still want it."), s, data);
    }

    OutboxAlert notPlaced(Order order, boolean recovered) {
        AlertKind kind = AlertKind.ORDER_NOT_PLACED;
        ObjectNode data = facts(order.symbol());
        data.put("orderId", order.clientOrderId());
        data.put("purpose", order.purpose().label());
        data.put("recovered", recovered);
        String side = order.side().name().toLowerCase(Locale.ROOT);
        String what = Character.toUpperCase(side.charAt(0)) + side.substring(1) + " order " + order.clientOrderId()
                + ", placed " + order.purpose().why() + ",";
        String again = switch (order.purpose()) {
            case FORCE_BUY -> " Send /forcebuy " + order.symbol() + " again if you still want it.";
            case FORCE_SELL -> " Send /forcesell " + order.symbol() + " again if you still want it.";
            case ENTRY, EXIT -> " The strategy decides again on the next candle.";
            default -> " The position stays protected: the bot sells again while the exit holds.";
        };
        return outbox(kind, (recovered ? "After the restart: " + Character.toLowerCase(what.charAt(0))
                + what.substring(1) : what) + " never reached the exchange"
                + (recovered ? " before the bot stopped" : "") + ", so it was not placed." + again, order.symbol(),
                data);
    }

    /** An order whose answer was lost and that the exchange did not show within the lookup window. */
    void gaveUp(Order order, Duration waited, String exchange) {
        AlertKind kind = AlertKind.ORDER_UNKNOWN;
        ObjectNode data = facts(order.symbol());
        data.put("orderId", order.clientOrderId());
        data.put("purpose", order.purpose().label());
        data.put("waitedMs", waited.toMillis());
        raise(kind, "Order " + order.clientOrderId() + " (" + order.side().name().toLowerCase(Locale.ROOT)
                + ", placed " + order.purpose().why() + ") got no answer and " + exchange + " has not shown it in "
                + Durations.words(waited.toMillis()) + ". The bot treats it as not placed and trades here again; it "
                + "looks it up once more at the next start. Check it on " + exchange + ".", order.symbol(), data);
    }

    void ordersUnanswered(int consecutive) {
        AlertKind kind = AlertKind.EXCHANGE_ERRORS;
        ObjectNode data = facts(null);
        data.put("scope", ORDERS_SCOPE);
        data.put("consecutiveFailures", consecutive);
        raise(kind, "The exchange is failing: " + consecutive + " order requests in a row got no answer; their "
                + "outcome is being checked.", null, data);
    }

    /** Orders get answers again after {@link #ordersUnanswered}. */
    void ordersAnswered() {
        AlertKind kind = AlertKind.EXCHANGE_RECOVERED;
        ObjectNode data = facts(null);
        data.put("scope", ORDERS_SCOPE);
        raise(kind, "Order requests get answers from the exchange again.", null, data);
    }

    /** A fill could not be recorded: the symbol waits until it is. Sent even if the store cannot keep it. */
    void fillNotRecorded(Order order, String error) {
        AlertKind kind = AlertKind.STORE_ERROR;
        ObjectNode data = facts(order.symbol());
        data.put("orderId", order.clientOrderId());
        data.put("error", error);
        raise(kind, "The fill of order " + order.clientOrderId() + " ("
                + order.side().name().toLowerCase(Locale.ROOT) + ") could not be written to the database: " + error
                + ". This symbol is paused (no order, no stop) until it is recorded; the bot keeps trying.",
                order.symbol(), data);
    }

    void fillRecordedLate(Order order, int attempts) {
        AlertKind kind = AlertKind.STORE_RECOVERED;
        ObjectNode data = facts(order.symbol());
        data.put("orderId", order.clientOrderId());
        data.put("attempts", attempts);
        raise(kind, "The fill of order " + order.clientOrderId() + " is recorded now (after "
                + Money.count(attempts, "attempt", "attempts") + "); this symbol trades again.", order.symbol(), data);
    }

    /** A position from an earlier run on a symbol no longer configured: kept visible, priced and protected. */
    void unconfiguredPosition(Position p) {
        AlertKind kind = AlertKind.UNCONFIGURED_POSITION;
        ObjectNode data = facts(p.symbol());
        data.put("quantity", Money.exact(p.quantity()));
        raise(kind, "No longer in the configuration, but the bot holds a position of "
                + Money.exact(p.quantity()) + " " + p.symbol().base() + " here from an earlier run. It stays priced "
                + "and protected by its stops; close it with /forcesell " + p.symbol() + ", or add " + p.symbol()
                + " back to symbols.", p.symbol(), data);
    }

    /**
     * The summary of a {@code /panic} whose sells are all done: one alert for the whole bot.
     *
     * @param startedAt when it started
     * @param sold      its sells that filled, wholly or in part
     * @param unsold    the positions it could not sell, with why
     */
    void panicOver(Instant startedAt, List<Panic.Sold> sold, List<Panic.Unsold> unsold) {
        AlertKind kind = AlertKind.PANIC_DONE;
        ObjectNode data = facts(null);
        BigDecimal total = BigDecimal.ZERO;
        int closed = 0;
        List<String> lines = new ArrayList<>();
        ArrayNode closedData = data.putArray("sold");
        for (Panic.Sold s : sold) {
            Order o = s.order();
            Symbol symbol = o.symbol();
            ObjectNode d = closedData.addObject();
            d.put("symbol", symbol.toString());
            d.put("orderId", o.clientOrderId());
            d.put("quantity", Money.exact(o.filledQuantity()));
            d.put("price", Money.exact(o.averagePrice()));
            d.put("closed", s.closed());
            String line = symbol + ": sold " + Money.exact(o.filledQuantity()) + " " + symbol.base() + " at "
                    + price(symbol, o.averagePrice());
            if (s.trade() == null) {
                line += ", but the bot held no position there";
            } else {
                total = total.add(s.trade().realisedPnl());
                d.put("realisedPnl", Money.exact(s.trade().realisedPnl()));
                line += ", PnL " + Money.signedDown(s.trade().realisedPnl()) + " " + symbol.quote();
            }
            if (s.closed()) {
                closed++;
            } else if (s.trade() != null) {
                line += "; only part of the position sold (" + o.status().label() + ")";
            }
            lines.add(line);
        }
        ArrayNode unsoldData = data.putArray("notSold");
        for (Panic.Unsold u : unsold) {
            unsoldData.addObject().put("symbol", u.symbol().toString()).put("reason", u.why());
            lines.add("Not sold: " + u.symbol() + ": " + u.why());
        }
        int positions = sold.size() + unsold.size();
        data.put("positions", positions);
        data.put("positionsClosed", closed);
        data.put("realisedPnl", Money.exact(total));
        data.put("startedAt", startedAt.toString());
        long tookMs = Duration.between(startedAt, clock.instant()).toMillis();
        raise(kind, "Panic over after " + Durations.words(tookMs) + ": " + closed + " of "
                + Money.count(positions, "position", "positions") + " closed at market, realised PnL "
                + Money.signedDown(total) + " " + quote + ".\n" + String.join("\n", lines)
                + "\nTrading stays stopped globally; /starttrading starts it again.", null, data);
    }

    private void raise(AlertKind kind, String text, Symbol s, ObjectNode data) {
        sink.raise(new Alert(kind, text, s, data));
    }

    /** @return an alert of {@code kind} with its id and no words, for a sink nobody reads */
    private OutboxAlert unread(AlertKind kind, Symbol s) {
        return new OutboxAlert(ids.next(), kind.code(), s == null ? null : s.toString(), null, clock.instant());
    }

    private OutboxAlert outbox(AlertKind kind, String text, Symbol s, ObjectNode data) {
        return OutboxAlert.of(ids.next(), new Alert(kind, text, s, data), clock.instant());
    }

    /** @return {@code price} to the tick of {@code s} */
    private String price(Symbol s, BigDecimal price) {
        return Money.price(price, ticks.apply(s));
    }

    private static String lower(String label) {
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private static String label(Purpose why) {
        return switch (why) {
            case STOP_LOSS -> "Stop-loss";
            case TAKE_PROFIT -> "Take-profit";
            case TRAILING_STOP -> "Trailing stop";
            case MINIMAL_ROI -> "Minimal ROI";
            case EXIT -> "Strategy exit";
            case FORCE_SELL -> "Forced";
            default -> why.label();
        };
    }

    /** @return the facts of an alert about {@code s}, or about the whole bot when it is null. */
    private static ObjectNode facts(Symbol s) {
        ObjectNode data = Money.object();
        if (s != null) {
            data.put("symbol", s.toString());
        }
        return data;
    }
}
