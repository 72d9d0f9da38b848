package com.byninja.telegram.watchdog;

import com.byninja.protocol.Message;
import com.byninja.runtime.DueTimer;
import com.byninja.runtime.ErrorHandler;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.routing.AlertLook;
import com.byninja.telegram.routing.BotWatch;
import com.byninja.telegram.telegram.ChatInput;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.telegram.ChatOutput.Priority;
import com.byninja.telegram.telegram.CommandButtons;
import com.byninja.telegram.telegram.Html;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * The watchdog, which only a process apart from the bots can be: a bot that drops and is not back in time, whose
 * prices are stale, or whose exchange errors go on, is escalated to every chat as an {@link Priority#ALERT} with an
 * Acknowledge button, and reminded of at a growing interval until it is over or someone presses the button
 * ({@link Escalations} decides what is said when). Messages go with Telegram's notification, never silently.
 *
 * <p>The link's reader threads tell it what the bots do ({@link BotWatch}) and the {@code telegram-updates} thread
 * (or {@code console-reader}) the presses of its buttons; both only queue. What comes by the passing of time is said
 * on the {@code watchdog} thread, which waits for the next one due. Its memory is this run's: a restart of the server
 * forgets every escalation, and a bot that was down before it is not known until it connects.
 */
public final class Watchdog implements BotWatch, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    /** What the Acknowledge button shows. */
    static final String BUTTON_LABEL = "Acknowledge";

    private final ChatOutput output;
    private final Clock clock;
    private final Escalations escalations;
    private final ReentrantLock lock = new ReentrantLock();
    private final DueTimer timer;

    /**
     * @param settings {@code watchdog.*}
     * @param clock    the time escalations are measured by
     * @param errors   told of a failure of the {@code watchdog} thread
     */
    public Watchdog(ChatOutput output, TelegramServerConfig.Watchdog settings, Clock clock, ErrorHandler errors) {
        this(output, settings, clock, errors, Long.toString(clock.millis() / 1_000, 36));
    }

    /** @param run marks this run's buttons, so that those of an earlier run acknowledge nothing */
    Watchdog(ChatOutput output, TelegramServerConfig.Watchdog settings, Clock clock, ErrorHandler errors,
             String run) {
        this.output = output;
        this.clock = clock;
        this.escalations = new Escalations(settings, run);
        this.timer = new DueTimer("watchdog", lock, clock, escalations::nextDue, this::sayDue, errors);
    }

    /** Starts the thread that says what comes by the passing of time. */
    public void start() {
        timer.start();
    }

    /** @return whether a button with this callback data is the watchdog's */
    public static boolean owns(String data) {
        return data != null && data.startsWith(Escalations.ACKNOWLEDGE);
    }

    @Override
    public void connected(String bot) {
        update(now -> escalations.connected(bot, now));
    }

    @Override
    public void disconnected(String bot, String why, boolean stopped, boolean replaced) {
        update(now -> escalations.disconnected(bot, why, stopped, replaced, now));
    }

    @Override
    public void status(String bot, Message status) {
        update(now -> escalations.status(bot, status.data(), now));
    }

    @Override
    public void alert(String bot, Message alert) {
        Optional<String> event = AlertLook.event(alert.data());
        if (event.isEmpty()) {
            return;
        }
        update(now -> escalations.alert(bot, event.get(), alert.symbol(), alert.data(),
                Instant.ofEpochSecond(alert.timestamp()), now));
    }

    /**
     * A press of one of its buttons ({@link #owns}). A press from a chat that is not one of ours does nothing, not
     * even an answer, as for every other button; the others are answered, so the button stops spinning.
     */
    public void pressed(ChatInput.ButtonPress press) {
        if (!output.chats().contains(press.chatId())) {
            LOG.debug("Ignoring a press of a watchdog button in chat {}: not an allowed chat", press.chatId());
            return;
        }
        Escalations.Pressed result;
        lock.lock();
        try {
            result = escalations.acknowledge(press.data());
            tell(result.said());
            timer.changed();
        } finally {
            lock.unlock();
        }
        LOG.info("Chat {} pressed {}: {}", press.chatId(), press.data(), result.answer());
        if (press.callbackQueryId().isPresent()) {
            output.send(press.chatId(), new ChatMessage.ButtonAnswer(press.callbackQueryId().get(),
                    Optional.of(result.answer()), false), Priority.REPLY);
        } else {
            // The console: nothing spins, and the answer is said as a reply.
            output.reply(press.chatId(), Html.escape(result.answer()));
        }
    }

    /** Says what is due now; the {@code watchdog} thread's work, and a test's with a clock of its own. */
    void sayDue() {
        update(escalations::due);
    }

    /** @return when something is due next, if anything */
    Optional<Instant> nextDue() {
        lock.lock();
        try {
            return escalations.nextDue();
        } finally {
            lock.unlock();
        }
    }

    private void update(Function<Instant, List<Escalations.Said>> change) {
        lock.lock();
        try {
            tell(change.apply(clock.instant()));
            timer.changed();
        } finally {
            lock.unlock();
        }
    }

    /** Queues, under the lock that decided them, so that a "resolved" never overtakes its own reminder. */
    private void tell(List<Escalations.Said> said) {
        for (Escalations.Said s : said) {
            if (s.button().isPresent()) {
                LOG.warn("Watchdog: {}", Html.toPlain(s.html()));
                output.broadcast(new ChatMessage.TextWithKeyboard(s.html(), keyboard(s.button().get())),
                        Priority.ALERT);
            } else {
                LOG.info("Watchdog: {}", Html.toPlain(s.html()));
                output.broadcast(new ChatMessage.Text(s.html()), Priority.ALERT);
            }
        }
    }

    private static InlineKeyboardMarkup keyboard(String data) {
        return CommandButtons.keyboard(List.of(List.of(InlineKeyboardButton.builder().text(BUTTON_LABEL)
                .callbackData(data).build())));
    }

    /** Stops the thread; escalations going on are forgotten. */
    @Override
    public void close() {
        timer.close();
    }
}
