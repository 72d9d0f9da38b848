package com.byninja.protocol.commands;

/** Text that is not a command: it does not start with {@code /}. */
public record NotACommand() implements ParseResult {
}
