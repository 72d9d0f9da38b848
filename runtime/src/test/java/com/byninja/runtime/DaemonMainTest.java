package com.byninja.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link DaemonMain} with real threads and latches; only the JVM's hooks and its end are stood in for. */
class DaemonMainTest {

    /** Keeps the shutdown hook, runs it when told a signal came, and records the status the JVM would end with. */
    private static final class FakeJvm implements DaemonMain.Jvm {
        final List<Thread> hooks = new CopyOnWriteArrayList<>();
        final BlockingQueue<Integer> halts = new LinkedBlockingQueue<>();
        volatile String signal;

        @Override
        public void addShutdownHook(Thread hook) {
            hooks.add(hook);
        }

        @Override
        public Optional<String> stopSignal() {
            return Optional.ofNullable(signal);
        }

        @Override
        public void halt(int status) {
            halts.add(status);
        }

        /** As the JVM does on SIGTERM or SIGINT, or when {@code System.exit} is called: runs the hook. */
        void shutDown(String signalName) {
            signal = signalName;
            hooks.forEach(Thread::start);
        }

        int haltedWith() throws InterruptedException {
            Integer status = halts.poll(5, TimeUnit.SECONDS);
            assertThat(status).as("the JVM was ended").isNotNull();
            return status;
        }
    }

    private final FakeJvm jvm = new FakeJvm();
    private final CapturedLog log = new CapturedLog();
    private final List<String> events = new CopyOnWriteArrayList<>();

    private DaemonMain daemon(long shutdownWaitMs) {
        return new DaemonMain("alpha", log.logger, shutdownWaitMs,
                e -> events.add("could not start: " + e.getMessage()), jvm);
    }

    private static CompletableFuture<Integer> inBackground(DaemonMain daemon, DaemonMain.Launch launch) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread main = new Thread(() -> status.complete(daemon.run(launch)), "main-under-test");
        main.start();
        return status;
    }

    /** Starts two parts, records when the daemon waits, and closes them with the reason for the stop. */
    private DaemonMain.Launch twoParts(CountDownLatch running) {
        return stop -> {
            Closer parts = new Closer((part, e) -> events.add("failed to close " + part));
            parts.add(() -> events.add("closed senders"));
            parts.add(() -> events.add("closed link, stopped " + stop.reason()));
            running.countDown();
            return parts;
        };
    }

    @Test
    void sigtermStopsThePartsInReverseOrderAndTheJvmExitsZero() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Integer> status = inBackground(daemon(5_000), twoParts(running));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        jvm.shutDown("SIGTERM");

        assertThat(jvm.haltedWith()).isZero();
        assertThat(status.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(events).containsExactly("closed link, stopped by its owner (SIGTERM)", "closed senders");
        assertThat(jvm.halts).isEmpty();
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void aStopThatCouldNotSaveEverythingExitsOne() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Integer> status = inBackground(daemon(5_000), stop -> {
            running.countDown();
            return stop::failed;
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        jvm.shutDown("SIGINT");

        assertThat(jvm.haltedWith()).isEqualTo(1);
        assertThat(status.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void aDaemonThatCannotStartIsSaidInItsOwnWordsAndExitsOneWithoutStopping() throws Exception {
        int status = daemon(5_000).run(stop -> {
            throw new IOException("port 7070 on 127.0.0.1 is already in use");
        });
        // As main does next: System.exit(status), which runs the hook.
        jvm.shutDown(null);

        assertThat(status).isEqualTo(1);
        assertThat(jvm.haltedWith()).isEqualTo(1);
        assertThat(events).containsExactly("could not start: port 7070 on 127.0.0.1 is already in use");
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void aStopLongerThanTheShutdownWaitIsSaidAndTheJvmExitsOne() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> status = inBackground(daemon(100), stop -> {
            running.countDown();
            return release::await;
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        jvm.shutDown("SIGTERM");

        assertThat(jvm.haltedWith()).isEqualTo(1);
        assertThat(log.lines()).containsExactly(
                "ERROR alpha did not finish stopping within 100 ms; exiting now, its state may not be saved");
        release.countDown();
        assertThat(status.get(5, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aCloseThatThrowsIsSaidOnceAndExitsOne() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Integer> status = inBackground(daemon(5_000), stop -> {
            running.countDown();
            return () -> {
                throw new IllegalStateException("database locked");
            };
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        jvm.shutDown("SIGTERM");

        assertThat(jvm.haltedWith()).isEqualTo(1);
        assertThat(status.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(log.lines()).containsExactly(
                "ERROR alpha did not stop cleanly: java.lang.IllegalStateException: database locked",
                "DEBUG alpha did not stop cleanly (trace)");
    }

    @Test
    void theDaemonMayAskToStopItselfAndSaysWhy() throws Exception {
        int status = daemon(5_000).run(stop -> {
            Closer parts = new Closer((part, e) -> events.add("failed to close " + part));
            parts.add(() -> events.add("closed, stopped " + stop.reason()));
            Thread console = new Thread(() -> stop.request("at the end of its console input"), "console-reader");
            console.start();
            return parts;
        });

        assertThat(status).isZero();
        assertThat(events).containsExactly("closed, stopped at the end of its console input");
        assertThat(jvm.hooks).hasSize(1);
    }

    @Test
    void aStopWithoutASignalIsSaidToComeFromTheJvm() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Integer> status = inBackground(daemon(5_000), twoParts(running));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        jvm.shutDown(null);

        assertThat(status.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(events).containsExactly("closed link, stopped as the JVM shuts down", "closed senders");
    }
}
