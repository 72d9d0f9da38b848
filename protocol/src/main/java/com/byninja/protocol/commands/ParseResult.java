package com.byninja.protocol.commands;

/** What {@link CommandCatalogue} made of a text or a frame: a command with its arguments, an error, or no command. */
public sealed interface ParseResult permits ParsedCommand, ParseError, NotACommand {
}
