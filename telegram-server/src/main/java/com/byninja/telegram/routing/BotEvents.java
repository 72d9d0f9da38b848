package com.byninja.telegram.routing;

import com.byninja.protocol.Message;
import com.byninja.telegram.notify.Notifications;
import com.byninja.telegram.notify.Topic;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.telegram.ChatOutput.Priority;
import com.byninja.telegram.telegram.Html;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the bots send and do into chat messages: replies to the chat that asked (as
 * {@link Priority#REPLY}s), alerts to every chat ({@link Priority#ALERT}), connection changes to every chat through
 * {@link ConnectionNotices} ({@link Priority#NOTICE}), log lines to the {@link LogRelay}; and all but the log lines to
 * the {@link BotWatch}. Called on the link's reader threads, so every path here only queues.
 *
 * <p>An alert is shown as {@code <emoji> <bot> <symbol>: <text>}, the emoji by its kind ({@link AlertLook}), the
 * symbol once, above the bot's text.
 *
 * <p>An alert with an id is acknowledged to its bot only once it has ended in every chat: Telegram accepted it, or
 * refused it for good (which is logged; the bot would otherwise send it again for ever). One dropped from a full chat
 * queue is not acknowledged, and its id is released, so that the copy the bot sends after its next reconnection is
 * shown.
 */
public final class BotEvents {
    /** Alerts older than this when they arrive say when they were raised. */
    static final long LATE_ALERT_SECONDS = 60;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private final Clock clock;
    private static final Logger LOG = LoggerFactory.getLogger(BotEvents.class);

    /** Where the outcome of an alert's delivery goes: back to the bot that sent it. Must not block. */
    public interface AlertReceipts {
        /** The alert has ended in every chat: the bot may forget it. */
        void delivered(String bot, String alertId);

        /** The alert was dropped before it reached every chat: the bot's next copy must be shown, not ignored. */
        void undelivered(String bot, String alertId);
    }

    private final ChatOutput output;
    private final PendingCommands pending;
    private final CommandRouter router;
    private final LogRelay logs;
    private final ConnectionNotices notices;
    private final long replyTimeoutMs;
    private final AlertReceipts receipts;
    private final BotWatch watch;
    private final AtomicLong undeliveredAlerts = new AtomicLong();
    private final ChartPictures charts = new ChartPictures();
    private final Notifications notifications;
    private final ReplyRenderer replies = new ReplyRenderer(charts);
    /** Connections whose bot said it is stopping on purpose, with what it said. */
    private final Map<BotConnection, String> stopping = new ConcurrentHashMap<>();

    /** @param notices where connections and drops are told */
    public BotEvents(ChatOutput output, PendingCommands pending, CommandRouter router, LogRelay logs,
                     ConnectionNotices notices, long replyTimeoutMs, AlertReceipts receipts) {
        this(output, pending, router, logs, notices, replyTimeoutMs, receipts, Clock.systemUTC());
    }

    /** As above, with the clock that tells how old an alert is. */
    public BotEvents(ChatOutput output, PendingCommands pending, CommandRouter router, LogRelay logs,
                     ConnectionNotices notices, long replyTimeoutMs, AlertReceipts receipts, Clock clock) {
        this(output, pending, router, logs, notices, replyTimeoutMs, receipts, clock, BotWatch.NONE);
    }

    /** As above, with what watches over the bots, told of their connections, status and alerts. */
    public BotEvents(ChatOutput output, PendingCommands pending, CommandRouter router, LogRelay logs,
                     ConnectionNotices notices, long replyTimeoutMs, AlertReceipts receipts, Clock clock,
                     BotWatch watch) {
        this(output, pending, router, logs, notices, replyTimeoutMs, receipts, clock, watch, null);
    }

    /** @param notifications each chat's settings, which decide how an alert reaches it; null for every alert on */
    public BotEvents(ChatOutput output, PendingCommands pending, CommandRouter router, LogRelay logs,
                     ConnectionNotices notices, long replyTimeoutMs, AlertReceipts receipts, Clock clock,
                     BotWatch watch, Notifications notifications) {
        this.notifications = notifications;
        this.clock = clock;
        this.watch = watch;
        this.output = output;
        this.pending = pending;
        this.router = router;
        this.logs = logs;
        this.notices = notices;
        this.replyTimeoutMs = replyTimeoutMs;
        this.receipts = receipts;
    }

    /** A bot completed the handshake. */
    public void connected(BotConnection bot) {
        router.botSeen(bot.name());
        LOG.info("Trading bot {} connected from {}", bot.name(), bot.address());
        notices.connected(bot.name(), bot.address());
        watch.connected(bot.name());
    }

    /**
     * A bot's connection ended.
     *
     * @param replaced whether a newer connection of the same bot took its place
     */
    public void disconnected(BotConnection bot, String reason, boolean replaced) {
        pending.failAll(bot, lost -> output.reply(lost.chatId(), Html.bold(lost.bot())
                + " disconnected before answering " + Html.escape(lost.label()) + "."));
        // A bot that said it was stopping closed the link on purpose: that is what the owner needs to hear, not
        // the way the connection happened to end.
        String stopped = stopping.remove(bot);
        String why = stopped == null ? reason : stopped.isBlank() ? "stopped" : stopped;
        LOG.info("Trading bot {} at {} disconnected: {}{}", bot.name(), bot.address(), why,
                replaced ? " (replaced by a new connection)" : "");
        // A bot that stopped on purpose is said to have stopped even when its successor connected first: under load
        // the new connection can be accepted before the old one's end is handled.
        notices.disconnected(bot.name(), why, stopped != null, replaced);
        watch.disconnected(bot.name(), why, stopped != null, replaced);
    }

    /** A {@code status} frame: the last one of a bot that is stopping says so, and why. */
    public void status(BotConnection bot, Message status) {
        status.stoppingReason().ifPresentOrElse(reason -> {
            stopping.put(bot, reason);
            LOG.info("Trading bot {} is stopping: {}", bot.name(), reason.isBlank() ? "no reason given" : reason);
        }, () -> {
            LOG.debug("Status from {}", bot.name());
            watch.status(bot.name(), status);
        });
    }

    /**
     * A {@code reply} frame: the picture its data carries with the text as the caption, or its text as its data lays
     * it out ({@link ReplyRenderer}).
     */
    public void reply(String bot, Message reply) {
        if (pending.complete(reply.id(), bot,
                asked -> output.send(asked.chatId(), replies.render(bot, reply), Priority.REPLY))) {
            return;
        }
        var late = pending.completeLate(reply.id(), bot);
        if (late.isPresent()) {
            output.reply(late.get().chatId(), Html.bold(bot) + " answered " + Html.escape(late.get().label())
                    + " late: " + Html.escape(reply.message()));
        } else {
            LOG.info("Reply from {} with unknown id {} ignored", bot, reply.id());
        }
    }

    /** An {@code alert} frame: to every chat, acknowledged once it has ended in all of them. */
    public void alert(String bot, Message alert) {
        watch.alert(bot, alert);
        String symbol = alert.symbol() == null ? "" : " " + Html.code(alert.symbol());
        String html = AlertLook.emoji(alert.data()) + " " + Html.bold(bot) + symbol + ": "
                + Html.escape(alert.message()) + raisedAt(alert);
        // An alert may carry a picture, such as a backtest's equity curve: its text is the caption.
        ChatMessage message = charts.of(bot, alert.data(), html).<ChatMessage>map(p -> p)
                .orElseGet(() -> new ChatMessage.Text(html));
        // Each chat as its settings say: with a notification, silently, or not at all (acknowledged all the same).
        ChatOutput chats = notifications == null ? output
                : notifications.output(Topic.ofAlert(alert.data() == null ? null : alert.data().path("event")
                        .asText(null)), output);
        String id = alert.id();
        if (id == null) {
            // An alert of the old style: nothing to acknowledge.
            chats.broadcast(message, Priority.ALERT);
            return;
        }
        chats.broadcast(message, Priority.ALERT, delivery -> {
            switch (delivery) {
                case SENT -> receipts.delivered(bot, id);
                case REFUSED -> {
                    LOG.warn("Alert {} from {} was refused by Telegram in at least one chat; acknowledged anyway, so "
                            + "that {} does not send it again", id, bot, bot);
                    receipts.delivered(bot, id);
                }
                case DROPPED -> {
                    long count = undeliveredAlerts.incrementAndGet();
                    // Once per hundred: a long Telegram outage must not turn into a log flood of its own.
                    if (count % 100 == 1) {
                        LOG.warn("Alert {} from {} was dropped from a full chat queue; not acknowledged, so {} sends "
                                + "it again after reconnecting ({} such alerts so far)", id, bot, bot, count);
                    }
                    receipts.undelivered(bot, id);
                }
            }
        });
    }

    /** @return charts in replies that could not be drawn, and went as text, since the start */
    public long undrawnCharts() {
        return charts.failed();
    }

    /** @return alerts dropped from a full chat queue, and so not acknowledged, since the start */
    public long undeliveredAlerts() {
        return undeliveredAlerts.get();
    }

    /**
     * A second bot proved the secret under the name of a live one and was refused; told once per episode.
     *
     * @param bot            the name in use
     * @param holderAddress  the address of the bot that keeps it
     * @param refusedAddress the address of the refused one
     */
    public void nameInUse(String bot, String holderAddress, String refusedAddress) {
        output.broadcast(new ChatMessage.Text("⛔ A second trading bot named " + Html.bold(bot)
                + " tried to connect from " + Html.code(refusedAddress) + " and was refused: " + Html.bold(bot)
                + " is already connected from " + Html.code(holderAddress) + ". Give each bot its own name (name: in "
                + "its configuration, or BYNINJA_BOT_NAME)."), Priority.NOTICE);
    }

    /**
     * An alert that arrives late (kept by the bot while the link, this server or Telegram was down) says when it was
     * raised, so that an old "stop-loss hit" is not read as news.
     */
    private String raisedAt(Message alert) {
        long ageSeconds = clock.instant().getEpochSecond() - alert.timestamp();
        if (ageSeconds < LATE_ALERT_SECONDS) {
            return "";
        }
        Instant at = Instant.ofEpochSecond(alert.timestamp());
        String when = ageSeconds < 86_400 ? TIME.format(at) : DATE_TIME.format(at);
        String ago = ageSeconds < 7_200 ? ageSeconds / 60 + " min"
                : ageSeconds < 172_800 ? ageSeconds / 3_600 + " h" : ageSeconds / 86_400 + " days";
        return Html.escape(" (raised at " + when + " UTC, " + ago + " ago)");
    }

    /** A {@code log} frame. */
    public void log(String bot, Message log) {
        logs.accept(bot, log.level(), log.message());
    }

    /** A command got no reply in time; called on the {@code command-timeouts} thread. */
    public void timedOut(PendingCommands.Pending command) {
        LOG.info("{} did not answer {} ({}) within {} ms", command.bot(), command.label(), command.id(),
                replyTimeoutMs);
        output.reply(command.chatId(), Html.bold(command.bot()) + " did not answer " + Html.escape(command.label())
                + " within " + seconds(replyTimeoutMs) + ".");
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
