package com.byninja.telegram.telegram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * What goes to a chat, all the way from the routing to the Bot API call ({@link MessageApi}). Texts and captions are
 * HTML ({@link Html}). A message Telegram cannot take in one call is cut into {@link #parts()}, each one call; a
 * keyboard rides on the last part of its text, a photo's caption beyond Telegram's limit follows as text.
 */
public sealed interface ChatMessage {
    /** Telegram's limit on a photo's caption, in characters. */
    int CAPTION_LIMIT = 1024;
    /** Telegram's limit on the text of an answer to a button press, in characters. */
    int ANSWER_LIMIT = 200;

    /** @return the Bot API calls this message takes, in order, each within Telegram's limits; may be empty */
    List<ChatMessage> parts();

    /** @return whether it carries HTML, which a plain-text retry after a 400 ({@link #asPlain()}) takes out */
    default boolean hasMarkup() {
        return true;
    }

    /** @return the same call with its HTML turned into the text a person reads, sent without a parse mode */
    ChatMessage asPlain();

    /** @return the part whose Telegram message id stands for the whole message: where its keyboard or photo is */
    default int idPart(List<ChatMessage> parts) {
        return parts.size() - 1;
    }

    /** A text message. */
    record Text(String html) implements ChatMessage {
        public Text {
            Objects.requireNonNull(html, "html");
        }

        @Override
        public List<ChatMessage> parts() {
            return textParts(html, TextSplitter.TELEGRAM_LIMIT);
        }

        @Override
        public ChatMessage asPlain() {
            return new Text(Html.toPlain(html));
        }
    }

    /**
     * A text message with buttons under it (on its last part when it is long). Buttons that run a command are made
     * by {@link CommandButtons}.
     */
    record TextWithKeyboard(String html, InlineKeyboardMarkup keyboard) implements ChatMessage {
        public TextWithKeyboard {
            Objects.requireNonNull(keyboard, "keyboard");
            if (html == null || html.isBlank()) {
                throw new IllegalArgumentException("a keyboard needs a text above it");
            }
        }

        @Override
        public List<ChatMessage> parts() {
            List<ChatMessage> parts = new ArrayList<>(textParts(html, TextSplitter.TELEGRAM_LIMIT));
            int last = parts.size() - 1;
            parts.set(last, new TextWithKeyboard(((Text) parts.get(last)).html(), keyboard));
            return parts;
        }

        @Override
        public ChatMessage asPlain() {
            return new TextWithKeyboard(Html.toPlain(html), keyboard);
        }
    }

    /**
     * A picture, such as a chart, with a caption; a caption beyond {@value #CAPTION_LIMIT} characters goes on in text
     * messages after it.
     *
     * @param png         the PNG image; copied, never shared
     * @param captionHtml the caption, may be empty
     */
    record Photo(byte[] png, String captionHtml) implements ChatMessage {
        public Photo {
            Objects.requireNonNull(captionHtml, "captionHtml");
            if (png == null || png.length == 0) {
                throw new IllegalArgumentException("a photo needs its PNG bytes");
            }
            png = png.clone();
        }

        /** @return a copy of the PNG bytes */
        @Override
        public byte[] png() {
            return png.clone();
        }

        @Override
        public List<ChatMessage> parts() {
            if (captionHtml.length() <= CAPTION_LIMIT) {
                return List.of(this);
            }
            List<String> pieces = TextSplitter.split(captionHtml, CAPTION_LIMIT);
            List<ChatMessage> parts = new ArrayList<>();
            parts.add(new Photo(png, pieces.get(0)));
            for (String piece : pieces.subList(1, pieces.size())) {
                if (!piece.isBlank()) {
                    parts.add(new Text(piece));
                }
            }
            return parts;
        }

        @Override
        public ChatMessage asPlain() {
            return new Photo(png, Html.toPlain(captionHtml));
        }

        @Override
        public int idPart(List<ChatMessage> parts) {
            return 0;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Photo photo && Arrays.equals(png, photo.png)
                    && captionHtml.equals(photo.captionHtml);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(png) + captionHtml.hashCode();
        }

        @Override
        public String toString() {
            return "Photo[" + png.length + " bytes, captionHtml=" + captionHtml + "]";
        }
    }

    /**
     * A new text, and optionally new buttons, for a message this server sent earlier in the same chat. A text longer
     * than one message keeps its first part only: a message cannot grow into two.
     *
     * @param messageId the message's id, as {@link ChatOutput.Outcome#messageId()} gave it
     * @param keyboard  the buttons it shows from now on; empty to show none
     */
    record Edit(int messageId, String html, Optional<InlineKeyboardMarkup> keyboard) implements ChatMessage {
        public Edit {
            Objects.requireNonNull(keyboard, "keyboard");
            if (html == null || html.isBlank()) {
                throw new IllegalArgumentException("an edit needs a text");
            }
            if (messageId <= 0) {
                throw new IllegalArgumentException("not a message id: " + messageId);
            }
        }

        @Override
        public List<ChatMessage> parts() {
            String first = TextSplitter.split(html, TextSplitter.TELEGRAM_LIMIT).get(0);
            return List.of(first.equals(html) ? this : new Edit(messageId, first, keyboard));
        }

        @Override
        public ChatMessage asPlain() {
            return new Edit(messageId, Html.toPlain(html), keyboard);
        }
    }

    /**
     * The answer to a button press, which stops the spinner on the button; without a text it shows nothing else.
     *
     * @param callbackQueryId the press, as Telegram named it
     * @param text            a short notice (plain text, cut to {@value #ANSWER_LIMIT} characters), or empty
     * @param alert           whether the notice is a dialog to dismiss rather than a passing one
     */
    record ButtonAnswer(String callbackQueryId, Optional<String> text, boolean alert) implements ChatMessage {
        public ButtonAnswer {
            Objects.requireNonNull(callbackQueryId, "callbackQueryId");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public List<ChatMessage> parts() {
            return List.of(text.filter(t -> t.length() > ANSWER_LIMIT).isPresent()
                    ? new ButtonAnswer(callbackQueryId, text.map(t -> t.substring(0, ANSWER_LIMIT - 1) + "…"), alert)
                    : this);
        }

        @Override
        public boolean hasMarkup() {
            return false;
        }

        @Override
        public ChatMessage asPlain() {
            return this;
        }
    }

    /**
     * A message sent without a notification (Telegram's {@code disable_notification}): it arrives, but the phone stays
     * quiet, as the owner's notification settings and quiet hours ask.
     *
     * @param message the message; not an answer to a button press or an edit, which notify nothing anyway
     */
    record Silent(ChatMessage message) implements ChatMessage {
        public Silent {
            Objects.requireNonNull(message, "message");
            if (message instanceof Silent || message instanceof ButtonAnswer || message instanceof Edit) {
                throw new IllegalArgumentException("only a new message can be silent, not " + message);
            }
        }

        @Override
        public List<ChatMessage> parts() {
            return message.parts().stream().<ChatMessage>map(Silent::new).toList();
        }

        @Override
        public boolean hasMarkup() {
            return message.hasMarkup();
        }

        @Override
        public ChatMessage asPlain() {
            return new Silent(message.asPlain());
        }

        @Override
        public int idPart(List<ChatMessage> parts) {
            return message.idPart(parts);
        }
    }

    /** Telegram refuses an empty message; a split can leave one made of line breaks only. */
    private static List<ChatMessage> textParts(String html, int limit) {
        return TextSplitter.split(html, limit).stream()
                .filter(part -> !part.isBlank())
                .<ChatMessage>map(Text::new)
                .toList();
    }
}
