package com.byninja.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client end of the link, used by a trading bot: connects, proves the shared secret, checks the server's proof,
 * and reconnects for ever with capped exponential backoff and jitter (about 0.5 s doubling up to 10 s, reset after a
 * successful handshake).
 *
 * <p>{@link #send} never blocks. While connected, frames go to the connection's bounded queue; when it is full, log
 * frames are dropped and counted, and any other frame closes the stuck connection. While disconnected, logs, replies
 * and status frames are dropped and counted. Commands are never kept across a disconnect: they arrive only on a live
 * connection.
 *
 * <p><b>Alerts are kept until the server acknowledges them</b> (protocol version 2), not merely until written: every
 * alert waits, in order, in a buffer of unacknowledged alerts bounded by {@link LinkConfig#pendingAlertCapacity()}
 * (when it is full the oldest is dropped, counted and told to {@link Builder#onAlertDropped}), and every alert still
 * there is sent again, in order, on each new connection, after the handshake and before any new one, preceded by an
 * alert saying how many were dropped when any were (that notice is sent once, not kept). An alert that has an
 * {@code id} keeps it, so that a bot may give alerts durable ids and send them again after a restart; one without is
 * given a unique id. The server drops a second copy by its id and acknowledges each alert once it has delivered it:
 * the client then forgets it and tells {@link Builder#onAlertAcknowledged}.
 *
 * <p><b>A name in use.</b> A server refuses a bot whose name a live session already holds. The client then reports
 * {@link State#REFUSED} with the server's reason, logs it at ERROR once per episode, and tries again no sooner than
 * {@link LinkConfig#reconnectMaxDelayMs()} (plus up to 20 % jitter) each time, so that it takes the name over soon
 * after the other bot leaves without hammering the server meanwhile.
 *
 * <p><b>A wrong secret.</b> When the server refuses this bot's proof, the two sides hold different secrets. The client
 * logs at WARN what to compare, naming where its own secret comes from ({@link LinkSecret#origin()}): on the first
 * refused attempt, then at most once a minute while the refusals go on, with their count; the other attempts are
 * logged at DEBUG.
 *
 * <p>Threads: {@code link-reader} (connects, handshakes and reads) and {@code link-writer-<server>} per connection.
 * Both end on {@link #close()}.
 */
public final class LinkClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LinkClient.class);
    /** While the secret is refused, a WARN about it at most this often; the first refusal always warns. */
    private static final long AUTH_WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** The state of the link as its owner sees it. */
    public enum State {
        /** Connecting or handshaking. */
        CONNECTING,
        /** Authenticated both ways; frames flow. */
        CONNECTED,
        /** Lost, unreachable or refused for another reason than {@link #REFUSED}; waiting to try again. */
        DISCONNECTED,
        /**
         * The server refused this bot because another live bot is connected under the same name; the detail is the
         * server's reason, naming the other bot's address. Reported after each refused attempt; the client tries again
         * every {@link LinkConfig#reconnectMaxDelayMs()} or so, and connects once the name is free.
         */
        REFUSED,
        /** Closed by its owner; final. */
        CLOSED
    }

    /** Told about state changes, on the {@code link-reader} thread. Must not block. */
    @FunctionalInterface
    public interface Listener {
        void onStateChange(State state, String detail);
    }

    private final LinkSecret secret;
    private final String host;
    private final int port;
    private final String name;
    private final LinkConfig config;
    private final MessageRouter router;
    private final Listener listener;
    private final Consumer<String> onAcknowledged;
    private final Consumer<String> onDropped;
    private final Counters counters = new Counters();
    private final Object lock = new Object();
    /** Every alert sent and not yet acknowledged, by id, oldest first. Guarded by {@link #lock}. */
    private final LinkedHashMap<String, Message> unacknowledged = new LinkedHashMap<>();
    /**
     * The alerts of {@link #unacknowledged} not yet in the current connection's queue, in order; an entry no longer in
     * {@link #unacknowledged} (acknowledged or dropped meanwhile) is skipped. Guarded by {@link #lock}.
     */
    private final ArrayDeque<Message> toQueue = new ArrayDeque<>();
    /** The size of {@link #toQueue}, readable without the lock: the writer checks it after every write. */
    private volatile int toQueueCount;
    /** Alerts dropped from the full buffer since the last notice about it. Guarded by {@link #lock}. */
    private long droppedUntold;
    /** Alerts get ids so that the server can recognise a copy and acknowledge each one. */
    private final String alertIdPrefix = Handshake.nonce().substring(0, 12) + "-";
    private final AtomicLong alertSequence = new AtomicLong();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread reader;

    private Connection current;
    private volatile State state = State.DISCONNECTED;
    private volatile Socket connectingSocket;
    private volatile boolean closed;
    private boolean everConnected;
    private boolean refusalLogged;
    /** Attempts refused for a wrong secret since the last successful handshake. Reader thread only. */
    private long authRefusals;
    private long lastAuthWarningNanos;

    private LinkClient(Builder b) {
        this.secret = b.secret;
        this.host = b.host;
        this.port = b.port;
        this.name = Objects.requireNonNull(b.name, "a client needs a name");
        if (!Handshake.isValidName(name)) {
            throw new IllegalArgumentException("invalid bot name '" + name + "': 1 to " + Handshake.MAX_NAME_LENGTH
                    + " letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        this.config = b.config;
        this.router = b.router;
        this.listener = b.listener;
        this.onAcknowledged = b.onAcknowledged;
        this.onDropped = b.onDropped;
        this.reader = new Thread(this::run, "link-reader");
        reader.setDaemon(true);
    }

    /** @return a builder for a client that proves {@code secret}. */
    public static Builder builder(LinkSecret secret) {
        return new Builder(secret);
    }

    /**
     * Sends a frame. Never blocks. An alert is kept until the server acknowledges it, and sent again on every new
     * connection until then; an alert whose id is already waiting for its acknowledgement is not added twice.
     *
     * @return whether it was queued on a live connection, or waits there for room behind older alerts; false when it
     *     was kept for the next connection or dropped (and counted)
     */
    public boolean send(Message message) {
        if (message.tag() == Tag.ALERT) {
            return sendAlert(message.id() == null ? message.withId(alertIdPrefix + alertSequence.incrementAndGet())
                                                  : message);
        }
        synchronized (lock) {
            Connection c = current;
            if (c != null && c.isOpen() && c.offer(message)) {
                return true;
            }
            counters.dropped(message.tag());
            return false;
        }
    }

    private boolean sendAlert(Message alert) {
        List<String> dropped;
        boolean live;
        synchronized (lock) {
            if (closed) {
                counters.alertsDropped.increment();
                return false;
            }
            Connection c = current;
            live = c != null && c.isOpen();
            if (unacknowledged.containsKey(alert.id())) {
                log.debug("link: alert {} is already waiting for its acknowledgement; not adding it twice", alert.id());
                return live;
            }
            dropped = keep(alert);
            if (live) {
                if (!queueWaiting(c)) {
                    // Older alerts are still waiting for room in this connection's queue: keep the order.
                    toQueue.addLast(alert);
                    toQueueCount = toQueue.size();
                } else if (!c.offer(alert)) {
                    // The queue is full: the connection is closing, and the alert goes out on the next one.
                    live = false;
                }
            }
        }
        tellDropped(dropped);
        return live;
    }

    /**
     * Adds an alert to the buffer of unacknowledged alerts, dropping the oldest while it is full. Holds {@link #lock}.
     *
     * @return the ids of the alerts dropped to make room
     */
    private List<String> keep(Message alert) {
        List<String> dropped = makeRoom(1);
        unacknowledged.put(alert.id(), alert);
        return dropped;
    }

    /** Drops the oldest alerts until {@code needed} more fit. Holds {@link #lock}. @return their ids */
    private List<String> makeRoom(int needed) {
        List<String> dropped = List.of();
        Iterator<Map.Entry<String, Message>> oldest = unacknowledged.entrySet().iterator();
        while (unacknowledged.size() + needed > config.pendingAlertCapacity() && oldest.hasNext()) {
            String id = oldest.next().getKey();
            oldest.remove();
            if (dropped.isEmpty()) {
                dropped = new ArrayList<>();
            }
            dropped.add(id);
            counters.alertsDropped.increment();
            if (droppedUntold++ == 0) {
                log.warn("link: {} alerts are waiting for the server's acknowledgement; dropping the oldest",
                        config.pendingAlertCapacity());
            }
        }
        return dropped;
    }

    private void tellDropped(List<String> ids) {
        for (String id : ids) {
            try {
                onDropped.accept(id);
            } catch (RuntimeException e) {
                log.error("link: the dropped-alert listener failed for alert {}", id, e);
            }
        }
    }

    /**
     * Moves waiting alerts, oldest first, to the connection's queue, as far as there is room. Holds {@link #lock}.
     *
     * @return whether none is left waiting
     */
    private boolean queueWaiting(Connection c) {
        while (!toQueue.isEmpty()) {
            Message next = toQueue.peekFirst();
            if (unacknowledged.get(next.id()) != next) {
                toQueue.pollFirst();
            } else if (c.tryOffer(next)) {
                toQueue.pollFirst();
            } else {
                break;
            }
        }
        toQueueCount = toQueue.size();
        return toQueue.isEmpty();
    }

    /** Called by the writer after each write: alerts that waited for room go on. */
    private void refill(Connection c) {
        if (toQueueCount == 0) {
            return;
        }
        synchronized (lock) {
            if (current == c) {
                queueWaiting(c);
            }
        }
    }

    /** An {@code ack} arrived, on the reader thread: the alert is delivered and forgotten. */
    private boolean intercept(Connection from, Message m) {
        if (m.tag() != Tag.ACK) {
            return false;
        }
        String id = m.id();
        boolean known;
        synchronized (lock) {
            known = id != null && unacknowledged.remove(id) != null;
        }
        if (!known) {
            log.debug("link: acknowledgement of alert {} that is not waiting (acknowledged or dropped before)", id);
            return true;
        }
        counters.alertsAcknowledged.increment();
        try {
            onAcknowledged.accept(id);
        } catch (RuntimeException e) {
            log.error("link: the acknowledgement listener failed for alert {}", id, e);
        }
        return true;
    }

    /** @return the current state. */
    public State state() {
        return state;
    }

    /** @return counters since the client started. */
    public LinkStats stats() {
        return counters.snapshot();
    }

    /** @return alerts sent or waiting to be sent that the server has not acknowledged yet. */
    public int pendingAlerts() {
        synchronized (lock) {
            return unacknowledged.size();
        }
    }

    private void run() {
        long delayMs = config.reconnectMinDelayMs();
        int failures = 0;
        while (!closed) {
            setState(State.CONNECTING, host + ":" + port);
            String reason;
            State next = State.DISCONNECTED;
            Connection c = null;
            try {
                c = connect();
                if (c != null) {
                    delayMs = config.reconnectMinDelayMs();
                    if (failures > 0) {
                        log.info("link: reconnected to {}:{} after {} failed attempts", host, port, failures);
                    }
                    failures = 0;
                    refusalLogged = false;
                    authRefusals = 0;
                    reason = c.readLoop(router, this::intercept);
                    if (closed) {
                        log.info("link: closed the connection to {} ({})", c.peerName(), c.remoteAddress());
                    } else {
                        log.warn("link: disconnected from {} ({}): {}", c.peerName(), c.remoteAddress(), reason);
                    }
                } else {
                    reason = "closed";
                }
            } catch (NameInUseException e) {
                reason = e.getMessage();
                next = State.REFUSED;
                counters.failedConnects.increment();
                if (!refusalLogged) {
                    refusalLogged = true;
                    log.error("link: the server at {}:{} refused this bot: {}. Retrying every {} ms until the name "
                            + "is free", host, port, reason, config.reconnectMaxDelayMs());
                } else {
                    log.debug("link: still refused by {}:{}: {}", host, port, reason);
                }
                failures++;
            } catch (AuthenticationFailedException e) {
                reason = e.getMessage();
                counters.failedConnects.increment();
                warnWrongSecret();
                failures++;
            } catch (IOException e) {
                reason = e.getMessage();
                counters.failedConnects.increment();
                if (failures == 0) {
                    log.warn("link: cannot connect to {}:{}: {}; retrying in the background", host, port, reason);
                } else {
                    log.debug("link: attempt {} to connect to {}:{} failed: {}", failures + 1, host, port, reason);
                }
                failures++;
            } finally {
                if (c != null) {
                    detach(c);
                }
            }
            if (closed) {
                break;
            }
            setState(next, reason);
            long waitMs;
            if (next == State.REFUSED) {
                waitMs = (long) (config.reconnectMaxDelayMs() * (1.0 + 0.2 * ThreadLocalRandom.current().nextDouble()));
            } else {
                waitMs = Math.min(config.reconnectMaxDelayMs(),
                        (long) (delayMs * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
                delayMs = Math.min(config.reconnectMaxDelayMs(), delayMs * 2);
            }
            try {
                if (closing.await(waitMs, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        setState(State.CLOSED, "closed");
    }

    /**
     * A wrong secret is not a passing fault: it lasts until a person makes both sides hold the same one, so the bot
     * says what to compare while it goes on, not once per outage only.
     */
    private void warnWrongSecret() {
        authRefusals++;
        long now = System.nanoTime();
        if (authRefusals > 1 && now - lastAuthWarningNanos < AUTH_WARNING_INTERVAL_NANOS) {
            log.debug("link: {}:{} refused the link secret again (attempt {})", host, port, authRefusals);
            return;
        }
        lastAuthWarningNanos = now;
        String ours = secret.file() != null ? "the file " + secret.file() : secret.origin();
        log.warn("link: the telegram-server at {}:{} refused this bot's link secret ({} refused {}): the two sides "
                + "have different secrets. This bot's comes from {}. Make both use the same one: the same {} on "
                + "both sides, or the same secret file (the telegram-server logs where its secret comes from when it "
                + "starts). Retrying in the background", host, port, authRefusals,
                authRefusals == 1 ? "attempt" : "attempts so far", ours, LinkSecret.ENV_VARIABLE);
    }

    /** @return the authenticated connection, or null when the client was closed meanwhile. */
    private Connection connect() throws IOException {
        Socket socket = new Socket();
        connectingSocket = socket;
        if (closed) {
            socket.close();
            return null;
        }
        Connection c;
        try {
            socket.connect(new InetSocketAddress(host, port), (int) config.connectTimeoutMs());
            c = new Connection(socket, config, counters);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        String serverName;
        try {
            serverName = handshake(c);
        } catch (IOException | RuntimeException e) {
            c.abort("handshake failed");
            throw e;
        } finally {
            connectingSocket = null;
        }
        synchronized (lock) {
            if (closed) {
                c.abort("client closed");
                return null;
            }
            c.onWritten(() -> refill(c));
            c.start(serverName);
            resendAll(c);
            current = c;
        }
        if (everConnected) {
            counters.reconnects.increment();
        }
        everConnected = true;
        log.info("link: connected to {} at {} as '{}'", c.peerName(), c.remoteAddress(), name);
        setState(State.CONNECTED, c.peerName() + " at " + c.remoteAddress());
        return c;
    }

    /**
     * Puts every unacknowledged alert, oldest first, in line for a new connection, preceded by a notice of how many
     * were dropped since the last one. The notice itself is sent once, not kept: it reports, it is not an event.
     * Holds {@link #lock}.
     */
    private void resendAll(Connection c) {
        if (droppedUntold > 0) {
            long count = droppedUntold;
            String text = count + (count == 1 ? " alert was" : " alerts were") + " dropped: more than "
                    + config.pendingAlertCapacity() + " were waiting for the server's acknowledgement";
            Message notice = Message.alert(text, null, null).withId(alertIdPrefix + alertSequence.incrementAndGet());
            if (c.tryOffer(notice)) {
                droppedUntold = 0;
            }
        }
        toQueue.clear();
        toQueue.addAll(unacknowledged.values());
        queueWaiting(c);
    }

    /** @return the server's name, once both sides have proved the secret */
    private String handshake(Connection c) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.handshakeTimeoutMs());
        Message challenge = c.readNow(deadline, "challenge");
        if (challenge.tag() != Tag.CHALLENGE || !Handshake.isNonce(challenge.message())) {
            counters.badFrames.increment();
            throw new ProtocolException("expected a challenge with a nonce, got " + challenge.tag().wireName());
        }
        String serverNonce = challenge.message();
        String clientNonce = Handshake.nonce();
        ObjectNode data = MessageCodec.mapper().createObjectNode()
                .put(Handshake.NONCE_FIELD, clientNonce)
                .put(Handshake.PROOF_FIELD, Handshake.clientProof(secret, serverNonce, clientNonce, name))
                .put(Handshake.PROTOCOL_FIELD, Handshake.PROTOCOL_VERSION);
        c.writeNow(Message.of(Tag.HELLO, name).withData(data));
        Message welcome = c.readNow(deadline, "welcome");
        if (welcome.tag() == Tag.ERROR) {
            throw refusal(welcome);
        }
        if (welcome.tag() != Tag.WELCOME) {
            counters.badFrames.increment();
            throw new ProtocolException("expected welcome, got " + welcome.tag().wireName());
        }
        JsonNode proof = welcome.data() == null ? null : welcome.data().get(Handshake.PROOF_FIELD);
        String expected = Handshake.serverProof(secret, clientNonce, serverNonce);
        if (proof == null || !proof.isTextual() || !Handshake.proofMatches(expected, proof.asText())) {
            counters.badFrames.increment();
            throw new ProtocolException("the server at " + c.remoteAddress()
                    + " could not prove it knows the link secret; not trusting it");
        }
        // A server of version 1 sends no version: it would never acknowledge an alert.
        int version = welcome.data().path(Handshake.PROTOCOL_FIELD).asInt(1);
        if (version != Handshake.PROTOCOL_VERSION) {
            throw new ProtocolException("the server at " + c.remoteAddress() + " speaks protocol version " + version
                    + ", this bot speaks version " + Handshake.PROTOCOL_VERSION + " (alert acknowledgements): upgrade the "
                    + (version < Handshake.PROTOCOL_VERSION ? "telegram-server" : "trading bot"));
        }
        String serverName = welcome.message().isEmpty() ? "server" : welcome.message();
        return Handshake.isValidName(serverName) ? serverName : "server";
    }

    /** @return the exception for the server's {@code error} answer to the hello */
    private static ProtocolException refusal(Message error) {
        JsonNode code = error.data() == null ? null : error.data().get(Handshake.CODE_FIELD);
        if (code != null && Handshake.NAME_IN_USE.equals(code.asText())) {
            return new NameInUseException(error.message());
        }
        if (code == null && Handshake.AUTHENTICATION_FAILED.equals(error.message())) {
            return new AuthenticationFailedException("the server refused this bot: " + error.message());
        }
        String reason = error.message();
        if (reason.startsWith("unsupported protocol version") && !reason.contains("upgrade")) {
            // A server of version 1 says only which version it speaks.
            reason += "; upgrade the telegram-server";
        }
        return new ProtocolException("the server refused this bot: " + reason);
    }

    /** The server refused the hello because a live session holds this bot's name. */
    private static final class NameInUseException extends ProtocolException {
        private static final long serialVersionUID = 1L;

        NameInUseException(String message) {
            super(message);
        }
    }

    /** The server refused the hello's proof: the two sides hold different secrets. */
    private static final class AuthenticationFailedException extends ProtocolException {
        private static final long serialVersionUID = 1L;

        AuthenticationFailedException(String message) {
            super(message);
        }
    }

    /**
     * Takes a closed connection out of service. Its unacknowledged alerts stay in the buffer for the next connection;
     * its other unsent frames are counted as dropped.
     */
    private void detach(Connection c) {
        synchronized (lock) {
            if (current == c) {
                current = null;
                toQueue.clear();
                toQueueCount = 0;
            }
        }
        c.abort(c.isClosed() ? c.closeReason() : "disconnected");
        c.awaitWriter(config.closeTimeoutMs());
        for (Message m : c.drainUnsent()) {
            if (m.tag() != Tag.ALERT) {
                counters.dropped(m.tag());
            }
        }
    }

    private void setState(State newState, String detail) {
        if (state == newState && newState != State.CONNECTED && newState != State.REFUSED) {
            return;
        }
        state = newState;
        try {
            listener.onStateChange(newState, detail);
        } catch (RuntimeException e) {
            log.error("link: the state listener failed on {}", newState, e);
        }
    }

    /**
     * Writes what is queued on the live connection (within the close timeout), reading the acknowledgements that
     * arrive meanwhile, closes it, stops reconnecting and waits for the client's threads to end. Alerts still
     * unacknowledged then are counted as dropped ({@link Builder#onAlertDropped} is not told: they were not evicted,
     * and a bot that keeps its alerts sends them again after its restart).
     */
    @Override
    public void close() {
        Connection c;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            c = current;
            if (c != null) {
                queueWaiting(c);
            }
            current = null;
            toQueue.clear();
            toQueueCount = 0;
        }
        closing.countDown();
        Socket s = connectingSocket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                log.debug("link: closing the connecting socket failed: {}", e.getMessage());
            }
        }
        if (c != null) {
            c.close("client closing");
        }
        try {
            reader.join(config.closeTimeoutMs() + config.connectTimeoutMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            counters.alertsDropped.add(unacknowledged.size());
            unacknowledged.clear();
        }
    }

    /** Builds and starts a {@link LinkClient}. */
    public static final class Builder extends EndpointBuilder<Builder> {
        private String host = "127.0.0.1";
        private int port = 7070;
        private String name;
        private Listener listener = (state, detail) -> {
        };
        private Consumer<String> onAcknowledged = id -> {
        };
        private Consumer<String> onDropped = id -> {
        };

        private Builder(LinkSecret secret) {
            super(secret);
        }

        @Override
        Builder self() {
            return this;
        }

        /** @param serverHost the server's host name or address; default {@code 127.0.0.1} */
        public Builder host(String serverHost) {
            this.host = Objects.requireNonNull(serverHost, "serverHost");
            return this;
        }

        /** @param serverPort the server's port; default 7070 */
        public Builder port(int serverPort) {
            this.port = checkPort(serverPort, 1);
            return this;
        }

        /** @param botName the name this bot gives in its hello; required */
        public Builder name(String botName) {
            this.name = botName;
            return this;
        }

        /** @param stateListener told about state changes; default: nobody */
        public Builder listener(Listener stateListener) {
            this.listener = Objects.requireNonNull(stateListener, "stateListener");
            return this;
        }

        /**
         * @param alertId told the id of each alert the server acknowledged, once, on the {@code link-reader} thread;
         *                must not block. Default: nobody
         */
        public Builder onAlertAcknowledged(Consumer<String> alertId) {
            this.onAcknowledged = Objects.requireNonNull(alertId, "alertId");
            return this;
        }

        /**
         * @param alertId told the id of each unacknowledged alert dropped from the full buffer, on the thread whose
         *                {@link LinkClient#send} made room; must not block. Default: nobody
         */
        public Builder onAlertDropped(Consumer<String> alertId) {
            this.onDropped = Objects.requireNonNull(alertId, "alertId");
            return this;
        }

        /** Starts connecting in the background and returns at once. */
        public LinkClient start() {
            LinkClient client = new LinkClient(this);
            client.reader.start();
            return client;
        }
    }
}
