package com.byninja.telegram.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Each update from Telegram, on the {@code telegram-updates} thread: a text from an allowed chat and addressed to this
 * bot goes on as typed, a press of one of our buttons that is allowed as pressed ({@link ChatInput}), each with who
 * sent it ({@code from}), whose role the router checks; everything else is ignored (strangers logged once by
 * {@link AllowedChats}).
 */
public final class IncomingUpdates implements Consumer<Update> {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingUpdates.class);

    private final AllowedChats allowed;
    private final BotIdentity identity;
    private final ChatInput input;
    private final Clock clock;

    public IncomingUpdates(AllowedChats allowed, BotIdentity identity, ChatInput input, Clock clock) {
        this.allowed = allowed;
        this.identity = identity;
        this.input = input;
        this.clock = clock;
    }

    @Override
    public void accept(Update update) {
        if (update.hasCallbackQuery()) {
            pressed(update.getCallbackQuery());
            return;
        }
        Message message = update.getMessage();
        if (message == null || !message.hasText()) {
            LOG.debug("Ignoring update {} without a text message or a button press", update.getUpdateId());
            return;
        }
        long chatId = message.getChatId();
        if (allowed.admit(chatId, describe(message.getFrom())) && identity.addressedToUs(chatId, message.getText())) {
            // Telegram keeps updates while this server or the Bot API is down: the date says when it was typed.
            Instant sentAt = message.getDate() == null ? clock.instant() : Instant.ofEpochSecond(message.getDate());
            input.typed(chatId, person(message.getFrom(), chatId), message.getText(), sentAt);
        }
    }

    private void pressed(CallbackQuery query) {
        MaybeInaccessibleMessage message = query.getMessage();
        Long chatId = message == null ? null : message.getChatId();
        boolean privateChat = message != null && message.getChat() != null
                && Boolean.TRUE.equals(message.getChat().isUserChat());
        User from = query.getFrom();
        if (from == null || !allowed.admitPress(chatId, privateChat, from.getId(), describe(from))) {
            return;
        }
        // A button on an inline message has no chat: its answer goes to the private chat of whoever pressed it.
        OptionalInt messageId = message == null || message.getMessageId() == null ? OptionalInt.empty()
                : OptionalInt.of(message.getMessageId());
        input.pressed(new ChatInput.ButtonPress(chatId == null ? from.getId() : chatId, person(from, from.getId()),
                messageId, Optional.of(query.getId()), query.getData() == null ? "" : query.getData()));
    }

    /**
     * @param user      who sent it, as Telegram says; null for a channel's post
     * @param otherwise the id to go by when Telegram names nobody, such as a channel's: no user has it
     */
    private static Person person(User user, long otherwise) {
        return user == null ? new Person(otherwise, "chat " + otherwise)
                : Person.of(user.getId(), user.getUserName(), user.getFirstName());
    }

    private static String describe(User user) {
        if (user == null) {
            return "?";
        }
        return user.getUserName() != null ? "@" + user.getUserName() : "user " + user.getId();
    }
}
