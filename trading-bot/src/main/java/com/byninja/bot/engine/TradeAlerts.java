package com.byninja.bot.engine;

import com.byninja.bot.exchange.Fee;
import com.byninja.bot.exchange.Symbol;
import com.byninja.bot.link.Alerts;
import com.byninja.bot.orders.Order;
import com.byninja.bot.orders.Purpose;
import com.byninja.bot.positions.ClosedTrade;
import com.byninja.bot.positions.Position;
import com.byninja.bot.risk.Rejection;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The trader's alerts in words and data: each alert's {@code data.event} names its kind and carries the exact
 * figures; the text rounds them for people.
 */
final class TradeAlerts {

    private static final Duration RISK_ALERT_INTERVAL = Duration.ofMinutes(30);

    private final Alerts alerts;
    private final String quote;
    private final Map<String, Instant> lastRiskAlert = new HashMap<>();

    TradeAlerts(Alerts alerts, String quoteCurrency) {
        this.alerts = alerts;
        this.quote = quoteCurrency;
    }

    void bought(Order order, Position after, boolean opened) {
        Symbol s = order.symbol();
        ObjectNode data = event(opened ? "position_opened" : "position_increased", s);
        data.put("orderId", order.clientOrderId());
        data.put("purpose", order.purpose().label());
        data.put("quantity", Money.exact(order.filledQuantity()));
        data.put("price", Money.exact(order.averagePrice()));
        data.put("cost", Money.exact(order.filledValue()));
        data.put("fee", Fee.format(order.fees()));
        data.put("positionQuantity", Money.exact(after.quantity()));
        data.put("averageEntryPrice", Money.exact(after.averageEntryPrice()));
        alerts.alert((opened ? "Opened " : "Added to ") + s + ": bought " + Money.exact(order.filledQuantity())
                + " at " + Money.price(order.averagePrice()) + " for " + Money.quote(order.filledValue()) + " "
                + s.quote() + ", fee " + Money.fees(order.fees(), order.feesKnown(), s.quote()) + " ("
                + order.purpose().label() + ")", s.toString(), data);
    }

    void sold(Order order, ClosedTrade t, boolean closed) {
        Symbol s = order.symbol();
        BigDecimal basis = t.entryCost().add(t.entryFees());
        BigDecimal pct = basis.signum() == 0 ? BigDecimal.ZERO
                : t.realisedPnl().multiply(BigDecimal.valueOf(100)).divide(basis, 2, RoundingMode.HALF_EVEN);
        ObjectNode data = event(closed ? "position_closed" : "position_reduced", s);
        data.put("orderId", order.clientOrderId());
        data.put("purpose", order.purpose().label());
        data.put("quantity", Money.exact(t.quantity()));
        data.put("price", Money.exact(t.exitPrice()));
        data.put("realisedPnl", Money.exact(t.realisedPnl()));
        data.put("realisedPnlPct", pct.toPlainString());
        data.put("fees", Money.exact(t.fees()));
        alerts.alert((closed ? "Closed " : "Reduced ") + s + ": sold " + Money.exact(t.quantity()) + " at "
                + Money.price(t.exitPrice()) + ", PnL " + Money.signed(t.realisedPnl()) + " " + s.quote() + " ("
                + (pct.signum() >= 0 ? "+" : "") + pct.toPlainString() + "%) after " + Money.quote(t.fees()) + " "
                + s.quote() + " fees (" + order.purpose().label() + ")", s.toString(), data);
    }

    void exitHit(Position p, Purpose why, BigDecimal price) {
        String event = switch (why) {
            case STOP_LOSS -> "stop_loss_hit";
            case TAKE_PROFIT -> "take_profit_hit";
            default -> "trailing_stop_hit";
        };
        String label = switch (why) {
            case STOP_LOSS -> "Stop-loss";
            case TAKE_PROFIT -> "Take-profit";
            default -> "Trailing stop";
        };
        ObjectNode data = event(event, p.symbol());
        data.put("price", Money.exact(price));
        data.put("averageEntryPrice", Money.exact(p.averageEntryPrice()));
        data.put("highestPrice", Money.exact(p.highestPrice()));
        alerts.alert(label + " hit on " + p.symbol() + " at " + Money.exact(price) + " (entry "
                + Money.price(p.averageEntryPrice()) + "); selling " + Money.exact(p.quantity()),
                p.symbol().toString(), data);
    }

    void dailyLossLimit(BigDecimal realisedToday, BigDecimal limit) {
        ObjectNode data = event("daily_loss_limit", null);
        data.put("realisedToday", Money.exact(realisedToday));
        data.put("limit", Money.exact(limit));
        alerts.alert("Daily loss limit reached: " + Money.signed(realisedToday) + " " + quote
                + " realised today (limit " + Money.quote(limit) + "); buying stops until 00:00 UTC", null, data);
    }

    /** A strategy buy refused by a risk limit; at most once per symbol and reason every half hour. */
    void buyRefused(Symbol s, Rejection r, Instant now) {
        String key = s + "/" + r.reason();
        Instant last = lastRiskAlert.get(key);
        if (last != null && Duration.between(last, now).compareTo(RISK_ALERT_INTERVAL) < 0) {
            return;
        }
        lastRiskAlert.put(key, now);
        ObjectNode data = event("risk_limit", s);
        data.put("reason", r.reason().name());
        alerts.alert("Buy on " + s + " refused: " + r.message(), s.toString(), data);
    }

    void orderRejected(Order order) {
        String side = order.side().name().toLowerCase(Locale.ROOT);
        ObjectNode data = event("order_rejected", order.symbol());
        data.put("orderId", order.clientOrderId());
        data.put("side", side);
        data.put("reason", String.valueOf(order.reason()));
        alerts.alert("The exchange rejected " + side + " order " + order.clientOrderId() + " for " + order.symbol()
                + ": " + order.reason(), order.symbol().toString(), data);
    }

    void ordersUnanswered(int consecutive) {
        ObjectNode data = event("exchange_errors", null);
        data.put("consecutiveFailures", consecutive);
        alerts.alert("The exchange is failing: " + consecutive + " order requests in a row got no answer; their "
                + "outcome is being checked", null, data);
    }

    private static ObjectNode event(String name, Symbol s) {
        ObjectNode data = Money.object();
        data.put("event", name);
        if (s != null) {
            data.put("symbol", s.toString());
        }
        return data;
    }
}
