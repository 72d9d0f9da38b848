package com.byninja.telegram.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.CommandButtons;
import com.byninja.telegram.telegram.MessageApi.SendResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/** Each kind of chat message as the console shows it, and buttons pressed by typing their number. */
class ConsolePrinterTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final ConsoleButtons buttons = new ConsoleButtons();

    private ConsolePrinter printer() {
        return new ConsolePrinter(new PrintStream(captured, true, StandardCharsets.UTF_8), buttons, temp);
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static InlineKeyboardMarkup keyboard() {
        return CommandButtons.keyboard(List.of(
                List.of(CommandButtons.button("Refresh", "/status"), CommandButtons.button("Stats", "/stats")),
                List.of(InlineKeyboardButton.builder().text("Docs").url("https://example.org/byninja").build())));
    }

    @Test
    void buttonsAreANumberedListUnderTheirTextWithTheCommandEachRuns() {
        SendResult result = printer().send(0, new ChatMessage.TextWithKeyboard("<b>alpha</b> &amp; co", keyboard()),
                true);

        assertThat(result).isEqualTo(new SendResult.Sent(OptionalInt.of(1)));
        assertThat(output()).isEqualTo("""
                alpha & co
                  [1] Refresh: /status
                  [2] Stats: /stats
                  [3] Docs: https://example.org/byninja
                  (type a number to press a button)
                """);
        assertThat(buttons.press(2)).contains("/stats");
        assertThat(buttons.press(3)).as("a link is no button press").isEmpty();
        assertThat(buttons.press(4)).isEmpty();
    }

    @Test
    void aPhotoIsSavedAsAPngFileWhosePathIsPrintedWithTheCaption() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        SendResult result = printer().send(0, new ChatMessage.Photo(png, "<b>BTC/USDT</b> 1h"), true);

        assertThat(result).isEqualTo(new SendResult.Sent(OptionalInt.of(1)));
        String[] lines = output().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("[picture: " + temp.toAbsolutePath()).endsWith(".png]");
        Path file = Path.of(lines[0].substring("[picture: ".length(), lines[0].length() - 1));
        assertThat(Files.readAllBytes(file)).isEqualTo(png);
        assertThat(lines[1]).isEqualTo("BTC/USDT 1h");
    }

    @Test
    void anEditIsPrintedAsANewMessageMarkedAsAnEditAndKeepsItsId() {
        ConsolePrinter printer = printer();
        printer.send(0, new ChatMessage.Text("Status: waiting"), true);

        SendResult result = printer.send(0, new ChatMessage.Edit(1, "Status: <i>fine</i>", Optional.empty()), true);

        assertThat(result).isEqualTo(new SendResult.Sent(OptionalInt.of(1)));
        assertThat(output()).isEqualTo("Status: waiting\n✎ (edited) Status: fine\n");
    }

    @Test
    void anAnswerToAPressIsALineWhenItSaysSomethingAndMakesNoMessage() {
        ConsolePrinter printer = printer();

        SendResult quiet = printer.send(0, new ChatMessage.ButtonAnswer("x", Optional.empty(), false), false);
        SendResult loud = printer.send(0, new ChatMessage.ButtonAnswer("y", Optional.of("Sold"), true), false);

        assertThat(quiet).isEqualTo(new SendResult.Sent(OptionalInt.empty()));
        assertThat(loud).isEqualTo(new SendResult.Sent(OptionalInt.empty()));
        assertThat(output()).isEqualTo("(!) Sold\n");
    }

    @Test
    void typingTheNumberOfAButtonPressesItAndAnyOtherLineIsACommand() throws IOException {
        printer().send(0, new ChatMessage.TextWithKeyboard("Pick", keyboard()), true);
        List<String> commands = new CopyOnWriteArrayList<>();
        List<String> presses = new CopyOnWriteArrayList<>();
        PipedOutputStream typing = new PipedOutputStream();
        ConsoleReader reader = new ConsoleReader(new PipedInputStream(typing), commands::add, buttons, presses::add,
                () -> commands.add("END"));
        reader.start();

        typing.write("2\nstatus\n9\n1\n".getBytes(StandardCharsets.UTF_8));
        typing.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> commands.contains("END"));
        assertThat(presses).containsExactly("/stats", "/status");
        assertThat(commands).containsExactly("/status", "/9", "END");
        reader.close();
    }
}
