package com.byninja.telegram.console;

import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.CommandButtons;
import com.byninja.telegram.telegram.Html;
import com.byninja.telegram.telegram.MessageApi;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * The console's stand-in for Telegram: prints each message as plain text on its own lines. Buttons are a numbered list
 * under their text (type the number, or the command shown, to press one: {@link ConsoleButtons}); a photo is saved as
 * a PNG file in a temporary directory and its path printed; an edit is printed as a new message marked as an edit; the
 * answer to a press, when it says something, as a line of its own. Each message gets an id, as Telegram gives one.
 * Called on the console chat's sender thread only.
 */
public final class ConsolePrinter implements MessageApi {
    private final PrintStream out;
    private final ConsoleButtons buttons;
    private final Path photoDir;
    private int lastId;
    private Path photos;

    /**
     * @param buttons  where the buttons printed last are kept for the reader
     * @param photoDir where a directory for photos is made, on the first one
     */
    public ConsolePrinter(PrintStream out, ConsoleButtons buttons, Path photoDir) {
        this.out = out;
        this.buttons = buttons;
        this.photoDir = photoDir;
    }

    @Override
    public SendResult send(long chatId, ChatMessage part, boolean html) {
        String text;
        try {
            text = render(part, html);
        } catch (IOException e) {
            return new SendResult.Transient("cannot save the photo: " + e.getMessage());
        }
        if (part instanceof ChatMessage.ButtonAnswer && text.isEmpty()) {
            // Nothing spins in the console: an answer without a notice shows nothing.
            return new SendResult.Sent(OptionalInt.empty());
        }
        synchronized (out) {
            out.println(text);
            out.flush();
        }
        if (out.checkError()) {
            return new SendResult.Transient("standard output is closed");
        }
        if (part instanceof ChatMessage.ButtonAnswer) {
            return new SendResult.Sent(OptionalInt.empty());
        }
        return new SendResult.Sent(OptionalInt.of(part instanceof ChatMessage.Edit edit ? edit.messageId() : ++lastId));
    }

    private String render(ChatMessage part, boolean html) throws IOException {
        if (part instanceof ChatMessage.Silent silent) {
            return "🔕 " + render(silent.message(), html);
        }
        if (part instanceof ChatMessage.Text text) {
            return plain(text.html(), html);
        }
        if (part instanceof ChatMessage.TextWithKeyboard keyboard) {
            return plain(keyboard.html(), html) + keys(keyboard.keyboard());
        }
        if (part instanceof ChatMessage.Photo photo) {
            Path file = savePhoto(photo.png());
            String caption = plain(photo.captionHtml(), html);
            return "[picture: " + file.toAbsolutePath() + "]" + (caption.isEmpty() ? "" : "\n" + caption);
        }
        if (part instanceof ChatMessage.Edit edit) {
            return "✎ (edited) " + plain(edit.html(), html) + edit.keyboard().map(this::keys).orElse("");
        }
        ChatMessage.ButtonAnswer answer = (ChatMessage.ButtonAnswer) part;
        return answer.text().map(text -> (answer.alert() ? "(!) " : "") + text).orElse("");
    }

    private static String plain(String text, boolean html) {
        return html ? Html.toPlain(text) : text;
    }

    /** @return the buttons as numbered lines, each with the command it runs when it runs one */
    private String keys(InlineKeyboardMarkup keyboard) {
        List<InlineKeyboardButton> shown = buttons.show(keyboard);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            InlineKeyboardButton button = shown.get(i);
            lines.append("\n  [").append(i + 1).append("] ").append(button.getText());
            if (button.getCallbackData() != null && button.getCallbackData().startsWith("/")) {
                CommandButtons.Pressed runs = CommandButtons.pressed(button.getCallbackData()).orElseThrow();
                lines.append(": ").append(runs.command()).append(runs.bot().map(bot -> " (for " + bot + ")")
                        .orElse(""));
            } else if (button.getUrl() != null) {
                lines.append(": ").append(button.getUrl());
            }
        }
        return lines.append("\n  (type a number to press a button)").toString();
    }

    private Path savePhoto(byte[] png) throws IOException {
        if (photos == null) {
            Files.createDirectories(photoDir);
            photos = Files.createTempDirectory(photoDir, "byninja-console-");
        }
        Path file = photos.resolve("picture-" + (lastId + 1) + ".png");
        Files.write(file, png);
        return file;
    }
}
