package com.byninja.bot.link;

import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.link.StatusReport.Report;
import com.byninja.bot.orders.OrderManager;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The {@code orders} answer: the orders waiting for the exchange (a market order waits for its answer only; one whose
 * answer was lost is looked up until the exchange tells), those resting on it (a stop-loss, a limit order), those
 * given up on for this run (looked up again at the next start), and the filled ones whose fees are still being looked
 * up. Runs on the trading thread, which owns the order
 * manager.
 */
public final class OrdersReport {

    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final Trader trader;

    public OrdersReport(Trader trader) {
        this.trader = trader;
    }

    /** @return the {@code orders} answer */
    public Report orders() {
        Instant now = trader.clock().instant();
        OrderManager manager = trader.orders();
        List<Order> waiting = new ArrayList<>(manager.inFlight());
        waiting.sort(Comparator.comparing(Order::createdAt).thenComparing(Order::clientOrderId));
        List<Order> givenUp = manager.givenUp();
        List<Order> fees = manager.feesUnknown();
        ObjectNode data = Money.object();
        ArrayNode inFlight = data.putArray("inFlight");
        Layout layout = new Layout();
        if (waiting.isEmpty()) {
            layout.text(manager.resting().isEmpty() ? "No orders waiting for the exchange."
                    : "No orders waiting for the exchange's answer.");
        } else {
            layout.text("Orders waiting for the exchange: " + waiting.size());
            List<String> lines = new ArrayList<>();
            for (Order o : waiting) {
                boolean unknown = manager.outcomeUnknown(o);
                ObjectNode n = order(inFlight.addObject(), o);
                n.put("outcomeUnknown", unknown);
                lines.add(what(o));
                lines.add(" " + o.clientOrderId() + " at " + time(o.createdAt(), now));
                lines.add(" placed " + o.purpose().why());
                lines.add(unknown ? " outcome unknown: asking the exchange" : " waiting for the answer");
            }
            layout.table(lines);
        }
        ArrayNode restingList = data.putArray("resting");
        List<Order> resting = List.copyOf(manager.resting());
        if (!resting.isEmpty()) {
            layout.text("Resting on the exchange: " + resting.size());
            List<String> lines = new ArrayList<>();
            for (Order o : resting) {
                ObjectNode n = order(restingList.addObject(), o);
                n.put("type", o.type().name());
                n.put("limitPrice", Money.exact(o.limitPrice()));
                if (o.stopPrice() != null) {
                    n.put("stopPrice", Money.exact(o.stopPrice()));
                }
                n.put("filledQuantity", Money.exact(o.filledQuantity()));
                n.put("cancelling", manager.cancelling(o));
                BigDecimal tick = trader.priceTick(o.symbol());
                lines.add(what(o));
                lines.add(" " + o.clientOrderId() + " at " + time(o.createdAt(), now));
                lines.add(" " + o.purpose().label() + (o.stopPrice() == null ? "" : ", stop "
                        + Money.price(o.stopPrice(), tick)) + ", limit " + Money.price(o.limitPrice(), tick));
                lines.add(manager.cancelling(o) ? " being cancelled" : o.hasFill() ? " "
                        + Money.exact(o.filledQuantity()) + " " + o.symbol().base() + " filled so far" : " resting");
            }
            layout.table(lines);
        }
        ArrayNode lost = data.putArray("givenUp");
        if (!givenUp.isEmpty()) {
            layout.text("Outcome still unknown after the lookup window, looked up again at the next start: "
                    + givenUp.size());
            List<String> lines = new ArrayList<>();
            for (Order o : givenUp) {
                order(lost.addObject(), o);
                lines.add(what(o));
                lines.add(" " + o.clientOrderId() + " at " + time(o.createdAt(), now));
            }
            layout.table(lines);
        }
        ArrayNode feeList = data.putArray("feesUnknown");
        if (!fees.isEmpty()) {
            layout.text("Filled, fees being looked up: " + fees.size());
            List<String> lines = new ArrayList<>();
            for (Order o : fees) {
                order(feeList.addObject(), o).put("filledAt", o.updatedAt().toString());
                lines.add(o.symbol() + " " + o.side().name().toLowerCase(Locale.ROOT) + " " + o.clientOrderId());
                lines.add(" filled at " + time(o.updatedAt(), now));
            }
            layout.table(lines);
        }
        return layout.done(data);
    }

    /** @return {@code BTC/USDT buy for 100.00 USDT} or {@code ETH/USDT sell 0.031 ETH} */
    private static String what(Order o) {
        return o.side() == Side.BUY
                ? o.symbol() + " buy for " + Money.up(o.quoteAmount()) + " " + o.symbol().quote()
                : o.symbol() + " sell " + Money.exact(o.quantity()) + " " + o.symbol().base();
    }

    /** @return {@code 10:41:07 UTC} today, {@code 03-06 10:41 UTC} on another day */
    private static String time(Instant at, Instant now) {
        boolean today = LocalDate.ofInstant(at, ZoneOffset.UTC).equals(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return (today ? Layout.TIME : OTHER_DAY).format(at) + " UTC";
    }

    private static ObjectNode order(ObjectNode n, Order o) {
        n.put("orderId", o.clientOrderId());
        n.put("symbol", o.symbol().toString());
        n.put("side", o.side().name().toLowerCase(Locale.ROOT));
        n.put("purpose", o.purpose().name().toLowerCase(Locale.ROOT));
        if (o.quoteAmount() != null) {
            n.put("quoteAmount", Money.exact(o.quoteAmount()));
        }
        if (o.quantity() != null) {
            n.put("quantity", Money.exact(o.quantity()));
        }
        n.put("createdAt", o.createdAt().toString());
        return n;
    }
}
