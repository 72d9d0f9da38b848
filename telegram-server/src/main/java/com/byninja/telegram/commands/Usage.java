package com.byninja.telegram.commands;

import com.byninja.protocol.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** Usage lines, the help text and the command menu registered with Telegram. */
public final class Usage {
    static final String BOTS = "/bots";
    static final String USE = "/use NAME | /use all";

    private Usage() {
    }

    /** @return the usage line of a trading bot command, such as {@code /forcebuy SYMBOL [AMOUNT]} */
    public static String of(Command command) {
        String name = "/" + command.wireName();
        return switch (command) {
            case FORCEBUY -> name + " SYMBOL [AMOUNT]";
            case FORCESELL -> name + " SYMBOL|" + Command.ALL_SYMBOLS;
            default -> switch (command.symbolArgument()) {
                case NONE -> name;
                case OPTIONAL -> name + " [SYMBOL]";
                case REQUIRED -> name + " SYMBOL";
            };
        };
    }

    /** @return the help text, plain (the caller escapes it) */
    public static String helpText() {
        StringBuilder help = new StringBuilder("ByNinja commands (SYMBOL like BTC/USDT):\n");
        for (Command command : Command.values()) {
            help.append(of(command)).append(" - ").append(command.description()).append('\n');
        }
        help.append(BOTS).append(" - the connected trading bots, with address and uptime\n");
        help.append(USE).append(" - pick the bot your commands go to; all sends /status and /stats to every bot\n");
        help.append("/help - this list");
        return help.toString();
    }

    /** @return the menu for {@code setMyCommands}: every command with a short description */
    public static List<BotCommand> menu() {
        List<BotCommand> menu = new ArrayList<>();
        for (Command command : Command.values()) {
            String description = command.description();
            if (description.length() > 256) {
                description = description.substring(0, 256);
            }
            menu.add(new BotCommand(command.wireName().toLowerCase(Locale.ROOT), description));
        }
        menu.add(new BotCommand("bots", "the connected trading bots"));
        menu.add(new BotCommand("use", "pick a bot: /use NAME, or /use all"));
        menu.add(new BotCommand("help", "the list of commands"));
        return menu;
    }
}
