package com.byninja.telegram.notify;

import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The chats as the messages of one {@link Topic} reach them: each chat's settings applied, a message it hears silently
 * sent without a notification, one it hears not at all ended at once as delivered (the owner chose so; the bot may
 * forget the alert) and counted.
 */
final class TopicOutput implements ChatOutput {

    private final ChatOutput out;
    private final Notifications notifications;
    private final Topic topic;

    TopicOutput(ChatOutput out, Notifications notifications, Topic topic) {
        this.out = out;
        this.notifications = notifications;
        this.topic = topic;
    }

    @Override
    public void send(long chatId, ChatMessage message, Priority priority, Consumer<Outcome> whenDone) {
        Optional<ChatMessage> shaped = notifications.shape(chatId, topic, message);
        if (shaped.isEmpty()) {
            notifications.heldBack(chatId, topic);
            whenDone.accept(new Outcome(Delivery.SENT, OptionalInt.empty()));
            return;
        }
        out.send(chatId, shaped.get(), priority, whenDone);
    }

    @Override
    public boolean logPending(long chatId) {
        return out.logPending(chatId);
    }

    @Override
    public long dropped(Priority priority) {
        return out.dropped(priority);
    }

    @Override
    public List<Long> chats() {
        return out.chats();
    }
}
