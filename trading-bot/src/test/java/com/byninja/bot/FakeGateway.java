package com.byninja.bot;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Order;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.OrderGateway;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** An order gateway the test answers by hand. */
public final class FakeGateway implements OrderGateway {

    public final List<Order> placed = new ArrayList<>();
    public final List<Order> lookups = new ArrayList<>();
    public final List<Order> cancels = new ArrayList<>();
    public int balanceRefreshes;
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
    public boolean cancel(Order order) {
        cancels.add(order);
        return true;
    }

    @Override
    public void refreshBalances() {
        balanceRefreshes++;
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

    /** Answers {@code order} with a refusal for insufficient balance, as Binance's -2010. */
    public void rejectForBalance(Order order, Instant at) {
        results.add(new GatewayResult.Executed(order, ExecutionReport.rejected(order.clientOrderId(),
                ExecutionReport.Refusal.INSUFFICIENT_BALANCE, "insufficient funds: Account has insufficient balance "
                        + "for requested action.", at)));
    }

    /** Answers {@code order} with a fill whose fees the exchange could not tell yet. */
    public void fillFeesUnknown(Order order, String quantity, String price, Instant at) {
        ExecutionReport r = Reports.filled(order.clientOrderId(), "X" + placed.size(), quantity, price, "0",
                order.symbol().quote(), at);
        results.add(new GatewayResult.Executed(order, new ExecutionReport(r.clientOrderId(), r.exchangeOrderId(),
                r.status(), r.filledQuantity(), r.quoteQuantity(), List.of(), false, null, null, at)));
    }

    /** Answers {@code order}: it rests on the exchange, nothing executed yet. */
    public void rest(Order order, Instant at) {
        results.add(new GatewayResult.Executed(order, ExecutionReport.open(order.clientOrderId(), "X" + placed.size(),
                BigDecimal.ZERO, BigDecimal.ZERO, List.of(), at)));
    }

    /** Answers {@code order} (a cancel, or a lookup of a resting order): cancelled with nothing executed. */
    public void cancelled(Order order, String reason, Instant at) {
        results.add(new GatewayResult.Executed(order, ExecutionReport.cancelled(order.clientOrderId(), "X",
                BigDecimal.ZERO, BigDecimal.ZERO, List.of(), reason, at)));
    }

    /** The cancel of {@code order} was not confirmed: the exchange could not be reached. */
    public void cancelUnconfirmed(Order order) {
        results.add(new GatewayResult.CancelUnconfirmed(order, "connect timed out"));
    }

    /** A lookup, or an order's answer, found nothing on the exchange. */
    public void notFound(Order order) {
        results.add(new GatewayResult.NotFound(order));
    }

    /** The exchange could not be reached about {@code order}. */
    public void unknown(Order order) {
        results.add(new GatewayResult.Unknown(order, "connect timed out"));
    }

    /** Fresh balances from the exchange. */
    public void balances(Map<String, BigDecimal> free) {
        results.add(new GatewayResult.Balances(free));
    }

    public void answer(GatewayResult result) {
        results.add(result);
    }
}
