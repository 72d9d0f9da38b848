package com.byninja.telegram.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** How each kind of chat message is cut into Bot API calls, and what a button may carry. */
class ChatMessageTest {
    private static final InlineKeyboardMarkup REFRESH = CommandButtons.keyboard(List.of(List.of(
            CommandButtons.button("Refresh", "/status"))));

    @Test
    void aLongTextIsCutAtLineBreaksIntoPartsTelegramTakesAndItsKeyboardGoesOnTheLast() {
        String text = "0123456789\n".repeat(800);

        List<ChatMessage> parts = new ChatMessage.TextWithKeyboard(text, REFRESH).parts();

        assertThat(parts).hasSize(3);
        assertThat(parts.subList(0, 2)).allSatisfy(part -> assertThat(part).isInstanceOf(ChatMessage.Text.class));
        assertThat(parts.get(2)).isInstanceOf(ChatMessage.TextWithKeyboard.class);
        assertThat(((ChatMessage.TextWithKeyboard) parts.get(2)).keyboard()).isSameAs(REFRESH);
        assertThat(parts.get(0).idPart(parts)).isEqualTo(2);
        assertThat(String.join("\n", parts.stream().map(ChatMessageTest::text).toList()))
                .isEqualTo(text);
    }

    @Test
    void aCaptionOverTelegramsLimitGoesOnAsTextAfterThePhotoWhichKeepsTheId() {
        ChatMessage.Photo photo = new ChatMessage.Photo(new byte[] {1}, "a".repeat(1_000) + "\n" + "b".repeat(500));

        List<ChatMessage> parts = photo.parts();

        assertThat(parts).hasSize(2);
        assertThat(((ChatMessage.Photo) parts.get(0)).captionHtml()).isEqualTo("a".repeat(1_000));
        assertThat(parts.get(1)).isEqualTo(new ChatMessage.Text("b".repeat(500)));
        assertThat(photo.idPart(parts)).isZero();
        assertThat(new ChatMessage.Photo(new byte[] {1}, "short").parts()).hasSize(1);
    }

    @Test
    void aPhotoIsAValueItsBytesCopiedInAndOut() {
        byte[] png = {1, 2, 3};
        ChatMessage.Photo photo = new ChatMessage.Photo(png, "");
        png[0] = 9;
        photo.png()[1] = 9;

        assertThat(photo.png()).containsExactly(1, 2, 3);
        assertThat(photo).isEqualTo(new ChatMessage.Photo(new byte[] {1, 2, 3}, ""));
    }

    @Test
    void anEditLongerThanOneMessageKeepsItsFirstPartAndItsButtons() {
        ChatMessage.Edit edit = new ChatMessage.Edit(5, "line\n".repeat(1_000), Optional.of(REFRESH));

        List<ChatMessage> parts = edit.parts();

        assertThat(parts).hasSize(1);
        ChatMessage.Edit cut = (ChatMessage.Edit) parts.get(0);
        assertThat(cut.messageId()).isEqualTo(5);
        assertThat(cut.html().length()).isLessThanOrEqualTo(TextSplitter.TELEGRAM_LIMIT);
        assertThat(cut.keyboard()).contains(REFRESH);
    }

    @Test
    void anAnswerToAPressIsCutToTwoHundredCharactersAndHasNoMarkup() {
        ChatMessage.ButtonAnswer answer = new ChatMessage.ButtonAnswer("cb", Optional.of("x".repeat(300)), true);

        ChatMessage.ButtonAnswer cut = (ChatMessage.ButtonAnswer) answer.parts().get(0);

        assertThat(cut.text().orElseThrow()).hasSize(200).endsWith("x…");
        assertThat(answer.hasMarkup()).isFalse();
        assertThat(answer.asPlain()).isSameAs(answer);
    }

    @Test
    void thePlainTextRetryTakesTheMarkupOutOfEveryKindWithText() {
        assertThat(new ChatMessage.Text("<b>a</b> &lt;b&gt;").asPlain()).isEqualTo(new ChatMessage.Text("a <b>"));
        assertThat(new ChatMessage.Edit(3, "<i>x</i>", Optional.empty()).asPlain())
                .isEqualTo(new ChatMessage.Edit(3, "x", Optional.empty()));
        assertThat(((ChatMessage.Photo) new ChatMessage.Photo(new byte[] {1}, "<b>c</b>").asPlain()).captionHtml())
                .isEqualTo("c");
    }

    @Test
    void aButtonRunsACommandThatFitsTelegramsSixtyFourBytesOfCallbackData() {
        assertThat(CommandButtons.button("Sell", "/forcesell BTC/USDT").getCallbackData())
                .isEqualTo("/forcesell BTC/USDT");
        assertThat(CommandButtons.button("x", "/" + "a".repeat(63)).getCallbackData()).hasSize(64);
        assertThatThrownBy(() -> CommandButtons.button("x", "/" + "a".repeat(64)))
                .hasMessage("a button's command takes at most 64 bytes (Telegram's limit on callback data), \"/"
                        + "a".repeat(64) + "\" takes 65");
        assertThatThrownBy(() -> CommandButtons.button("x", "/" + "é".repeat(32)))
                .hasMessageEndingWith("takes 65");
        assertThatThrownBy(() -> CommandButtons.button("x", "status"))
                .hasMessage("a button runs a command starting with /, got \"status\"");
        assertThat(CommandButtons.commandOf("/status")).contains("/status");
        assertThat(CommandButtons.commandOf("confirm:1")).isEmpty();
        assertThat(CommandButtons.commandOf("/")).isEmpty();
    }

    private static String text(ChatMessage part) {
        return part instanceof ChatMessage.Text text ? text.html() : ((ChatMessage.TextWithKeyboard) part).html();
    }
}
