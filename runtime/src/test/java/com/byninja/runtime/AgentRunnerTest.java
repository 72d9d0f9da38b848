package com.byninja.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RecordingErrors errors = new RecordingErrors();
    /** What the agents did, in order, each with the thread it did it on. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private AgentRunner runner;

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
    }

    /** Takes words from a bounded queue, waiting up to 50 ms for one, and records each on its thread. */
    private class Worker implements Agent {
        final BlockingQueue<String> words = new ArrayBlockingQueue<>(10);

        @Override
        public String roleName() {
            return "worker-1";
        }

        @Override
        public void onStart() {
            events.add("start on " + Thread.currentThread().getName());
        }

        @Override
        public int doWork() throws InterruptedException {
            String word = words.poll(50, TimeUnit.MILLISECONDS);
            if (word == null) {
                return 0;
            }
            if (word.startsWith("fail")) {
                throw new IllegalStateException(word);
            }
            events.add(word + " on " + Thread.currentThread().getName());
            return 1;
        }

        @Override
        public void onClose() {
            events.add("close on " + Thread.currentThread().getName());
        }
    }

    @Test
    void theAgentWorksOnAThreadNamedAfterItsRoleUntilClosed() {
        Worker worker = new Worker();
        runner = new AgentRunner(worker, errors).start();

        worker.words.add("one");
        worker.words.add("two");
        await().atMost(WAIT).until(() -> events.size() == 3);
        runner.close();

        assertThat(events).containsExactly("start on worker-1", "one on worker-1", "two on worker-1",
                "close on worker-1");
        assertThat(runner.isAlive()).isFalse();
        assertThat(errors.told()).isEmpty();
    }

    @Test
    void aFailedStepIsToldToTheErrorHandlerAndTheAgentCarriesOn() {
        Worker worker = new Worker();
        runner = new AgentRunner(worker, errors).start();

        worker.words.addAll(List.of("fail 1", "fail 2", "after"));
        await().atMost(WAIT).until(() -> events.contains("after on worker-1"));

        assertThat(errors.told()).containsExactly("work worker-1 fail 1", "work worker-1 fail 2");
        assertThat(runner.isAlive()).isTrue();
    }

    @Test
    void askingToStopWakesAWaitingStepSoCloseNeedsNoInterrupt() {
        CountDownLatch wake = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        Agent sleeper = new Agent() {
            @Override
            public String roleName() {
                return "sleeper";
            }

            @Override
            public int doWork() {
                try {
                    wake.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    Thread.currentThread().interrupt();
                }
                return 0;
            }

            @Override
            public void onStopRequested() {
                wake.countDown();
            }
        };
        runner = new AgentRunner(sleeper, errors, 10_000).start();

        long before = System.nanoTime();
        runner.close();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(5_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(interrupted.get()).isZero();
    }

    /** Waits on a latch nobody releases, so that only an interrupt ends it; records the interrupt. */
    private final class Stuck implements Agent {
        final CountDownLatch working = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public String roleName() {
            return "stuck";
        }

        @Override
        public int doWork() throws InterruptedException {
            working.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                events.add("interrupted");
                throw e;
            }
            return 0;
        }

        @Override
        public void onClose() {
            events.add("closed, interrupt flag " + Thread.currentThread().isInterrupted());
            closed.countDown();
        }
    }

    @Test
    void closeWaitsItsTimeoutThenInterruptsAStepThatDoesNotEnd() throws InterruptedException {
        Stuck stuck = new Stuck();
        runner = new AgentRunner(stuck, errors, 200).start();
        assertThat(stuck.working.await(5, TimeUnit.SECONDS)).isTrue();

        long before = System.nanoTime();
        runner.close();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isGreaterThanOrEqualTo(200);
        assertThat(runner.isAlive()).isFalse();
        assertThat(events).containsExactly("interrupted", "closed, interrupt flag false");
        assertThat(errors.told()).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anInterruptedCallerInterruptsTheAgentAtOnceAndKeepsItsFlag() throws InterruptedException {
        Stuck stuck = new Stuck();
        runner = new AgentRunner(stuck, errors, 60_000).start();
        assertThat(stuck.working.await(5, TimeUnit.SECONDS)).isTrue();

        Thread.currentThread().interrupt();
        runner.close();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(stuck.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("interrupted", "closed, interrupt flag false");
    }

    @Test
    void awaitStopInterruptsAThreadStillBusyAtTheDeadline() throws InterruptedException {
        Stuck stuck = new Stuck();
        runner = new AgentRunner(stuck, errors).start();
        assertThat(stuck.working.await(5, TimeUnit.SECONDS)).isTrue();

        boolean ended = runner.awaitStop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));

        assertThat(ended).isFalse();
        assertThat(stuck.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("interrupted", "closed, interrupt flag false");
    }

    @Test
    void anAgentWhoseRoleIsOverEndsWithoutAnError() {
        AtomicInteger steps = new AtomicInteger();
        Agent reader = new Agent() {
            @Override
            public String roleName() {
                return "reader";
            }

            @Override
            public int doWork() {
                if (steps.incrementAndGet() == 3) {
                    throw new AgentTerminationException("end of input");
                }
                return 1;
            }

            @Override
            public void onClose() {
                events.add("closed after " + steps.get() + " steps");
            }
        };
        runner = new AgentRunner(reader, errors).start();

        await().atMost(WAIT).until(() -> !runner.isAlive());

        assertThat(events).containsExactly("closed after 3 steps");
        assertThat(errors.told()).isEmpty();
    }

    @Test
    void aChannelClosedByAnInterruptEndsTheAgentWithoutAnError() {
        Agent channelReader = new Agent() {
            @Override
            public String roleName() {
                return "channel-reader";
            }

            @Override
            public int doWork() throws ClosedByInterruptException {
                throw new ClosedByInterruptException();
            }

            @Override
            public void onClose() {
                events.add("closed");
            }
        };
        runner = new AgentRunner(channelReader, errors).start();

        await().atMost(WAIT).until(() -> !runner.isAlive());

        assertThat(events).containsExactly("closed");
        assertThat(errors.told()).isEmpty();
    }

    @Test
    void aFailedStartIsToldAndTheAgentDoesNoWorkButStillCloses() {
        Worker worker = new Worker() {
            @Override
            public void onStart() {
                throw new IllegalStateException("no history");
            }
        };
        worker.words.add("never");
        runner = new AgentRunner(worker, errors).start();

        await().atMost(WAIT).until(() -> !runner.isAlive());

        assertThat(errors.told()).containsExactly("start worker-1 no history");
        assertThat(events).containsExactly("close on worker-1");
        assertThat(worker.words).containsExactly("never");
    }

    @Test
    void aRunnerClosedBeforeItStartedStartsNoThread() {
        Worker worker = new Worker();
        runner = new AgentRunner(worker, errors);

        runner.close();
        runner.start();

        assertThat(runner.isAlive()).isFalse();
        assertThat(events).isEmpty();
    }
}
