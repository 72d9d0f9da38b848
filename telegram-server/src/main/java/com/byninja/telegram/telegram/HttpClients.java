package com.byninja.telegram.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The OkHttp clients used for the Bot API. OkHttp's own dispatcher threads are not daemons and linger for a minute,
 * which would keep the JVM alive after shutdown: these clients run on named daemon threads that {@link #close} ends.
 */
public final class HttpClients implements AutoCloseable {
    private final ExecutorService dispatcherThreads;
    private final OkHttpClient sending;
    private final OkHttpClient polling;

    /**
     * @param pollTimeoutSeconds the long poll duration, so the read timeout of the polling client exceeds it
     * @param requestTimeoutMs   the longest send call
     */
    public HttpClients(int pollTimeoutSeconds, long requestTimeoutMs) {
        this.dispatcherThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads("telegram-http-"));
        this.sending = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(dispatcherThreads))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofMillis(requestTimeoutMs))
                .callTimeout(Duration.ofMillis(requestTimeoutMs))
                .build();
        this.polling = sending.newBuilder()
                .dispatcher(new Dispatcher(dispatcherThreads))
                .readTimeout(Duration.ofSeconds(pollTimeoutSeconds + 15L))
                .callTimeout(Duration.ofSeconds(pollTimeoutSeconds + 30L))
                .build();
    }

    /** @return the client for sendMessage and other calls */
    public OkHttpClient sending() {
        return sending;
    }

    /** @return the client for getUpdates long polls */
    public OkHttpClient polling() {
        return polling;
    }

    /** @return the TelegramBots form of a base URL such as {@code http://127.0.0.1:8081} */
    public static TelegramUrl telegramUrl(String apiUrl) {
        URI uri = URI.create(apiUrl);
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    /** @return a factory of daemon threads named {@code prefix1}, {@code prefix2}, ... */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Cancels every call in flight, including a pending long poll, and ends the dispatcher threads. */
    @Override
    public void close() {
        sending.dispatcher().cancelAll();
        polling.dispatcher().cancelAll();
        dispatcherThreads.shutdownNow();
        sending.connectionPool().evictAll();
    }
}
