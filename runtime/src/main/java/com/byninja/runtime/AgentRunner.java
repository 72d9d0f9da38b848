package com.byninja.runtime;

import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Agent} on one thread named after its role, as Agrona's {@code AgentRunner} does: {@link #start()}
 * starts the thread, {@link #close()} stops the loop, waits a bounded time, then interrupts the thread and waits as
 * long again, and always leaves the caller's interrupt flag as it found it. A failure of the agent goes to the
 * injected {@link ErrorHandler} and the agent carries on, after a pause that grows while the failures go on (10 ms,
 * doubling, at most a second), so a step that fails at once every time cannot spin a core.
 *
 * <pre>{@code
 * AgentRunner runner = new AgentRunner(agent, ErrorHandler.logging(LOG, counters)).start();
 * ...
 * runner.close();   // the agent's thread has ended, or was interrupted and given as long again
 * }</pre>
 *
 * <p>The thread is a daemon thread: what ends it is {@link #close()}, and a daemon whose owner forgot it still lets
 * the JVM exit.
 */
public final class AgentRunner implements AutoCloseable {

    /** How long {@link #close()} waits for the thread, before and again after interrupting it, unless told. */
    public static final long DEFAULT_CLOSE_TIMEOUT_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);
    private static final long FIRST_ERROR_PAUSE_MS = 10;
    private static final long MAX_ERROR_PAUSE_MS = 1_000;

    private final Agent agent;
    private final String role;
    private final ErrorHandler errors;
    private final long closeTimeoutMs;
    private final Thread thread;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean running = true;

    /** A runner whose {@link #close()} waits {@value #DEFAULT_CLOSE_TIMEOUT_MS} ms, then as long after interrupting. */
    public AgentRunner(Agent agent, ErrorHandler errors) {
        this(agent, errors, DEFAULT_CLOSE_TIMEOUT_MS);
    }

    /**
     * @param errors         told of every failure of the agent
     * @param closeTimeoutMs how long {@link #close()} waits for the thread, before and again after interrupting it
     */
    public AgentRunner(Agent agent, ErrorHandler errors, long closeTimeoutMs) {
        if (closeTimeoutMs <= 0) {
            throw new IllegalArgumentException("the close timeout must be above 0 ms, got " + closeTimeoutMs);
        }
        this.agent = agent;
        this.role = agent.roleName();
        this.errors = errors;
        this.closeTimeoutMs = closeTimeoutMs;
        this.thread = new Thread(this::run, role);
        this.thread.setDaemon(true);
    }

    /**
     * Starts the agent's thread; does nothing when it was started already or asked to stop before it started.
     *
     * @return this
     */
    public AgentRunner start() {
        if (!stopping.get() && started.compareAndSet(false, true)) {
            thread.start();
        }
        return this;
    }

    /** @return the agent's role, the name of its thread */
    public String roleName() {
        return role;
    }

    /** @return whether the agent's thread runs: started, and not yet ended */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /**
     * Asks the agent to stop after the step in progress, without waiting: its {@link Agent#onStopRequested()} runs
     * here, once, to wake a step that waits for work.
     */
    public void requestStop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        running = false;
        stopRequested.countDown();
        try {
            agent.onStopRequested();
        } catch (RuntimeException e) {
            errors.onCloseError(role, e);
        }
    }

    /**
     * Interrupts the agent's thread, to cut short a call it is blocked in, such as an HTTP request. The agent ends
     * after it, as after any interrupt.
     */
    public void interrupt() {
        if (thread != Thread.currentThread()) {
            thread.interrupt();
        }
    }

    /**
     * Asks the agent to stop and waits for its thread until {@code deadlineNanos} (of {@link System#nanoTime()});
     * interrupts it if it is still running then, without waiting again. Restores the caller's interrupt flag if it is
     * interrupted.
     *
     * @return whether the thread had ended by the deadline
     */
    public boolean awaitStop(long deadlineNanos) {
        requestStop();
        boolean ended = Threads.joinAll(List.of(thread), deadlineNanos).isEmpty();
        if (!ended) {
            thread.interrupt();
        }
        return ended;
    }

    /**
     * Stops the agent: asks it to stop, waits up to the close timeout for its thread, interrupts it if it still runs
     * and waits as long again. When the caller is interrupted while waiting, the agent's thread is interrupted at once
     * and the caller's flag is set again. Closing the agent from its own thread only asks it to stop.
     */
    @Override
    public void close() {
        requestStop();
        if (thread == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        try {
            thread.join(closeTimeoutMs);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(closeTimeoutMs);
            }
        } catch (InterruptedException e) {
            interrupted = true;
            thread.interrupt();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        } else if (thread.isAlive()) {
            LOG.warn("{} did not end within {} ms of being asked to stop, nor {} ms after an interrupt; left behind",
                    role, closeTimeoutMs, closeTimeoutMs);
        }
    }

    private void run() {
        try {
            agent.onStart();
        } catch (Exception | Error e) {
            errors.onStartError(role, e);
            running = false;
        }
        Backoff afterErrors = Backoff.of(FIRST_ERROR_PAUSE_MS, MAX_ERROR_PAUSE_MS);
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                agent.doWork();
                afterErrors.reset();
            } catch (InterruptedException | ClosedByInterruptException | AgentTerminationException e) {
                break;
            } catch (Exception e) {
                errors.onWorkError(role, e);
                if (!pause(afterErrors.next())) {
                    break;
                }
            } catch (Error e) {
                // Not a failed step but a broken thread or JVM: said, and the agent ends.
                errors.onWorkError(role, e);
                break;
            }
        }
        running = false;
        // onClose may still block for a while (handing on what it holds): the interrupt that ended the loop is done.
        boolean interrupted = Thread.interrupted();
        try {
            agent.onClose();
        } catch (Exception | Error e) {
            errors.onCloseError(role, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return false when the agent was asked to stop or interrupted during the pause */
    private boolean pause(long ms) {
        try {
            return !stopRequested.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }
}
