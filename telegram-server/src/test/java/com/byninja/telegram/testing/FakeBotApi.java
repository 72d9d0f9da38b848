package com.byninja.telegram.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Bot API server for tests, on 127.0.0.1 and an ephemeral port: {@code POST /bot<token>/<method>} with JSON bodies,
 * method names matched in any case, as TelegramBots sends them. {@code getUpdates} blocks like the real one: it answers
 * as soon as an update is queued, or empty after the requested timeout. {@code sendMessage} calls are recorded with the
 * time they arrived, and can be scripted to fail.
 */
public final class FakeBotApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded sendMessage. */
    public record Sent(long chatId, String text, String parseMode, long atNanos) {
    }

    private final String token;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<Long, Deque<Integer>> failures = new HashMap<>();
    private final Map<Long, Integer> outages = new HashMap<>();
    private final Map<Long, Integer> failedSends = new HashMap<>();
    private Integer pollOutage;
    private int failedPolls;
    private int nextUpdateId = 1;
    private int nextMessageId = 1;
    private boolean closed;

    static {
        // Real HTTP servers answer with TCP_NODELAY. The JDK's does not by default, and writes a response's headers
        // and body apart, so Nagle's algorithm meets the client's delayed ACK and every answer stalls for about
        // 40 ms (measured end to end: p50 44 ms without this, 3 ms with it). Read when the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public FakeBotApi(String token) throws IOException {
        this.token = token;
        this.handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-bot-api");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.setExecutor(handlers);
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    /** @return the base URL, such as {@code http://127.0.0.1:41234} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues a text message from a chat, as Telegram would deliver it to getUpdates. */
    public void userSends(long chatId, String text) {
        userSendsAt(chatId, text, System.currentTimeMillis() / 1000);
    }

    /**
     * Queues a text message typed at {@code dateEpochSeconds}, as Telegram delivers one kept while nobody polled.
     */
    public void userSendsAt(long chatId, String text, long dateEpochSeconds) {
        lock.lock();
        try {
            ObjectNode chat = JSON.createObjectNode().put("id", chatId).put("type", "private");
            ObjectNode from = JSON.createObjectNode().put("id", chatId).put("is_bot", false)
                    .put("first_name", "Owner").put("username", "user" + Math.abs(chatId));
            ObjectNode message = JSON.createObjectNode().put("message_id", nextMessageId++)
                    .put("date", dateEpochSeconds).put("text", text);
            message.set("chat", chat);
            message.set("from", from);
            ObjectNode update = JSON.createObjectNode().put("update_id", nextUpdateId++);
            update.set("message", message);
            updates.add(update);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The next sendMessage calls to {@code chatId} fail with these HTTP codes, in order (429 asks to wait 1 s). */
    public void failNextSends(long chatId, int... httpCodes) {
        lock.lock();
        try {
            Deque<Integer> queue = failures.computeIfAbsent(chatId, id -> new ArrayDeque<>());
            for (int code : httpCodes) {
                queue.addLast(code);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Every sendMessage call to {@code chatId} fails with {@code httpCode} until {@link #recover}. */
    public void failSendsUntilRecovered(long chatId, int httpCode) {
        lock.lock();
        try {
            outages.put(chatId, httpCode);
        } finally {
            lock.unlock();
        }
    }

    /** Ends {@link #failSendsUntilRecovered} for {@code chatId}. */
    public void recover(long chatId) {
        lock.lock();
        try {
            outages.remove(chatId);
        } finally {
            lock.unlock();
        }
    }

    /** Every getUpdates call fails with {@code httpCode} until {@link #recoverPolls}. */
    public void failPollsUntilRecovered(int httpCode) {
        lock.lock();
        try {
            pollOutage = httpCode;
        } finally {
            lock.unlock();
        }
    }

    /** Ends {@link #failPollsUntilRecovered}. */
    public void recoverPolls() {
        lock.lock();
        try {
            pollOutage = null;
        } finally {
            lock.unlock();
        }
    }

    /** @return how many getUpdates calls failed as scripted */
    public int failedPolls() {
        lock.lock();
        try {
            return failedPolls;
        } finally {
            lock.unlock();
        }
    }

    /** @return how many sendMessage calls to {@code chatId} failed as scripted */
    public int failedSends(long chatId) {
        lock.lock();
        try {
            return failedSends.getOrDefault(chatId, 0);
        } finally {
            lock.unlock();
        }
    }

    /** @return every sendMessage so far, in arrival order */
    public List<Sent> sent() {
        lock.lock();
        try {
            return List.copyOf(sent);
        } finally {
            lock.unlock();
        }
    }

    /** @return the sendMessage calls to one chat */
    public List<Sent> sentTo(long chatId) {
        return sent().stream().filter(s -> s.chatId() == chatId).toList();
    }

    /** @return the texts sent to one chat */
    public List<String> textsTo(long chatId) {
        return sentTo(chatId).stream().map(Sent::text).toList();
    }

    /** @return every method called, lowercased, in order */
    public List<String> calls() {
        lock.lock();
        try {
            return List.copyOf(calls);
        } finally {
            lock.unlock();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                reply(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            JsonNode body = readBody(exchange);
            lock.lock();
            try {
                calls.add(method);
            } finally {
                lock.unlock();
            }
            switch (method) {
                case "deletewebhook", "setmycommands" -> reply(exchange, 200, ok(JSON.getNodeFactory().booleanNode(true)));
                case "getupdates" -> {
                    Integer failure = pollFailure();
                    if (failure != null) {
                        reply(exchange, failure, error(failure, "Scripted failure"));
                    } else {
                        reply(exchange, 200, ok(getUpdates(body)));
                    }
                }
                case "sendmessage" -> sendMessage(exchange, body);
                default -> reply(exchange, 404, error(404, "Not Found: method not found"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Integer pollFailure() {
        lock.lock();
        try {
            if (pollOutage != null) {
                failedPolls++;
            }
            return pollOutage;
        } finally {
            lock.unlock();
        }
    }

    private ArrayNode getUpdates(JsonNode body) throws InterruptedException {
        long offset = body.path("offset").asLong(0);
        long timeoutSeconds = body.path("timeout").asLong(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        lock.lock();
        try {
            // As Telegram does: asking with an offset confirms every update before it, and those are forgotten.
            updates.removeIf(u -> u.get("update_id").asLong() < offset);
            while (true) {
                ArrayNode result = JSON.createArrayNode();
                for (ObjectNode update : updates) {
                    if (update.get("update_id").asLong() >= offset) {
                        result.add(update);
                    }
                }
                long left = deadline - System.nanoTime();
                if (!result.isEmpty() || closed || left <= 0) {
                    return result;
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    private void sendMessage(HttpExchange exchange, JsonNode body) throws IOException {
        long chatId = body.path("chat_id").asLong();
        Integer failure;
        int messageId;
        lock.lock();
        try {
            Deque<Integer> scripted = failures.get(chatId);
            failure = scripted == null ? null : scripted.pollFirst();
            if (failure == null) {
                failure = outages.get(chatId);
            }
            if (failure != null) {
                failedSends.merge(chatId, 1, Integer::sum);
            } else {
                sent.add(new Sent(chatId, body.path("text").asText(), body.path("parse_mode").asText(null),
                        System.nanoTime()));
                changed.signalAll();
            }
            messageId = 1000 + sent.size();
        } finally {
            lock.unlock();
        }
        if (failure != null) {
            ObjectNode error = error(failure, failure == 429 ? "Too Many Requests: retry after 1" : "Scripted failure");
            if (failure == 429) {
                error.putObject("parameters").put("retry_after", 1);
            }
            reply(exchange, failure, error);
            return;
        }
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId)
                .put("date", System.currentTimeMillis() / 1000).put("text", body.path("text").asText());
        message.putObject("chat").put("id", chatId).put("type", "private");
        reply(exchange, 200, ok(message));
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        }
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode response = JSON.createObjectNode().put("ok", true);
        response.set("result", result);
        return response;
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        server.stop(0);
        handlers.shutdownNow();
    }
}
