package com.byninja.bot.orders;

import com.byninja.bot.Threads;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.exchange.ExecutionReport;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code order-executor} thread: the only caller of {@link Execution}, so that exchange round trips never stall
 * the trading thread. Each order is sent exactly once; when the answer is lost, the trading thread asks for a lookup
 * instead of sending again. Idle, it refreshes balances.
 *
 * <p>The result queue holds at least as many results as tasks can be queued plus in flight, plus one balance
 * refresh, so a result is never dropped.
 */
public final class OrderExecutor implements OrderGateway, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderExecutor.class);
    private static final long JOIN_TIMEOUT_MS = 1_500;

    private record Task(Order order, boolean lookup) {
    }

    /** Wakes the idle thread at close. */
    private static final Task STOP = new Task(null, false);

    private final Execution execution;
    private final long balanceRefreshMs;
    private final BlockingQueue<Task> tasks;
    private final BlockingQueue<GatewayResult> results;
    private final AtomicLong rejectedTasks = new AtomicLong();
    private final AtomicLong droppedResults = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Runnable onResult = () -> { };

    /**
     * @param execution        the exchange
     * @param capacity         orders waiting at most
     * @param balanceRefreshMs how often balances are fetched when idle
     */
    public OrderExecutor(Execution execution, int capacity, long balanceRefreshMs) {
        this.execution = execution;
        this.balanceRefreshMs = balanceRefreshMs;
        this.tasks = new ArrayBlockingQueue<>(capacity);
        this.results = new ArrayBlockingQueue<>(capacity + 2);
        this.thread = new Thread(this::run, "order-executor");
        this.thread.setDaemon(true);
    }

    /** Starts the thread. */
    public void start() {
        thread.start();
    }

    @Override
    public boolean place(Order order) {
        return offer(new Task(order, false));
    }

    @Override
    public boolean lookup(Order order) {
        return offer(new Task(order, true));
    }

    private boolean offer(Task task) {
        if (!running || !tasks.offer(task)) {
            rejectedTasks.incrementAndGet();
            return false;
        }
        return true;
    }

    @Override
    public GatewayResult poll() {
        return results.poll();
    }

    @Override
    public void onResult(Runnable callback) {
        this.onResult = callback;
    }

    /** @return results that found the result queue full. */
    public long droppedResults() {
        return droppedResults.get();
    }

    /** @return tasks refused because the queue was full or the executor closed. */
    public long rejectedTasks() {
        return rejectedTasks.get();
    }

    private void run() {
        while (running) {
            Task task;
            try {
                task = tasks.poll(balanceRefreshMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (task == STOP || !running) {
                return;
            }
            GatewayResult result = task == null ? refreshBalances() : execute(task);
            deliver(result);
            if (task != null && result instanceof GatewayResult.Executed) {
                deliver(refreshBalances());
            }
        }
    }

    private void deliver(GatewayResult result) {
        if (result == null) {
            return;
        }
        if (results.offer(result)) {
            onResult.run();
        } else {
            // Only when the trading thread has stopped draining: an order result lost here is looked up at the
            // next start, as the order is still NEW in the store.
            droppedResults.incrementAndGet();
            LOG.warn("order executor: result queue full, {} dropped", result.getClass().getSimpleName());
        }
    }

    private GatewayResult execute(Task task) {
        Order order = task.order();
        try {
            if (task.lookup()) {
                Optional<ExecutionReport> found = execution.findOrder(order.toRequest());
                return found.<GatewayResult>map(r -> new GatewayResult.Executed(order, r))
                        .orElseGet(() -> new GatewayResult.NotFound(order));
            }
            return new GatewayResult.Executed(order, execution.placeMarketOrder(order.toRequest()));
        } catch (ExchangeException | RuntimeException e) {
            LOG.debug("order {} outcome unknown", order.clientOrderId(), e);
            return new GatewayResult.Unknown(order, String.valueOf(e.getMessage()));
        }
    }

    private GatewayResult refreshBalances() {
        try {
            return new GatewayResult.Balances(execution.balances());
        } catch (ExchangeException | RuntimeException e) {
            LOG.debug("balance refresh failed: {}", e.getMessage());
            return null;
        }
    }

    /**
     * Stops the thread after the order in progress, if any; orders still queued are not sent and stay {@code NEW},
     * to be looked up at the next start.
     */
    @Override
    public void close() {
        running = false;
        tasks.offer(STOP);
        Threads.joinThenInterrupt(thread, JOIN_TIMEOUT_MS);
    }
}
