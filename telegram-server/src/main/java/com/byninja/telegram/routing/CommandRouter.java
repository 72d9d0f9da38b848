package com.byninja.telegram.routing;

import com.byninja.protocol.CommandFrames;
import com.byninja.protocol.Message;
import com.byninja.protocol.commands.ArgumentKind;
import com.byninja.protocol.commands.Command;
import com.byninja.protocol.commands.CommandCatalogue;
import com.byninja.protocol.commands.HandledBy;
import com.byninja.protocol.commands.Role;
import com.byninja.telegram.commands.CommandParser;
import com.byninja.telegram.commands.Input;
import com.byninja.telegram.notify.Notifications;
import com.byninja.telegram.commands.Usage;
import com.byninja.telegram.telegram.ChatInput;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.telegram.ChatOutput.Priority;
import com.byninja.telegram.telegram.CommandButtons;
import com.byninja.telegram.telegram.Html;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on a chat's message: answers help, {@code /bots} and {@code /use} itself, and sends trading bot commands to the
 * chat's target with a fresh id, registering them with {@link PendingCommands}. Never blocks, never queues a command
 * for a bot that is not connected.
 *
 * <p>A command that acts (one for a bot, or {@code /use NAME}) typed longer ago than the maximum age when it is read is
 * not run, and the chat is told: Telegram keeps the messages typed while this server or the Bot API is down, and a
 * {@code /forcebuy} may no longer hold by the time it arrives.
 */
public final class CommandRouter implements ChatInput {

