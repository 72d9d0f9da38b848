package com.byninja.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server end of the link: accepts trading bots on a {@link ServerSocket}, authenticates each with the mutual
 * handshake, and serves each on its own reader and writer threads, so a misbehaving client affects nobody else.
 *
 * <p>Sessions are known by the bot's name. A new connection under a name that a live session holds (one from which a
 * frame arrived within {@link LinkConfig#deadPeerTimeoutMs()}) is refused in the handshake, after its proof was
 * checked, with an {@code error} naming the holder's address; the listener hears of it once per episode
 * ({@link Listener#onNameInUse}). A new connection under the name of a stale session (silent past that limit) replaces
 * it. Frames queued on a connection that closes are discarded: commands are never delivered late.
 *
 * <p>Alerts (protocol version 2): the server remembers the ids of the last {@value #REMEMBERED_ALERTS} alerts of
 * each bot. A new alert is routed; the owner calls {@link #acknowledge} once it has delivered it, and the bot then
 * forgets it. A copy of an alert already acknowledged is acknowledged again at once and not routed; a copy of one
 * still being delivered is ignored (its acknowledgement will follow). An alert without an id is simply routed.
 *
 * <p>Threads: {@code link-acceptor}, and per connection {@code link-reader-<bot>} and {@code link-writer-<bot>}. All
 * end on {@link #close()}.
 */
public final class LinkServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LinkServer.class);
    /** How many alert ids the server remembers per bot. */
    public static final int REMEMBERED_ALERTS = 4096;
    /**
     * A bot refused because its name is in use that has not tried again for this long starts a new episode: the
     * listener hears of it again (five minutes).
     */
    public static final long NAME_CLASH_QUIET_MS = 5 * 60_000;

    /** Told about sessions as they open and close, on the session's reader thread. Must not block. */
    public interface Listener {
        /** The start of the disconnect reason of a session replaced by a new connection under its name. */
        String REPLACED = "replaced by a new connection";

        /** A bot completed the handshake. */
        default void onConnected(LinkSession session) {
        }

        /**
         * A connected session closed; called once per session passed to {@link #onConnected}. When a new connection
         * under the same bot name replaced it, this comes before the new session's {@link #onConnected}, the reason
         * starts with {@value #REPLACED}, and {@link LinkServer#session} already returns the new session.
         */
        default void onDisconnected(LinkSession session, String reason) {
        }

        /**
         * A bot that proved the secret was refused because {@code holder}, a live session, already has its name. Told
         * once per episode, not once per attempt: again only after the holder's session ended, or after the refused
         * bot stayed away for {@value LinkServer#NAME_CLASH_QUIET_MS} ms. Called on the refused connection's thread.
         *
         * @param holder         the session that keeps the name
         * @param refusedAddress the refused bot's address, such as {@code 127.0.0.1:51234}
         */
        default void onNameInUse(LinkSession holder, String refusedAddress) {
        }
    }

    /** A run of refusals of one name while the same session holds it. */
    private record NameClash(Connection holder, long lastAttemptNanos) {
    }

    /** A connection that passed the handshake, and the stale session it replaces, if any. */
    private record Admitted(String bot, Connection replaced) {
    }

    private final LinkSecret secret;
    private final String name;
    private final LinkConfig config;
    private final MessageRouter router;
    private final Listener listener;
    private final ServerSocket serverSocket;
    private final Counters counters = new Counters();
    private final ConcurrentHashMap<String, Connection> byName = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, AlertLedger> alerts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, NameClash> clashes = new ConcurrentHashMap<>();
    /** Held while a name is checked and claimed, so that two connections cannot both take it. */
    private final Object claims = new Object();
    private final Thread acceptor;
    private volatile boolean closed;

    private LinkServer(Builder b) throws IOException {
        this.secret = b.secret;
        this.name = b.name;
        this.config = b.config;
        this.router = b.router;
        this.listener = b.listener;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        try {
            serverSocket.bind(new InetSocketAddress(InetAddress.getByName(b.bindAddress), b.port), 50);
        } catch (IOException e) {
            serverSocket.close();
            throw new IOException("cannot listen on " + b.bindAddress + ":" + b.port + ": " + e.getMessage(), e);
        }
        this.acceptor = new Thread(this::acceptLoop, "link-acceptor");
        acceptor.setDaemon(true);
    }

    /** @return a builder for a server that authenticates clients with {@code secret}. */
    public static Builder builder(LinkSecret secret) {
        return new Builder(secret);
    }

    /** @return the port the server listens on, useful when it was built with port 0. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** @return the open session of the bot of that name. */
    public Optional<LinkSession> session(String botName) {
        Connection c = byName.get(botName);
        return c == null || !c.isOpen() ? Optional.empty() : Optional.of(c);
    }

    /** @return the authenticated, open sessions. */
    public Collection<LinkSession> sessions() {
        List<LinkSession> open = new ArrayList<>();
        for (Connection c : byName.values()) {
            if (c.isOpen()) {
                open.add(c);
            }
        }
        return open;
    }

    /** @return counters over every connection since the server started. */
    public LinkStats stats() {
        return counters.snapshot();
    }

    /**
     * Marks an alert delivered and sends its {@code ack} to the bot's open session. With none open, nothing is sent:
     * the bot sends the alert again after reconnecting, and that copy is acknowledged at once. Thread-safe; never
     * blocks.
     *
     * @param botName the bot that sent the alert
     * @param alertId the alert's id
     * @return whether the {@code ack} was queued on an open session
     */
    public boolean acknowledge(String botName, String alertId) {
        Objects.requireNonNull(alertId, "alertId");
        ledger(botName).delivered(alertId);
        Connection c = byName.get(botName);
        if (c == null || !c.isOpen()) {
            log.debug("link: bot '{}' is not connected; alert {} will be acknowledged when it comes again", botName,
                    alertId);
            return false;
        }
        if (c.send(Message.ack(alertId))) {
            counters.alertsAcknowledged.increment();
            return true;
        }
        return false;
    }

    /**
     * Forgets an alert received but not delivered (its delivery was given up), so that the copy its bot sends again
     * after its next reconnection is routed anew instead of being ignored as a copy in progress. Thread-safe.
     *
     * @param botName the bot that sent the alert
     * @param alertId the alert's id
     */
    public void undelivered(String botName, String alertId) {
        AlertLedger ledger = alerts.get(botName);
        if (ledger != null) {
            ledger.undelivered(alertId);
        }
    }

    private AlertLedger ledger(String botName) {
        return alerts.computeIfAbsent(botName, b -> new AlertLedger(REMEMBERED_ALERTS));
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.error("link: accepting connections failed: {}", e.getMessage());
                }
                return;
            }
            if (connections.size() >= config.maxConnections()) {
                log.warn("link: refusing {}: already {} connections", socket.getRemoteSocketAddress(),
                        connections.size());
                closeQuietly(socket);
                continue;
            }
            Connection c;
            try {
                c = new Connection(socket, config, counters);
            } catch (IOException e) {
                log.warn("link: cannot set up {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
                closeQuietly(socket);
                continue;
            }
            connections.add(c);
            Thread reader = new Thread(() -> serve(c), "link-reader-" + c.remoteAddress());
            reader.setDaemon(true);
            readers.add(reader);
            reader.start();
        }
    }

    private void serve(Connection c) {
        try {
            Admitted admitted = authenticate(c);
            if (admitted == null) {
                return;
            }
            String bot = admitted.bot();
            Thread.currentThread().setName("link-reader-" + bot);
            counters.reconnects.increment();
            Connection previous = admitted.replaced();
            if (previous != null) {
                log.info("link: bot '{}' connected from {}; closing its stale previous connection from {}", bot,
                        c.remoteAddress(), previous.remoteAddress());
                previous.abort(Listener.REPLACED + " from " + c.remoteAddress());
                // Its disconnection is told before this connection is, so that listeners see them in order.
                previous.awaitRelease(config.closeTimeoutMs());
            }
            log.info("link: bot '{}' connected from {}", bot, c.remoteAddress());
            notifyConnected(c);
            AlertLedger ledger = ledger(bot);
            String reason = c.readLoop(router, (from, m) -> isCopy(ledger, from, m));
            c.close(reason);
            byName.remove(bot, c);
            clashes.computeIfPresent(bot, (name, clash) -> clash.holder() == c ? null : clash);
            int discarded = c.drainUnsent().size();
            if (discarded > 0) {
                counters.othersDropped.add(discarded);
            }
            log.info("link: bot '{}' ({}) disconnected: {}{}", bot, c.remoteAddress(), reason,
                    discarded > 0 ? "; " + discarded + " queued frames discarded" : "");
            notifyDisconnected(c, reason);
        } finally {
            c.abort("server closing the connection");
            c.release();
            connections.remove(c);
            readers.remove(Thread.currentThread());
        }
    }

    /** @return whether {@code m} is a copy of an alert received before, which is then not routed */
    private boolean isCopy(AlertLedger ledger, Connection from, Message m) {
        if (m.tag() != Tag.ALERT || m.id() == null) {
            return false;
        }
        switch (ledger.arrived(m.id())) {
            case IN_PROGRESS -> {
                log.debug("link: ignoring a copy of alert {} from {}: its delivery is under way", m.id(),
                        from.peerName());
                return true;
            }
            case DELIVERED -> {
                log.debug("link: acknowledging again a copy of alert {} from {}", m.id(), from.peerName());
                if (from.send(Message.ack(m.id()))) {
                    counters.alertsAcknowledged.increment();
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** @return the authenticated bot, or null when the handshake failed (the connection is then closed). */
    private Admitted authenticate(Connection c) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.handshakeTimeoutMs());
        String serverNonce = Handshake.nonce();
        String bot = null;
        boolean claimed = false;
        try {
            c.writeNow(Message.of(Tag.CHALLENGE, serverNonce));
            Message hello = c.readNow(deadline, "hello");
            if (hello.tag() != Tag.HELLO) {
                throw new ProtocolException("expected hello, got " + hello.tag().wireName());
            }
            bot = hello.message();
            if (!Handshake.isValidName(bot)) {
                throw new ProtocolException("invalid bot name in hello (1 to " + Handshake.MAX_NAME_LENGTH
                        + " letters, digits, '.', '-' or '_')");
            }
            ObjectNode data = hello.data();
            int version = data == null ? -1 : data.path(Handshake.PROTOCOL_FIELD).asInt(-1);
            if (version != Handshake.PROTOCOL_VERSION) {
                counters.badFrames.increment();
                String reason = unsupportedVersion(version);
                log.warn("link: refused bot '{}' from {}: {}", bot, c.remoteAddress(), reason);
                refuse(c, reason, Handshake.UNSUPPORTED_PROTOCOL);
                return null;
            }
            String clientNonce = text(data, Handshake.NONCE_FIELD);
            if (!Handshake.isNonce(clientNonce)) {
                throw new ProtocolException("hello has no valid nonce (64 lowercase hex digits)");
            }
            String expected = Handshake.clientProof(secret, serverNonce, clientNonce, bot);
            if (!Handshake.proofMatches(expected, text(data, Handshake.PROOF_FIELD))) {
                counters.badFrames.increment();
                log.warn("link: authentication failed for bot '{}' from {}: wrong proof, its link secret is not this "
                        + "server's (from {}); {} or the secret file must be the same on both sides", bot,
                        c.remoteAddress(), secret.file() != null ? "the file " + secret.file() : secret.origin(),
                        LinkSecret.ENV_VARIABLE);
                refuse(c, Handshake.AUTHENTICATION_FAILED, null);
                return null;
            }
            Connection holder;
            synchronized (claims) {
                holder = byName.get(bot);
                if (holder == null || !holder.isOpen() || !holder.heardWithin(config.deadPeerTimeoutMs())) {
                    byName.put(bot, c);
                    claimed = true;
                }
            }
            if (!claimed) {
                refuseNameInUse(c, bot, holder);
                return null;
            }
            ObjectNode welcomeData = MessageCodec.mapper().createObjectNode()
                    .put(Handshake.PROOF_FIELD, Handshake.serverProof(secret, clientNonce, serverNonce))
                    .put(Handshake.PROTOCOL_FIELD, Handshake.PROTOCOL_VERSION);
            c.writeNow(Message.of(Tag.WELCOME, name).withData(welcomeData));
            c.start(bot);
            return new Admitted(bot, holder);
        } catch (ProtocolException e) {
            counters.badFrames.increment();
            log.warn("link: handshake with {}{} failed: {}", c.remoteAddress(),
                    bot == null ? "" : " (bot '" + bot + "')", e.getMessage());
            refuse(c, e.getMessage(), null);
        } catch (IOException e) {
            log.info("link: {} left during the handshake: {}", c.remoteAddress(), e.getMessage());
            c.abort("handshake aborted");
        }
        if (claimed) {
            byName.remove(bot, c);
        }
        return null;
    }

    private String unsupportedVersion(int version) {
        if (version > Handshake.PROTOCOL_VERSION) {
            return "protocol version " + version + " is not supported: this " + name + " speaks version "
                    + Handshake.PROTOCOL_VERSION + "; upgrade the " + name;
        }
        return (version < 0 ? "hello carries no protocol version" : "protocol version " + version + " is not supported")
                + ": this " + name + " speaks version " + Handshake.PROTOCOL_VERSION
                + " (alert acknowledgements); upgrade the trading bot";
    }

    /** Refuses a bot whose name a live session holds; the log and the listener hear of it once per episode. */
    private void refuseNameInUse(Connection c, String bot, Connection holder) {
        String reason = "a trading bot named '" + bot + "' is already connected from " + holder.remoteAddress()
                + "; give each bot its own name (name: in its configuration, or BYNINJA_BOT_NAME)";
        long now = System.nanoTime();
        NameClash before = clashes.put(bot, new NameClash(holder, now));
        boolean newEpisode = before == null || before.holder() != holder
                || now - before.lastAttemptNanos() > TimeUnit.MILLISECONDS.toNanos(NAME_CLASH_QUIET_MS);
        if (newEpisode) {
            log.warn("link: refused a second bot named '{}' from {}: that name is connected from {}; each bot needs "
                    + "its own name", bot, c.remoteAddress(), holder.remoteAddress());
        } else {
            log.debug("link: refused bot '{}' from {} again: the name is in use", bot, c.remoteAddress());
        }
        refuse(c, reason, Handshake.NAME_IN_USE);
        if (newEpisode) {
            try {
                listener.onNameInUse(holder, c.remoteAddress());
            } catch (RuntimeException e) {
                log.error("link: the name-in-use listener failed for bot '{}'", bot, e);
            }
        }
    }

    private static String text(JsonNode data, String field) {
        if (data == null) {
            return null;
        }
        JsonNode n = data.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** Answers the hello with an {@code error}, with {@code code} in its data when not null, and closes. */
    private static void refuse(Connection c, String reason, String code) {
        Message error = Message.of(Tag.ERROR, reason);
        if (code != null) {
            error = error.withData(MessageCodec.mapper().createObjectNode().put(Handshake.CODE_FIELD, code));
        }
        try {
            c.writeNow(error);
        } catch (IOException | RuntimeException e) {
            log.debug("link: could not tell {} why it was refused: {}", c.remoteAddress(), e.getMessage());
        }
        c.abort(reason);
    }

    private void notifyConnected(LinkSession s) {
        try {
            listener.onConnected(s);
        } catch (RuntimeException e) {
            log.error("link: the connect listener failed for bot '{}'", s.peerName(), e);
        }
    }

    private void notifyDisconnected(LinkSession s, String reason) {
        try {
            listener.onDisconnected(s, reason);
        } catch (RuntimeException e) {
            log.error("link: the disconnect listener failed for bot '{}'", s.peerName(), e);
        }
    }

    /**
     * Stops accepting, closes every session after writing what it has queued (within the close timeout), and waits
     * for every thread of this server to end.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.debug("link: closing the server socket failed: {}", e.getMessage());
        }
        join(acceptor, config.closeTimeoutMs());
        for (Connection c : connections) {
            c.beginClose("server shutting down");
        }
        long deadline = System.currentTimeMillis() + config.closeTimeoutMs();
        for (Connection c : connections) {
            c.awaitWriter(Math.max(1, deadline - System.currentTimeMillis()));
        }
        for (Connection c : connections) {
            c.awaitReader(Math.max(1, deadline - System.currentTimeMillis()));
        }
        for (Connection c : connections) {
            c.abort("server shut down");
        }
        deadline = System.currentTimeMillis() + config.closeTimeoutMs();
        for (Thread t : List.copyOf(readers)) {
            join(t, Math.max(1, deadline - System.currentTimeMillis()));
        }
        log.info("link: server '{}' on port {} closed", name, serverSocket.getLocalPort());
    }

    private static void join(Thread t, long timeoutMs) {
        try {
            t.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing more to do for a refused socket
        }
    }

    /** Builds and starts a {@link LinkServer}. */
    public static final class Builder extends EndpointBuilder<Builder> {
        private String bindAddress = "127.0.0.1";
        private int port = 7070;
        private String name = "telegram-server";
        private Listener listener = new Listener() {
        };

        private Builder(LinkSecret secret) {
            super(secret);
        }

        @Override
        Builder self() {
            return this;
        }

        /** @param address the address to listen on; default {@code 127.0.0.1}, {@code 0.0.0.0} for all */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** @param port the port to listen on; default 7070, 0 for any free port */
        public Builder port(int port) {
            this.port = checkPort(port, 0);
            return this;
        }

        /** @param serverName the name this server gives in its welcome; default {@code telegram-server} */
        public Builder name(String serverName) {
            this.name = Objects.requireNonNull(serverName, "serverName");
            return this;
        }

        /** @param sessionListener told about sessions opening and closing; default: nobody */
        public Builder listener(Listener sessionListener) {
            this.listener = Objects.requireNonNull(sessionListener, "sessionListener");
            return this;
        }

        /**
         * Binds the socket and starts accepting.
         *
         * @throws IOException when the address cannot be bound; the message names it
         */
        public LinkServer start() throws IOException {
            LinkServer server = new LinkServer(this);
            server.acceptor.start();
            log.info("link: server '{}' listening on {}:{}", server.name, bindAddress, server.port());
            return server;
        }
    }
}
