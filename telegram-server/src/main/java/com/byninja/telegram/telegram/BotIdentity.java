package com.byninja.telegram.telegram;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * This bot's Telegram user name, learnt once from {@code getMe}, and which commands are addressed to it. In a group,
 * {@code /status@OtherBot} is for another bot: only {@code /status} and {@code /status@OurBot} (any case) are ours.
 * Until the name is known, or when {@code getMe} failed, a command with any {@code @} suffix is ignored, and that is
 * logged once.
 */
public final class BotIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(BotIdentity.class);

    private final TelegramClient client;
    private final long timeoutMs;
    private final TokenScrubber scrubber;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final AtomicBoolean unknownLogged = new AtomicBoolean();
    private volatile String username;

    public BotIdentity(TelegramClient client, long timeoutMs, TokenScrubber scrubber) {
        this.client = client;
        this.timeoutMs = timeoutMs;
        this.scrubber = scrubber;
    }

    /**
     * Asks Telegram for this bot's user name, unless it is known already; says so once when that fails. Blocks up to
     * the request timeout: called on {@code telegram-connect} before each attempt to start polling.
     */
    public void learn() throws InterruptedException {
        if (username != null) {
            return;
        }
        CompletableFuture<User> call;
        try {
            call = client.executeAsync(new GetMe());
        } catch (TelegramApiException e) {
            failed(scrubber.describe(e));
            return;
        }
        try {
            User me = call.get(timeoutMs, TimeUnit.MILLISECONDS);
            if (me == null || me.getUserName() == null || me.getUserName().isBlank()) {
                failed("getMe gave no user name");
                return;
            }
            username = me.getUserName();
            LOG.info("This bot is @{} on Telegram", username);
        } catch (ExecutionException e) {
            failed(scrubber.describe(e.getCause()));
        } catch (TimeoutException e) {
            call.cancel(true);
            failed("no answer to getMe within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        }
    }

    private void failed(String reason) {
        if (failureLogged.compareAndSet(false, true)) {
            LOG.warn("Could not learn this bot's user name from Telegram ({}): commands written /cmd@name are ignored "
                    + "until it is known", reason);
        } else {
            LOG.debug("getMe failed again: {}", reason);
        }
    }

    /** @return whether {@code text} is for this bot: anything but a command addressed to another (or any) bot */
    public boolean addressedToUs(long chatId, String text) {
        String first = text.strip().split("\\s", 2)[0];
        int at = first.indexOf('@');
        if (!first.startsWith("/") || at < 0) {
            return true;
        }
        String addressee = first.substring(at + 1);
        String known = username;
        if (known == null) {
            if (unknownLogged.compareAndSet(false, true)) {
                LOG.warn("Ignoring {} in chat {}: this bot's user name is not known, so a command for @{} cannot be "
                        + "told from one for another bot (logged once)", first, chatId, addressee);
            }
            return false;
        }
        if (addressee.toLowerCase(Locale.ROOT).equals(known.toLowerCase(Locale.ROOT))) {
            return true;
        }
        LOG.debug("Ignoring {} in chat {}: it is for another bot", first, chatId);
        return false;
    }
}
