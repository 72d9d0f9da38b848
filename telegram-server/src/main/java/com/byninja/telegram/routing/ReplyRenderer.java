package com.byninja.telegram.routing;

import com.byninja.protocol.Message;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.CommandButtons;
import com.byninja.telegram.telegram.Html;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * Turns a bot's reply into the message a chat reads, from its {@code data} where that reads better, its text
 * otherwise (a reply without such data, or with data this server cannot read, reads as before: the bot's name in bold
 * and its text).
 *
 * <ul>
 *   <li>{@code data.blocks}, {@code [{"text": "..."}, {"table": "..."}]}: the reply's text cut into blocks, the tables
 *       shown in a monospace {@code <pre>} block so that their columns line up; everything escaped. A long reply is
 *       cut into messages by the {@code TextSplitter}, which closes a {@code <pre>} at the cut and opens it again in
 *       the next message.</li>
 *   <li>{@code data.buttons}, {@code [{"label": "Close BTC/USDT", "command": "/forcesell BTC/USDT", "row": 0}]}:
 *       buttons under the message, those of the same {@code row} side by side, each running its command when
 *       pressed ({@link CommandButtons}). A button that is not a command or does not fit Telegram's callback data is
 *       left out, logged and counted.</li>
 * </ul>
 */
final class ReplyRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyRenderer.class);
    /** Telegram's limit on an inline keyboard's buttons. */
    static final int MAX_BUTTONS = 100;
    private static final String PRE = "<pre>";

    private final AtomicLong badButtons = new AtomicLong();
    private final ChartPictures pictures;

    /** @param pictures draws the picture a reply's data carries ({@code data.chart}, {@code data.equity}) */
    ReplyRenderer(ChartPictures pictures) {
        this.pictures = pictures;
    }

    /**
     * @param bot   the bot that answered
     * @param reply its reply
     * @return the message to send to the chat that asked: the picture its data carries, with its text as the
     *         caption, or its text laid out from its data
     */
    ChatMessage render(String bot, Message reply) {
        Optional<ChatMessage.Photo> picture = pictures.of(bot, reply);
        if (picture.isPresent()) {
            return picture.get();
        }
        String body = blocks(reply.data()).orElseGet(() -> Html.escape(reply.message()));
        // A table that comes first starts on a line of its own, so that its first row lines up with the others.
        String html = Html.bold(bot) + (body.startsWith(PRE) ? ":\n" : ": ") + body;
        List<List<InlineKeyboardButton>> rows = buttons(bot, reply.data());
        return rows.isEmpty() ? new ChatMessage.Text(html)
                : new ChatMessage.TextWithKeyboard(html, CommandButtons.keyboard(rows));
    }

    /** @return buttons of replies that could not be shown since the start */
    long badButtons() {
        return badButtons.get();
    }

    /** @return the blocks as HTML, or empty when the data has none or they cannot be read */
    private static Optional<String> blocks(JsonNode data) {
        JsonNode blocks = data == null ? null : data.get("blocks");
        if (blocks == null || !blocks.isArray() || blocks.isEmpty()) {
            return Optional.empty();
        }
        List<String> html = new ArrayList<>();
        for (JsonNode block : blocks) {
            JsonNode text = block.get("text");
            JsonNode table = block.get("table");
            if (block.size() != 1 || (text == null || !text.isTextual()) && (table == null || !table.isTextual())) {
                return Optional.empty();
            }
            html.add(text != null ? Html.escape(text.asText()) : PRE + Html.escape(table.asText()) + "</pre>");
        }
        return Optional.of(String.join("\n", html));
    }

    private List<List<InlineKeyboardButton>> buttons(String bot, JsonNode data) {
        JsonNode buttons = data == null ? null : data.get("buttons");
        if (buttons == null || !buttons.isArray()) {
            return List.of();
        }
        Map<Object, List<InlineKeyboardButton>> rows = new LinkedHashMap<>();
        int shown = 0;
        for (JsonNode b : buttons) {
            String label = b.path("label").asText("");
            String command = b.path("command").asText("");
            InlineKeyboardButton button;
            try {
                if (label.isBlank() || shown == MAX_BUTTONS) {
                    throw new IllegalArgumentException(label.isBlank() ? "a button needs a label"
                            : "Telegram shows at most " + MAX_BUTTONS + " buttons");
                }
                // For the bot that sent it, whatever the chat picks before the press.
                button = CommandButtons.button(label, command, bot);
            } catch (IllegalArgumentException e) {
                long count = badButtons.incrementAndGet();
                LOG.warn("A button from {} is left out ({} so far): {}", bot, count, e.getMessage());
                continue;
            }
            shown++;
            JsonNode row = b.get("row");
            Object key = row != null && row.canConvertToInt() ? (Object) row.asInt() : new Object();
            rows.computeIfAbsent(key, k -> new ArrayList<>()).add(button);
        }
        return List.copyOf(rows.values());
    }
}
