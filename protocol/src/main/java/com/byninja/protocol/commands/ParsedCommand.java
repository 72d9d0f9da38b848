package com.byninja.protocol.commands;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A command with its arguments read and checked against its declaration.
 *
 * @param command the command
 * @param values  the value of each argument given, by kind, as {@link CommandCatalogue} reads it: see
 *                {@link Argument} for the value types
 */
public record ParsedCommand(Command command, Map<ArgumentKind, Object> values) implements ParseResult {

    /** @throws IllegalArgumentException when the values do not fit the command's declaration */
    public ParsedCommand {
        Objects.requireNonNull(command, "command");
        Map<ArgumentKind, Object> copy = new EnumMap<>(ArgumentKind.class);
        copy.putAll(values);
        for (Argument argument : command.arguments()) {
            if (argument.required() && !copy.containsKey(argument.kind())) {
                throw new IllegalArgumentException(command + " needs its " + argument);
            }
        }
        for (ArgumentKind kind : copy.keySet()) {
            if (command.arguments().stream().noneMatch(a -> a.kind() == kind)) {
                throw new IllegalArgumentException(command + " takes no " + kind);
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** @return a command given without arguments */
    public static ParsedCommand of(Command command) {
        return new ParsedCommand(command, Map.of());
    }

    /**
     * @return the symbol given, such as {@code BTC/USDT}; empty when there is none or it is
     *         {@value ArgumentKind#ALL}
     */
    public Optional<String> symbol() {
        Object symbol = values.containsKey(ArgumentKind.SYMBOL) ? values.get(ArgumentKind.SYMBOL)
                : values.get(ArgumentKind.SYMBOL_OR_ALL);
        return symbol == null || ArgumentKind.ALL.equals(symbol) ? Optional.empty() : Optional.of((String) symbol);
    }

    /** @return whether the symbol or the bot given is {@value ArgumentKind#ALL} */
    public boolean all() {
        return ArgumentKind.ALL.equals(values.get(ArgumentKind.SYMBOL_OR_ALL))
                || ArgumentKind.ALL.equals(values.get(ArgumentKind.BOT_OR_ALL));
    }

    /** @return the amount given */
    public Optional<BigDecimal> amount() {
        return Optional.ofNullable((BigDecimal) values.get(ArgumentKind.AMOUNT));
    }

    /** @return the duration given */
    public Optional<Duration> duration() {
        return Optional.ofNullable((Duration) values.get(ArgumentKind.DURATION));
    }

    /** @return the count given */
    public OptionalInt count() {
        Integer count = (Integer) values.get(ArgumentKind.COUNT);
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
    }

    /** @return the bot name given, as typed; empty when there is none or it is {@value ArgumentKind#ALL} */
    public Optional<String> botName() {
        Object name = values.get(ArgumentKind.BOT_OR_ALL);
        return name == null || ArgumentKind.ALL.equals(name) ? Optional.empty() : Optional.of((String) name);
    }

    /**
     * @return whether it needs a confirmation before it runs by its arguments alone: a global {@code /stoptrading}, a
     *         {@code /forcesell all}, a {@code /panic}; an amount never makes it so here
     *         ({@link #dangerous(BigDecimal)} says when it does)
     */
    public boolean dangerous() {
        return dangerous(null);
    }

    /**
     * @param amountsAbove an amount above this makes a command dangerous when it is declared so
     *                     ({@link Command.Danger#ABOVE_AMOUNT}, such as {@code /forcebuy BTC/USDT 500}); null or zero
     *                     for never
     * @return whether it needs a confirmation before it runs
     */
    public boolean dangerous(BigDecimal amountsAbove) {
        return switch (command.danger()) {
            case NEVER -> false;
            case WITHOUT_SYMBOL -> symbol().isEmpty();
            case FOR_ALL -> all();
            case ALWAYS -> true;
            case ABOVE_AMOUNT -> amountsAbove != null && amountsAbove.signum() > 0
                    && amount().filter(a -> a.compareTo(amountsAbove) > 0).isPresent();
        };
    }

    /**
     * @return the role a person needs to run it: the command's, or more when its arguments make it dangerous, such
     *         as {@link Role#ADMIN} for a {@code /stoptrading} of every symbol
     */
    public Role role() {
        return dangerous() ? command.dangerRole() : command.role();
    }

    /**
     * @return the argument of that kind as text, written so that the parser reads it back, such as {@code 25.5} or
     *         {@code 4h}
     */
    public Optional<String> text(ArgumentKind kind) {
        Object value = values.get(kind);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(value instanceof BigDecimal amount ? amount.toPlainString()
                : value instanceof Duration duration ? Argument.format(duration) : value.toString());
    }

    /** @return the command as written again, such as {@code /forcebuy BTC/USDT 25.5}; what logs and messages show */
    public String text() {
        StringBuilder text = new StringBuilder("/").append(command.name());
        for (Argument argument : command.arguments()) {
            text(argument.kind()).ifPresent(value -> text.append(' ').append(value));
        }
        return text.toString();
    }
}
