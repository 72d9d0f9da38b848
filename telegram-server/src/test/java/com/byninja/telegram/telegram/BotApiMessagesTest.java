package com.byninja.telegram.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.telegram.telegram.MessageApi.SendResult;
import com.byninja.telegram.testing.FakeBotApi;
import com.byninja.telegram.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** Each kind of chat message as the real TelegramBots client sends it, received by the fake Bot API over HTTP. */
class BotApiMessagesTest {
    private static final long CHAT = 111L;

    private FakeBotApi api;
    private HttpClients http;
    private BotApiMessages messages;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(TestConfigs.TOKEN);
        http = new HttpClients(2, 5_000);
        OkHttpTelegramClient client = new OkHttpTelegramClient(http.sending(), TestConfigs.TOKEN,
                HttpClients.telegramUrl(api.url()));
        messages = new BotApiMessages(client, 5_000, new TokenScrubber(TestConfigs.TOKEN));
    }

    @AfterEach
    void stop() {
        http.close();
        api.close();
    }

    private static InlineKeyboardMarkup statusAndSellAll() {
        return CommandButtons.keyboard(List.of(
                List.of(CommandButtons.button("Refresh", "/status"), CommandButtons.button("Stats", "/stats")),
                List.of(CommandButtons.button("Sell all", "/forcesell all"))));
    }

    @Test
    void aTextIsSendMessageInHtmlWithoutLinkPreviewAndItsIdComesBack() throws Exception {
        SendResult result = messages.send(CHAT, new ChatMessage.Text("<b>alpha</b>: ok"), true);

        assertThat(result).isEqualTo(new SendResult.Sent(OptionalInt.of(1001)));
        assertThat(api.calls()).containsExactly("sendmessage");
        FakeBotApi.Sent sent = api.sent().get(0);
        assertThat(sent.chatId()).isEqualTo(CHAT);
        assertThat(sent.text()).isEqualTo("<b>alpha</b>: ok");
        assertThat(sent.parseMode()).isEqualToIgnoringCase("html");
        assertThat(sent.replyMarkup().isMissingNode()).isTrue();
    }

    @Test
    void aPlainTextRetryHasNoParseMode() throws Exception {
        messages.send(CHAT, new ChatMessage.Text("<b>a & b</b>").asPlain(), false);

        assertThat(api.sent().get(0).text()).isEqualTo("a & b");
        assertThat(api.sent().get(0).parseMode()).isNull();
    }

    @Test
    void aKeyboardGoesAsTheMessagesInlineKeyboardRowByRow() throws Exception {
        SendResult result = messages.send(CHAT, new ChatMessage.TextWithKeyboard("Status of alpha", statusAndSellAll()),
                true);

        assertThat(result).isEqualTo(new SendResult.Sent(OptionalInt.of(1001)));
        assertThat(api.sent().get(0).replyMarkup().toString()).isEqualTo("{\"inline_keyboard\":["
                + "[{\"text\":\"Refresh\",\"callback_data\":\"/status\"},"
                + "{\"text\":\"Stats\",\"callback_data\":\"/stats\"}],"
                + "[{\"text\":\"Sell all\",\"callback_data\":\"/forcesell all\"}]]}");
    }

    @Test
    void aPhotoIsUploadedAsSendPhotoWithItsPngBytesAndCaption() throws Exception {
        byte[] png = onePixelPng();

        SendResult result = messages.send(CHAT, new ChatMessage.Photo(png, "<b>BTC/USDT</b> 1h"), true);

        assertThat(result).isEqualTo(new SendResult.Sent(OptionalInt.of(1001)));
        assertThat(api.calls()).containsExactly("sendphoto");
        FakeBotApi.Photo photo = api.photos().get(0);
        assertThat(photo.chatId()).isEqualTo(CHAT);
        assertThat(photo.png()).isEqualTo(png);
        assertThat(photo.fileName()).isEqualTo("chart.png");
        assertThat(photo.caption()).isEqualTo("<b>BTC/USDT</b> 1h");
        assertThat(photo.parseMode()).isEqualToIgnoringCase("html");
    }

    @Test
    void anEditNamesItsMessageAndCarriesTheNewTextAndButtonsAndAnEditChangingNothingIsNoFailure() throws Exception {
        messages.send(CHAT, new ChatMessage.TextWithKeyboard("Status at 10:00", statusAndSellAll()), true);
        ChatMessage.Edit edit = new ChatMessage.Edit(1001, "Status at 10:05", Optional.of(statusAndSellAll()));

        SendResult first = messages.send(CHAT, edit, true);
        SendResult again = messages.send(CHAT, edit, true);

        assertThat(first).isEqualTo(new SendResult.Sent(OptionalInt.of(1001)));
        assertThat(again).as("Telegram says it is not modified: it reads as asked").isEqualTo(first);
        assertThat(api.calls()).containsExactly("sendmessage", "editmessagetext", "editmessagetext");
        assertThat(api.edits()).hasSize(1);
        FakeBotApi.Edit done = api.edits().get(0);
        assertThat(done.chatId()).isEqualTo(CHAT);
        assertThat(done.messageId()).isEqualTo(1001);
        assertThat(done.text()).isEqualTo("Status at 10:05");
        assertThat(done.replyMarkup().path("inline_keyboard").get(1).get(0).path("callback_data").asText())
                .isEqualTo("/forcesell all");
    }

    @Test
    void anEditOfAMessageTelegramDoesNotKnowIsRejected() throws Exception {
        SendResult result = messages.send(CHAT, new ChatMessage.Edit(77, "late", Optional.empty()), true);

        assertThat(result).isInstanceOf(SendResult.Rejected.class);
        assertThat(((SendResult.Rejected) result).errorCode()).isEqualTo(400);
    }

    @Test
    void anAnswerToAPressNamesTheQueryAndMayAlertAndMakesNoMessage() throws Exception {
        SendResult quiet = messages.send(CHAT, new ChatMessage.ButtonAnswer("cb-1", Optional.empty(), false), false);
        SendResult loud = messages.send(CHAT, new ChatMessage.ButtonAnswer("cb-2", Optional.of("Sold"), true), false);

        assertThat(quiet).isEqualTo(new SendResult.Sent(OptionalInt.empty()));
        assertThat(loud).isEqualTo(new SendResult.Sent(OptionalInt.empty()));
        assertThat(api.answers()).extracting(FakeBotApi.Answer::callbackQueryId, FakeBotApi.Answer::text,
                FakeBotApi.Answer::showAlert).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cb-1", null, false),
                        org.assertj.core.groups.Tuple.tuple("cb-2", "Sold", true));
    }

    @Test
    void a429IsRetryAfterWithTheSecondsTelegramAsked() throws Exception {
        api.failNextSends(CHAT, 429);

        assertThat(messages.send(CHAT, new ChatMessage.Text("hi"), true)).isEqualTo(new SendResult.RetryAfter(1_000));
    }

    /** @return a valid PNG of one white pixel, written here: signature, IHDR, IDAT, IEND */
    static byte[] onePixelPng() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[] {0, (byte) 0xff});
        deflater.finish();
        byte[] compressed = new byte[64];
        int length = deflater.deflate(compressed);
        deflater.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
