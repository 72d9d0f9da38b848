package com.byninja.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A thread that does what falls due at instants its owner keeps: under the owner's lock it waits until the next one,
 * or until the owner says the schedule {@linkplain #changed() changed}, then lets the owner do what is due. Questions
 * running out, reminders and notices whose time came are its kind of work: nothing polls, and nothing waits longer
 * than it must.
 */
public final class DueTimer implements AutoCloseable {
    private final ReentrantLock lock;
    private final Condition changed;
    private final Clock clock;
    private final Supplier<Optional<Instant>> nextDue;
    private final Runnable runDue;
    private final AgentRunner runner;
    /** Guarded by the lock. */
    private boolean stopping;

    /**
     * @param roleName names the thread, such as {@code watchdog}
     * @param lock     the owner's lock, which guards what {@code nextDue} reads
     * @param clock    the time the instants are measured by
     * @param nextDue  read with the lock held: when something falls due next, empty when nothing will
     * @param runDue   does what is due now; called without the lock held, so that it takes the lock itself
     * @param errors   told of a failure of either
     */
    public DueTimer(String roleName, ReentrantLock lock, Clock clock, Supplier<Optional<Instant>> nextDue,
                    Runnable runDue, ErrorHandler errors) {
        this.lock = lock;
        this.changed = lock.newCondition();
        this.clock = clock;
        this.nextDue = nextDue;
        this.runDue = runDue;
        this.runner = new AgentRunner(new Waiter(roleName), errors);
    }

    /** Starts the thread. */
    public void start() {
        runner.start();
    }

    /** The schedule changed: the thread reads it again. Called with the owner's lock held; never blocks. */
    public void changed() {
        changed.signalAll();
    }

    /** Stops the thread: what is not due yet is left undone. */
    @Override
    public void close() {
        runner.close();
    }

    private final class Waiter implements Agent {
        private final String roleName;

        Waiter(String roleName) {
            this.roleName = roleName;
        }

        @Override
        public String roleName() {
            return roleName;
        }

        @Override
        public int doWork() throws InterruptedException {
            lock.lock();
            try {
                if (stopping) {
                    return 0;
                }
                Optional<Instant> next = nextDue.get();
                if (next.isEmpty()) {
                    changed.await();
                    return 0;
                }
                long waitNanos = Duration.between(clock.instant(), next.get()).toNanos();
                if (waitNanos > 0) {
                    changed.awaitNanos(waitNanos);
                    return 0;
                }
            } finally {
                lock.unlock();
            }
            runDue.run();
            return 1;
        }

        @Override
        public void onStopRequested() {
            lock.lock();
            try {
                stopping = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
