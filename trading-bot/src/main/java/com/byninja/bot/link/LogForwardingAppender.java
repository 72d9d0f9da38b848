package com.byninja.bot.link;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import com.byninja.protocol.Message;
import com.byninja.runtime.Threads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Forwards log lines at or above a level as {@code log} frames. The logging thread only offers the line to a bounded
 * queue (a full queue drops it and counts it); the {@code log-forwarder} thread hands lines to the link.
 *
 * <p>No feedback loops: lines logged by the forwarder thread itself and by the link ({@code com.byninja.protocol},
 * whose warnings are about forwarding in the first place) are not forwarded.
 */
public final class LogForwardingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** The forwarder thread's name. */
    public static final String THREAD_NAME = "log-forwarder";
    private static final String LINK_LOGGERS = "com.byninja.protocol";
    private static final int MAX_TEXT = 2_000;
    private static final long JOIN_TIMEOUT_MS = 1_000;

    private final Level threshold;
    private final BlockingQueue<Message> queue;
    private final Consumer<Message> sink;
    private final AtomicLong dropped = new AtomicLong();
    private Thread thread;

    /**
     * @param threshold the lowest level forwarded
     * @param capacity  lines waiting at most
     * @param sink      sends a line; must not block
     */
    public LogForwardingAppender(Level threshold, int capacity, Consumer<Message> sink) {
        this.threshold = threshold;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        setName("LINK");
    }

    @Override
    public void start() {
        super.start();
        thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(threshold)
                || THREAD_NAME.equals(Thread.currentThread().getName())
                || event.getLoggerName().startsWith(LINK_LOGGERS)) {
            return;
        }
        if (!queue.offer(Message.log(event.getLevel().toString(), text(event)))) {
            dropped.incrementAndGet();
        }
    }

    private static String text(ILoggingEvent event) {
        String logger = event.getLoggerName();
        StringBuilder b = new StringBuilder(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
                .append(event.getFormattedMessage());
        IThrowableProxy t = event.getThrowableProxy();
        if (t != null) {
            b.append(" (").append(t.getClassName()).append(": ").append(t.getMessage()).append(')');
        }
        return b.length() > MAX_TEXT ? b.substring(0, MAX_TEXT) + "..." : b.toString();
    }

    private void run() {
        while (isStarted() || !queue.isEmpty()) {
            try {
                Message m = queue.poll(200, TimeUnit.MILLISECONDS);
                if (m != null) {
                    sink.accept(m);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                dropped.incrementAndGet();
            }
        }
    }

    /** @return lines dropped because the queue was full or sending failed. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void stop() {
        super.stop();
        Threads.joinThenInterrupt(thread, JOIN_TIMEOUT_MS);
    }
}
