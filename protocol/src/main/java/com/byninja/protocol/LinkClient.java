package com.byninja.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client end of the link, used by a trading bot: connects, proves the shared secret, checks the server's proof,
 * and reconnects for ever with capped exponential backoff and jitter (about 0.5 s doubling up to 10 s, reset after a
 * successful handshake).
 *
 * <p>{@link #send} never blocks. While connected, frames go to the connection's bounded queue; when it is full, log
 * frames are dropped and counted, and any other frame closes the stuck connection (its alerts are kept). While
 * disconnected, alerts are kept in a bounded buffer (when it is full the oldest is dropped and counted) and are
 * delivered in order after the next handshake, preceded by an alert saying how many were dropped; logs, replies and
 * status frames are dropped and counted. Commands are never kept across a disconnect: they arrive only on a live
 * connection.
 *
 * <p>Alerts are delivered at least once: each gets an {@code id} when it has none, the alerts of a write that failed
 * are sent again on the next connection, and the server drops a second copy by its id.
 *
 * <p>Threads: {@code link-reader} (connects, handshakes and reads) and {@code link-writer-<server>} per connection.
 * Both end on {@link #close()}.
 */
public final class LinkClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LinkClient.class);

    /** The state of the link as its owner sees it. */
    public enum State {
        /** Connecting or handshaking. */
        CONNECTING,
        /** Authenticated both ways; frames flow. */
        CONNECTED,
        /** Lost or refused; waiting to try again. */
        DISCONNECTED,
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
    private final Counters counters = new Counters();
    private final Object lock = new Object();
    private final ArrayDeque<Message> pendingAlerts = new ArrayDeque<>();
    /** The size of {@link #pendingAlerts}, readable without the lock: the writer checks it after every write. */
    private volatile int pendingCount;
    private final AtomicLong alertsDroppedWhileDown = new AtomicLong();
    /** Alerts get ids so that the server can drop the copy of one sent again after a failed write. */
    private final String alertIdPrefix = Handshake.nonce().substring(0, 12) + "-";
    private final AtomicLong alertSequence = new AtomicLong();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread reader;

    private Connection current;
    private volatile State state = State.DISCONNECTED;
    private volatile Socket connectingSocket;
    private volatile boolean closed;
    private boolean everConnected;

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
        this.reader = new Thread(this::run, "link-reader");
        reader.setDaemon(true);
    }

    /** @return a builder for a client that proves {@code secret}. */
    public static Builder builder(LinkSecret secret) {
        return new Builder(secret);
    }

    /**
     * Sends a frame, or keeps it for later if it is an alert and the link is down. Never blocks.
     *
     * @return whether it was queued on a live connection, or waits there for room behind older alerts; false when it
     *     was kept for the next connection or dropped (and counted)
     */
    public boolean send(Message message) {
        if (message.tag() == Tag.ALERT && message.id() == null) {
            message = message.withId(alertIdPrefix + alertSequence.incrementAndGet());
        }
        synchronized (lock) {
            Connection c = current;
            if (c != null && c.isOpen()) {
                if (!flushPending(c) && message.tag() == Tag.ALERT) {
                    // Older alerts are still waiting for room in this connection's queue: keep the order.
                    keep(message);
                    return true;
                }
                if (c.offer(message)) {
                    return true;
                }
            }
            if (message.tag() == Tag.ALERT && !closed) {
                keep(message);
            } else {
                counters.dropped(message.tag());
            }
            return false;
        }
    }

    /**
     * Moves pending alerts, oldest first, to the connection's queue, as far as there is room. Holds {@link #lock}.
     *
     * @return whether none is left waiting
     */
    private boolean flushPending(Connection c) {
        if (pendingAlerts.isEmpty()) {
            return true;
        }
        while (!pendingAlerts.isEmpty() && c.tryOffer(pendingAlerts.peekFirst())) {
            pendingAlerts.pollFirst();
        }
        pendingCount = pendingAlerts.size();
        return pendingAlerts.isEmpty();
    }

    /** Called by the writer after each write: alerts that waited for room go on. */
    private void refill(Connection c) {
        if (pendingCount == 0) {
            return;
        }
        synchronized (lock) {
            if (current == c && !pendingAlerts.isEmpty()) {
                flushPending(c);
            }
        }
    }

    /** Adds an alert to the pending buffer, dropping the oldest when it is full. Holds {@link #lock}. */
    private void keep(Message alert) {
        while (pendingAlerts.size() >= config.pendingAlertCapacity()) {
            pendingAlerts.pollFirst();
            counters.alertsDropped.increment();
            alertsDroppedWhileDown.incrementAndGet();
        }
        pendingAlerts.addLast(alert);
        pendingCount = pendingAlerts.size();
    }

    /** @return the current state. */
    public State state() {
        return state;
    }

    /** @return counters since the client started. */
    public LinkStats stats() {
        return counters.snapshot();
    }

    /** @return alerts waiting for the link to come back. */
    public int pendingAlerts() {
        synchronized (lock) {
            return pendingAlerts.size();
        }
    }

    private void run() {
        long delayMs = config.reconnectMinDelayMs();
        int failures = 0;
        while (!closed) {
            setState(State.CONNECTING, host + ":" + port);
            String reason;
            Connection c = null;
            try {
                c = connect();
                if (c != null) {
                    delayMs = config.reconnectMinDelayMs();
                    if (failures > 0) {
                        log.info("link: reconnected to {}:{} after {} failed attempts", host, port, failures);
                    }
                    failures = 0;
                    reason = c.readLoop(router, null);
                    if (closed) {
                        log.info("link: closed the connection to {} ({})", c.peerName(), c.remoteAddress());
                    } else {
                        log.warn("link: disconnected from {} ({}): {}", c.peerName(), c.remoteAddress(), reason);
                    }
                } else {
                    reason = "closed";
                }
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
            setState(State.DISCONNECTED, reason);
            long jittered = (long) (delayMs * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
            delayMs = Math.min(config.reconnectMaxDelayMs(), delayMs * 2);
            try {
                if (closing.await(Math.min(jittered, config.reconnectMaxDelayMs()), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        setState(State.CLOSED, "closed");
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
            long dropped = alertsDroppedWhileDown.getAndSet(0);
            if (dropped > 0) {
                c.tryOffer(Message.alert(dropped + " alerts were dropped while the link was down", null, null));
            }
            flushPending(c);
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
            throw new ProtocolException("the server refused this bot: " + welcome.message());
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
        String serverName = welcome.message().isEmpty() ? "server" : welcome.message();
        return Handshake.isValidName(serverName) ? serverName : "server";
    }

    /** Takes a closed connection out of service; its unsent alerts go back to the front of the pending buffer. */
    private void detach(Connection c) {
        synchronized (lock) {
            if (current == c) {
                current = null;
            }
        }
        c.abort(c.isClosed() ? c.closeReason() : "disconnected");
        c.awaitWriter(config.closeTimeoutMs());
        List<Message> unsent = c.drainUnsent();
        synchronized (lock) {
            ListIterator<Message> it = unsent.listIterator(unsent.size());
            while (it.hasPrevious()) {
                Message m = it.previous();
                if (m.tag() == Tag.ALERT && !closed) {
                    pendingAlerts.addFirst(m);
                } else {
                    counters.dropped(m.tag());
                }
            }
            while (pendingAlerts.size() > config.pendingAlertCapacity()) {
                pendingAlerts.pollFirst();
                counters.alertsDropped.increment();
                alertsDroppedWhileDown.incrementAndGet();
            }
            pendingCount = pendingAlerts.size();
        }
    }

    private void setState(State newState, String detail) {
        if (state == newState && newState != State.CONNECTED) {
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
     * Writes what is queued on the live connection (within the close timeout), closes it, stops reconnecting and
     * waits for the client's threads to end. Alerts still pending are dropped and counted.
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
            current = null;
            counters.alertsDropped.add(pendingAlerts.size());
            pendingAlerts.clear();
            pendingCount = 0;
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
    }

    /** Builds and starts a {@link LinkClient}. */
    public static final class Builder extends EndpointBuilder<Builder> {
        private String host = "127.0.0.1";
        private int port = 7070;
        private String name;
        private Listener listener = (state, detail) -> {
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

        /** Starts connecting in the background and returns at once. */
        public LinkClient start() {
            LinkClient client = new LinkClient(this);
            client.reader.start();
            return client;
        }
    }
}
