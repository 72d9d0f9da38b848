package com.byninja.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The clock stands still at 10:00, so that what is due at 11:00 would be waited for an hour of real time: what is done
 * at once is done because the owner said its schedule changed, not because the wait ran out.
 */
class DueTimerTest {

    private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

    private final ReentrantLock lock = new ReentrantLock();
    /** Instants something is due at, oldest first; guarded by the lock. */
    private final List<Instant> due = new ArrayList<>();
    private final List<String> done = new CopyOnWriteArrayList<>();
    private final RecordingErrors errors = new RecordingErrors();

    @Test
    void whatFallsDueIsDoneOnTheTimersThreadOnceTheScheduleSaysSoAndCloseEndsTheWait() {
        DueTimer timer = new DueTimer("reminders", lock, Clock.fixed(TEN, ZoneOffset.UTC), this::first,
                this::runDue, errors);
        timer.start();

        at(timer, TEN.plusSeconds(3_600));
        at(timer, TEN.minusSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 1);
        at(timer, TEN);
        await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 2);
        timer.close();

        assertThat(done).containsExactly("2026-03-02T09:59:59Z on reminders", "2026-03-02T10:00:00Z on reminders");
        lock.lock();
        try {
            assertThat(due).containsExactly(TEN.plusSeconds(3_600));
        } finally {
            lock.unlock();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("reminders"));
        assertThat(errors.told()).isEmpty();
    }

    private void at(DueTimer timer, Instant when) {
        lock.lock();
        try {
            due.add(when);
            due.sort(null);
            timer.changed();
        } finally {
            lock.unlock();
        }
    }

    private Optional<Instant> first() {
        return due.isEmpty() ? Optional.empty() : Optional.of(due.get(0));
    }

    private void runDue() {
        lock.lock();
        try {
            while (!due.isEmpty() && !due.get(0).isAfter(TEN)) {
                done.add(due.remove(0) + " on " + Thread.currentThread().getName());
            }
        } finally {
            lock.unlock();
        }
    }
}
