package com.byninja.protocol.commands;

/**
 * A command that cannot be run as written: an unknown name, or arguments that are missing, too many or wrong.
 *
 * @param code    for programs, such as {@code unknown_command}, {@code bad_arguments} (too many),
 *                {@code missing_symbol} or {@code bad_amount} ({@code missing_} or {@code bad_} and the argument's
 *                {@linkplain ArgumentKind#field() field})
 * @param message for people: what was wrong, then the usage line, such as {@code /forcesell needs a symbol or all.
 *                Usage: /forcesell SYMBOL|all}
 */
public record ParseError(String code, String message) implements ParseResult {
    /** The code of an unknown command. */
    public static final String UNKNOWN_COMMAND = "unknown_command";
    /** The code of a command given more arguments than it takes. */
    public static final String BAD_ARGUMENTS = "bad_arguments";
}
