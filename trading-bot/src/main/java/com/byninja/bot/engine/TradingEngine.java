package com.byninja.bot.engine;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.marketdata.MarketListener;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.OrderGateway;
import com.byninja.runtime.Threads;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code trading-engine} thread, the only thread that decides. Market monitors, the link's reader and the order
 * executor hand it work through bounded queues and wake it; it never waits for the network. What does not fit in a
 * queue is counted: candles are dropped, commands are refused with a reply by the caller.
 *
 * <p>A failure while handling one event is logged and counted; the thread goes on with the next one.
 */
public final class TradingEngine implements MarketListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TradingEngine.class);
    private static final long JOIN_TIMEOUT_MS = 2_000;

    private sealed interface MarketEvent {
    }

    private record History(Symbol symbol, List<Candle> candles) implements MarketEvent {
    }

    private record Closed(Candle candle) implements MarketEvent {
    }

    /** Work the trading thread does every interval, such as the periodic status frame. */
    private static final class Periodic {
        final long intervalNanos;
        final Runnable task;
        long due;

        Periodic(long intervalNanos, Runnable task) {
            this.intervalNanos = intervalNanos;
            this.task = task;
            this.due = System.nanoTime() + intervalNanos;
        }
    }

    private final Trader trader;
    private final OrderGateway gateway;
    private final long checkIntervalNanos;
    private final BlockingQueue<MarketEvent> events;
    private final BlockingQueue<Runnable> tasks;
    private final AtomicLong eventsDropped = new AtomicLong();
    private final AtomicLong tasksRefused = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<Periodic> periodic = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param trader             the decisions
     * @param gateway            where order results come from
     * @param checkIntervalMs    how often protective exits are checked
     * @param eventQueueCapacity candles waiting at most
     * @param taskQueueCapacity  commands waiting at most
     */
    public TradingEngine(Trader trader, OrderGateway gateway, long checkIntervalMs, int eventQueueCapacity,
                         int taskQueueCapacity) {
        this.trader = trader;
        this.gateway = gateway;
        this.checkIntervalNanos = TimeUnit.MILLISECONDS.toNanos(checkIntervalMs);
        this.events = new ArrayBlockingQueue<>(eventQueueCapacity);
        this.tasks = new ArrayBlockingQueue<>(taskQueueCapacity);
        this.thread = new Thread(this::run, "trading-engine");
        gateway.onResult(this::wake);
    }

    /** Runs {@code task} on the trading thread every {@code intervalMs}; register before {@link #start()}. */
    public void every(long intervalMs, Runnable task) {
        periodic.add(new Periodic(TimeUnit.MILLISECONDS.toNanos(intervalMs), task));
    }

    /** Starts the thread. */
    public void start() {
        thread.start();
    }

    @Override
    public void onHistory(Symbol symbol, List<Candle> candles) {
        offer(new History(symbol, List.copyOf(candles)));
    }

    @Override
    public void onCandle(Candle candle) {
        offer(new Closed(candle));
    }

    private void offer(MarketEvent event) {
        if (events.offer(event)) {
            wake();
        } else {
            long n = eventsDropped.incrementAndGet();
            if (n == 1 || n % 100 == 0) {
                LOG.warn("trading thread behind: {} market event(s) dropped so far", n);
            }
        }
    }

    /**
     * Runs {@code task} on the trading thread, such as a command and its reply.
     *
     * @return false when the queue is full or the engine stopped; the task will not run
     */
    public boolean submit(Runnable task) {
        if (running && tasks.offer(task)) {
            wake();
            return true;
        }
        tasksRefused.incrementAndGet();
        return false;
    }

    private void wake() {
        LockSupport.unpark(thread);
    }

    private void run() {
        long nextCheck = System.nanoTime();
        while (running) {
            GatewayResult result;
            while ((result = gateway.poll()) != null) {
                GatewayResult r = result;
                safely("order result", () -> trader.onResult(r));
            }
            MarketEvent event;
            while (running && (event = events.poll()) != null) {
                MarketEvent e = event;
                safely("market event", () -> handle(e));
            }
            Runnable task;
            while (running && (task = tasks.poll()) != null) {
                safely("command", task);
            }
            long now = System.nanoTime();
            if (now - nextCheck >= 0) {
                safely("periodic checks", trader::periodicChecks);
                for (Periodic p : periodic) {
                    if (now - p.due >= 0) {
                        safely("periodic task", p.task);
                        p.due = now + p.intervalNanos;
                    }
                }
                nextCheck = now + checkIntervalNanos;
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            LockSupport.parkNanos(this, Math.max(0, nextCheck - System.nanoTime()));
        }
        LOG.debug("trading thread stopped");
    }

    private void handle(MarketEvent event) {
        if (event instanceof History h) {
            trader.onHistory(h.symbol(), h.candles());
        } else if (event instanceof Closed c) {
            trader.onCandle(c.candle());
        }
    }

    private void safely(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            long n = errors.incrementAndGet();
            // A failure that repeats on every check must not flood the log (and the chat, which gets ERRORs).
            if (n <= 10 || n % 1000 == 0) {
                LOG.error("trading thread: {} failed ({} failures so far)", what, n, e);
            }
        }
    }

    /** @return market events dropped because the queue was full. */
    public long eventsDropped() {
        return eventsDropped.get();
    }

    /** @return commands refused because the queue was full. */
    public long tasksRefused() {
        return tasksRefused.get();
    }

    /** @return events whose handling failed. */
    public long errors() {
        return errors.get();
    }

    /** @return whether the calling thread is the trading thread. */
    public boolean isTradingThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * After {@link #close()}, once the order executor has stopped: applies the exchange's definite answers (fills and
     * refusals) that arrived while stopping, on the calling thread, so that they are recorded and alerted now rather
     * than looked up at the next start. Other results are left: the orders they concern stay {@code NEW} and are
     * looked up at the next start. Does nothing while the trading thread is still running.
     *
     * @return how many answers were applied
     */
    public int applyLastResults() {
        if (thread.isAlive()) {
            return 0;
        }
        int applied = 0;
        GatewayResult result;
        while ((result = gateway.poll()) != null) {
            if (result instanceof GatewayResult.Executed executed) {
                safely("order result", () -> trader.onResult(executed));
                applied++;
            }
        }
        return applied;
    }

    /** Stops deciding: the thread finishes the event in hand and ends; waits a bounded time, then interrupts. */
    @Override
    public void close() {
        running = false;
        wake();
        Threads.joinThenInterrupt(thread, JOIN_TIMEOUT_MS);
    }
}
