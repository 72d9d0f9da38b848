package com.byninja.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** How every role of the bot stops its thread. */
public final class Threads {
    private Threads() {
    }

    /**
     * Waits up to {@code timeoutMs} for {@code thread} to end, then interrupts it and waits as long again. Does nothing
     * for a null thread or the calling thread itself. Restores the caller's interrupt flag if it is interrupted.
     */
    public static void joinThenInterrupt(Thread thread, long timeoutMs) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(timeoutMs);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(timeoutMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for every one of {@code threads}, already asked to stop, until {@code deadlineNanos} (of
     * {@link System#nanoTime()}): all within that one deadline, not one timeout after another. Restores the caller's
     * interrupt flag if it is interrupted.
     *
     * @return the threads still running at the deadline
     */
    public static List<Thread> joinAll(Collection<Thread> threads, long deadlineNanos) {
        List<Thread> running = new ArrayList<>();
        boolean interrupted = false;
        for (Thread thread : threads) {
            if (thread == null || thread == Thread.currentThread()) {
                continue;
            }
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (leftMs > 0 && !interrupted) {
                try {
                    thread.join(leftMs);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (thread.isAlive()) {
                running.add(thread);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return running;
    }

    /**
     * Interrupts {@code threads} and gives them {@code graceMs} to end.
     *
     * @return those still running: stuck in a call that an interrupt does not end, such as a socket read
     */
    public static List<Thread> interruptAll(Collection<Thread> threads, long graceMs) {
        threads.forEach(Thread::interrupt);
        return joinAll(threads, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMs));
    }
}
