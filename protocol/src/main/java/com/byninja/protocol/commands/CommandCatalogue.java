package com.byninja.protocol.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The commands both daemons understand, and the one parser of them. The control server reads a chat's text with
 * {@link #parse(String)}; a trading bot reads a {@code command} frame with {@link #parseFrame}, so that both check
 * the same things and say the same words. The help text and the menu are derived from the declarations.
 *
 * <p>Text is read as {@code /name@botname arguments…}: the name in any case; the {@code @botname} suffix dropped (the
 * server has decided before whether it is addressed to it); the arguments separated by white space, each read by its
 * declared {@linkplain ArgumentKind kind}.
 */
public final class CommandCatalogue {
    /** The commands that exist, in the order {@code /help} lists them within each heading. */
    public static final CommandCatalogue STANDARD = of(Command.STATUS, Command.STATS, Command.CHART, Command.EQUITY,
            Command.BACKTEST, Command.STARTTRADING, Command.STOPTRADING, Command.ENABLEBUY, Command.DISABLEBUY,
            Command.ENABLESELL, Command.DISABLESELL, Command.FORCEBUY, Command.FORCESELL, Command.BOTS, Command.USE,
            Command.NOTIFY, Command.HELP, Command.PANIC, Command.AUDIT, Command.BALANCE, Command.PROFIT, Command.DAILY,
            Command.WEEKLY, Command.MONTHLY, Command.PERFORMANCE, Command.POSITIONS, Command.TRADES, Command.ORDERS,
            Command.BREAKEVEN, Command.CANCEL)
            .with(Command.HEALTH).with(Command.LOGS).with(Command.VERSION)
            .with(Command.PAUSE).with(Command.RELOAD);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** How much of an unknown name a message repeats: longer than any command's. */
    private static final int MAX_NAME_SHOWN = 32;

    private final List<Command> commands;
    private final Map<String, Command> byName = new LinkedHashMap<>();

    private CommandCatalogue(List<Command> declared) {
        List<Command> sorted = new ArrayList<>(declared);
        sorted.sort(Comparator.comparing(Command::group));
        this.commands = List.copyOf(sorted);
        for (Command command : commands) {
            for (String name : names(command)) {
                if (byName.putIfAbsent(name, command) != null) {
                    throw new IllegalArgumentException("two commands are called " + name);
                }
            }
        }
    }

    /** @return a catalogue of these commands, listed by heading, then in this order */
    public static CommandCatalogue of(Command... commands) {
        return new CommandCatalogue(Arrays.asList(commands));
    }

    /** @return this catalogue with one more command */
    public CommandCatalogue with(Command command) {
        List<Command> more = new ArrayList<>(commands);
        more.add(command);
        return new CommandCatalogue(more);
    }

    private static List<String> names(Command command) {
        List<String> names = new ArrayList<>();
        names.add(command.name());
        names.addAll(command.aliases());
        return names;
    }

    /** @return every command, in the order {@code /help} lists them */
    public List<Command> commands() {
        return commands;
    }

    /** @return the commands {@code by} answers, in the order {@code /help} lists them */
    public List<Command> commands(HandledBy by) {
        return commands.stream().filter(c -> c.handledBy() == by).toList();
    }

    /** @return the command called {@code name} (or an alias of it), in any case, without slash */
    public Optional<Command> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Reads a chat message, such as {@code /ForceBuy@OurBot btc-usdt 25}.
     *
     * @param text what a person typed; may be null
     * @return the command, an error saying what was wrong and how to write it, or {@link NotACommand} when the text
     *         does not start with {@code /}
     */
    public ParseResult parse(String text) {
        if (text == null) {
            return new NotACommand();
        }
        String trimmed = text.strip();
        if (!trimmed.startsWith("/") || trimmed.length() < 2) {
            return new NotACommand();
        }
        return parse(WHITESPACE.split(trimmed), null, Map.of());
    }

    /**
     * Reads a {@code command} frame's parts. Each argument comes from its field when the frame has it ({@code symbol},
     * or {@code data.amount} and the like: {@link ArgumentKind#field()}), else from the next word after the name in
     * {@code message}, so that {@code forcebuy} with {@code symbol} {@code BTC/USDT} and {@code data.amount}
     * {@code 25}, and {@code /forcebuy btc/usdt 25} alone, are the same command. A field the command does not take
     * counts as one argument too many.
     *
     * @param message the frame's {@code message}: the command's name, with or without slash, maybe followed by words
     * @param symbol  the frame's {@code symbol}, or null
     * @param data    the frame's {@code data} fields as text; null and blank values are left out
     * @return the command, or an error saying what was wrong and how to write it
     */
    public ParseResult parseFrame(String message, String symbol, Map<String, String> data) {
        return parse(WHITESPACE.split(message.strip()), symbol == null || symbol.isBlank() ? null : symbol.strip(),
                data);
    }

    private ParseResult parse(String[] words, String symbolField, Map<String, String> dataFields) {
        String name = words[0].startsWith("/") ? words[0].substring(1) : words[0];
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        name = name.toLowerCase(Locale.ROOT);
        Optional<Command> command = find(name);
        if (command.isEmpty()) {
            return unknown(name);
        }
        return arguments(command.get(), Arrays.asList(words).subList(1, words.length), symbolField, dataFields);
    }

    private static ParseResult arguments(Command command, List<String> words, String symbolField,
                                         Map<String, String> dataFields) {
        Map<ArgumentKind, String> fromFields = new EnumMap<>(ArgumentKind.class);
        int extra = 0;
        if (symbolField != null) {
            extra += take(command, ArgumentKind::inSymbolField, symbolField, fromFields);
        }
        for (Map.Entry<String, String> field : dataFields.entrySet()) {
            if (field.getValue() != null && !field.getValue().isBlank()) {
                extra += take(command, kind -> !kind.inSymbolField() && kind.field().equals(field.getKey()),
                        field.getValue().strip(), fromFields);
            }
        }
        long free = command.arguments().stream().filter(a -> !fromFields.containsKey(a.kind())).count();
        extra += (int) Math.max(0, words.size() - free);
        if (extra > 0) {
            return new ParseError(ParseError.BAD_ARGUMENTS, (command.arguments().isEmpty()
                    ? "/" + command.name() + " takes no arguments." : "Too many arguments.") + usage(command));
        }
        int next = 0;
        Map<ArgumentKind, Object> values = new EnumMap<>(ArgumentKind.class);
        List<Argument> arguments = command.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            ArgumentKind kind = argument.kind();
            boolean fromField = fromFields.containsKey(kind);
            String text = fromField ? fromFields.get(kind) : next < words.size() ? words.get(next) : null;
            if (text == null) {
                if (argument.required()) {
                    return new ParseError("missing_" + kind.field(), "/" + command.name() + " needs " + kind.noun()
                            + "." + usage(command));
                }
                continue;
            }
            List<Argument> later = arguments.subList(i + 1, arguments.size());
            if (!fromField && !argument.required() && words.size() - next <= requiredWords(later, fromFields)) {
                // An optional argument left out: the words left are the required ones', as in /pause 4h.
                continue;
            }
            Argument.Reading reading = argument.read(text);
            if (reading.problem() != null && !fromField && !argument.required()
                    && laterShaped(later, text, fromFields)) {
                // An optional argument left out: the word is a later one's, as in /chart BTC/USDT 200, which then
                // says what is wrong with it, if anything.
                continue;
            }
            if (reading.problem() != null && !fromField && !argument.required()) {
                // A number no argument takes, such as 51 in /trades 51: the count's problem, not the symbol's.
                Optional<Argument> count = arguments.subList(i + 1, arguments.size()).stream()
                        .filter(a -> a.kind() == ArgumentKind.COUNT && !fromFields.containsKey(a.kind())).findFirst();
                if (count.isPresent() && DIGITS.matcher(text).matches()) {
                    return new ParseError("bad_count", count.get().read(text).problem() + usage(command));
                }
            }
            if (reading.problem() != null) {
                return new ParseError("bad_" + kind.field(), reading.problem() + usage(command));
            }
            values.put(kind, reading.value());
            next += fromField ? 0 : 1;
        }
        if (next < words.size()) {
            // A word no argument took, such as the duration after the count in /chart BTC/USDT 200 15m.
            return new ParseError(ParseError.BAD_ARGUMENTS, "\"" + words.get(next) + "\" is not where "
                    + command.usage() + " expects it." + usage(command));
        }
        return new ParsedCommand(command, values);
    }

    /** @return how many of {@code later} are required and not given by a field: each needs a word of its own */
    private static long requiredWords(List<Argument> later, Map<ArgumentKind, String> fromFields) {
        return later.stream().filter(a -> a.required() && !fromFields.containsKey(a.kind())).count();
    }

    /** @return whether {@code text} is written like a value of one of {@code later}, not given by a field */
    private static boolean laterShaped(List<Argument> later, String text, Map<ArgumentKind, String> fromFields) {
        return later.stream().anyMatch(a -> !fromFields.containsKey(a.kind()) && a.shaped(text));
    }

    /** @return 0 when {@code command} has an argument {@code fits} and it took {@code text}, else 1: one too many */
    private static int take(Command command, Predicate<ArgumentKind> fits, String text,
                            Map<ArgumentKind, String> fromFields) {
        Optional<Argument> argument = command.arguments().stream().filter(a -> fits.test(a.kind())).findFirst();
        argument.ifPresent(a -> fromFields.put(a.kind(), text));
        return argument.isPresent() ? 0 : 1;
    }

    private static String usage(Command command) {
        return " Usage: " + command.usage();
    }

    /**
     * @param name a name that is no command's, lowercase, without slash
     * @return the answer to it, the same in every chat and console: {@code Unknown command /stauts. Did you mean
     *         /status? Send /help for the list.}, naming every command equally close to it
     */
    private ParseError unknown(String name) {
        String shown = name.length() <= MAX_NAME_SHOWN ? name : name.substring(0, MAX_NAME_SHOWN) + "…";
        List<String> near = Spelling.nearest(name, commands.stream().map(Command::name).toList());
        String guess = near.isEmpty() ? ""
                : near.stream().map(known -> "/" + known).collect(Collectors.joining(" or ", " Did you mean ", "?"));
        return new ParseError(ParseError.UNKNOWN_COMMAND, "Unknown command /" + shown + "." + guess + " Send "
                + Command.HELP.usage() + " for the list.");
    }

    /**
     * @return the help text, plain: what the placeholders mean, then each heading followed by its commands, one line
     *         each, such as {@code /forcebuy SYMBOL [AMOUNT] - buy now, ...}
     */
    public String help() {
        return help(Role.ADMIN);
    }

    /**
     * The help for someone whose role is {@code role}: the commands it may run, as {@link #help()} lists them; a
     * command whose dangerous form needs more says so on its line, and the commands left out are counted at the end,
     * so that nobody is shown what would only be refused.
     *
     * @return the help text for {@code role}, plain
     */
    public String help(Role role) {
        List<Command> shown = commands.stream().filter(c -> c.role().compareTo(role) <= 0).toList();
        Set<String> legends = new LinkedHashSet<>();
        shown.forEach(c -> c.arguments().forEach(a -> a.legend().ifPresent(legends::add)));
        StringBuilder help = new StringBuilder("ByNinja commands");
        help.append(legends.isEmpty() ? ":" : " (" + String.join("; ", legends) + "):");
        Group group = null;
        for (Command command : shown) {
            if (command.group() != group) {
                group = command.group();
                help.append("\n\n").append(group.title());
            }
            help.append('\n').append(command.usage());
            if (!command.aliases().isEmpty()) {
                help.append(command.aliases().stream().map(alias -> "/" + alias)
                        .collect(Collectors.joining(", ", " (or ", ")")));
            }
            help.append(" - ").append(command.description());
            if (command.dangerRole().compareTo(role) > 0) {
                help.append(" (").append(dangerousForm(command)).append(": the ")
                        .append(command.dangerRole().word()).append(" role)");
            }
        }
        int hidden = commands.size() - shown.size();
        if (hidden > 0) {
            help.append("\n\n").append(hidden).append(hidden == 1 ? " more command needs" : " more commands need")
                    .append(" a role above yours (").append(role.word())
                    .append("); an admin can change it in telegram.users.");
        }
        return help.toString();
    }

    /** @return how the help names the form of a command that needs a higher role, such as "without a symbol" */
    private static String dangerousForm(Command command) {
        return switch (command.danger()) {
            case WITHOUT_SYMBOL -> "without a symbol";
            case FOR_ALL -> "with all";
            case ABOVE_AMOUNT -> "above the confirmed amount";
            case ALWAYS, NEVER -> "always";
        };
    }

    /** @return the menu for a chat app, every command in the order of {@link #help()}, aliases left out */
    public List<MenuEntry> menu() {
        return commands.stream().map(c -> new MenuEntry(c.name(), c.menuDescription())).toList();
    }
}
