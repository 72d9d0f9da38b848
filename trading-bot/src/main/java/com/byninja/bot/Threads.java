package com.byninja.bot;

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
}
