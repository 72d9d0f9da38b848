package com.byninja.telegram.routing;

import com.byninja.protocol.CommandFrames;
import com.byninja.protocol.Message;
import com.byninja.protocol.commands.Command;
import com.byninja.protocol.commands.CommandCatalogue;
import com.byninja.protocol.commands.ParseResult;
import com.byninja.protocol.commands.ParsedCommand;
import com.byninja.protocol.commands.Role;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
import com.byninja.telegram.audit.AuditLog;
import com.byninja.telegram.audit.AuditLog.Result;
import com.byninja.telegram.audit.AuditLog.Source;
import com.byninja.telegram.commands.CommandParser;
import com.byninja.protocol.commands.HandledBy;
import com.byninja.telegram.commands.Input;
import com.byninja.telegram.notify.Notifications;
import com.byninja.telegram.commands.Usage;
import com.byninja.telegram.telegram.ChatInput;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.telegram.ChatOutput.Priority;
import com.byninja.telegram.telegram.CommandButtons;
import com.byninja.telegram.telegram.Html;
import com.byninja.telegram.telegram.Person;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on what people do in the chats: answers {@code /help}, {@code /bots}, {@code /use} and {@code /audit} itself,
 * and sends trading bot commands to the bots the chat picked ({@link Targets}) with fresh ids, registering them with
 * {@link PendingCommands}. Never blocks, never queues a command for a bot that is not connected.
 *
 * <p>Before anything runs:
 * <ul>
 *   <li>a command that acts (one for a bot, or {@code /use NAME}) typed longer ago than the maximum age when it is read
 *       is not run, and the chat is told: Telegram keeps the messages typed while this server or the Bot API is down,
 *       and a {@code /forcebuy} may no longer hold by the time it arrives;</li>
 *   <li>the person's role ({@link Roles}, by their user id, in a group too) must be the one the command needs, else
 *       the chat is told which it needs;</li>
 *   <li>a dangerous command (a global {@code /stoptrading}, {@code /forcesell all}, {@code /panic}, a {@code
 *       /forcebuy} above {@code routing.confirmForcebuyAbove}) is sent only once the person who asked has pressed Yes
 *       ({@link Confirmations}): one question for all the bots it goes to.</li>
 * </ul>
 * Every command and every press is written to the {@link AuditLog} with what became of it.
 */
