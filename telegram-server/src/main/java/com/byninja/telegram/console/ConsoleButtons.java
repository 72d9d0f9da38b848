package com.byninja.telegram.console;

import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * The buttons the console showed last, numbered from 1 in reading order, so that typing a number presses one. Written
 * by the {@link ConsolePrinter} on the chat sender's thread, read by the {@link ConsoleReader}.
 */
public final class ConsoleButtons {
    private volatile List<InlineKeyboardButton> shown = List.of();

    /** The keyboard just printed replaces the one before. @return its buttons, in the order they are numbered */
    List<InlineKeyboardButton> show(InlineKeyboardMarkup keyboard) {
        List<InlineKeyboardButton> buttons = keyboard.getKeyboard().stream().flatMap(List::stream).toList();
        shown = buttons;
        return buttons;
    }

    /** @return the callback data of button {@code number} (from 1) of the last keyboard shown, if it has one */
    public Optional<String> press(int number) {
        List<InlineKeyboardButton> buttons = shown;
        if (number < 1 || number > buttons.size()) {
            return Optional.empty();
        }
        return Optional.ofNullable(buttons.get(number - 1).getCallbackData());
    }
}
