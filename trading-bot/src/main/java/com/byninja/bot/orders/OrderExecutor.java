package com.byninja.bot.orders;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.runtime.Threads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only caller of {@link Execution}, so that exchange round trips never stall the trading thread. Each symbol has
 * its own lane, a bounded queue and a thread {@code order-executor-BASE/QUOTE}: an order of one symbol never waits
 * behind another symbol's slow or lost answer (timeouts and retries can take a minute), so a stop-loss goes out at
 * once whatever the other symbols are doing. Within a lane, orders and lookups run one at a time, in order; the order
 * manager sends a symbol's next order only once its previous one is answered. Balances are refreshed on their own
 * thread, {@code order-balances}: every interval, after each execution, and on request.
 *
 * <p>Each order is sent exactly once; when the answer is lost, the trading thread asks for a lookup instead of
 * sending again. The result queue holds at least as many results as tasks can be queued plus in flight in every
 * lane, plus one balance refresh, so a result is never dropped while the trading thread drains it.
 */
public final class OrderExecutor implements OrderGateway, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderExecutor.class);
    private static final long JOIN_TIMEOUT_MS = 1_500;
    /** How long a call cut off at stop is given to end once interrupted. */
    private static final long INTERRUPT_GRACE_MS = 200;

    /** What a task asks of the exchange. */
    private enum Kind { PLACE, LOOKUP, CANCEL }

    private record Task(Order order, Kind kind) {
    }

    /** Wakes an idle lane at close. */
    private static final Task STOP = new Task(null, Kind.PLACE);

    /**
     * An order, or the lookup of one, that still had no answer from the exchange when stopping cut it off. The order
     * stays {@code NEW} in the store, and the next start looks it up.
     *
     * @param order  the order
     * @param lookup whether the call was a lookup rather than the order itself
     */
    public record CutOff(Order order, boolean lookup) {
        // A cut-off cancel counts as a lookup: the order stays as recorded (OPEN) and is asked about at the next start.
        /** @return such as {@code order bn-1 (BUY BTC/USDT 25.00 USDT)} or {@code the lookup of order bn-1 (...)} */
        public String what() {
            String amount = order.quoteAmount() != null
                    ? order.quoteAmount().toPlainString() + " " + order.symbol().quote()
                    : order.quantity().toPlainString() + " " + order.symbol().base();
            String described = "order " + order.clientOrderId() + " (" + order.side() + " " + order.symbol() + " "
                    + amount + ")";
            return lookup ? "the lookup of " + described : described;
        }

        /** @return what becomes of the order, for the person reading */
        public String consequence() {
            return lookup ? "the order stays NEW and is looked up again at the next start"
                          : "it stays NEW and is looked up at the next start";
        }
    }

    private final Execution execution;
    private final int laneCapacity;
    private final long balanceRefreshMs;
    private final Map<Symbol, Lane> lanes = new ConcurrentHashMap<>();
    private final BlockingQueue<GatewayResult> results;
    private final BlockingQueue<Boolean> balanceRequests = new ArrayBlockingQueue<>(1);
    private final AtomicLong rejectedTasks = new AtomicLong();
    private final AtomicLong droppedResults = new AtomicLong();
    private final Thread balances;
    private volatile boolean started;
    private volatile boolean running = true;
    private volatile Runnable onResult = () -> { };

    /**
     * @param execution        the exchange
     * @param symbols          the symbols traded, each given its lane (another symbol gets one on first use)
     * @param capacity         orders and lookups waiting at most, per symbol
     * @param balanceRefreshMs how often balances are fetched
     */
    public OrderExecutor(Execution execution, Collection<Symbol> symbols, int capacity, long balanceRefreshMs) {
        this.execution = execution;
        this.laneCapacity = capacity;
        this.balanceRefreshMs = balanceRefreshMs;
        this.results = new ArrayBlockingQueue<>((capacity + 1) * Math.max(1, symbols.size()) * 2 + 2);
        symbols.forEach(s -> lanes.put(s, new Lane(s)));
        this.balances = new Thread(this::refreshLoop, "order-balances");
        this.balances.setDaemon(true);
    }

    /** Starts the threads. */
    public synchronized void start() {
        started = true;
        lanes.values().forEach(Lane::start);
        balances.start();
    }

    @Override
    public boolean place(Order order) {
        return offer(new Task(order, Kind.PLACE));
    }

    @Override
    public boolean lookup(Order order) {
        return offer(new Task(order, Kind.LOOKUP));
    }

    @Override
    public boolean cancel(Order order) {
        return offer(new Task(order, Kind.CANCEL));
    }

    @Override
    public void refreshBalances() {
        balanceRequests.offer(Boolean.TRUE);
    }

    private boolean offer(Task task) {
        if (!running) {
            rejectedTasks.incrementAndGet();
            return false;
        }
        Lane lane = lanes.computeIfAbsent(task.order().symbol(), s -> {
            Lane created = new Lane(s);
            synchronized (this) {
                if (started && running) {
                    created.start();
                }
            }
            return created;
        });
        if (!lane.tasks.offer(task)) {
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

    /** @return tasks refused because a lane's queue was full or the executor closed. */
    public long rejectedTasks() {
        return rejectedTasks.get();
    }

    /** @return orders and lookups waiting in the symbols' queues, not counting those at the exchange now */
    public int tasksWaiting() {
        return lanes.values().stream().mapToInt(lane -> lane.tasks.size()).sum();
    }

    /** @return how many orders and lookups each symbol's queue holds at most */
    public int laneCapacity() {
        return laneCapacity;
    }

    /** @return the exchange's answers waiting for the trading thread */
    public int resultsWaiting() {
        return results.size();
    }

    /** One symbol's queue and thread. */
    private final class Lane {
        final BlockingQueue<Task> tasks = new ArrayBlockingQueue<>(laneCapacity);
        final Thread thread;
        /** The task waiting for the exchange, if any. */
        volatile Task current;

        Lane(Symbol symbol) {
            this.thread = new Thread(this::run, "order-executor-" + symbol);
            this.thread.setDaemon(true);
        }

        void start() {
            if (thread.getState() == Thread.State.NEW) {
                thread.start();
            }
        }

        private void run() {
            while (running) {
                Task task;
                try {
                    task = tasks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (task == STOP || !running) {
                    return;
                }
                GatewayResult result;
                current = task;
                try {
                    result = execute(task);
                } finally {
                    current = null;
                }
                deliver(result);
                if (result instanceof GatewayResult.Executed) {
                    refreshBalances();
                }
            }
        }
    }

    private void refreshLoop() {
        while (running) {
            try {
                balanceRequests.poll(balanceRefreshMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!running) {
                return;
            }
            deliver(fetchBalances());
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
            return switch (task.kind()) {
                case PLACE -> new GatewayResult.Executed(order, execution.placeOrder(order.toRequest()));
                case LOOKUP -> execution.findOrder(order.toRequest())
                        .<GatewayResult>map(r -> new GatewayResult.Executed(order, r))
                        .orElseGet(() -> new GatewayResult.NotFound(order));
                case CANCEL -> execution.cancelOrder(order.toRequest())
                        .<GatewayResult>map(r -> new GatewayResult.Executed(order, r))
                        .orElseGet(() -> new GatewayResult.NotFound(order));
            };
        } catch (ExchangeException | RuntimeException e) {
            if (task.kind() == Kind.CANCEL) {
                LOG.debug("cancel of order {} not confirmed", order.clientOrderId(), e);
                return new GatewayResult.CancelUnconfirmed(order, String.valueOf(e.getMessage()));
            }
            LOG.debug("order {} outcome unknown", order.clientOrderId(), e);
            return new GatewayResult.Unknown(order, String.valueOf(e.getMessage()));
        }
    }

    private GatewayResult fetchBalances() {
        try {
            return new GatewayResult.Balances(execution.balances());
        } catch (ExchangeException | RuntimeException e) {
            LOG.debug("balance refresh failed: {}", e.getMessage());
            return null;
        }
    }

    /**
     * Asks every lane to stop after the call in progress, without waiting: nothing more is sent, and orders still
     * queued stay {@code NEW}, to be looked up at the next start.
     */
    public void requestStop() {
        synchronized (this) {
            running = false;
        }
        lanes.values().forEach(l -> l.tasks.offer(STOP));
        balanceRequests.offer(Boolean.TRUE);
    }

    /**
     * Waits for the lanes and the balance thread, asked to stop, until {@code deadlineNanos} (of
     * {@link System#nanoTime()}); then interrupts the calls still waiting for the exchange and gives them a moment to
     * end.
     *
     * @return the orders and lookups cut off that way, their answer unknown
     */
    public List<CutOff> awaitStop(long deadlineNanos) {
        List<Lane> all = List.copyOf(lanes.values());
        List<Thread> threads = new ArrayList<>();
        all.forEach(l -> threads.add(l.thread));
        threads.add(balances);
        List<Thread> late = Threads.joinAll(threads, deadlineNanos);
        List<CutOff> cut = new ArrayList<>();
        for (Lane lane : all) {
            Task task = lane.current;
            if (late.contains(lane.thread) && task != null) {
                cut.add(new CutOff(task.order(), task.kind() != Kind.PLACE));
            }
        }
        Threads.interruptAll(late, INTERRUPT_GRACE_MS);
        return cut;
    }

    /** Stops every lane after the call in progress, waiting a bounded time; see {@link #awaitStop}. */
    @Override
    public void close() {
        requestStop();
        awaitStop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_TIMEOUT_MS));
    }
}
