package com.byninja.telegram.commands;

import com.byninja.protocol.commands.ArgumentKind;
import com.byninja.protocol.commands.Command;
import com.byninja.protocol.commands.CommandCatalogue;
import com.byninja.protocol.commands.HandledBy;
import com.byninja.protocol.commands.ParseError;
import com.byninja.protocol.commands.ParseResult;
import com.byninja.protocol.commands.ParsedCommand;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a chat message with the commands' {@link CommandCatalogue}, the trading bots' parser too, and says what it
 * asks for. The command is read from the text itself: TelegramBots' {@code Message.isCommand()} says nothing until
 * the entities have been computed.
 */
public final class CommandParser {
    /** How many lines {@code /audit} shows unless told. */
    public static final int AUDIT_LINES = 20;
    /** What each command this server answers itself asks for; every one of the catalogue has its entry. */
    static final Map<Command, Function<ParsedCommand, Input>> OWN = Map.of(
            Command.HELP, command -> new Input.Help(),
            Command.BOTS, command -> new Input.ListBots(),
            Command.USE, command -> new Input.Use(command.all() ? ArgumentKind.ALL : command.botName().orElse(null)),
            Command.NOTIFY, command -> new Input.Notify(command.text(ArgumentKind.SETTING).orElse(null),
                    command.text(ArgumentKind.VALUE).orElse(null)),
            Command.AUDIT, command -> new Input.Audit(command.count().orElse(AUDIT_LINES)));

    private CommandParser() {
    }

    /** @return what {@code text} asks for; never null */
    public static Input parse(String text) {
        return read(CommandCatalogue.STANDARD.parse(text));
    }

    /** @return what a text read with the {@link CommandCatalogue} asks for; never null */
    public static Input read(ParseResult result) {
        if (result instanceof ParseError error) {
            return new Input.Invalid(error.message());
        }
        if (!(result instanceof ParsedCommand command)) {
            return new Input.NotACommand();
        }
        if (command.command().handledBy() == HandledBy.TRADING_BOT) {
            return new Input.ForBot(command);
        }
        Function<ParsedCommand, Input> own = OWN.get(command.command());
        if (own == null) {
            throw new IllegalStateException(command.command() + " is declared for this server, which has no answer to "
                    + "it");
        }
        return own.apply(command);
    }
}
