package com.byninja.telegram.routing;

import com.byninja.runtime.Agent;
import com.byninja.runtime.AgentRunner;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.telegram.ChatOutput.Priority;
import com.byninja.telegram.telegram.Html;
import com.byninja.telegram.telegram.TextSplitter;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays the bots' log lines at or above a level, gathered into at most one message per chat per flush interval, on
 * the {@code log-relay} thread. Each chat has a bounded buffer: under a flood, or while Telegram is slow, the oldest
 * lines are dropped and the next message starts with "… N log lines dropped", which counts the lines of a message the
 * chat's queue dropped too. Log messages are the lowest {@link Priority}: replies, alerts and notices go first. A new
 * message for a chat is only made once the previous one has gone out, so a slow chat holds at most one log message
 * and one buffer.
 */
public final class LogRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogRelay.class);
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    private static final int MAX_LINE_CHARS = 1_000;
    /** Room left under Telegram's limit for the dropped-lines header. */
    private static final int MAX_MESSAGE_CHARS = TextSplitter.TELEGRAM_LIMIT - 96;

    private final ChatOutput output;
    private final TelegramServerConfig.Logs settings;
    private final int threshold;
    private final Map<Long, Buffer> buffers = new LinkedHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AgentRunner flusher;

    private static final class Buffer {
        final ArrayDeque<String> lines = new ArrayDeque<>();
        long dropped;
    }

    public LogRelay(ChatOutput output, TelegramServerConfig.Logs settings) {
        this(output, settings, ErrorHandler.logging(LOG, new Counters()));
    }

    /** @param errors told when a flush fails; the next one is tried all the same */
    public LogRelay(ChatOutput output, TelegramServerConfig.Logs settings, ErrorHandler errors) {
        this.output = output;
        this.settings = settings;
        String level = settings.level().toUpperCase(Locale.ROOT);
        this.threshold = level.equals("OFF") ? Integer.MAX_VALUE : LEVELS.indexOf(level);
        for (long chat : output.chats()) {
            buffers.put(chat, new Buffer());
        }
        this.flusher = new AgentRunner(new Flusher(), errors);
    }

    /** Starts the periodic flush. */
    public void start() {
        flusher.start();
    }

    /** Flushes once per interval, the first one interval after the start. */
    private final class Flusher implements Agent {
        @Override
        public String roleName() {
            return "log-relay";
        }

        @Override
        public int doWork() throws InterruptedException {
            if (closing.await(settings.flushIntervalMs(), TimeUnit.MILLISECONDS)) {
                return 0;
            }
            flush();
            return 1;
        }

        @Override
        public void onStopRequested() {
            closing.countDown();
        }
    }

    /** Takes one log line from a bot; called on the link's reader thread, so it only appends to buffers. */
    public void accept(String bot, String level, String text) {
        String upper = level == null ? "INFO" : level.toUpperCase(Locale.ROOT);
        int rank = LEVELS.indexOf(upper);
        if ((rank < 0 ? LEVELS.indexOf("INFO") : rank) < threshold) {
            return;
        }
        String line = text.length() > MAX_LINE_CHARS ? text.substring(0, MAX_LINE_CHARS) + "…" : text;
        String html = Html.bold(bot) + " " + Html.code(upper) + " " + Html.escape(line);
        synchronized (buffers) {
            for (Buffer buffer : buffers.values()) {
                if (buffer.lines.size() >= settings.bufferLines()) {
                    buffer.lines.removeFirst();
                    buffer.dropped++;
                }
                buffer.lines.addLast(html);
            }
        }
    }

    /** Sends one message per chat with what is buffered, unless the chat's previous log message is still queued. */
    void flush() {
        for (long chat : output.chats()) {
            if (output.logPending(chat)) {
                continue;
            }
            String message;
            long taken = 0;
            synchronized (buffers) {
                Buffer buffer = buffers.get(chat);
                if (buffer == null || (buffer.lines.isEmpty() && buffer.dropped == 0)) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                if (buffer.dropped > 0) {
                    text.append("… ").append(buffer.dropped).append(" log lines dropped");
                    taken = buffer.dropped;
                    buffer.dropped = 0;
                }
                while (!buffer.lines.isEmpty()
                        && text.length() + 1 + buffer.lines.peekFirst().length() <= MAX_MESSAGE_CHARS) {
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(buffer.lines.removeFirst());
                    taken++;
                }
                message = text.toString();
            }
            long lines = taken;
            // Lines that never reach the chat (no room in its queue, or evicted from it later for messages of a
            // higher class) are counted with the next message's dropped lines, not lost unsaid; so are those this
            // message said were dropped.
            output.send(chat, new ChatMessage.Text(message), Priority.LOG, outcome -> {
                if (outcome.delivery() == ChatOutput.Delivery.DROPPED) {
                    LOG.debug("Chat {}: {} relayed log lines dropped from its queue", chat, lines);
                    synchronized (buffers) {
                        buffers.get(chat).dropped += lines;
                    }
                }
            });
        }
    }

    /** Stops the flush thread; buffered lines are discarded. */
    @Override
    public void close() {
        flusher.close();
    }
}
