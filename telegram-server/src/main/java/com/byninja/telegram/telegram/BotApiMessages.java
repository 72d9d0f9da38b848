package com.byninja.telegram.telegram;

import java.io.ByteArrayInputStream;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * {@link MessageApi} over the TelegramBots client: each kind of {@link ChatMessage} as its Bot API method
 * ({@code sendMessage}, {@code sendPhoto} with the PNG uploaded, {@code editMessageText}, {@code answerCallbackQuery}),
 * and its exceptions mapped to {@link MessageApi.SendResult}s.
 */
public final class BotApiMessages implements MessageApi {
    private static final long DEFAULT_RETRY_AFTER_MS = 1_000;
    /** The photo's file name in the upload; Telegram shows none of it. */
    private static final String PHOTO_NAME = "chart.png";
    /** What Telegram answers to an edit that changes nothing: the message already reads as asked. */
    private static final String NOT_MODIFIED = "message is not modified";
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();

    private final TelegramClient client;
    private final long requestTimeoutMs;
    private final TokenScrubber scrubber;

    public BotApiMessages(TelegramClient client, long requestTimeoutMs, TokenScrubber scrubber) {
        this.client = client;
        this.requestTimeoutMs = requestTimeoutMs;
        this.scrubber = scrubber;
    }

    @Override
    public SendResult send(long chatId, ChatMessage part, boolean html) throws InterruptedException {
        String parseMode = html ? ParseMode.HTML : null;
        CompletableFuture<?> call;
        try {
            call = call(chatId, part, parseMode);
        } catch (TelegramApiException e) {
            return classify(e, part);
        }
        try {
            Object answer = call.get(requestTimeoutMs, TimeUnit.MILLISECONDS);
            return sent(answer, part);
        } catch (ExecutionException e) {
            return classify(e.getCause(), part);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new SendResult.Transient("no answer within " + requestTimeoutMs + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        }
    }

    private CompletableFuture<?> call(long chatId, ChatMessage part, String parseMode) throws TelegramApiException {
        // Telegram's disable_notification: null (its default, a notification) unless the message is silent.
        Boolean silent = part instanceof ChatMessage.Silent ? Boolean.TRUE : null;
        ChatMessage message = part instanceof ChatMessage.Silent s ? s.message() : part;
        if (message instanceof ChatMessage.Text text) {
            return client.executeAsync(SendMessage.builder().chatId(chatId).text(text.html()).parseMode(parseMode)
                    .linkPreviewOptions(NO_PREVIEW).disableNotification(silent).build());
        }
        if (message instanceof ChatMessage.TextWithKeyboard keyboard) {
            return client.executeAsync(SendMessage.builder().chatId(chatId).text(keyboard.html()).parseMode(parseMode)
                    .linkPreviewOptions(NO_PREVIEW).replyMarkup(keyboard.keyboard()).disableNotification(silent)
                    .build());
        }
        if (message instanceof ChatMessage.Photo photo) {
            SendPhoto.SendPhotoBuilder<?, ?> send = SendPhoto.builder().chatId(chatId).disableNotification(silent)
                    .photo(new InputFile(new ByteArrayInputStream(photo.png()), PHOTO_NAME));
            if (!photo.captionHtml().isEmpty()) {
                send.caption(photo.captionHtml()).parseMode(parseMode);
            }
            return client.executeAsync(send.build());
        }
        if (part instanceof ChatMessage.Edit edit) {
            return client.executeAsync(EditMessageText.builder().chatId(chatId).messageId(edit.messageId())
                    .text(edit.html()).parseMode(parseMode).linkPreviewOptions(NO_PREVIEW)
                    .replyMarkup(edit.keyboard().orElse(null)).build());
        }
        ChatMessage.ButtonAnswer answer = (ChatMessage.ButtonAnswer) part;
        return client.executeAsync(AnswerCallbackQuery.builder().callbackQueryId(answer.callbackQueryId())
                .text(answer.text().orElse(null)).showAlert(answer.alert() ? Boolean.TRUE : null).build());
    }

    /** @return Sent, with the id of the message Telegram made or edited when it answered with one */
    private static SendResult sent(Object answer, ChatMessage part) {
        if (answer instanceof Message message && message.getMessageId() != null) {
            return new SendResult.Sent(OptionalInt.of(message.getMessageId()));
        }
        if (part instanceof ChatMessage.Edit edit) {
            return new SendResult.Sent(OptionalInt.of(edit.messageId()));
        }
        return new SendResult.Sent(OptionalInt.empty());
    }

    private SendResult classify(Throwable error, ChatMessage part) {
        if (error instanceof TelegramApiRequestException request && request.getErrorCode() != null) {
            int code = request.getErrorCode();
            if (code == 429) {
                ResponseParameters parameters = request.getParameters();
                Integer seconds = parameters == null ? null : parameters.getRetryAfter();
                return new SendResult.RetryAfter(seconds == null ? DEFAULT_RETRY_AFTER_MS
                                                                 : TimeUnit.SECONDS.toMillis(Math.max(1, seconds)));
            }
            if (code >= 500) {
                return new SendResult.Transient(scrubber.scrub("HTTP " + code + ": " + request.getApiResponse()));
            }
            if (code == 400 && part instanceof ChatMessage.Edit edit && request.getApiResponse() != null
                    && request.getApiResponse().contains(NOT_MODIFIED)) {
                return new SendResult.Sent(OptionalInt.of(edit.messageId()));
            }
            return new SendResult.Rejected(code, scrubber.scrub(request.getApiResponse()));
        }
        // A network error, a timeout, an answer that could not be read: worth another try.
        return new SendResult.Transient(scrubber.describe(error));
    }
}
