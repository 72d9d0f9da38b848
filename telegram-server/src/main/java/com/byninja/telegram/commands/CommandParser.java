package com.byninja.telegram.commands;

import com.byninja.protocol.Command;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses a chat message into an {@link Input}. The command is read from the text itself: TelegramBots'
 * {@code Message.isCommand()} says nothing until the entities have been computed.
 */
public final class CommandParser {
    /**
     * A market symbol as people type it: {@code BTC/USDT}, {@code BTC-USDT}, {@code BTC_USDT} or {@code BTCUSDT}, in
     * any case. Which symbols exist is the trading bot's business: it resolves the name and refuses unknown ones.
     */
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}([/_-][A-Z0-9]{1,20})?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int MAX_AMOUNT_DIGITS = 30;
    private static final int MAX_INTEGER_DIGITS = 20;

    private CommandParser() {
    }

    /** @return what {@code text} asks for; never null */
    public static Input parse(String text) {
        if (text == null) {
            return new Input.NotACommand();
        }
        String trimmed = text.strip();
        if (!trimmed.startsWith("/") || trimmed.length() < 2) {
            return new Input.NotACommand();
        }
        String[] words = WHITESPACE.split(trimmed);
        String name = words[0].substring(1);
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        name = name.toLowerCase(Locale.ROOT);
        String[] args = new String[words.length - 1];
        System.arraycopy(words, 1, args, 0, args.length);

        switch (name) {
            case "start", "help" -> {
                return new Input.Help();
            }
            case "bots" -> {
                return args.length == 0 ? new Input.ListBots() : invalid("/bots takes no arguments.", Usage.BOTS);
            }
            case "use" -> {
                if (args.length == 0) {
                    return new Input.Use(null);
                }
                return args.length == 1 ? new Input.Use(args[0]) : invalid("Give one bot name.", Usage.USE);
            }
            default -> {
                Optional<Command> command = Command.fromWireName(name);
                if (command.isEmpty()) {
                    return new Input.Invalid("Unknown command /" + name + ". Send /help for the list.");
                }
                return forBot(command.get(), args);
            }
        }
    }

    private static Input forBot(Command command, String[] args) {
        String usage = Usage.of(command);
        switch (command.symbolArgument()) {
            case NONE -> {
                return args.length == 0 ? new Input.ForBot(command, null, null)
                                        : invalid("/" + command.wireName() + " takes no arguments.", usage);
            }
            case OPTIONAL -> {
                if (args.length > 1) {
                    return invalid("Too many arguments.", usage);
                }
                if (args.length == 0) {
                    return new Input.ForBot(command, null, null);
                }
                return symbol(args[0]).<Input>map(symbol -> new Input.ForBot(command, symbol, null))
                        .orElseGet(() -> badSymbol(args[0], usage));
            }
            default -> {
                return required(command, args, usage);
            }
        }
    }

    private static Input required(Command command, String[] args, String usage) {
        if (args.length == 0) {
            return invalid("/" + command.wireName() + " needs a symbol.", usage);
        }
        int maxArgs = command == Command.FORCEBUY ? 2 : 1;
        if (args.length > maxArgs) {
            return invalid("Too many arguments.", usage);
        }
        String symbol;
        if (command == Command.FORCESELL && args[0].equalsIgnoreCase(Command.ALL_SYMBOLS)) {
            symbol = Command.ALL_SYMBOLS;
        } else {
            Optional<String> parsed = symbol(args[0]);
            if (parsed.isEmpty()) {
                return badSymbol(args[0], usage);
            }
            symbol = parsed.get();
        }
        BigDecimal amount = null;
        if (args.length == 2) {
            Optional<BigDecimal> parsed = amount(args[1]);
            if (parsed.isEmpty()) {
                return invalid("The amount must be a positive number, such as 25 or 12.5; got \"" + args[1] + "\".",
                        usage);
            }
            amount = parsed.get();
        }
        return new Input.ForBot(command, symbol, amount);
    }

    /**
     * @return the symbol upper-cased, with {@code -} or {@code _} written as {@code /} ({@code btc-usdt} becomes
     *         {@code BTC/USDT}); empty when {@code text} cannot be a symbol, including the word {@code all}
     */
    public static Optional<String> symbol(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.length() < 2 || !SYMBOL.matcher(upper).matches() || upper.equalsIgnoreCase(Command.ALL_SYMBOLS)) {
            return Optional.empty();
        }
        return Optional.of(upper.replace('-', '/').replace('_', '/'));
    }

    /** @return a positive amount of reasonable size, or empty */
    static Optional<BigDecimal> amount(String text) {
        if (text.length() > MAX_AMOUNT_DIGITS) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            int integerDigits = amount.precision() - amount.scale();
            if (amount.signum() <= 0 || amount.scale() > MAX_AMOUNT_DIGITS || integerDigits > MAX_INTEGER_DIGITS) {
                return Optional.empty();
            }
            return Optional.of(amount.stripTrailingZeros());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Input badSymbol(String text, String usage) {
        return invalid("\"" + text + "\" is not a symbol; write it like BTC/USDT.", usage);
    }

    private static Input invalid(String problem, String usage) {
        return new Input.Invalid(problem + " Usage: " + usage);
    }
}
