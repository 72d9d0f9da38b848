package com.byninja.telegram.telegram;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** {@link MessageApi} over the TelegramBots client: maps its exceptions to {@link MessageApi.SendResult}s. */
public final class BotApiMessages implements MessageApi {
    private static final long DEFAULT_RETRY_AFTER_MS = 1_000;

    private final TelegramClient client;
    private final long requestTimeoutMs;
    private final TokenScrubber scrubber;

    public BotApiMessages(TelegramClient client, long requestTimeoutMs, TokenScrubber scrubber) {
        this.client = client;
        this.requestTimeoutMs = requestTimeoutMs;
        this.scrubber = scrubber;
    }

    @Override
    public SendResult send(long chatId, String text, boolean html) throws InterruptedException {
        SendMessage message = SendMessage.builder()
                .chatId(chatId)
                .text(text)
                .parseMode(html ? ParseMode.HTML : null)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .build();
        CompletableFuture<?> call;
        try {
            call = client.executeAsync(message);
        } catch (TelegramApiException e) {
            return classify(e);
        }
        try {
            call.get(requestTimeoutMs, TimeUnit.MILLISECONDS);
            return new SendResult.Sent();
        } catch (ExecutionException e) {
            return classify(e.getCause());
        } catch (TimeoutException e) {
            call.cancel(true);
            return new SendResult.Transient("no answer within " + requestTimeoutMs + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        }
    }

    private SendResult classify(Throwable error) {
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
            return new SendResult.Rejected(code, scrubber.scrub(request.getApiResponse()));
        }
        if (error instanceof IOException || error instanceof TelegramApiException) {
            return new SendResult.Transient(scrubber.describe(error));
        }
        return new SendResult.Transient(scrubber.describe(error));
    }
}
