package com.byninja.protocol.commands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One command of the remote control, declared once for both daemons: its name, the {@code /help} heading it goes under,
 * a one-line description, its arguments in order, the role it needs, who answers it, and when it is dangerous. The
 * usage line, the help line and the menu entry are derived from the declaration; {@link CommandCatalogue} reads text
 * against it.
 *
 * <p>The constants are the commands that exist; {@link CommandCatalogue#STANDARD} lists them. A new command is one
 * declaration here, in that list, and its handler in the daemon that answers it.
 */
public final class Command {
    /** Telegram's rule for a command's name, which is also ours: the menu registers every name. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    /** Telegram's limit on a menu entry's description. */
    static final int MAX_MENU_DESCRIPTION = 256;

    /** When a command is dangerous enough to need a confirmation. */
    public enum Danger {
        /** Never. */
        NEVER,
        /** When given without its symbol, so that it acts on every symbol. */
        WITHOUT_SYMBOL,
        /** When given {@value ArgumentKind#ALL} for its symbol. */
        FOR_ALL,
        /** Always. */
        ALWAYS,
        /**
         * When its amount is above the limit the control server is configured with; never without an amount, whose
         * size only the trading bot knows.
         */
        ABOVE_AMOUNT
    }

    public static final Command STATUS = forBot("status", Group.STATUS, Role.VIEWER,
            "mode, switches, positions with PnL and stops, equity and its change today");
    public static final Command STATS = forBot("stats", Group.STATUS, Role.VIEWER,
            "trades, win rate, PnL, fees and drawdown, today and all time", Argument.symbol().optional());
    public static final Command CHART = forBot("chart", Group.STATUS, Role.VIEWER,
            "a picture of a symbol's last candles (the bot's own timeframe, or a multiple of it) with its trades and "
                    + "its position's stop and target", Argument.symbol(),
            Argument.duration(Duration.ofMinutes(1), Duration.ofDays(7)).optional()
                    .named("TIMEFRAME", "TIMEFRAME like 15m or 4h"),
            Argument.count(500).optional().named("CANDLES"));
    public static final Command EQUITY = forBot("equity", Group.STATUS, Role.VIEWER,
            "a picture of the equity over the last days (30 unless said), with its drawdown",
            Argument.count(3650).optional().named("DAYS"));
    public static final Command BACKTEST = forBot("backtest", Group.STATUS, Role.TRADER,
            "run the strategies over the bot's recent history (7 days unless said) on a thread of its own; the "
                    + "figures and the equity curve follow as a message", Argument.symbol().optional(),
            Argument.count(90).optional().named("DAYS"));
    public static final Command BALANCE = forBot("balance", Group.MONEY, Role.VIEWER,
            "per asset, free and in positions; the equity in the stake currency and the budget used");
    public static final Command PROFIT = forBot("profit", Group.MONEY, Role.VIEWER,
            "realised and unrealised PnL, % of the starting equity, best and worst trade, win rate and average "
                    + "duration, all time or over the last days", Argument.symbol().optional(),
            Argument.count(3650).optional().named("DAYS"));
    public static final Command DAILY = forBot("daily", Group.MONEY, Role.VIEWER,
            "trades, PnL and % of each of the last UTC days (7 unless said)",
            Argument.count(365).optional().named("DAYS"));
    public static final Command WEEKLY = forBot("weekly", Group.MONEY, Role.VIEWER,
            "trades, PnL and % of each of the last weeks from Monday (8 unless said)",
            Argument.count(104).optional().named("WEEKS"));
    public static final Command MONTHLY = forBot("monthly", Group.MONEY, Role.VIEWER,
            "trades, PnL and % of each of the last calendar months (6 unless said)",
            Argument.count(60).optional().named("MONTHS"));
    public static final Command PERFORMANCE = forBot("performance", Group.MONEY, Role.VIEWER,
            "per symbol: trades, win rate and PnL, the best first");
    public static final Command POSITIONS = forBot("positions", Group.TRADES, Role.VIEWER,
            "each open position: entry, size, PnL, stop and target, with buttons to close it or move its stop to "
                    + "break-even", Argument.symbol().optional());
    public static final Command TRADES = forBot("trades", Group.TRADES, Role.VIEWER,
            "the last closed trades (10 unless said): entry, exit, PnL, duration and why they closed",
            Argument.symbol().optional(), Argument.count(50).optional().named("COUNT"));
    public static final Command ORDERS = forBot("orders", Group.TRADES, Role.VIEWER,
            "orders waiting for the exchange, and those whose outcome or fees are being looked up");
    public static final Command HEALTH = forBot("health", Group.STATUS, Role.VIEWER,
            "the link, the exchange's latency, queue depths, drops and errors");
    public static final Command LOGS = forBot("logs", Group.STATUS, Role.VIEWER,
            "the bot's last N warning and error lines (20 unless said, at most 100)",
            Argument.count(100).optional().named("N"));
    public static final Command VERSION = forBot("version", Group.STATUS, Role.VIEWER,
            "the bot's version and build, Java, uptime and database schema");
    public static final Command STARTTRADING = forBot("starttrading", Group.TRADING_CONTROL, Role.TRADER,
            "let the strategy trade again, globally or for one symbol", Argument.symbol().optional());
    public static final Command STOPTRADING = forBot("stoptrading", Group.TRADING_CONTROL, Role.TRADER,
            "stop the strategy's entries and exits, globally or for one symbol; stop-loss, take-profit and trailing "
                    + "stop keep protecting positions", Argument.symbol().optional())
            .dangerous(Danger.WITHOUT_SYMBOL, Role.ADMIN);
    public static final Command ENABLEBUY = forBot("enablebuy", Group.TRADING_CONTROL, Role.TRADER,
            "let the strategy open positions, globally or for one symbol", Argument.symbol().optional());
    public static final Command DISABLEBUY = forBot("disablebuy", Group.TRADING_CONTROL, Role.TRADER,
            "stop the strategy's entries, globally or for one symbol; exits go on", Argument.symbol().optional());
    public static final Command ENABLESELL = forBot("enablesell", Group.TRADING_CONTROL, Role.TRADER,
            "let the strategy close positions, globally or for one symbol", Argument.symbol().optional());
    public static final Command DISABLESELL = forBot("disablesell", Group.TRADING_CONTROL, Role.TRADER,
            "stop the strategy's exits, globally or for one symbol; stop-loss, take-profit and trailing stop still "
                    + "sell", Argument.symbol().optional());
    public static final Command PAUSE = forBot("pause", Group.TRADING_CONTROL, Role.TRADER,
            "no strategy buys for DURATION, globally or for one symbol, then buying resumes by itself; exits go on",
            Argument.symbol().optional(), Argument.duration(Duration.ofMinutes(1), Duration.ofDays(30)));
    public static final Command RELOAD = forBot("reload", Group.TRADING_CONTROL, Role.ADMIN,
            "read the configuration file again: apply risk, protections and strategy settings now, list what needs "
                    + "a restart");
    public static final Command FORCEBUY = forBot("forcebuy", Group.ORDERS, Role.TRADER,
            "buy now, bypassing the strategy but not the hard risk limits; at market unless orders.forced is "
                    + "limit", Argument.symbol(),
            Argument.amount().optional())
            .dangerous(Danger.ABOVE_AMOUNT);
    public static final Command FORCESELL = forBot("forcesell", Group.ORDERS, Role.TRADER,
            "close a position (a symbol, or all); at market unless orders.forced is limit", Argument.symbolOrAll())
            .dangerous(Danger.FOR_ALL);
    public static final Command BREAKEVEN = forBot("breakeven", Group.ORDERS, Role.TRADER,
            "raise a position's stop-loss to its break-even price, fees included; never lowers a stop, kept until "
                    + "the position closes", Argument.symbol());
    public static final Command CANCEL = forBot("cancel", Group.ORDERS, Role.TRADER,
            "cancel a symbol's limit buy resting on the exchange; what filled of it stays as the position",
            Argument.symbol());
    public static final Command BOTS = forServer("bots", Group.LINK, Role.VIEWER,
            "the connected trading bots, with address and uptime");
    public static final Command USE = forServer("use", Group.LINK, Role.VIEWER,
            "pick the bot your commands go to (alone: show it), several as NAME,NAME, or all of them; a dangerous "
                    + "command asks once for all of them",
            Argument.botOrAll().optional());
    public static final Command NOTIFY = forServer("notify", Group.LINK, Role.VIEWER,
            "which messages this chat hears with a notification, silently or not at all; quiet hours; a daily digest "
                    + "(alone: show them, with buttons)", Argument.setting().optional().named("TOPIC|quiet|digest"),
            Argument.value().optional().named("VALUE"));
    public static final Command HELP = forServer("help", Group.HELP, Role.VIEWER, "this list of commands")
            .alsoCalled("start");
    public static final Command PANIC = forBot("panic", Group.ORDERS, Role.ADMIN,
            "stop trading globally and sell every open position at market; one summary follows when the sells are "
                    + "done").dangerous(Danger.ALWAYS);
    public static final Command AUDIT = forServer("audit", Group.LINK, Role.ADMIN,
            "the last lines of the audit log (20 unless said): who sent which command to which bot, and what became "
                    + "of it", Argument.count(100).optional().named("LINES"));

    private final String name;
    private final List<String> aliases;
    private final Group group;
    private final Role role;
    private final HandledBy handledBy;
    private final String description;
    private final List<Argument> arguments;
    private final Danger danger;
    private final Role dangerRole;

    private Command(String name, List<String> aliases, Group group, Role role, HandledBy handledBy,
                    String description, List<Argument> arguments, Danger danger, Role dangerRole) {
        this.name = checkName(name);
        this.aliases = List.copyOf(aliases);
        this.aliases.forEach(Command::checkName);
        this.group = Objects.requireNonNull(group, "group");
        this.role = Objects.requireNonNull(role, "role");
        this.handledBy = Objects.requireNonNull(handledBy, "handledBy");
        this.description = Objects.requireNonNull(description, "description");
        this.arguments = List.copyOf(arguments);
        this.danger = Objects.requireNonNull(danger, "danger");
        this.dangerRole = Objects.requireNonNull(dangerRole, "dangerRole");
        check();
    }

    /**
     * @param name        the name, lowercase, such as {@code forcebuy}
     * @param group       the {@code /help} heading it goes under
     * @param role        the role a chat needs to run it
     * @param description what it does, in one line
     * @param arguments   its arguments in the order they are written; an optional one before a required one takes a
     *                    word only when words are left for the required ones after it
     * @return a command a trading bot answers
     */
    public static Command forBot(String name, Group group, Role role, String description, Argument... arguments) {
        return new Command(name, List.of(), group, role, HandledBy.TRADING_BOT, description, List.of(arguments),
                Danger.NEVER, role);
    }

    /** @return a command the control server answers itself; the parameters are those of {@link #forBot} */
    public static Command forServer(String name, Group group, Role role, String description, Argument... arguments) {
        return new Command(name, List.of(), group, role, HandledBy.SERVER, description, List.of(arguments),
                Danger.NEVER, role);
    }

    /** @return this command, dangerous when {@code danger} says */
    public Command dangerous(Danger when) {
        return new Command(name, aliases, group, role, handledBy, description, arguments, when, role);
    }

    /**
     * @param when  when it is dangerous
     * @param needs the role it needs then, such as {@link Role#ADMIN} for a {@code /stoptrading} of every symbol; at
     *              least its own role. An amount never raises the role: {@link Danger#ABOVE_AMOUNT} keeps it
     * @return this command, dangerous when {@code danger} says, and needing {@code needs} then
     */
    public Command dangerous(Danger when, Role needs) {
        return new Command(name, aliases, group, role, handledBy, description, arguments, when, needs);
    }

    /** @return this command, also understood under {@code alias}, which the menu and the help do not offer */
    public Command alsoCalled(String alias) {
        List<String> more = new ArrayList<>(aliases);
        more.add(alias);
        return new Command(name, more, group, role, handledBy, description, arguments, danger, dangerRole);
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a command's name is 1 to 32 lowercase letters, digits or _, starting "
                    + "with a letter; got \"" + name + "\"");
        }
        return name;
    }

    private void check() {
        if (description.isBlank() || menuDescription().length() > MAX_MENU_DESCRIPTION) {
            throw new IllegalArgumentException("/" + name + ": the description must say something and fit in "
                    + MAX_MENU_DESCRIPTION + " characters with the arguments: \"" + menuDescription() + "\"");
        }
        Set<String> fields = new HashSet<>();
        for (Argument argument : arguments) {
            if (!fields.add(argument.kind().field())) {
                throw new IllegalArgumentException("/" + name + " takes two arguments in the " + argument.kind().field()
                        + " field; a frame could not tell them apart");
            }
        }
        boolean symbolOptional = arguments.stream().anyMatch(a -> a.kind().inSymbolField() && !a.required());
        boolean symbolOrAll = arguments.stream().anyMatch(a -> a.kind() == ArgumentKind.SYMBOL_OR_ALL);
        if (danger == Danger.WITHOUT_SYMBOL && !symbolOptional || danger == Danger.FOR_ALL && !symbolOrAll) {
            throw new IllegalArgumentException("/" + name + " is dangerous " + danger + " but takes no such symbol");
        }
        if (danger == Danger.ABOVE_AMOUNT && arguments.stream().noneMatch(a -> a.kind() == ArgumentKind.AMOUNT)) {
            throw new IllegalArgumentException("/" + name + " is dangerous " + danger + " but takes no amount");
        }
        if (dangerRole.compareTo(role) < 0 || danger == Danger.ABOVE_AMOUNT && dangerRole != role) {
            throw new IllegalArgumentException("/" + name + " needs the " + role + " role, and when dangerous "
                    + dangerRole + ": at least as much, and the same when an amount makes it dangerous");
        }
    }

    /** @return the name, lowercase and without slash, such as {@code forcebuy}; a frame's {@code message} */
    public String name() {
        return name;
    }

    /** @return other names it is understood under, such as {@code start} for {@code help} */
    public List<String> aliases() {
        return aliases;
    }

    /** @return the {@code /help} heading it goes under */
    public Group group() {
        return group;
    }

    /** @return the role a chat needs to run it */
    public Role role() {
        return role;
    }

    /** @return who answers it */
    public HandledBy handledBy() {
        return handledBy;
    }

    /** @return what it does, in one line */
    public String description() {
        return description;
    }

    /** @return its arguments, in the order they are written */
    public List<Argument> arguments() {
        return arguments;
    }

    /** @return when it is dangerous */
    public Danger danger() {
        return danger;
    }

    /** @return the role it needs when it is dangerous: {@link #role()}, or more */
    public Role dangerRole() {
        return dangerRole;
    }

    /** @return the usage line, such as {@code /forcebuy SYMBOL [AMOUNT]} */
    public String usage() {
        StringBuilder usage = new StringBuilder("/").append(name);
        arguments.forEach(argument -> usage.append(' ').append(argument.usage()));
        return usage.toString();
    }

    /** @return the description of its menu entry: its arguments, then what it does */
    String menuDescription() {
        String usage = usage();
        return usage.length() == name.length() + 1 ? description
                : usage.substring(name.length() + 2) + " - " + description;
    }

    /** @return the usage line, such as {@code /forcebuy SYMBOL [AMOUNT]} */
    @Override
    public String toString() {
        return usage();
    }
}
