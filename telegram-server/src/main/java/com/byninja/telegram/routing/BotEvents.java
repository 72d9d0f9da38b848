package com.byninja.telegram.routing;

import com.byninja.protocol.Message;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.telegram.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the bots send and do into chat messages: replies to the chat that asked, alerts and connection changes
 * to every chat, log lines to the {@link LogRelay}. Called on the link's reader threads, so every path here only
 * queues.
 */
public final class BotEvents {
    private static final Logger LOG = LoggerFactory.getLogger(BotEvents.class);

    private final ChatOutput output;
    private final PendingCommands pending;
    private final CommandRouter router;
    private final LogRelay logs;
    private final long replyTimeoutMs;

    public BotEvents(ChatOutput output, PendingCommands pending, CommandRouter router, LogRelay logs,
                     long replyTimeoutMs) {
        this.output = output;
        this.pending = pending;
        this.router = router;
        this.logs = logs;
        this.replyTimeoutMs = replyTimeoutMs;
    }

    /** A bot completed the handshake. */
    public void connected(BotConnection bot) {
        router.botSeen(bot.name());
        LOG.info("Trading bot {} connected from {}", bot.name(), bot.address());
        output.broadcast("🟢 " + Html.bold(bot.name()) + " connected from " + Html.code(bot.address()) + ".");
    }

    /**
     * A bot's connection ended.
     *
     * @param replaced whether a newer connection of the same bot took its place
     */
    public void disconnected(BotConnection bot, String reason, boolean replaced) {
        pending.failAll(bot, lost -> output.send(lost.chatId(), Html.bold(lost.bot())
                + " disconnected before answering " + Html.escape(lost.label()) + "."));
        LOG.info("Trading bot {} at {} disconnected: {}{}", bot.name(), bot.address(), reason,
                replaced ? " (replaced by a new connection)" : "");
        if (!replaced) {
            output.broadcast("🔴 " + Html.bold(bot.name()) + " disconnected"
                    + (reason == null || reason.isBlank() ? "." : ": " + Html.escape(reason) + "."));
        }
    }

    /** A {@code reply} frame. */
    public void reply(String bot, Message reply) {
        if (pending.complete(reply.id(), bot,
                asked -> output.send(asked.chatId(), Html.bold(bot) + ": " + Html.escape(reply.message())))) {
            return;
        }
        var late = pending.completeLate(reply.id(), bot);
        if (late.isPresent()) {
            output.send(late.get().chatId(), Html.bold(bot) + " answered " + Html.escape(late.get().label())
                    + " late: " + Html.escape(reply.message()));
        } else {
            LOG.info("Reply from {} with unknown id {} ignored", bot, reply.id());
        }
    }

    /** An {@code alert} frame: to every chat. */
    public void alert(String bot, Message alert) {
        String symbol = alert.symbol() == null ? "" : " " + Html.code(alert.symbol());
        output.broadcast("⚠️ " + Html.bold(bot) + symbol + ": " + Html.escape(alert.message()));
    }

    /** A {@code log} frame. */
    public void log(String bot, Message log) {
        logs.accept(bot, log.level(), log.message());
    }

    /** A command got no reply in time; called on the {@code command-timeouts} thread. */
    public void timedOut(PendingCommands.Pending command) {
        LOG.info("{} did not answer {} ({}) within {} ms", command.bot(), command.label(), command.id(),
                replyTimeoutMs);
        output.send(command.chatId(), Html.bold(command.bot()) + " did not answer " + Html.escape(command.label())
                + " within " + seconds(replyTimeoutMs) + ".");
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