    private final Notifications notifications;
    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);
    /** The {@code /use} target meaning every bot, for {@code /status} and {@code /stats}. */
    static final String ALL = ArgumentKind.ALL;
    /** The commands {@code /use all} sends to every bot: those that only read, such as {@code /status}. */
    private static final List<Command> FAN_OUT = CommandCatalogue.STANDARD.commands(HandledBy.TRADING_BOT).stream()
            .filter(command -> command.role() == Role.VIEWER).toList();
    /** How messages name them: {@code /status and /stats}. */
    private static final String FAN_OUT_NAMES = inWords(FAN_OUT);
    private static final DateTimeFormatter TIME_OF_DAY =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Bots bots;
    private final ChatOutput output;
    private final PendingCommands pending;
    private final Map<Long, String> targets = new ConcurrentHashMap<>();
    private final Set<String> knownBots = new ConcurrentSkipListSet<>();
    private final Duration maxCommandAge;
    private final Clock clock;

    /**
     * @param maxCommandAge a command typed longer ago than this when it is handled is not run
     * @param clock         tells the time commands are aged against
     */
    public CommandRouter(Bots bots, ChatOutput output, PendingCommands pending, Duration maxCommandAge, Clock clock) {
        this(bots, output, pending, maxCommandAge, clock, null);
    }

    /** @param notifications answers {@code /notify}; null in a server without them (it then says so) */
    public CommandRouter(Bots bots, ChatOutput output, PendingCommands pending, Duration maxCommandAge, Clock clock,
                         Notifications notifications) {
        this.notifications = notifications;
        this.bots = bots;
        this.output = output;
        this.pending = pending;
        this.maxCommandAge = maxCommandAge;
        this.clock = clock;
    }

    /** Remembers a bot's name, so that a chat can be told it is offline later. */
    public void botSeen(String name) {
        knownBots.add(name);
    }

    /** Handles one message typed just now, such as a console line. */
    public void handle(long chatId, String text) {
        handle(chatId, text, clock.instant());
    }

    @Override
    public void typed(long chatId, String text, Instant sentAt) {
        handle(chatId, text, sentAt);
    }

    /**
     * A press of one of our buttons: answered at once, so that the button stops spinning, then its command is run as
     * if typed now ({@link CommandButtons}).
     */
    @Override
    public void pressed(ButtonPress press) {
        Optional<String> command = CommandButtons.commandOf(press.data());
        LOG.debug("Chat {}: button {}", press.chatId(), press.data());
        press.callbackQueryId().ifPresent(id -> output.send(press.chatId(), new ChatMessage.ButtonAnswer(id,
                command.isPresent() ? Optional.empty() : Optional.of("This button does nothing any more."), false),
                Priority.REPLY));
        command.ifPresent(text -> handle(press.chatId(), text, clock.instant()));
    }

    /**
     * Handles one message from an allowed chat.
     *
     * @param sentAt when it was typed: its Telegram date
     */
    public void handle(long chatId, String text, Instant sentAt) {
        Input input = CommandParser.parse(text);
        LOG.debug("Chat {}: {}", chatId, input);
        String acting = acting(input);
        if (acting != null) {
            long ageSeconds = Duration.between(sentAt, clock.instant()).getSeconds();
            if (ageSeconds > maxCommandAge.getSeconds()) {
                LOG.info("Chat {}: ignored {}, sent {} s ago (limit {} s)", chatId, acting, ageSeconds,
                        maxCommandAge.getSeconds());
                output.reply(chatId, "Ignored " + Html.escape(acting) + ", sent " + ageSeconds + " s ago (at "
                        + TIME_OF_DAY.format(sentAt) + " UTC): commands older than " + maxCommandAge.getSeconds()
                        + " s are not run, in case they no longer hold. Send it again if you still want it.");
                return;
            }
        }
        if (input instanceof Input.ForBot command) {
            route(chatId, command);
        } else if (input instanceof Input.Help) {
            output.reply(chatId, Html.escape(Usage.helpText()));
        } else if (input instanceof Input.ListBots) {
            output.reply(chatId, listBots(chatId) + chatDrops());
        } else if (input instanceof Input.Use use) {
            output.reply(chatId, use(chatId, use.target()));
        } else if (input instanceof Input.Notify notify) {
            if (notifications == null) {
                output.reply(chatId, "Notification settings are not available in this server.");
            } else {
                output.send(chatId, notifications.answer(chatId, notify.setting(), notify.value()), Priority.REPLY);
            }
        } else if (input instanceof Input.Invalid invalid) {
            output.reply(chatId, Html.escape(invalid.message()));
        } else {
            output.reply(chatId, "Send /help for the list of commands.");
        }
    }

    private void route(long chatId, Input.ForBot command) {
        String target = targets.get(chatId);
        List<BotConnection> connected = bots.connected();
        if (ALL.equals(target)) {
            if (!FAN_OUT.contains(command.command().command())) {
                output.reply(chatId, "/use all only sends " + FAN_OUT_NAMES + ". Pick one bot with /use NAME for "
                        + Html.escape(label(command)) + ".");
            } else if (connected.isEmpty()) {
                output.reply(chatId, noBotConnected());
            } else {
                connected.forEach(bot -> send(chatId, bot, command));
            }
        } else if (target != null) {
            Optional<BotConnection> bot = bots.find(target);
            if (bot.isPresent()) {
                send(chatId, bot.get(), command);
            } else {
                output.reply(chatId, Html.bold(target) + " is offline.");
            }
        } else if (connected.size() == 1) {
            send(chatId, connected.get(0), command);
        } else if (connected.isEmpty()) {
            output.reply(chatId, noBotConnected());
        } else {
            output.reply(chatId, "Several bots are connected: " + names(connected) + ". Pick one with /use NAME, or "
                    + "/use all for " + FAN_OUT_NAMES + ".");
        }
    }

    /**
     * Sends a command to every connected bot on behalf of {@code chatId}, whatever bot it picked: each answers there,
     * under its name, as a daily digest wants.
     *
     * @param text a trading bot's command, such as {@code /stats}
     * @return the bots it went to
     */
    public int askEveryBot(long chatId, String text) {
        if (!(CommandParser.parse(text) instanceof Input.ForBot command)) {
            throw new IllegalArgumentException(text + " is not a trading bot's command");
        }
        List<BotConnection> connected = bots.connected();
        connected.forEach(bot -> send(chatId, bot, command));
        return connected.size();
    }

    private String noBotConnected() {
        List<String> known = List.copyOf(knownBots);
        if (known.size() == 1) {
            return Html.bold(known.get(0)) + " is offline.";
        }
        if (known.isEmpty()) {
            return "No trading bot is connected.";
        }
        return "No trading bot is connected (known: "
                + known.stream().map(Html::bold).collect(Collectors.joining(", ")) + ").";
    }

    private void send(long chatId, BotConnection bot, Input.ForBot command) {
        String id = pending.nextId();
        Message frame = CommandFrames.frame(id, command.command());
        // Registered before sending: the reply can arrive before send() returns.
        pending.register(new PendingCommands.Pending(id, chatId, bot.name(), bot, label(command)));
        if (!bot.send(frame)) {
            pending.cancel(id);
            output.reply(chatId, Html.bold(bot.name()) + " is offline.");
            return;
        }
        LOG.info("Chat {}: sent {} to {} as {}", chatId, label(command), bot.name(), id);
    }

    private String use(long chatId, String target) {
        List<BotConnection> connected = bots.connected();
        if (target == null) {
            String current = targets.get(chatId);
            String now = current == null ? "No bot picked: commands go to the only connected bot."
                                         : ALL.equals(current) ? FAN_OUT_NAMES + " go to every bot."
                                                               : "Commands go to " + Html.bold(current) + ".";
            return now + " Connected: " + (connected.isEmpty() ? "none" : names(connected)) + ".";
        }
        if (target.equalsIgnoreCase(ALL)) {
            targets.put(chatId, ALL);
            return FAN_OUT_NAMES + " now go to every bot"
                    + (connected.isEmpty() ? " (none connected now)." : ": " + names(connected) + ".");
        }
        Optional<BotConnection> bot = connected.stream().filter(b -> b.name().equalsIgnoreCase(target)).findFirst();
        if (bot.isEmpty()) {
            return Html.bold(target) + " is not connected. Connected: "
                    + (connected.isEmpty() ? "none" : names(connected)) + ".";
        }
        targets.put(chatId, bot.get().name());
        return "Commands now go to " + Html.bold(bot.get().name()) + ".";
    }

    private String listBots(long chatId) {
        List<BotConnection> connected = bots.connected();
        if (connected.isEmpty()) {
            return noBotConnected();
        }
        String target = targets.get(chatId);
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder("Connected trading bots:");
        for (BotConnection bot : connected) {
            out.append('\n').append(Html.bold(bot.name())).append(" at ").append(Html.code(bot.address()))
                    .append(", up ").append(uptime(Duration.between(bot.connectedAt(), now)));
            if (bot.name().equals(target)) {
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

    /** @return {@code /status}, {@code /status and /stats}, {@code /status, /stats and /trades} */
    private static String inWords(List<Command> commands) {
        List<String> names = commands.stream().map(command -> "/" + command.name()).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String names(List<BotConnection> bots) {
        return bots.stream().map(bot -> Html.bold(bot.name())).collect(Collectors.joining(", "));
    }

    /** @return how a command that acts is written, or null for input that only shows something */
    private static String acting(Input input) {
        if (input instanceof Input.ForBot command) {
            return label(command);
        }
        if (input instanceof Input.Use use && use.target() != null) {
            return "/use " + use.target();
        }
        return null;
    }

    static String label(Input.ForBot command) {
        return command.command().text();
    }
}
