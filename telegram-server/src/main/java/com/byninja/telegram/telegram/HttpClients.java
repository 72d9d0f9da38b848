package com.byninja.telegram.telegram;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The OkHttp clients used for the Bot API. OkHttp's own dispatcher threads are not daemons and linger for a minute,
 * which would keep the JVM alive after shutdown: these clients run on named daemon threads that {@link #close} ends.
 */
public final class HttpClients implements AutoCloseable {
    private static final String EMPTY_UPDATES = "{\"ok\":true,\"result\":[]}";
    private static final MediaType JSON = MediaType.get("application/json");

    private final ExecutorService dispatcherThreads;
    private final Set<Socket> pollingSockets = ConcurrentHashMap.newKeySet();
    private volatile boolean pollingStopped;
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
                .socketFactory(new TrackingSocketFactory())
                .retryOnConnectionFailure(false)
                .addInterceptor(this::quietWhenStopped)
                .readTimeout(Duration.ofSeconds(pollTimeoutSeconds + 15L))
                .callTimeout(Duration.ofSeconds(pollTimeoutSeconds + 30L))
                .build();
    }

    /**
     * Once polling is stopped, a getUpdates (or deleteWebhook) in flight ends as an empty answer instead of an error.
     * Cancelling the call would make TelegramBots log a failed getUpdates at ERROR and sleep its backoff; closing the
     * polling sockets instead fails the read here, where it can be turned into an empty answer.
     */
    private Response quietWhenStopped(Interceptor.Chain chain) throws IOException {
        if (pollingStopped) {
            return emptyUpdates(chain);
        }
        try {
            return chain.proceed(chain.request());
        } catch (IOException e) {
            if (!pollingStopped) {
                throw e;
            }
            return emptyUpdates(chain);
        }
    }

    /** @return the answer to a {@code getUpdates} that brought nothing */
    static Response emptyUpdates(Interceptor.Chain chain) {
        return new Response.Builder()
                .request(chain.request())
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .body(ResponseBody.create(EMPTY_UPDATES, JSON))
                .build();
    }

    /** Ends the long poll in flight, if any; later polling calls answer empty at once. */
    public void stopPolling() {
        pollingStopped = true;
        for (Socket socket : pollingSockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is all that matters here.
            }
        }
    }

    /** Creates the polling client's sockets, remembering the open ones so that {@link #stopPolling} can close them. */
    private final class TrackingSocketFactory extends SocketFactory {
        private Socket track(Socket socket) throws IOException {
            pollingSockets.removeIf(Socket::isClosed);
            pollingSockets.add(socket);
            if (pollingStopped) {
                socket.close();
            }
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return track(SocketFactory.getDefault().createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(SocketFactory.getDefault().createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(SocketFactory.getDefault().createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(SocketFactory.getDefault().createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return track(SocketFactory.getDefault().createSocket(address, port, localAddress, localPort));
        }
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
        // Polling calls are not cancelled: stopPolling() ends them quietly, where a cancel would log an error.
        stopPolling();
        sending.dispatcher().cancelAll();
        dispatcherThreads.shutdownNow();
        sending.connectionPool().evictAll();
    }
}
