package com.byninja.telegram.notify;

import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.telegram.Html;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily digests: at the time a chat chose ({@code /notify digest 20:00}, in the server's zone), a heading, then
 * every connected bot's statistics ({@code /stats}) and its equity curve of the day ({@code /equity 1}), each answered
 * under the bot's name as a command's reply is. A digest whose time passed while the server was down, or before the
 * chat asked for it, is not made up: the next one comes the next day. Checked every {@value #CHECK_SECONDS} s on the
 * {@code digest} thread.
 */
public final class Digests implements AutoCloseable {

    /** How often the digests' times are checked. */
    static final long CHECK_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(Digests.class);

    /** Sends a trading bot's command to every connected bot on a chat's behalf; returns the bots it went to. */
    public interface Asker {
        int askEveryBot(long chatId, String command);
    }

    private final Notifications notifications;
    private final Asker asker;
    private final ChatOutput output;
    private final Clock clock;
    /** Per chat, the last day a digest was sent, or seen to be due before the chat could have it. */
    private final Map<Long, LocalDate> done = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "digest");
        t.setDaemon(true);
        return t;
    });

    public Digests(Notifications notifications, Asker asker, ChatOutput output, Clock clock) {
        this.notifications = notifications;
        this.asker = asker;
        this.output = output;
        this.clock = clock;
    }

    /** Starts checking. */
    public void start() {
        thread.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                LOG.error("the daily digests could not be checked", e);
            }
        }, 0, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** Sends the digests due now. */
    void check() {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), notifications.zone());
        LocalDate today = now.toLocalDate();
        notifications.digests().forEach((chat, at) -> {
            LocalDate last = done.get(chat);
            if (now.toLocalTime().isBefore(at) || today.equals(last)) {
                if (last == null) {
                    // Seen before its time today: today's is due at its time.
                    done.put(chat, today.minusDays(1));
                }
                return;
            }
            done.put(chat, today);
            if (last == null) {
                // Its time had passed when first seen (a restart, or a digest asked for later in the day).
                return;
            }
            send(chat, today, at);
        });
    }

    private void send(long chat, LocalDate day, LocalTime at) {
        output.send(chat, new ChatMessage.Text("📰 " + Html.bold("Daily digest, " + day) + " ("
                + NotifyText.time(at) + " " + notifications.zone().getId() + ")"), ChatOutput.Priority.NOTICE);
        int bots = asker.askEveryBot(chat, "/stats");
        if (bots == 0) {
            output.send(chat, new ChatMessage.Text("No trading bot is connected."), ChatOutput.Priority.NOTICE);
            return;
        }
        asker.askEveryBot(chat, "/equity 1");
        LOG.info("daily digest for chat {}: asked {} bot(s)", chat, bots);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the digest thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
