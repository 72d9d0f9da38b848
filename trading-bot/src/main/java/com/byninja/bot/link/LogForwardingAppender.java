package com.byninja.bot.link;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.protocol.Message;
import com.byninja.runtime.Agent;
import com.byninja.runtime.AgentRunner;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Forwards log lines at or above a level as {@code log} frames. The logging thread only offers the line to a bounded
 * queue (a full queue drops it and counts it); the {@code log-forwarder} thread, an {@link AgentRunner}'s, hands
 * lines to the link, and those still queued when the appender stops.
 *
 * <p>No feedback loops: lines logged by the forwarder thread itself and by the link ({@code com.byninja.protocol},
 * whose warnings are about forwarding in the first place) are not forwarded. Nor are lines marked
 * {@link Alerts#ALERTED}: their event raised an alert, which the chat shows already; they stay in the log.
 *
 * <p>Every warning and error line, forwarded or not, also goes into the {@link RecentLogs} ring that {@code /logs}
 * reads, on the logging thread.
 */
public final class LogForwardingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** The forwarder thread's name. */
    public static final String THREAD_NAME = "log-forwarder";
    private static final String LINK_LOGGERS = "com.byninja.protocol";
    private static final int MAX_TEXT = 2_000;
    private static final long JOIN_TIMEOUT_MS = 1_000;
    private static final long POLL_MS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(LogForwardingAppender.class);

    private final Level threshold;
    private final BlockingQueue<Message> queue;
    private final Consumer<Message> sink;
    private final AtomicLong dropped = new AtomicLong();
    private final ErrorHandler errorHandler;
    private final RecentLogs recent;
    private volatile AgentRunner runner;

    /**
     * @param threshold the lowest level forwarded
     * @param capacity  lines waiting at most
     * @param sink      sends a line; must not block
     */
    public LogForwardingAppender(Level threshold, int capacity, Consumer<Message> sink) {
        this(threshold, capacity, sink, ErrorHandler.logging(LOG, new Counters()));
    }

    /**
     * As {@link #LogForwardingAppender(Level, int, Consumer)}, with the handler told of the forwarder's unexpected
     * failures; what it logs is not forwarded.
     */
    public LogForwardingAppender(Level threshold, int capacity, Consumer<Message> sink, ErrorHandler errorHandler) {
        this(threshold, capacity, sink, errorHandler, new RecentLogs());
    }

    /**
     * As {@link #LogForwardingAppender(Level, int, Consumer, ErrorHandler)}, keeping every warning and error line in
     * {@code recent} as well; {@link Level#OFF} for {@code threshold} forwards nothing and keeps them all the same.
     */
    public LogForwardingAppender(Level threshold, int capacity, Consumer<Message> sink, ErrorHandler errorHandler,
                                 RecentLogs recent) {
        this.threshold = threshold;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.errorHandler = errorHandler;
        this.recent = recent;
        setName("LINK");
    }

    @Override
    public void start() {
        super.start();
        runner = new AgentRunner(new Forwarder(), errorHandler, JOIN_TIMEOUT_MS).start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            recent.add(event.getInstant(), event.getLevel().toString(), event.getLoggerName(), message(event));
        }
        if (!event.getLevel().isGreaterOrEqual(threshold)
                || THREAD_NAME.equals(Thread.currentThread().getName())
                || event.getLoggerName().startsWith(LINK_LOGGERS)
                || alerted(event)) {
            return;
        }
        if (!queue.offer(Message.log(event.getLevel().toString(), text(event)))) {
            dropped.incrementAndGet();
        }
    }

    private static boolean alerted(ILoggingEvent event) {
        List<Marker> markers = event.getMarkerList();
        return markers != null && markers.stream().anyMatch(m -> m.contains(Alerts.ALERTED));
    }

    private static String text(ILoggingEvent event) {
        String logger = event.getLoggerName();
        String b = logger.substring(logger.lastIndexOf('.') + 1) + ": " + message(event);
        return b.length() > MAX_TEXT ? b.substring(0, MAX_TEXT) + "..." : b;
    }

    /** @return the message, with the exception's class and message when it has one; no stack trace */
    private static String message(ILoggingEvent event) {
        IThrowableProxy t = event.getThrowableProxy();
        return t == null ? event.getFormattedMessage()
                : event.getFormattedMessage() + " (" + t.getClassName() + ": " + t.getMessage() + ")";
    }

    /** Hands each queued line to the link, and at the end those still queued. */
    private final class Forwarder implements Agent {
        @Override
        public String roleName() {
            return THREAD_NAME;
        }

        @Override
        public int doWork() throws InterruptedException {
            Message m = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
            if (m == null) {
                return 0;
            }
            send(m);
            return 1;
        }

        @Override
        public void onClose() {
            for (Message m = queue.poll(); m != null; m = queue.poll()) {
                send(m);
            }
        }
    }

    private void send(Message m) {
        try {
            sink.accept(m);
        } catch (RuntimeException e) {
            dropped.incrementAndGet();
        }
    }

    /** @return lines waiting to be forwarded */
    public int waiting() {
        return queue.size();
    }

    /** @return lines dropped because the queue was full or sending failed. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void stop() {
        super.stop();
        AgentRunner r = runner;
        if (r != null) {
            r.close();
        }
    }
}