public final class CommandRouter implements ChatInput, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);
    private static final DateTimeFormatter TIME_OF_DAY =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * What the routing is configured with ({@code routing.*}).
     *
     * @param maxCommandAge  a command typed longer ago than this when it is handled is not run
     * @param confirmTimeout how long a confirmation waits for its answer
     * @param confirmAbove   a {@code /forcebuy} of more than this asks for a confirmation; zero for never
     */
    public record Settings(Duration maxCommandAge, Duration confirmTimeout, BigDecimal confirmAbove) {
        /** The default confirmation time. */
        public static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

        /** @return settings with the default confirmation time and no confirmation of a forcebuy by its amount */
        public static Settings of(Duration maxCommandAge) {
            return new Settings(maxCommandAge, CONFIRM_TIMEOUT, BigDecimal.ZERO);
        }
    }

    private final ChatOutput output;
    private final PendingCommands pending;
    private final Targets targets;
    private final Bots bots;
    private final Settings settings;
    private final Roles roles;
    private final AuditLog audit;
    private final Confirmations confirmations;
    private final Clock clock;
    /** Answers {@code /notify}; null in a server without notification settings. */
    private final Notifications notifications;

    /**
     * A router where everyone heard is an admin, with the default confirmation time and an audit log kept in memory.
     *
     * @param maxCommandAge a command typed longer ago than this when it is handled is not run
     * @param clock         tells the time commands are aged against
     */
    public CommandRouter(Bots bots, ChatOutput output, PendingCommands pending, Duration maxCommandAge, Clock clock) {
        this(bots, output, pending, Settings.of(maxCommandAge), Roles.everyoneAdmin(), AuditLog.inMemory(clock),
                clock, ErrorHandler.logging(LOG, new Counters()), null);
    }

    /** As below, without notification settings. */
    public CommandRouter(Bots bots, ChatOutput output, PendingCommands pending, Settings settings, Roles roles,
                         AuditLog audit, Clock clock, ErrorHandler errors) {
        this(bots, output, pending, settings, roles, audit, clock, errors, null);
    }

    /**
     * @param roles  who may run what
     * @param audit  where every command and press is written
     * @param clock  tells the time commands are aged against, and questions run out by
     * @param errors        told of a failure of the {@code confirmations} thread
     * @param notifications answers {@code /notify}; null in a server without notification settings (it says so)
     */
    public CommandRouter(Bots bots, ChatOutput output, PendingCommands pending, Settings settings, Roles roles,
                         AuditLog audit, Clock clock, ErrorHandler errors, Notifications notifications) {
        this.notifications = notifications;
        this.bots = bots;
        this.output = output;
        this.pending = pending;
        this.targets = new Targets(bots);
        this.settings = settings;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
        this.confirmations = new Confirmations(output, audit, settings.confirmTimeout(), clock, errors);
    }

    /** Remembers a bot's name, so that a chat can be told it is offline later. */
    public void botSeen(String name) {
        targets.seen(name);
    }

    /** Handles one line typed just now in the console, which acts as an admin. */
    public void handle(long chatId, String text) {
        handle(chatId, text, clock.instant());
    }

    /**
     * Handles one line typed in the console, which acts as an admin.
     *
     * @param sentAt when it was typed
     */
    public void handle(long chatId, String text, Instant sentAt) {
        act(new Source(chatId, Person.CONSOLE, false), text, sentAt);
    }

    @Override
    public void typed(long chatId, Person from, String text, Instant sentAt) {
        act(new Source(chatId, from, false), text, sentAt);
    }

    /**
     * A press of one of our buttons. A question's Yes or No goes to the {@link Confirmations}; a button that runs a
     * command ({@link CommandButtons}) is answered at once, so that the button stops spinning, then its command runs
     * as if its presser typed it now.
     */
    @Override
    public void pressed(ButtonPress press) {
        LOG.debug("Chat {}: {} pressed {}", press.chatId(), press.from().name(), press.data());
        if (Confirmations.owns(press.data())) {
            confirmations.press(press).ifPresent(question -> confirmed(question, press));
            return;
        }
        Optional<CommandButtons.Pressed> command = CommandButtons.pressed(press.data());
        press.callbackQueryId().ifPresent(id -> output.send(press.chatId(), new ChatMessage.ButtonAnswer(id,
                command.isPresent() ? Optional.empty() : Optional.of("This button does nothing any more."), false),
                Priority.REPLY));
        Source source = new Source(press.chatId(), press.from(), true);
        if (command.isPresent()) {
            act(source, command.get().command(), clock.instant(), command.get().bot());
        } else {
            audit.record(source, List.of(), Result.REFUSED, press.data(), "a button that does nothing any more");
        }
    }

    /**
     * Acts on one command typed or pressed.
     *
     * @param sentAt when it was typed: its Telegram date
     */
    private void act(Source source, String text, Instant sentAt) {
        act(source, text, sentAt, Optional.empty());
    }

    /** @param bot the bot a button under its reply is for; empty for the chat's pick */
    private void act(Source source, String text, Instant sentAt, Optional<String> bot) {
        long chatId = source.chatId();
        ParseResult read = CommandCatalogue.STANDARD.parse(text);
        Input input = CommandParser.read(read);
        LOG.debug("Chat {}: {} from {}", chatId, input, source.who().name());
        String acting = acting(input);
        if (acting != null) {
            long ageSeconds = Duration.between(sentAt, clock.instant()).getSeconds();
            long limit = settings.maxCommandAge().getSeconds();
            if (ageSeconds > limit) {
                LOG.info("Chat {}: ignored {}, sent {} s ago (limit {} s)", chatId, acting, ageSeconds, limit);
                audit.record(source, List.of(), Result.IGNORED, acting, "sent " + ageSeconds + " s ago");
                output.reply(chatId, "Ignored " + Html.escape(acting) + ", sent " + ageSeconds + " s ago (at "
                        + TIME_OF_DAY.format(sentAt) + " UTC): commands older than " + limit + " s are not run, in "
                        + "case they no longer hold. Send it again if you still want it.");
                return;
            }
        }
        if (read instanceof ParsedCommand command && !allowed(source, command)) {
            return;
        }
        if (input instanceof Input.ForBot command) {
            route(source, command.command(), bot.map(this::only).orElseGet(() -> targets.resolve(chatId)));
        } else if (input instanceof Input.Help) {
            answered(source, text, Html.escape(Usage.helpText(roles.of(source.who().userId()).orElse(Role.VIEWER))));
        } else if (input instanceof Input.ListBots) {
            answered(source, text, listBots(chatId) + chatDrops());
        } else if (input instanceof Input.Use use) {
            answered(source, text, targets.use(chatId, use.target()));
        } else if (input instanceof Input.Audit lines) {
            answered(source, text, auditLines(lines.lines()));
        } else if (input instanceof Input.Notify notify) {
            if (notifications == null) {
                answered(source, text, "Notification settings are not available in this server.");
            } else {
                output.send(chatId, notifications.answer(chatId, notify.setting(), notify.value()), Priority.REPLY);
                audit.record(source, List.of(), Result.ANSWERED, text.strip(), "");
            }
        } else if (input instanceof Input.Invalid invalid) {
            audit.record(source, List.of(), Result.ANSWERED, text.strip(), invalid.message());
            output.reply(chatId, Html.escape(invalid.message()));
        } else {
            output.reply(chatId, "Send /help for the list of commands.");
        }
    }

    /**
     * Sends a command to every connected bot on behalf of {@code chatId}, whatever bot it picked: each answers there,
     * under its name, as a daily digest wants.
     *
     * @param text a trading bot's command that only reads, such as {@code /stats}
     * @return the bots it went to
     */
    public int askEveryBot(long chatId, String text) {
        if (!(CommandCatalogue.STANDARD.parse(text) instanceof ParsedCommand command)
                || command.command().handledBy() != HandledBy.TRADING_BOT || command.command().role() != Role.VIEWER) {
            throw new IllegalArgumentException(text + " is not a trading bot's command that only reads");
        }
        int sent = 0;
        for (BotConnection bot : bots.connected()) {
            sent += send(chatId, bot, command) ? 1 : 0;
        }
        return sent;
    }

    private void answered(Source source, String text, String html) {
        output.reply(source.chatId(), html);
        audit.record(source, List.of(), Result.ANSWERED, text.strip(), "");
    }

    /** @return whether the person may run {@code command}; when not, the chat is told what it needs */
    private boolean allowed(Source source, ParsedCommand command) {
        Role needed = command.role();
        if (roles.allows(source.who().userId(), needed)) {
            return true;
        }
        Optional<Role> has = roles.of(source.who().userId());
        String text = command.text();
        String why = has.isEmpty() ? "no role" : "needs the " + Roles.name(needed) + " role; "
                + source.who().name() + " is " + Roles.name(has.get());
        LOG.info("Chat {}: refused {} to {} (user {}): {}", source.chatId(), text, source.who().name(),
                source.who().userId(), why);
        audit.record(source, List.of(), Result.REFUSED, text, why);
        output.reply(source.chatId(), has.isEmpty()
                ? "Your Telegram user id " + source.who().userId() + " has no role here, so none of your commands "
                        + "is run. An admin can give it one in telegram.users (viewer, trader or admin)."
                : Html.escape(command.command().usage().split(" ")[0] + raisedBy(command) + " needs the "
                        + Roles.name(needed) + " role; yours is " + Roles.name(has.get()) + "."));
        return false;
    }

    /** @return what makes the command need more than its own role, such as " of every symbol", or nothing */
    private static String raisedBy(ParsedCommand command) {
        if (command.role() == command.command().role()) {
            return "";
        }
        return switch (command.command().danger()) {
            case WITHOUT_SYMBOL -> " without a symbol";
            case FOR_ALL -> " all";
            default -> "";
        };
    }

    /** @return the bot named {@code name} alone, or where it is not connected, that it is offline */
    private Targets.Resolution only(String name) {
        return bots.find(name).map(bot -> new Targets.Resolution(List.of(bot), List.of(), null))
                .orElseGet(() -> Targets.Resolution.nowhere(Html.bold(name) + " is offline: this button is for it "
                        + "alone."));
    }

    private void route(Source source, ParsedCommand command, Targets.Resolution where) {
        long chatId = source.chatId();
        if (where.problem() != null) {
            audit.record(source, List.of(), Result.REFUSED, command.text(), Html.toPlain(where.problem()));
            output.reply(chatId, where.problem());
            return;
        }
        where.offline().forEach(name -> output.reply(chatId, Html.bold(name) + " is offline."));
        List<String> names = where.bots().stream().map(BotConnection::name).toList();
        if (command.dangerous(settings.confirmAbove())) {
            Optional<Confirmations.Question> asked = confirmations.ask(chatId, source.who(), command, names,
                    question(command, names));
            if (asked.isEmpty()) {
                audit.record(source, names, Result.REFUSED, command.text(), "too many questions waiting");
                output.reply(chatId, Confirmations.MAX_OPEN + " questions already wait for an answer: answer them "
                        + "or let them run out first; " + Html.escape(command.text()) + " was not sent.");
                return;
            }
            LOG.info("Chat {}: asked {} to confirm {} for {}", chatId, source.who().name(), command.text(), names);
            audit.record(source, names, Result.ASKED, command.text(), "");
            return;
        }
        List<String> sent = new ArrayList<>();
        for (BotConnection bot : where.bots()) {
            if (send(chatId, bot, command)) {
                sent.add(bot.name());
            }
        }
        audit.record(source, sent, sent.isEmpty() ? Result.REFUSED : Result.SENT, command.text(),
                sent.isEmpty() ? "offline" : "");
    }

    /** The person who asked pressed Yes: the command goes to the bots it was asked for. */
    private void confirmed(Confirmations.Question question, ButtonPress press) {
        long chatId = question.chatId();
        List<String> sent = new ArrayList<>();
        for (String name : question.bots()) {
            Optional<BotConnection> bot = bots.find(name);
            if (bot.isPresent() && send(chatId, bot.get(), question.command())) {
                sent.add(name);
            } else if (bot.isEmpty()) {
                output.reply(chatId, Html.bold(name) + " is offline.");
            }
        }
        audit.record(new Source(chatId, press.from(), true), sent, Result.CONFIRMED, question.command().text(),
                sent.isEmpty() ? "every bot offline" : "");
    }

    /** @return the question asked before {@code command} runs on {@code bots}: what, for whom, and why it asks */
    private String question(ParsedCommand command, List<String> bots) {
        Command c = command.command();
        String why = switch (c.danger()) {
            case WITHOUT_SYMBOL -> "Without a symbol it acts on every symbol.";
            case FOR_ALL -> "It acts on every symbol.";
            case ALWAYS -> Character.toUpperCase(c.description().charAt(0)) + c.description().substring(1) + ".";
            case ABOVE_AMOUNT -> command.amount().map(BigDecimal::toPlainString).orElse("") + " is more than "
                    + settings.confirmAbove().stripTrailingZeros().toPlainString()
                    + ", the most sent without asking.";
            case NEVER -> "";
        };
        return "⚠️ Confirm " + Html.code(command.text()) + " for " + Confirmations.names(bots) + "?\n"
                + Html.escape(why);
    }

    /** @return whether the command went out; when not, the chat was told the bot is offline */
    private boolean send(long chatId, BotConnection bot, ParsedCommand command) {
        String id = pending.nextId();
        Message frame = CommandFrames.frame(id, command);
        // Registered before sending: the reply can arrive before send() returns.
        pending.register(new PendingCommands.Pending(id, chatId, bot.name(), bot, command.text()));
        if (!bot.send(frame)) {
            pending.cancel(id);
            output.reply(chatId, Html.bold(bot.name()) + " is offline.");
            return false;
        }
        LOG.info("Chat {}: sent {} to {} as {}", chatId, command.text(), bot.name(), id);
        return true;
    }

    private String auditLines(int n) {
        List<String> lines = audit.last(n);
        if (lines.isEmpty()) {
            return "The audit log is empty.";
        }
        return "The audit log's last " + (lines.size() == 1 ? "line" : lines.size() + " lines") + " (logs/audit.log):\n"
                + Html.escape(String.join("\n", lines));
    }

    private String listBots(long chatId) {
        List<BotConnection> connected = bots.connected();
        if (connected.isEmpty()) {
            return targets.noBotConnected();
        }
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder("Connected trading bots:");
        for (BotConnection bot : connected) {
            out.append('\n').append(Html.bold(bot.name())).append(" at ").append(Html.code(bot.address()))
                    .append(", up ").append(uptime(Duration.between(bot.connectedAt(), now)));
            if (targets.picked(chatId, bot.name())) {
                out.append(" (your target)");
            }
        }
        return out.toString();
    }

    /**
     * @return this server's own health, after the list of bots: what the chat queues had to drop since the start, or
     *         nothing when they dropped nothing
     */
    private String chatDrops() {
        long total = 0;
        StringBuilder counts = new StringBuilder();
        for (Priority priority : Priority.values()) {
            long dropped = output.dropped(priority);
            total += dropped;
            counts.append(counts.length() == 0 ? "" : ", ").append(priority.count(dropped));
        }
        return total == 0 ? "" : "\nDropped from full chat queues since the start: " + counts + ".";
    }

    static String uptime(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h " + minutes + "m";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes > 0 ? minutes + "m " + seconds % 60 + "s" : seconds + "s";
    }

    /** @return how a command that acts is written, or null for input that only shows something */
    private static String acting(Input input) {
        if (input instanceof Input.ForBot command) {
            return command.command().text();
        }
        if (input instanceof Input.Use use && use.target() != null) {
            return "/use " + use.target();
        }
        return null;
    }

    /** Runs out the questions whose time is up, as the {@code confirmations} thread does at their time. */
    void expireQuestionsDue() {
        confirmations.expireDue();
    }

    /** @return how many confirmations wait for an answer */
    int questionsOpen() {
        return confirmations.open();
    }

    /** Stops the {@code confirmations} thread. */
    @Override
    public void close() {
        confirmations.close();
    }
}
