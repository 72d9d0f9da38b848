package com.byninja.bot.replay;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Order;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.OrderGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The order gateway of a replay, on the replaying thread: an order waits until the driver says the market is where it
 * fills ({@link #fillWaiting()}: at once for a plain replay; the next candle's open, or the stop level, for a
 * backtest), then executes against an {@link Execution} (the paper wallet on replayed prices) at the price of that
 * moment. Its result waits for the next step, as a live result waits for the trading thread to wake. No thread, no
 * queue bound: a replay places at most a few orders per step.
 */
public final class ReplayGateway implements OrderGateway {

    private final Execution execution;
    private final List<Order> waiting = new ArrayList<>();
    private final Deque<GatewayResult> results = new ArrayDeque<>();
    private long executed;

    public ReplayGateway(Execution execution) {
        this.execution = execution;
    }

    @Override
    public boolean place(Order order) {
        waiting.add(order);
        return true;
    }

    @Override
    public boolean lookup(Order order) {
        try {
            Optional<ExecutionReport> found = execution.findOrder(order.toRequest());
            if (found.isPresent() && found.get().status().isFinal() && order.rests()) {
                // A resting order the lookup found filled or ended moved the wallet.
                executed++;
            }
            results.add(found.<GatewayResult>map(r -> new GatewayResult.Executed(order, r))
                    .orElseGet(() -> new GatewayResult.NotFound(order)));
        } catch (ExchangeException e) {
            results.add(new GatewayResult.Unknown(order, e.getMessage()));
        }
        return true;
    }

    @Override
    public boolean cancel(Order order) {
        if (waiting.remove(order)) {
            // Never sent: withdrawn before its fill, as an exchange that never received it says.
            results.add(new GatewayResult.NotFound(order));
            return true;
        }
        try {
            Optional<ExecutionReport> found = execution.cancelOrder(order.toRequest());
            // What the order held comes back to the wallet.
            executed++;
            results.add(found.<GatewayResult>map(r -> new GatewayResult.Executed(order, r))
                    .orElseGet(() -> new GatewayResult.NotFound(order)));
        } catch (ExchangeException e) {
            results.add(new GatewayResult.CancelUnconfirmed(order, e.getMessage()));
        }
        return true;
    }

    /** Executes every waiting order at the prices of this moment. */
    public void fillWaiting() {
        fillWaiting(order -> true);
    }

    /** Executes the waiting orders {@code due} accepts, in the order placed, at the prices of this moment. */
    public void fillWaiting(Predicate<Order> due) {
        for (Iterator<Order> it = waiting.iterator(); it.hasNext(); ) {
            Order order = it.next();
            if (!due.test(order)) {
                continue;
            }
            it.remove();
            try {
                results.add(new GatewayResult.Executed(order, execution.placeOrder(order.toRequest())));
                executed++;
            } catch (ExchangeException e) {
                results.add(new GatewayResult.Unknown(order, e.getMessage()));
            }
        }
    }

    /** @return the orders waiting for their fill, in the order placed. */
    public List<Order> waiting() {
        return List.copyOf(waiting);
    }

    /**
     * @return orders executed, resting orders found ended and cancels, since start: when it has not moved, the wallet
     *         has not either
     */
    public long executed() {
        return executed;
    }

    /** @return whether orders wait for their fill. */
    public boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    @Override
    public GatewayResult poll() {
        return results.poll();
    }

    @Override
    public void onResult(Runnable onResult) {
        // Results are taken by the replay's next step; nobody needs waking.
    }

    /** @return the results waiting for the next step, removed. */
    public List<GatewayResult> drain() {
        if (results.isEmpty()) {
            return List.of();
        }
        List<GatewayResult> out = new ArrayList<>(results);
        results.clear();
        return out;
    }
}
