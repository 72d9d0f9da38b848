package com.byninja.telegram.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.protocol.Message;
import com.byninja.protocol.commands.Command;
import com.byninja.telegram.console.ConsoleButtons;
import com.byninja.telegram.console.ConsolePrinter;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.TextSplitter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/** A reply read from its data: tables in monospace blocks, everything escaped, buttons that run commands. */
class ReplyRendererTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A {@code positions} reply as a bot writes it, with a name that needs escaping in the table. */
    static final String POSITIONS = """
            {"blocks": [{"text": "1 open position (USDT)"},
                        {"table": "BTC/USDT 0.002 BTC, open 1h 0m\\n entry       50000.00\\n note        <b>&</b>"},
                        {"text": "PnL: after the exit fee & < 1 % away"}],
             "buttons": [{"label": "Close BTC/USDT", "command": "/forcesell BTC/USDT", "row": 0},
                         {"label": "Break-even BTC/USDT", "command": "/breakeven BTC/USDT", "row": 0},
                         {"label": "Close ETH/USDT", "command": "/forcesell ETH/USDT", "row": 1}]}
            """;
    static final String TEXT = "1 open position (USDT)\nBTC/USDT 0.002 BTC, open 1h 0m\n entry       50000.00\n note"
            + "        <b>&</b>\nPnL: after the exit fee & < 1 % away";

    @TempDir
    Path temp;

    final ReplyRenderer renderer = new ReplyRenderer(new ChartPictures());

    static Message reply(String text, String data) throws Exception {
        return Message.replyTo(Message.command("c1", Command.POSITIONS, null), text,
                data == null ? null : (ObjectNode) JSON.readTree(data));
    }

    @Test
    void theTablesGoInMonospaceBlocksEverythingEscapedAndTheButtonsUnderneathByRow() throws Exception {
        ChatMessage message = renderer.render("alpha", reply(TEXT, POSITIONS));

        assertThat(message).isInstanceOf(ChatMessage.TextWithKeyboard.class);
        ChatMessage.TextWithKeyboard withKeyboard = (ChatMessage.TextWithKeyboard) message;
        assertThat(withKeyboard.html()).isEqualTo("<b>alpha</b>: 1 open position (USDT)\n"
                + "<pre>BTC/USDT 0.002 BTC, open 1h 0m\n entry       50000.00\n note        &lt;b&gt;&amp;&lt;/b&gt;"
                + "</pre>\nPnL: after the exit fee &amp; &lt; 1 % away");
        List<List<String>> rows = withKeyboard.keyboard().getKeyboard().stream()
                .map(row -> row.stream().map(InlineKeyboardButton::getCallbackData).toList()).toList();
        // Each for alpha, the bot that sent them, whatever bot the chat picks before the press.
        assertThat(rows).containsExactly(List.of("/forcesell BTC/USDT >alpha", "/breakeven BTC/USDT >alpha"),
                List.of("/forcesell ETH/USDT >alpha"));
        assertThat(withKeyboard.keyboard().getKeyboard().get(0).get(0).getText()).isEqualTo("Close BTC/USDT");
    }

    @Test
    void theConsoleShowsTheTableAsItsLinesAndTheButtonsAsANumberedList() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsolePrinter console = new ConsolePrinter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new ConsoleButtons(), temp);

        for (ChatMessage part : renderer.render("alpha", reply(TEXT, POSITIONS)).parts()) {
            console.send(0, part, true);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("alpha: " + TEXT + "\n"
                + "  [1] Close BTC/USDT: /forcesell BTC/USDT (for alpha)\n"
                + "  [2] Break-even BTC/USDT: /breakeven BTC/USDT (for alpha)\n"
                + "  [3] Close ETH/USDT: /forcesell ETH/USDT (for alpha)\n"
                + "  (type a number to press a button)" + System.lineSeparator());
    }

    @Test
    void withoutDataOrWithDataItCannotReadTheReplyIsItsTextAndABadButtonIsLeftOut() throws Exception {
        assertThat(renderer.render("alpha", reply("a < b", null))).isEqualTo(new ChatMessage.Text(
                "<b>alpha</b>: a &lt; b"));
        assertThat(renderer.render("alpha", reply("a < b", "{\"blocks\": [{\"table\": 5}]}"))).isEqualTo(
                new ChatMessage.Text("<b>alpha</b>: a &lt; b"));
        assertThat(renderer.render("alpha", reply("a < b", "{\"blocks\": [{\"text\": \"a\", \"table\": \"b\"}]}")))
                .isEqualTo(new ChatMessage.Text("<b>alpha</b>: a &lt; b"));

        ChatMessage message = renderer.render("alpha", reply("x", """
                {"buttons": [{"label": "Shout", "command": "hello"},
                             {"label": "Long", "command": "/forcesell %s"},
                             {"label": "", "command": "/status"},
                             {"label": "Status", "command": "/status"}]}
                """.formatted("X".repeat(60))));

        assertThat(((ChatMessage.TextWithKeyboard) message).keyboard().getKeyboard()).singleElement()
                .satisfies(row -> assertThat(row).extracting(InlineKeyboardButton::getCallbackData)
                        .containsExactly("/status >alpha"));
        assertThat(renderer.badButtons()).isEqualTo(3);
    }

    @Test
    void aLongTableIsCutIntoMessagesEachClosingAndReopeningItsMonospaceBlock() throws Exception {
        StringBuilder table = new StringBuilder("Day         Trades    PnL");
        for (int i = 0; i < 300; i++) {
            table.append("\\n2026-03-01  ").append(String.format("%6d", i)).append("  +1.00 & more");
        }
        ChatMessage message = renderer.render("alpha", reply("many days", "{\"blocks\": [{\"text\": \"Daily\"}, "
                + "{\"table\": \"" + table + "\"}, {\"text\": \"The end\"}]}"));

        List<ChatMessage> parts = message.parts();

        assertThat(parts).hasSizeGreaterThan(1);
        for (int i = 0; i < parts.size(); i++) {
            String html = ((ChatMessage.Text) parts.get(i)).html();
            assertThat(html.length()).isLessThanOrEqualTo(TextSplitter.TELEGRAM_LIMIT);
            assertThat(html.split("<pre>", -1).length).as("part %d opens one block", i).isEqualTo(2);
            assertThat(html.split("</pre>", -1).length).as("part %d closes it", i).isEqualTo(2);
            assertThat(html.indexOf("<pre>")).isLessThan(html.indexOf("</pre>"));
        }
        assertThat(((ChatMessage.Text) parts.get(0)).html()).startsWith("<b>alpha</b>: Daily\n<pre>Day ");
        assertThat(((ChatMessage.Text) parts.get(1)).html()).startsWith("<pre>2026-03-01  ");
        assertThat(((ChatMessage.Text) parts.get(parts.size() - 1)).html()).endsWith("</pre>\nThe end");
        String joined = String.join("\n", parts.stream().map(p -> ((ChatMessage.Text) p).html()).toList());
        assertThat(joined.replace("</pre>\n<pre>", "\n")).isEqualTo(((ChatMessage.Text) message).html());
    }
}
