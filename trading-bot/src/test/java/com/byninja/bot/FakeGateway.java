package com.byninja.bot;

import com.byninja.bot.exchange.ExecutionReport;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.Order;
import com.byninja.bot.orders.OrderGateway;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An order gateway the test answers by hand. */
public final class FakeGateway implements OrderGateway {

    public final List<Order> placed = new ArrayList<>();
    public final List<Order> lookups = new ArrayList<>();
    private final Deque<GatewayResult> results = new ArrayDeque<>();
    public boolean full;

    @Override
    public boolean place(Order order) {
        if (full) {
            return false;
        }
        placed.add(order);
        return true;
    }

    @Override
    public boolean lookup(Order order) {
        lookups.add(order);
        return true;
    }

    @Override
    public GatewayResult poll() {
        return results.poll();
    }

    @Override
    public void onResult(Runnable onResult) {
    }

    public Order last() {
        return placed.get(placed.size() - 1);
    }

    /** Answers {@code order} with a fill. */
    public void fill(Order order, String quantity, String price, String fee, Instant at) {
        results.add(new GatewayResult.Executed(order, Reports.filled(order.clientOrderId(), "X" + placed.size(),
                quantity, price, fee, order.symbol().quote(), at)));
    }

    public void reject(Order order, String reason, Instant at) {
        results.add(new GatewayResult.Executed(order, ExecutionReport.rejected(order.clientOrderId(), reason, at)));
    }

    public void answer(GatewayResult result) {
        results.add(result);
    }
}
