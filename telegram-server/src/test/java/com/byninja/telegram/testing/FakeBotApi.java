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
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Bot API server for tests, on 127.0.0.1 and an ephemeral port: {@code POST /bot<token>/<method>} with JSON bodies
 * (multipart for {@code sendPhoto}), method names matched in any case, as TelegramBots sends them. {@code getUpdates}
 * blocks like the real one: it answers as soon as an update is queued (a text, or a press of a button) of a type the
 * call's {@code allowed_updates} names, or empty after the requested timeout, and can be scripted to answer 429.
 * {@code sendMessage}, {@code sendPhoto}, {@code editMessageText} and {@code answerCallbackQuery} calls are recorded
 * with the time they arrived; {@code sendMessage} can be scripted to fail, and an edit that changes nothing is refused
 * as Telegram refuses it. {@code getMe} answers with the bot's user name, {@value #USERNAME} unless told otherwise.
 * Every request's method, arrival time and answer status is recorded.
 */
public final class FakeBotApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bot's user name getMe gives, unless told otherwise. */
    public static final String USERNAME = "ByNinjaBot";

    /** One recorded sendMessage, with the id it was given and its reply_markup (a missing node when it had none). */
    public record Sent(long chatId, String text, String parseMode, long atNanos, int messageId, JsonNode replyMarkup) {
    }

    /** One recorded sendPhoto: the uploaded bytes and the caption. */
    public record Photo(long chatId, byte[] png, String fileName, String caption, String parseMode, int messageId,
                        long atNanos) {
    }

    /** One recorded editMessageText. */
    public record Edit(long chatId, int messageId, String text, String parseMode, JsonNode replyMarkup, long atNanos) {
    }

    /** One recorded answerCallbackQuery; {@code text} is null when it had none. */
    public record Answer(String callbackQueryId, String text, boolean showAlert, long atNanos) {
    }

    /** One request, of any method (lowercased), when it arrived, and the HTTP status it was answered with. */
    public record Request(String method, long atNanos, int status) {
    }

    private final String token;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    /** The ids of the messages sent with {@code disable_notification}. */
    private final Set<Integer> silent = new HashSet<>();
    private final List<Photo> photos = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final Deque<Integer> pollRetryAfters = new ArrayDeque<>();
    /** What each message of ours shows now, text and buttons, so that an edit changing nothing is refused. */
    private final Map<Integer, String> contents = new HashMap<>();
    private String username = USERNAME;
    private Integer getMeFailure;
    private int nextCallbackId = 1;
    private final Map<Long, Deque<Integer>> failures = new HashMap<>();
    private final Map<Long, Integer> outages = new HashMap<>();
    private final Map<Long, Integer> failedSends = new HashMap<>();
    private Integer pollOutage;
    private int failedPolls;
    private int nextUpdateId = 1;
    private int nextMessageId = 1;
    private int nextSentId = 1001;
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
        queueMessage(chatId, chatId, text, dateEpochSeconds);
    }

    /** Queues a text message typed by {@code userId} in the group {@code groupId} (a negative id). */
    public void userSendsInGroup(long groupId, long userId, String text) {
        queueMessage(groupId, userId, text, System.currentTimeMillis() / 1000);
    }

    private void queueMessage(long chatId, long userId, String text, long dateEpochSeconds) {
        lock.lock();
        try {
            ObjectNode message = JSON.createObjectNode().put("message_id", nextMessageId++)
                    .put("date", dateEpochSeconds).put("text", text);
            message.set("chat", chat(chatId));
            message.set("from", user(userId));
            ObjectNode update = JSON.createObjectNode().put("update_id", nextUpdateId++);
            update.set("message", message);
            updates.add(update);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a press, by {@code userId}, of a button with {@code data} on our message {@code messageId} in
     * {@code chatId}, as Telegram delivers a callback query.
     *
     * @return the callback query's id, which an answerCallbackQuery names
     */
    public String userPresses(long chatId, long userId, int messageId, String data) {
        lock.lock();
        try {
            String id = "cb-" + nextCallbackId++;
            ObjectNode message = JSON.createObjectNode().put("message_id", messageId)
                    .put("date", System.currentTimeMillis() / 1000).put("text", "a message with buttons");
            message.set("chat", chat(chatId));
            message.set("from", JSON.createObjectNode().put("id", 42).put("is_bot", true).put("first_name", "Bot")
                    .put("username", username));
            ObjectNode query = JSON.createObjectNode().put("id", id).put("chat_instance", "ci-" + chatId)
                    .put("data", data);
            query.set("from", user(userId));
            query.set("message", message);
            ObjectNode update = JSON.createObjectNode().put("update_id", nextUpdateId++);
            update.set("callback_query", query);
            updates.add(update);
            changed.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** A private chat for a positive id, a supergroup for a negative one. */
    private static ObjectNode chat(long chatId) {
        ObjectNode chat = JSON.createObjectNode().put("id", chatId).put("type", chatId > 0 ? "private" : "supergroup");
        if (chatId < 0) {
            chat.put("title", "Group " + chatId);
        }
        return chat;
    }

    private static ObjectNode user(long userId) {
        return JSON.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", "Owner")
                .put("username", "user" + Math.abs(userId));
    }

    /** The next getUpdates calls answer 429, asking to wait these many seconds, in order. */
    public void answerNextPollsWith429(int... retryAfterSeconds) {
        lock.lock();
        try {
            for (int seconds : retryAfterSeconds) {
                pollRetryAfters.addLast(seconds);
            }
        } finally {
            lock.unlock();
        }
    }

    /** getMe answers with this user name from now on. */
    public void useUsername(String name) {
        lock.lock();
        try {
            username = name;
        } finally {
            lock.unlock();
        }
    }

    /** getMe fails with {@code httpCode} from now on. */
    public void failGetMe(int httpCode) {
        lock.lock();
        try {
            getMeFailure = httpCode;
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

    /** @return whether our message {@code messageId} was sent silently, without a notification */
    public boolean sentSilently(int messageId) {
        lock.lock();
        try {
            return silent.contains(messageId);
        } finally {
            lock.unlock();
        }
    }

    /** @return every sendPhoto so far, in arrival order */
    public List<Photo> photos() {
        lock.lock();
        try {
            return List.copyOf(photos);
        } finally {
            lock.unlock();
        }
    }

    /** @return every editMessageText so far, in arrival order */
    public List<Edit> edits() {
        lock.lock();
        try {
            return List.copyOf(edits);
        } finally {
            lock.unlock();
        }
    }

    /** @return every answerCallbackQuery so far, in arrival order */
    public List<Answer> answers() {
        lock.lock();
        try {
            return List.copyOf(answers);
        } finally {
            lock.unlock();
        }
    }

    /** @return every request so far, in arrival order */
    public List<Request> requests() {
        lock.lock();
        try {
            return List.copyOf(requests);
        } finally {
            lock.unlock();
        }
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
            long arrivedNanos = System.nanoTime();
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                reply(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, Part> form = null;
            JsonNode body;
            if (contentType != null && contentType.startsWith("multipart/form-data")) {
                form = Multipart.parse(contentType, readBytes(exchange));
                body = JSON.createObjectNode();
            } else {
                body = readBody(exchange);
            }
            lock.lock();
            try {
                calls.add(method);
            } finally {
                lock.unlock();
            }
            int status = switch (method) {
                case "deletewebhook", "setmycommands" ->
                        reply(exchange, 200, ok(JSON.getNodeFactory().booleanNode(true)));
                case "getme" -> getMe(exchange);
                case "getupdates" -> getUpdatesCall(exchange, body);
                case "sendmessage" -> sendMessage(exchange, body);
                case "sendphoto" -> sendPhoto(exchange, form == null ? Map.of() : form);
                case "editmessagetext" -> editMessageText(exchange, body);
                case "answercallbackquery" -> answerCallbackQuery(exchange, body);
                default -> reply(exchange, 404, error(404, "Not Found: method not found"));
            };
            lock.lock();
            try {
                requests.add(new Request(method, arrivedNanos, status));
            } finally {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int getMe(HttpExchange exchange) throws IOException {
        Integer failure;
        String name;
        lock.lock();
        try {
            failure = getMeFailure;
            name = username;
        } finally {
            lock.unlock();
        }
        if (failure != null) {
            return reply(exchange, failure, error(failure, "Scripted failure"));
        }
        return reply(exchange, 200, ok(JSON.createObjectNode().put("id", 42).put("is_bot", true)
                .put("first_name", "ByNinja").put("username", name)));
    }

    private int getUpdatesCall(HttpExchange exchange, JsonNode body) throws IOException, InterruptedException {
        Integer retryAfter;
        lock.lock();
        try {
            retryAfter = pollRetryAfters.pollFirst();
        } finally {
            lock.unlock();
        }
        if (retryAfter != null) {
            ObjectNode error = error(429, "Too Many Requests: retry after " + retryAfter);
            error.putObject("parameters").put("retry_after", retryAfter);
            return reply(exchange, 429, error);
        }
        Integer failure = pollFailure();
        if (failure != null) {
            return reply(exchange, failure, error(failure, "Scripted failure"));
        }
        return reply(exchange, 200, ok(getUpdates(body)));
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
        List<String> allowed = new ArrayList<>();
        body.path("allowed_updates").forEach(type -> allowed.add(type.asText()));
        lock.lock();
        try {
            // As Telegram does: asking with an offset confirms every update before it, and those are forgotten; so
            // are updates of a type not in allowed_updates, which a bot never sees.
            updates.removeIf(u -> u.get("update_id").asLong() < offset);
            while (true) {
                updates.removeIf(u -> !allowed.isEmpty() && allowed.stream().noneMatch(u::has));
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

    private int sendMessage(HttpExchange exchange, JsonNode body) throws IOException {
        long chatId = body.path("chat_id").asLong();
        Integer failure;
        int messageId = 0;
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
                messageId = nextSentId++;
                sent.add(new Sent(chatId, body.path("text").asText(), body.path("parse_mode").asText(null),
                        System.nanoTime(), messageId, body.path("reply_markup")));
                if (body.path("disable_notification").asBoolean(false)) {
                    silent.add(messageId);
                }
                contents.put(messageId, body.path("text").asText() + body.path("reply_markup"));
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (failure != null) {
            ObjectNode error = error(failure, failure == 429 ? "Too Many Requests: retry after 1" : "Scripted failure");
            if (failure == 429) {
                error.putObject("parameters").put("retry_after", 1);
            }
            return reply(exchange, failure, error);
        }
        return reply(exchange, 200, ok(message(chatId, messageId).put("text", body.path("text").asText())));
    }

    private int sendPhoto(HttpExchange exchange, Map<String, Part> form) throws IOException {
        Part photo = form.get("photo");
        if (photo != null && photo.fileName() == null && photo.text().startsWith("attach://")) {
            // As Telegram reads it: the file is the part of that name.
            photo = form.get(photo.text().substring("attach://".length()));
        }
        if (photo == null || photo.bytes().length == 0) {
            return reply(exchange, 400, error(400, "Bad Request: there is no photo in the request"));
        }
        long chatId = Long.parseLong(form.get("chat_id").text());
        Part caption = form.get("caption");
        Part parseMode = form.get("parse_mode");
        int messageId;
        lock.lock();
        try {
            messageId = nextSentId++;
            photos.add(new Photo(chatId, photo.bytes(), photo.fileName(), caption == null ? null : caption.text(),
                    parseMode == null ? null : parseMode.text(), messageId, System.nanoTime()));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        ObjectNode message = message(chatId, messageId);
        message.putArray("photo").addObject().put("file_id", "photo-" + messageId)
                .put("file_unique_id", "u" + messageId).put("width", 1).put("height", 1);
        return reply(exchange, 200, ok(message));
    }

    private int editMessageText(HttpExchange exchange, JsonNode body) throws IOException {
        long chatId = body.path("chat_id").asLong();
        int messageId = body.path("message_id").asInt();
        String content = body.path("text").asText() + body.path("reply_markup");
        String refusal = null;
        lock.lock();
        try {
            String before = contents.get(messageId);
            if (before == null) {
                refusal = "Bad Request: message to edit not found";
            } else if (before.equals(content)) {
                // As Telegram does: an edit that changes nothing is refused.
                refusal = "Bad Request: message is not modified: specified new message content and reply markup are "
                        + "exactly the same as a current content and reply markup of the message";
            } else {
                contents.put(messageId, content);
                edits.add(new Edit(chatId, messageId, body.path("text").asText(), body.path("parse_mode").asText(null),
                        body.path("reply_markup"), System.nanoTime()));
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (refusal != null) {
            return reply(exchange, 400, error(400, refusal));
        }
        return reply(exchange, 200, ok(message(chatId, messageId).put("text", body.path("text").asText())
                .put("edit_date", System.currentTimeMillis() / 1000)));
    }

    private int answerCallbackQuery(HttpExchange exchange, JsonNode body) throws IOException {
        lock.lock();
        try {
            answers.add(new Answer(body.path("callback_query_id").asText(),
                    body.hasNonNull("text") ? body.get("text").asText() : null,
                    body.path("show_alert").asBoolean(false), System.nanoTime()));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return reply(exchange, 200, ok(JSON.getNodeFactory().booleanNode(true)));
    }

    private static ObjectNode message(long chatId, int messageId) {
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId)
                .put("date", System.currentTimeMillis() / 1000);
        message.set("chat", chat(chatId));
        return message;
    }

    /** One field of a multipart form: its bytes, and the file name when it is a file. */
    private record Part(byte[] bytes, String fileName) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Reads multipart/form-data as OkHttp writes it: each part's headers, a blank line, its bytes. */
    private static final class Multipart {
        static Map<String, Part> parse(String contentType, byte[] body) {
            String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            Map<String, Part> parts = new HashMap<>();
            int at = indexOf(body, delimiter, 0);
            while (at >= 0) {
                int start = at + delimiter.length;
                if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                    break;
                }
                start += 2;
                int next = indexOf(body, delimiter, start);
                if (next < 0) {
                    break;
                }
                int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
                String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
                byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next - 2);
                String name = headers.replaceAll("(?s).*?\\bname=\"([^\"]*)\".*", "$1");
                String fileName = headers.contains("filename=\"")
                        ? headers.replaceAll("(?s).*filename=\"([^\"]*)\".*", "$1") : null;
                parts.put(name, new Part(content, fileName));
                at = next;
            }
            return parts;
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = from; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes = readBytes(exchange);
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static byte[] readBytes(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
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

    /** @return {@code status} */
    private static int reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
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
