package com.byninja.telegram.commands;

import com.byninja.protocol.commands.CommandCatalogue;
import com.byninja.protocol.commands.Role;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** The help text and the command menu registered with Telegram, both from the commands' {@link CommandCatalogue}. */
public final class Usage {

    private Usage() {
    }

    /** @return the help text for someone whose role is {@code role}: only what it may run, the rest counted */
    public static String helpText(Role role) {
        return CommandCatalogue.STANDARD.help(role);
    }

    /** @return the menu for {@code setMyCommands}: every command with its arguments and what it does */
    public static List<BotCommand> menu() {
        return CommandCatalogue.STANDARD.menu().stream()
                .map(entry -> new BotCommand(entry.command(), entry.description())).toList();
    }
}
