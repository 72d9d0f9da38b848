package com.byninja.telegram.telegram;

import com.byninja.runtime.Agent;
import com.byninja.runtime.AgentRunner;
import com.byninja.runtime.AgentTerminationException;
import com.byninja.runtime.ErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
 * backoff on the {@code telegram-connect} thread (an {@link AgentRunner}'s, ended once polling has started), so a
 * Telegram outage at start-up holds up neither the link nor the bots. The {@code telegram-poller} thread is
 * TelegramBots' own loop, on an executor this class gives it and shuts down. Each update is handed to
 * {@code onUpdate} on the consumer's own thread; nothing thrown there reaches TelegramBots, whose poller would
 * otherwise stop silently.
 *
 * <p>A {@code getUpdates} that fails for a passing reason (a 5xx, a network error) is retried here, with backoff, and
 * reported once per outage ({@link Outage}): TelegramBots would log each failure at ERROR with its stack trace. It
 * sees an empty answer instead. A 429 is waited out for the {@code retry_after} Telegram gives (said once until
 * polling works again): no {@code getUpdates} goes out before it has passed. Other answers, such as 401 for a refused
 * token, reach TelegramBots as they are.
 */
public final class TelegramPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramPoller.class);
    private static final long CLOSE_WAIT_MS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The update types asked for: texts, and presses of our buttons. */
    static final String ALLOWED_MESSAGE = "message";
    static final String ALLOWED_CALLBACK_QUERY = "callback_query";

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
    private final AgentRunner connecting;
    private final Outage outage = new Outage(LOG, "Polling Telegram");
    private final CappedBackOff outageBackOff;
    private final ThrowingRunnable beforeRegistering;
    /** No getUpdates before this {@link System#nanoTime()}: the end of the last 429's retry_after. */
    private volatile long pollNotBeforeNanos = System.nanoTime();
    /** Whether the current run of 429 answers was said. */
    private volatile boolean slowingDown;

    /** Work that may wait, and be interrupted. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws InterruptedException;
    }

    /**
     * @param beforeRegistering called before each attempt to start polling, on the {@code telegram-connect} thread,
     *                          such as to learn the bot's user name first ({@link BotIdentity#learn()})
     * @param onUpdate          called for each update, on the update consumer's thread
     * @param onRegistered      called once polling has started, on the {@code telegram-connect} thread
     * @param errors            told of a failure of the {@code telegram-connect} thread outside registering
     */
    public TelegramPoller(String token, String apiUrl, HttpClients http, int pollTimeoutSeconds, long backoffMaxMs,
                          TokenScrubber scrubber, ThrowingRunnable beforeRegistering, Consumer<Update> onUpdate,
                          Runnable onRegistered, ErrorHandler errors) {
        this.beforeRegistering = beforeRegistering;
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
        this.outageBackOff = new CappedBackOff(backoffMaxMs);
        OkHttpClient polling = http.polling().newBuilder().addInterceptor(this::retryPassingFailures).build();
        this.application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> polling,
                () -> pollerThread, () -> new CappedBackOff(backoffMaxMs));
        this.consumer = new UpdateConsumer(onUpdate, scrubber);
        this.connecting = new AgentRunner(new Connect(), errors, CLOSE_WAIT_MS);
    }

    /** Starts registering in the background; returns at once. */
    public void start() {
        connecting.start();
    }

    /** Registers with TelegramBots, retrying with backoff until it works; then its role is over. */
    private final class Connect implements Agent {
        private final CappedBackOff backOff = new CappedBackOff(backoffMaxMs);

        @Override
        public String roleName() {
            return "telegram-connect";
        }

        @Override
        public int doWork() throws InterruptedException {
            beforeRegistering.run();
            try {
                application.registerBot(token, () -> url, TelegramPoller.this::getUpdates, consumer);
            } catch (TelegramApiException | RuntimeException e) {
                if (closing.getCount() == 0) {
                    throw new AgentTerminationException("closed while registering");
                }
                long delay = backOff.nextBackOffMillis();
                if (isTokenRefused(e)) {
                    LOG.error("Telegram refused the bot token ({}): check BYNINJA_TELEGRAM_TOKEN against the one "
                            + "@BotFather gave you; retrying in {} ms", scrubber.scrub(e.toString()), delay);
                } else {
                    outage.failed("cannot start: " + scrubber.describe(e), e);
                }
                unregisterQuietly();
                closing.await(delay, TimeUnit.MILLISECONDS);
                return 0;
            }
            outage.succeeded();
            LOG.info("Polling Telegram at {}://{}:{}", url.getSchema(), url.getHost(), url.getPort());
            onRegistered.run();
            throw new AgentTerminationException("polling started");
        }

        @Override
        public void onStopRequested() {
            closing.countDown();
        }
    }

    /**
     * Around each {@code getUpdates}: a 429 is waited out for its {@code retry_after}, a 5xx or a network error is
     * reported (once per outage) and waited out with backoff, here, and each is handed on as an empty answer; the
     * first answer that goes through ends the outage.
     */
    private Response retryPassingFailures(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        List<String> path = request.url().pathSegments();
        if (!path.get(path.size() - 1).equalsIgnoreCase("getupdates")) {
            return chain.proceed(request);
        }
        long startedNanos = System.nanoTime();
        if (!waitWithinCall(chain, startedNanos, pollNotBeforeNanos - startedNanos)) {
            return HttpClients.emptyUpdates(chain);
        }
        String failure;
        IOException detail = null;
        try {
            Response response = chain.proceed(request);
            if (response.code() == 429) {
                slowDown(response);
                waitWithinCall(chain, startedNanos, pollNotBeforeNanos - System.nanoTime());
                return HttpClients.emptyUpdates(chain);
            }
            if (response.code() < 500) {
                if (response.isSuccessful()) {
                    outage.succeeded();
                    outageBackOff.reset();
                    slowingDown = false;
                }
                return response;
            }
            failure = "HTTP " + response.code() + (response.message().isBlank() ? "" : " " + response.message());
            response.close();
        } catch (IOException e) {
            if (closing.getCount() == 0) {
                throw e;
            }
            failure = scrubber.describe(e);
            detail = e;
        }
        outage.failed(failure, detail);
        waitWithinCall(chain, startedNanos, TimeUnit.MILLISECONDS.toNanos(outageBackOff.nextBackOffMillis()));
        return HttpClients.emptyUpdates(chain);
    }

    /** A 429: no getUpdates until its retry_after has passed; said once until polling works again. */
    private void slowDown(Response response) throws IOException {
        long retryAfterMs;
        try (response) {
            retryAfterMs = TimeUnit.SECONDS.toMillis(retryAfterSeconds(response.body() == null ? ""
                    : response.body().string()));
        }
        pollNotBeforeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryAfterMs);
        if (!slowingDown) {
            slowingDown = true;
            LOG.warn("Telegram asks polling to slow down (HTTP 429): no getUpdates for {} s", retryAfterMs / 1000);
        } else {
            LOG.debug("Telegram asks polling to slow down again: no getUpdates for {} s", retryAfterMs / 1000);
        }
    }

    /** @return the retry_after of a 429's body, 1 when it has none */
    private static long retryAfterSeconds(String body) {
        try {
            long seconds = JSON.readTree(body).path("parameters").path("retry_after").asLong(1);
            return Math.max(1, seconds);
        } catch (IOException e) {
            return 1;
        }
    }

    /**
     * Waits {@code nanos}, interruptibly and until closed, but within the call's own time limit, which would
     * otherwise fail it.
     *
     * @return whether the whole wait was done
     */
    private boolean waitWithinCall(Interceptor.Chain chain, long startedNanos, long nanos) {
        if (nanos <= 0) {
            return true;
        }
        long callLeftNanos = chain.call().timeout().timeoutNanos() - (System.nanoTime() - startedNanos)
                - TimeUnit.SECONDS.toNanos(1);
        long waitNanos = Math.min(nanos, callLeftNanos);
        try {
            if (waitNanos > 0 && closing.await(waitNanos, TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return waitNanos >= nanos;
    }

    /** Telegram answers 401 for an unknown token and 404 for one that is malformed. */
    private static boolean isTokenRefused(Exception e) {
        String text = e.toString();
        return text.startsWith("401:") || text.startsWith("404:");
    }

    /**
     * Only messages and button presses are asked for: TelegramBots' {@code Update} fails on fields it does not know,
     * so an update type newer than this library would otherwise stall polling.
     */
    private GetUpdates getUpdates(Integer lastReceivedUpdate) {
        return GetUpdates.builder()
                .offset(lastReceivedUpdate + 1)
                .limit(100)
                .timeout(pollTimeoutSeconds)
                .allowedUpdates(List.of(ALLOWED_MESSAGE, ALLOWED_CALLBACK_QUERY))
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
        connecting.requestStop();
        try {
            application.close();
        } catch (Exception e) {
            LOG.warn("Closing TelegramBots: {}", scrubber.describe(e));
        }
        // Also ends a registration stuck in deleteWebhook.
        http.stopPolling();
        pollerThread.shutdownNow();
        connecting.close();
        consumer.close();
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
