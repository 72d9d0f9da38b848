package com.byninja.telegram.telegram;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The data format of our buttons, in one place. A button's callback data is a command exactly as a person would type
 * it, such as {@code /status} or {@code /forcesell BTC/USDT}: pressing it runs that command as if typed in the chat.
 * Telegram limits callback data to {@value #MAX_DATA_BYTES} bytes of UTF-8, so a button's command must fit in them.
 * Data that does not start with {@code /} is not a command; none of our buttons carries such data today.
 */
public final class CommandButtons {
    /** Telegram's limit on a button's callback data. */
    public static final int MAX_DATA_BYTES = 64;

    private CommandButtons() {
    }

    /**
     * @param label   what the button shows
     * @param command the command it runs, such as {@code /status}
     * @throws IllegalArgumentException when {@code command} is not a command or does not fit in callback data
     */
    public static InlineKeyboardButton button(String label, String command) {
        if (!command.startsWith("/") || command.isBlank()) {
            throw new IllegalArgumentException("a button runs a command starting with /, got \"" + command + "\"");
        }
        int bytes = command.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("a button's command takes at most " + MAX_DATA_BYTES
                    + " bytes (Telegram's limit on callback data), \"" + command + "\" takes " + bytes);
        }
        return InlineKeyboardButton.builder().text(label).callbackData(command).build();
    }

    /** What separates a button's command from the bot it is for, in its callback data. */
    static final String TO = " >";

    /**
     * A button under a bot's reply, which runs its command on that bot whatever bot the chat picked since, as
     * {@code /forcesell BTC/USDT >alpha}: pressing Close under alpha's positions must never sell beta's.
     *
     * @param bot the bot the command is for
     * @throws IllegalArgumentException as {@link #button(String, String)}, the bot's name counted in the data
     */
    public static InlineKeyboardButton button(String label, String command, String bot) {
        InlineKeyboardButton button = button(label, command + TO + bot);
        if (bot.isBlank() || bot.contains(" ")) {
            throw new IllegalArgumentException("not a bot's name: \"" + bot + "\"");
        }
        return button;
    }

    /** A button's command, and the bot it is for when it names one. */
    public record Pressed(String command, Optional<String> bot) {
    }

    /** @return the command a press of a button with this data runs, and its bot; empty when the data is none */
    public static Optional<Pressed> pressed(String data) {
        return commandOf(data).map(command -> {
            int to = command.lastIndexOf(TO);
            return to < 0 ? new Pressed(command, Optional.empty())
                    : new Pressed(command.substring(0, to), Optional.of(command.substring(to + TO.length())));
        });
    }

    /** @return a keyboard of one row per list of buttons */
    public static InlineKeyboardMarkup keyboard(List<List<InlineKeyboardButton>> rows) {
        return InlineKeyboardMarkup.builder()
                .keyboard(rows.stream().map(InlineKeyboardRow::new).toList())
                .build();
    }

    /** @return the command a press of a button with this data runs, or empty when the data is not a command */
    public static Optional<String> commandOf(String data) {
        return data != null && data.startsWith("/") && data.length() > 1 ? Optional.of(data) : Optional.empty();
    }
}
