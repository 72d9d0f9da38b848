package com.byninja.bot.engine;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.marketdata.MarketListener;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.OrderGateway;
import com.byninja.runtime.Agent;
import com.byninja.runtime.AgentRunner;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * executor hand it work through bounded queues and wake it; it never waits for the network. Each time it wakes it
 * gathers what arrived and calls {@link Trader#step} with the clock's instant; between steps it runs the periodic
 * tasks of the process (the {@code STATUS} frame, forgetting delivered alerts). What does not fit in a queue is
 * counted: candles are dropped, commands are refused with a reply by the caller.
 *
 * <p>A failure while handling one input is logged and counted; the thread goes on with the next one.
 */
public final class TradingEngine implements MarketListener, Agent, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TradingEngine.class);
    private static final long JOIN_TIMEOUT_MS = 2_000;

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
    private final Clock clock;
    private final OrderGateway gateway;
    private final BlockingQueue<MarketEvent> events;
    private final BlockingQueue<Runnable> tasks;
    private final AtomicLong eventsDropped = new AtomicLong();
    private final AtomicLong tasksRefused = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<Periodic> periodic = new CopyOnWriteArrayList<>();
    private final List<GatewayResult> results = new ArrayList<>();
    private final List<MarketEvent> market = new ArrayList<>();
    private final List<Runnable> commands = new ArrayList<>();
    private final AgentRunner runner;
    private volatile Thread thread;
    private volatile boolean running = true;

    /**
     * @param trader             the decisions; its clock gives each step's instant
     * @param gateway            where order results come from
     * @param eventQueueCapacity candles waiting at most
     * @param taskQueueCapacity  commands waiting at most
     * @param errors             told of a failure outside the step's own inputs, which the step counts itself
     */
    public TradingEngine(Trader trader, OrderGateway gateway, int eventQueueCapacity, int taskQueueCapacity,
                         ErrorHandler errors) {
        this.trader = trader;
        this.clock = trader.clock();
        this.gateway = gateway;
        this.events = new ArrayBlockingQueue<>(eventQueueCapacity);
        this.tasks = new ArrayBlockingQueue<>(taskQueueCapacity);
        this.runner = new AgentRunner(this, errors, JOIN_TIMEOUT_MS);
        gateway.onResult(this::wake);
    }

    /** With errors logged and counted on their own. */
    public TradingEngine(Trader trader, OrderGateway gateway, int eventQueueCapacity, int taskQueueCapacity) {
        this(trader, gateway, eventQueueCapacity, taskQueueCapacity, ErrorHandler.logging(LOG,
                new Counters()));
    }

    /** Runs {@code task} on the trading thread every {@code intervalMs}; register before {@link #start()}. */
    public void every(long intervalMs, Runnable task) {
        periodic.add(new Periodic(TimeUnit.MILLISECONDS.toNanos(intervalMs), task));
    }

    /** Starts the thread. */
    public void start() {
        runner.start();
    }

    @Override
    public String roleName() {
        return "trading-engine";
    }

    @Override
    public void onStart() {
        thread = Thread.currentThread();
    }

    @Override
    public void onStopRequested() {
        running = false;
        wake();
    }

    @Override
    public void onHistory(Symbol symbol, List<Candle> candles) {
        offer(new MarketEvent.History(symbol, candles));
    }

    @Override
    public void onCandle(Candle candle) {
        offer(new MarketEvent.Closed(candle));
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
     * Runs {@code task} on the trading thread, within a step, such as a command and its reply.
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
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * One turn of the loop: gathers what arrived, takes a step if there is something to decide or the checks are
     * due, runs the periodic tasks that are due, and waits (parked, woken by any new input) until the next is due.
     */
    @Override
    public int doWork() {
        GatewayResult result;
        while ((result = gateway.poll()) != null) {
            results.add(result);
        }
        events.drainTo(market);
        tasks.drainTo(commands);
        int work = results.size() + market.size() + commands.size();
        Instant now = clock.instant();
        if (work > 0 || !now.isBefore(trader.nextCheck())) {
            trader.step(now, new Trader.StepInputs(results, market, commands), this::failed);
            results.clear();
            market.clear();
            commands.clear();
        }
        long nanos = System.nanoTime();
        long parkNanos = Math.max(0, Duration.between(clock.instant(), trader.nextCheck()).toNanos());
        for (Periodic p : periodic) {
            if (nanos - p.due >= 0) {
                safely("periodic task", p.task);
                p.due = nanos + p.intervalNanos;
                work++;
            }
            parkNanos = Math.min(parkNanos, Math.max(0, p.due - nanos));
        }
        if (running && events.isEmpty() && tasks.isEmpty()) {
            LockSupport.parkNanos(this, parkNanos);
        }
        return work;
    }

    @Override
    public void onClose() {
        LOG.debug("trading thread stopped");
    }

    private void safely(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            failed(what, e);
        }
    }

    private void failed(String what, RuntimeException e) {
        long n = errors.incrementAndGet();
        // A failure that repeats on every check must not flood the log (and the chat, which gets ERRORs).
        if (n <= 10 || n % 1000 == 0) {
            LOG.error("trading thread: {} failed ({} failures so far)", what, n, e);
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

    /** @return market events (closed candles, history) waiting for the trading thread */
    public int eventsWaiting() {
        return events.size();
    }

    /** @return commands waiting for the trading thread */
    public int commandsWaiting() {
        return tasks.size();
    }

    /** @return inputs whose handling failed. */
    public long errors() {
        return errors.get();
    }

    /** @return whether the calling thread is the trading thread. */
    public boolean isTradingThread() {
        return Thread.currentThread() == thread && thread != null;
    }

    /**
     * After {@link #close()}, once the order executor has stopped: applies the exchange's definite answers (fills and
     * refusals) that arrived while stopping, on the calling thread ({@link Trader#settle}), so that they are recorded
     * and alerted now rather than looked up at the next start. Other results are left: the orders they concern stay
     * {@code NEW} and are looked up at the next start. Does nothing while the trading thread is still running.
     *
     * @return how many answers were applied
     */
    public int applyLastResults() {
        if (runner.isAlive()) {
            return 0;
        }
        List<GatewayResult> executed = new ArrayList<>();
        GatewayResult result;
        while ((result = gateway.poll()) != null) {
            if (result instanceof GatewayResult.Executed) {
                executed.add(result);
            }
        }
        if (!executed.isEmpty()) {
            trader.settle(clock.instant(), executed, this::failed);
        }
        return executed.size();
    }

    /** Stops deciding: the thread finishes the step in hand and ends; waits a bounded time, then interrupts. */
    @Override
    public void close() {
        running = false;
        runner.close();
    }
}
