package com.byninja.runtime;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * What both daemons' {@code main} does once the configuration is read, in the shape of Aeron's
 * {@code MediaDriver.main}: start the daemon inside try-with-resources, wait on a latch that SIGTERM or SIGINT (or the
 * daemon itself) releases, and let the daemon's {@code close()} stop its parts in reverse order.
 *
 * <pre>{@code
 * System.exit(new DaemonMain("telegram-server", LOG, 4_500, e -> LOG.error("Cannot start: {}", e.getMessage()))
 *         .run(stop -> TelegramServer.start(config)));
 * }</pre>
 *
 * <p>Exit status: 0 after a clean stop, also on SIGTERM or SIGINT, which would otherwise end the JVM with 143 or 130;
 * 1 when the start failed, when the stop could not save everything ({@link Stop#failed()}) or did not end within the
 * shutdown wait; 2, {@link #EXIT_USAGE}, is for the {@code main} methods to use on a bad command line or
 * configuration, before this runs. The shutdown hook waits for the stop to finish, stops logging, so that the last
 * lines are written, and ends the JVM with the status: the signal is handled once, there.
 */
public final class DaemonMain {

    /** A clean stop. */
    public static final int EXIT_OK = 0;
    /** The start failed, or the stop could not save everything or took too long. */
    public static final int EXIT_FAILURE = 1;
    /** A bad command line or configuration: starting again unchanged would fail the same way. */
    public static final int EXIT_USAGE = 2;

    /** Starts the daemon. */
    @FunctionalInterface
    public interface Launch {
        /**
         * @param stop the daemon's stop: why it was asked, and how to ask for it from within
         * @return what stops the daemon, closing its parts in reverse order of their start
         * @throws Exception when it cannot start; whatever had started is stopped again before
         */
        AutoCloseable start(Stop stop) throws Exception;
    }

    /** The JVM as this class uses it, so that a test can stop a daemon without ending its own JVM. */
    interface Jvm {
        /** Registers the shutdown hook, and starts remembering which signal stops the JVM. */
        void addShutdownHook(Thread hook);

        /** @return the signal that asked the JVM to stop, such as {@code SIGTERM}, if one did */
        Optional<String> stopSignal();

        /** Stops logging, writing what its queues hold, and ends the JVM with {@code status}. */
        void halt(int status);
    }

    private static final Jvm REAL = new Jvm() {
        @Override
        public void addShutdownHook(Thread hook) {
            StopSignals.watch();
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public Optional<String> stopSignal() {
            return StopSignals.received();
        }

        @Override
        public void halt(int status) {
            Logging.stop();
            Runtime.getRuntime().halt(status);
        }
    };

    private final String name;
    private final Logger log;
    private final long shutdownWaitMs;
    private final Consumer<Exception> onStartFailure;
    private final Jvm jvm;
    private final Stop stop;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile int exitStatus = EXIT_FAILURE;

    /**
     * @param name           the daemon as its stop messages name it, such as {@code telegram-server} or a bot's name
     * @param log            where this class logs, the daemon's {@code Main} logger, so that every line of the start
     *                       and stop comes from one place
     * @param shutdownWaitMs how long the shutdown hook waits for the stop to finish
     * @param onStartFailure says, in the daemon's words, why it could not start
     */
    public DaemonMain(String name, Logger log, long shutdownWaitMs, Consumer<Exception> onStartFailure) {
        this(name, log, shutdownWaitMs, onStartFailure, REAL);
    }

    DaemonMain(String name, Logger log, long shutdownWaitMs, Consumer<Exception> onStartFailure, Jvm jvm) {
        this.name = name;
        this.log = log;
        this.shutdownWaitMs = shutdownWaitMs;
        this.onStartFailure = onStartFailure;
        this.jvm = jvm;
        this.stop = new Stop(jvm);
    }

    /**
     * Registers the shutdown hook, starts the daemon and waits until it is asked to stop, then stops it.
     *
     * @return the exit status, for {@link System#exit}: the shutdown hook ends the JVM with it
     */
    public int run(Launch launch) {
        jvm.addShutdownHook(new Thread(this::shutdown, "shutdown"));
        int status = EXIT_FAILURE;
        try {
            status = startAndWait(launch);
        } finally {
            // Read by the shutdown hook, which ends the JVM once this is released.
            exitStatus = status;
            stopped.countDown();
        }
        return status;
    }

    @SuppressWarnings("try") // the daemon is held for the block and closed by it; its close() may be interrupted
    private int startAndWait(Launch launch) {
        AutoCloseable daemon;
        try {
            daemon = launch.start(stop);
        } catch (Exception e) {
            onStartFailure.accept(e);
            return EXIT_FAILURE;
        }
        try (daemon) {
            stop.requested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("{} did not stop cleanly: {}", name, e.toString());
            log.debug("{} did not stop cleanly", name, e);
            stop.failed();
        }
        return stop.clean ? EXIT_OK : EXIT_FAILURE;
    }

    /** The shutdown hook: asks the daemon to stop, waits a bounded time for it, and ends the JVM. */
    private void shutdown() {
        stop.requested.countDown();
        boolean inTime = false;
        try {
            inTime = stopped.await(shutdownWaitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int status = exitStatus;
        if (!inTime) {
            log.error("{} did not finish stopping within {} ms; exiting now, its state may not be saved", name,
                    shutdownWaitMs);
            status = EXIT_FAILURE;
        }
        // A JVM stopped by a signal would exit with 128 + its number: a stop that saved everything is a success.
        jvm.halt(status);
    }

    /** A daemon's stop: who asked for it, and whether it saved everything. */
    public static final class Stop {
        private final CountDownLatch requested = new CountDownLatch(1);
        private final Jvm jvm;
        private volatile String reason;
        private volatile boolean clean = true;

        private Stop(Jvm jvm) {
            this.jvm = jvm;
        }

        /**
         * Asks the daemon to stop from within, as a signal would.
         *
         * @param why who asked, for the stop messages, such as {@code at the end of its console input}
         */
        public synchronized void request(String why) {
            if (requested.getCount() > 0) {
                reason = why;
                requested.countDown();
            }
        }

        /**
         * @return who asked the daemon to stop, to follow "stopped" or "stop requested": {@code by its owner
         *         (SIGTERM)}, the reason given to {@link #request}, or {@code as the JVM shuts down}
         */
        public String reason() {
            String own = reason;
            if (own != null) {
                return own;
            }
            return signal().map(signal -> "by its owner (" + signal + ")").orElse("as the JVM shuts down");
        }

        /** @return the signal that asked the JVM to stop, such as {@code SIGTERM}, if one did */
        public Optional<String> signal() {
            return jvm.stopSignal();
        }

        /** Says that stopping could not save everything: the exit status is 1. */
        public void failed() {
            clean = false;
        }
    }
}
