package com.byninja.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A handler that keeps what it receives, for a test to take with a timeout. */
final class Inbox implements MessageHandler {
    private final LinkedBlockingQueue<Message> messages = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(LinkSession from, Message message) {
        messages.add(message);
    }

    Message take() throws InterruptedException {
        Message m = messages.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("a message within 5 s").isNotNull();
        return m;
    }

    List<Message> take(int n) throws InterruptedException {
        List<Message> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(take());
        }
        return out;
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }
}
