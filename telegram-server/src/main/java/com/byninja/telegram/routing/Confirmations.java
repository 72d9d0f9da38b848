package com.byninja.telegram.routing;

import com.byninja.protocol.commands.ParsedCommand;
import com.byninja.runtime.DueTimer;
import com.byninja.runtime.ErrorHandler;
import com.byninja.telegram.audit.AuditLog;
import com.byninja.telegram.telegram.ChatInput.ButtonPress;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.telegram.ChatOutput.Priority;
import com.byninja.telegram.telegram.CommandButtons;
import com.byninja.telegram.telegram.Html;
import com.byninja.telegram.telegram.Person;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * The questions asked before a dangerous command runs: a message with Yes and No buttons, which only the person who
 * asked, in the chat where they asked, can answer, within a time limit. Its message is then edited to say what
 * happened: confirmed (the command is the router's to send), cancelled, or expired, each written to the audit log. A
 * press of a question already answered, of someone else's, or from before this server started, does nothing and
 * says so. The buttons' data name this run, so a button from an earlier run is known as such.
 *
 * <p>Questions run out on the {@code confirmations} thread, started with the first question, which edits the message
 * of each at its time; a press just after it counts as too late even before the thread gets to it. At most
 * {@value #MAX_OPEN} wait at once; the answered ones are remembered, {@value #REMEMBERED} at most, to tell a second
 * press what became of them. Thread-safe; nothing here blocks.
 */
final class Confirmations implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Confirmations.class);
    /** The callback data of a question's buttons: this, the run, the question's number, then yes or no. */
    static final String PREFIX = "confirm:";
    static final int MAX_OPEN = 100;
    private static final int REMEMBERED = 256;
    private static final String YES = "yes";
    private static final String NO = "no";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private enum State { OPEN, CONFIRMED, CANCELLED, EXPIRED }

    /**
     * A question and what became of it.
     *
     * @param bots the bots the command goes to when confirmed, as they were named when it was asked
     */
    record Question(String id, long chatId, Person asker, ParsedCommand command, List<String> bots, String html,
                    Instant expiresAt) {
    }

    /** Its state, message and outcome; guarded by the lock. */
    private static final class Asked {
        final Question question;
        State state = State.OPEN;
        Person answeredBy;
        Instant answeredAt;
        OptionalInt messageId = OptionalInt.empty();
        /** An edit decided before Telegram gave the message its id, sent when it does. */
        String editWaiting;

        Asked(Question question) {
            this.question = question;
        }
    }

    private final ChatOutput output;
    private final AuditLog audit;
    private final Duration timeout;
    private final Clock clock;
    private final String run;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Asked> open = new LinkedHashMap<>();
    private final Map<String, Asked> answered = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Asked> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final DueTimer timer;
    private long next;

    /**
     * @param timeout how long a question waits for its answer
     * @param errors  told of a failure of the {@code confirmations} thread
     */
    Confirmations(ChatOutput output, AuditLog audit, Duration timeout, Clock clock, ErrorHandler errors) {
        this(output, audit, timeout, clock, errors, newRun());
    }

    /** @param run marks this run's buttons, so that those of an earlier run are known as such */
    Confirmations(ChatOutput output, AuditLog audit, Duration timeout, Clock clock, ErrorHandler errors, String run) {
        this.output = output;
        this.audit = audit;
        this.timeout = timeout;
        this.clock = clock;
        this.run = run;
        this.timer = new DueTimer("confirmations", lock, clock, this::firstExpiry, this::expireDue, errors);
    }

    /** @return a mark no other run has, in practice: 40 random bits */
    private static String newRun() {
        return Long.toString(new SecureRandom().nextLong() & 0xff_ffff_ffffL, 36);
    }

    /** @return whether a button with this callback data answers a question */
    static boolean owns(String data) {
        return data != null && data.startsWith(PREFIX);
    }

    /** @return how long a question waits, as messages say it: {@code 30 s} */
    String timeoutInWords() {
        return timeout.toSeconds() + " s";
    }

    /**
     * Asks {@code asker} in {@code chatId} to confirm {@code command} for {@code bots}.
     *
     * @param html what the question says above its buttons: the command, for which bots, and why it asks
     * @return the question, or empty when {@value #MAX_OPEN} wait already (nothing was sent)
     */
    Optional<Question> ask(long chatId, Person asker, ParsedCommand command, List<String> bots, String html) {
        Asked asked;
        lock.lock();
        try {
            if (open.size() >= MAX_OPEN) {
                return Optional.empty();
            }
            String id = run + ":" + (++next);
            asked = new Asked(new Question(id, chatId, asker, command, bots, html,
                    clock.instant().plus(timeout)));
            open.put(id, asked);
            timer.changed();
        } finally {
            lock.unlock();
        }
        timer.start();
        Question q = asked.question;
        InlineKeyboardMarkup keyboard = CommandButtons.keyboard(List.of(List.of(
                button("Yes", q.id() + ":" + YES), button("No", q.id() + ":" + NO))));
        output.send(chatId, new ChatMessage.TextWithKeyboard(html + "\nYes or No within " + timeoutInWords() + ".",
                keyboard), Priority.REPLY, outcome -> shown(asked, outcome));
        return Optional.of(q);
    }

    private static InlineKeyboardButton button(String label, String data) {
        return InlineKeyboardButton.builder().text(label).callbackData(PREFIX + data).build();
    }

    /** Telegram gave the question its message id: an edit decided meanwhile goes now. */
    private void shown(Asked asked, ChatOutput.Outcome outcome) {
        lock.lock();
        try {
            asked.messageId = outcome.messageId();
            if (asked.editWaiting != null && asked.messageId.isPresent()) {
                sendEdit(asked.question.chatId(), asked.messageId.getAsInt(), asked.editWaiting);
            }
            asked.editWaiting = null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A press of one of the questions' buttons ({@link #owns}). It is answered, so that the button stops spinning;
     * when it decided the question, the message says so.
     *
     * @return the question, when this press confirmed it: the router sends its command now
     */
    Optional<Question> press(ButtonPress press) {
        String[] parts = press.data().substring(PREFIX.length()).split(":");
        boolean wellFormed = parts.length == 3 && (parts[2].equals(YES) || parts[2].equals(NO));
        String id = wellFormed ? parts[0] + ":" + parts[1] : "";
        lock.lock();
        try {
            Asked asked = open.get(id);
            if (asked == null) {
                return pressedUnknown(press, id, wellFormed && parts[0].equals(run));
            }
            Question q = asked.question;
            if (q.chatId() != press.chatId() || q.asker().userId() != press.from().userId()) {
                audit.record(source(press), q.bots(), AuditLog.Result.REFUSED, q.command().text(),
                        "pressed " + parts[2] + " on a question of " + q.asker().name());
                answer(press, "Only " + q.asker().name() + ", who asked, can answer this.", false);
                return Optional.empty();
            }
            Instant now = clock.instant();
            if (!now.isBefore(q.expiresAt())) {
                expire(asked, now);
                answer(press, "Expired after " + timeoutInWords() + ": nothing sent.", true);
                return Optional.empty();
            }
            boolean yes = parts[2].equals(YES);
            decide(asked, yes ? State.CONFIRMED : State.CANCELLED, press.from(), now);
            if (!yes) {
                audit.record(source(press), q.bots(), AuditLog.Result.CANCELLED, q.command().text(), "");
                edit(asked, "✖️ Cancelled by " + Html.escape(press.from().name()) + ": nothing sent.");
                answer(press, "Cancelled: nothing sent.", true);
                return Optional.empty();
            }
            edit(asked, "✅ Confirmed by " + Html.escape(press.from().name()) + ": sent to " + names(q.bots())
                    + ".");
            answer(press, "Confirmed: sent.", true);
            return Optional.of(q);
        } finally {
            lock.unlock();
        }
    }

    private Optional<Question> pressedUnknown(ButtonPress press, String id, boolean thisRun) {
        Asked done = answered.get(id);
        if (done != null) {
            String what = switch (done.state) {
                case CONFIRMED -> "Already confirmed by " + done.answeredBy.name() + " at "
                        + TIME.format(done.answeredAt) + " UTC.";
                case CANCELLED -> "Already cancelled by " + done.answeredBy.name() + ": nothing sent.";
                default -> "Expired after " + timeoutInWords() + ": nothing sent.";
            };
            audit.record(source(press), done.question.bots(), AuditLog.Result.REFUSED,
                    done.question.command().text(), "pressed again: " + what);
            answer(press, what, false);
            return Optional.empty();
        }
        String what = thisRun ? "This question is no longer known: nothing sent. Send the command again if you still "
                + "want it." : "This question is from before the control server restarted: nothing sent. Send the "
                + "command again if you still want it.";
        LOG.info("Chat {}: {} pressed {}: {}", press.chatId(), press.from().name(), press.data(), what);
        audit.record(source(press), List.of(), AuditLog.Result.REFUSED, press.data(),
                thisRun ? "question forgotten" : "question from before a restart");
        if (press.messageId().isPresent()) {
            sendEdit(press.chatId(), press.messageId().getAsInt(), "⌛ " + Html.escape(what));
        }
        answer(press, what, press.messageId().isPresent());
        return Optional.empty();
    }

    /** Runs out the questions whose time is up; the {@code confirmations} thread's work, and a test's. */
    void expireDue() {
        lock.lock();
        try {
            Instant now = clock.instant();
            for (Asked asked : List.copyOf(open.values())) {
                if (!now.isBefore(asked.question.expiresAt())) {
                    expire(asked, now);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void expire(Asked asked, Instant now) {
        Question q = asked.question;
        decide(asked, State.EXPIRED, null, now);
        LOG.info("Chat {}: {} of {} expired after {}", q.chatId(), q.command().text(), q.asker().name(),
                timeoutInWords());
        audit.record(new AuditLog.Source(q.chatId(), q.asker(), false), q.bots(), AuditLog.Result.EXPIRED,
                q.command().text(), "not answered in " + timeoutInWords());
        edit(asked, "⌛ Expired after " + timeoutInWords() + ": nothing sent.");
    }

    private void decide(Asked asked, State state, Person by, Instant at) {
        asked.state = state;
        asked.answeredBy = by;
        asked.answeredAt = at;
        open.remove(asked.question.id());
        answered.put(asked.question.id(), asked);
        timer.changed();
    }

    /** Shows the question with what became of it in place of its buttons. */
    private void edit(Asked asked, String outcomeHtml) {
        String html = asked.question.html() + "\n" + outcomeHtml;
        if (asked.messageId.isPresent()) {
            sendEdit(asked.question.chatId(), asked.messageId.getAsInt(), html);
        } else {
            asked.editWaiting = html;
        }
    }

    private void sendEdit(long chatId, int messageId, String html) {
        output.send(chatId, new ChatMessage.Edit(messageId, html, Optional.empty()), Priority.REPLY);
    }

    /**
     * @param edited whether the question's message says it already, which the console then does not repeat: there,
     *               with nothing spinning, the answer is printed as a reply
     */
    private void answer(ButtonPress press, String text, boolean edited) {
        if (press.callbackQueryId().isPresent()) {
            output.send(press.chatId(), new ChatMessage.ButtonAnswer(press.callbackQueryId().get(),
                    Optional.of(text), false), Priority.REPLY);
        } else if (!edited) {
            output.reply(press.chatId(), Html.escape(text));
        }
    }

    private static AuditLog.Source source(ButtonPress press) {
        return new AuditLog.Source(press.chatId(), press.from(), true);
    }

    /** @return {@code <b>alpha</b>}, {@code <b>alpha</b> and <b>beta</b>}, {@code <b>a</b>, <b>b</b> and <b>c</b>} */
    static String names(List<String> bots) {
        List<String> bold = bots.stream().map(Html::bold).toList();
        return bold.size() <= 1 ? String.join("", bold)
                : String.join(", ", bold.subList(0, bold.size() - 1)) + " and " + bold.get(bold.size() - 1);
    }

    /** @return how many questions wait for an answer */
    int open() {
        lock.lock();
        try {
            return open.size();
        } finally {
            lock.unlock();
        }
    }

    /** @return when the first question waiting runs out; read with the lock held */
    private Optional<Instant> firstExpiry() {
        return open.values().stream().map(a -> a.question.expiresAt()).min(Instant::compareTo);
    }

    /** Stops the thread; questions waiting are left as they are, and a press of one says it is from before. */
    @Override
    public void close() {
        timer.close();
    }
}
