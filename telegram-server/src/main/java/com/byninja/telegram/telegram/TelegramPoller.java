package com.byninja.telegram.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultLongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling with TelegramBots, on a daemon thread named {@code telegram-poller}.
 *
 * <p>Registration calls {@code deleteWebhook} first, which fails while Telegram is unreachable; it is retried with
 * backoff on the {@code telegram-connect} thread, so a Telegram outage at start-up holds up neither the link nor the
 * bots. Each update is handed to {@code onUpdate} on the consumer's own thread; nothing thrown there reaches
 * TelegramBots, whose poller would otherwise stop silently.
 */
public final class TelegramPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramPoller.class);
    private static final long CLOSE_WAIT_MS = 1_000;

    private final String token;
    private final TelegramUrl url;
    private final int pollTimeoutSeconds;
    private final long backoffMaxMs;
    private final TokenScrubber scrubber;
    private final ScheduledExecutorService pollerThread;
    private final TelegramBotsLongPollingApplication application;
    private final UpdateConsumer consumer;
    private final Runnable onRegistered;
    private final HttpClients http;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread connectThread;

    /**
     * @param onUpdate     called for each update, on the update consumer's thread
     * @param onRegistered called once polling has started, on the {@code telegram-connect} thread
     */
    public TelegramPoller(String token, String apiUrl, HttpClients http, int pollTimeoutSeconds, long backoffMaxMs,
                          TokenScrubber scrubber, Consumer<Update> onUpdate, Runnable onRegistered) {
        this.token = token;
        this.url = HttpClients.telegramUrl(apiUrl);
        this.pollTimeoutSeconds = pollTimeoutSeconds;
        this.backoffMaxMs = backoffMaxMs;
        this.scrubber = scrubber;
        this.onRegistered = onRegistered;
        this.http = http;
        this.pollerThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "telegram-poller");
            thread.setDaemon(true);
            return thread;
        });
        this.application = new TelegramBotsLongPollingApplication(ObjectMapper::new, http::polling,
                () -> pollerThread, () -> new CappedBackOff(backoffMaxMs));
        this.consumer = new UpdateConsumer(onUpdate, scrubber);
        this.connectThread = new Thread(this::connect, "telegram-connect");
    }

    /** Starts registering in the background; returns at once. */
    public void start() {
        connectThread.start();
    }

    private void connect() {
        CappedBackOff backOff = new CappedBackOff(backoffMaxMs);
        try {
            while (closing.getCount() > 0) {
                try {
                    application.registerBot(token, () -> url, this::getUpdates, consumer);
                    LOG.info("Polling Telegram at {}://{}:{}", url.getSchema(), url.getHost(), url.getPort());
                    onRegistered.run();
                    return;
                } catch (TelegramApiException | RuntimeException e) {
                    if (closing.getCount() == 0) {
                        return;
                    }
                    long delay = backOff.nextBackOffMillis();
                    if (isTokenRefused(e)) {
                        LOG.error("Telegram refused the bot token ({}): check BYNINJA_TELEGRAM_TOKEN against the one "
                                + "@BotFather gave you; retrying in {} ms", scrubber.scrub(e.toString()), delay);
                    } else {
                        LOG.warn("Cannot start polling Telegram ({}); retrying in {} ms", scrubber.describe(e), delay);
                    }
                    unregisterQuietly();
                    if (closing.await(delay, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Telegram answers 401 for an unknown token and 404 for one that is malformed. */
    private static boolean isTokenRefused(Exception e) {
        String text = e.toString();
        return text.startsWith("401:") || text.startsWith("404:");
    }

    /**
     * Only messages are asked for: TelegramBots' {@code Update} fails on fields it does not know, so an update type
     * newer than this library would otherwise stall polling.
     */
    private GetUpdates getUpdates(Integer lastReceivedUpdate) {
        return GetUpdates.builder()
                .offset(lastReceivedUpdate + 1)
                .limit(100)
                .timeout(pollTimeoutSeconds)
                .allowedUpdates(List.of("message"))
                .build();
    }

    private void unregisterQuietly() {
        try {
            application.unregisterBot(token);
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("Nothing to unregister: {}", scrubber.describe(e));
        }
    }

    /** Stops polling, cancels the long poll in flight, and ends the poller, connect and consumer threads. */
    @Override
    public void close() {
        closing.countDown();
        try {
            application.close();
        } catch (Exception e) {
            LOG.warn("Closing TelegramBots: {}", scrubber.describe(e));
        }
        // Also ends a registration stuck in deleteWebhook.
        http.stopPolling();
        pollerThread.shutdownNow();
        boolean interrupted = false;
        try {
            connectThread.join(CLOSE_WAIT_MS);
            if (connectThread.isAlive()) {
                connectThread.interrupt();
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        consumer.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class UpdateConsumer extends DefaultLongPollingUpdateConsumer {
        private final Consumer<Update> onUpdate;
        private final TokenScrubber scrubber;

        UpdateConsumer(Consumer<Update> onUpdate, TokenScrubber scrubber) {
            this.onUpdate = onUpdate;
            this.scrubber = scrubber;
        }

        @Override
        public void consume(Update update) {
            // TelegramBots runs this on an unnamed pool thread of its own; name it for thread dumps and logs.
            Thread current = Thread.currentThread();
            if (!current.getName().equals("telegram-updates")) {
                current.setName("telegram-updates");
            }
            try {
                onUpdate.accept(update);
            } catch (RuntimeException e) {
                LOG.error("Update {} failed: {}", update.getUpdateId(), scrubber.describe(e), e);
            }
        }
    }
}
