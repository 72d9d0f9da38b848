package com.byninja.telegram.commands;

import com.byninja.protocol.commands.ParsedCommand;

/** What a chat message asks for, as parsed by {@link CommandParser}. */
public sealed interface Input {

    /** A command for a trading bot, its arguments checked. */
    record ForBot(ParsedCommand command) implements Input {
    }

    /** {@code /help} or {@code /start}. */
    record Help() implements Input {
    }

    /** {@code /bots}. */
    record ListBots() implements Input {
    }

    /** {@code /use NAME}, {@code /use all}, or {@code /use} alone (target null) to show the current target. */
    record Use(String target) implements Input {
    }

    /** {@code /notify}, with its setting and value as typed, either or both absent (null). */
    record Notify(String setting, String value) implements Input {
    }

    /** {@code /audit [LINES]}: the last lines of the audit log. */
    record Audit(int lines) implements Input {
    }

    /** An unknown command or wrong arguments: {@code message} says what is wrong and how to write it. */
    record Invalid(String message) implements Input {
    }

    /** Text that is not a command. */
    record NotACommand() implements Input {
    }
}
