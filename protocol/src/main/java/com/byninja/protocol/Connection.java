package com.byninja.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection of the link, on either side: synchronous frame I/O for the handshake, then a reader loop on the
 * owner's thread and a writer thread draining a bounded queue, with heartbeats both ways.
 *
 * <p>The queue admits {@code log} frames only while it is less than three quarters full, so the last quarter is kept
 * for frames that may not be dropped. A frame that may not be dropped and still finds the queue full means the peer
 * has stopped reading: the connection is closed and its unsent frames can be taken back with {@link #drainUnsent()}.
 */
final class Connection implements LinkSession {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    private static final int MAX_CONSECUTIVE_BAD_FRAMES = 10;
    private static final int WRITE_BATCH = 256;
    private static final int BATCH_BYTES = 64 * 1024;

    private final Socket socket;
    private final LinkConfig config;
    private final MessageCodec codec;
    private final Counters counters;
    private final String remoteAddress;
    private final FrameReader reader;
    private final OutputStream rawOut;
    private final LinkedBlockingQueue<Message> queue;
    private final int droppableLimit;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Writer thread only, and its owner after the writer ended: the frames of the batch being written. */
    private final List<Message> inFlight = new ArrayList<>();
    private final FrameBuffer batch = new FrameBuffer(BATCH_BYTES);

    private final CountDownLatch readerEnded = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean readerRunning;
    private volatile Thread readerThread;
    private volatile Runnable afterWrite = () -> { };
    private volatile String peerName = "?";
    private volatile Instant connectedAt;
    private volatile Thread writer;
    private volatile boolean open;
    private volatile boolean aborted;
    private volatile String closeReason;
    private volatile long lastReceivedNanos = System.nanoTime();
    private long lastSentNanos = System.nanoTime();

    Connection(Socket socket, LinkConfig config, Counters counters) throws IOException {
        this.socket = socket;
        this.config = config;
        this.codec = new MessageCodec(config.maxFrameBytes());
        this.counters = counters;
        this.remoteAddress = describe(socket);
        socket.setTcpNoDelay(true);
        this.reader = new FrameReader(socket.getInputStream(), config.maxFrameBytes());
        this.rawOut = socket.getOutputStream();
        this.queue = new LinkedBlockingQueue<>(config.sendQueueCapacity());
        this.droppableLimit = config.sendQueueCapacity() * 3 / 4;
    }

    private static String describe(Socket socket) {
        if (socket.getRemoteSocketAddress() instanceof InetSocketAddress a) {
            return a.getAddress().getHostAddress() + ":" + a.getPort();
        }
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    // ---- handshake phase: synchronous I/O on the owner's thread, before start() ----

    void writeNow(Message m) throws IOException {
        rawOut.write(codec.encode(m));
        rawOut.flush();
        counters.framesSent.increment();
    }

    /** Reads one message before {@code deadlineNanos}; any fault, the deadline included, is a ProtocolException. */
    Message readNow(long deadlineNanos, String awaited) throws IOException {
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (remainingMs <= 0) {
            throw new ProtocolException("handshake not finished within " + config.handshakeTimeoutMs() + " ms");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMs));
        byte[] body;
        try {
            body = reader.next();
        } catch (SocketTimeoutException e) {
            throw new ProtocolException("no " + awaited + " within " + config.handshakeTimeoutMs() + " ms");
        }
        counters.framesReceived.increment();
        lastReceivedNanos = System.nanoTime();
        return codec.decode(body);
    }

    /** Ends the handshake phase: the session opens and its writer thread starts. */
    void start(String authenticatedPeer) {
        this.peerName = authenticatedPeer;
        this.connectedAt = Instant.now();
        this.open = true;
        Thread t = new Thread(this::writeLoop, "link-writer-" + authenticatedPeer);
        t.setDaemon(true);
        writer = t;
        t.start();
    }

    // ---- session ----

    @Override
    public String peerName() {
        return peerName;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public Instant connectedAt() {
        return connectedAt;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean send(Message message) {
        if (offer(message)) {
            return true;
        }
        counters.dropped(message.tag());
        return false;
    }

    /**
     * Queues without counting a refusal, for owners that keep what was refused. A refused frame that may not be
     * dropped closes the connection: its peer has stopped reading.
     */
    boolean offer(Message message) {
        if (tryOffer(message)) {
            return true;
        }
        if (!open || message.tag().isDroppable()) {
            return false;
        }
        log.warn("link: send queue to {} ({}) is full with {} frames; the peer is not reading, closing",
                peerName, remoteAddress, queue.size());
        abort("send queue full: the peer is not reading");
        return false;
    }

    /** Queues if there is room, and never closes the connection. */
    boolean tryOffer(Message message) {
        if (!open) {
            return false;
        }
        if (message.tag().isDroppable()) {
            return queue.size() < droppableLimit && queue.offer(message);
        }
        return queue.offer(message);
    }

    /** @param action run by the writer thread after each write, for an owner that keeps frames waiting for room */
    void onWritten(Runnable action) {
        this.afterWrite = action;
    }

    /**
     * @return the frames not known to be written, oldest first: the batch whose write failed, then the queue. Call
     *     after the writer has ended.
     */
    List<Message> drainUnsent() {
        List<Message> unsent = new ArrayList<>(inFlight.size() + queue.size());
        unsent.addAll(inFlight);
        inFlight.clear();
        queue.drainTo(unsent);
        return unsent;
    }

    // ---- reader ----

    /** What the owner handles itself, ahead of the router: alert copies on a server, acks on a client. */
    @FunctionalInterface
    interface Intercept {
        /** @return whether the frame was handled here and must not reach the router */
        boolean handled(Connection from, Message m);
    }

    /**
     * Reads and dispatches frames on the calling thread until the connection closes. While closing, only {@code ack}
     * frames are still handed to {@code intercept}: an acknowledgement that arrives then is news, a command is not.
     *
     * @param intercept sees each frame before the router
     * @return why it closed
     */
    String readLoop(MessageRouter router, Intercept intercept) {
        try {
            socket.setSoTimeout((int) Math.max(10, config.heartbeatIntervalMs() / 2));
        } catch (IOException e) {
            abort("cannot set the read timeout: " + e.getMessage());
        }
        readerThread = Thread.currentThread();
        readerRunning = true;
        try {
            return readUntilClosed(router, intercept);
        } finally {
            readerEnded.countDown();
        }
    }

    private String readUntilClosed(MessageRouter router, Intercept intercept) {
        int consecutiveBad = 0;
        while (!aborted) {
            byte[] body;
            try {
                body = reader.next();
            } catch (SocketTimeoutException e) {
                long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastReceivedNanos);
                if (silentMs >= config.deadPeerTimeoutMs()) {
                    log.warn("link: {} ({}) sent nothing for {} ms; declaring it dead", peerName, remoteAddress,
                            silentMs);
                    abort("peer silent for " + silentMs + " ms (heartbeat timeout)");
                }
                continue;
            } catch (ProtocolException e) {
                counters.badFrames.increment();
                log.warn("link: closing the connection to {} ({}): {}", peerName, remoteAddress, e.getMessage());
                abort("bad framing: " + e.getMessage());
                break;
            } catch (IOException e) {
                abort(closed.get() ? closeReason : "connection lost: " + e.getMessage());
                break;
            }
            counters.framesReceived.increment();
            lastReceivedNanos = System.nanoTime();
            if (closed.get()) {
                // Closing: read on until the peer's end of stream, so that closing never resets unread data.
                handleWhileClosing(body, intercept);
                continue;
            }
            Message m;
            try {
                m = codec.decode(body);
            } catch (MalformedMessageException e) {
                counters.badFrames.increment();
                log.warn("link: bad frame from {} ({}): {}", peerName, remoteAddress, e.getMessage());
                send(Message.of(Tag.ERROR, "bad frame: " + e.getMessage()));
                if (++consecutiveBad >= MAX_CONSECUTIVE_BAD_FRAMES) {
                    close(consecutiveBad + " bad frames in a row");
                }
                continue;
            }
            consecutiveBad = 0;
            if (intercepted(intercept, m)) {
                continue;
            }
            handle(router, m);
        }
        return closeReason;
    }

    private void handleWhileClosing(byte[] body, Intercept intercept) {
        try {
            Message m = codec.decode(body);
            if (m.tag() == Tag.ACK) {
                intercepted(intercept, m);
            }
        } catch (MalformedMessageException e) {
            log.debug("link: ignoring a bad frame from {} while closing: {}", peerName, e.getMessage());
        }
    }

    private boolean intercepted(Intercept intercept, Message m) {
        try {
            return intercept.handled(this, m);
        } catch (RuntimeException e) {
            log.error("link: handling a {} frame from {} failed", m.tag().wireName(), peerName, e);
            return true;
        }
    }

    /** @return whether a whole frame arrived from the peer within the last {@code ms} milliseconds */
    boolean heardWithin(long ms) {
        return System.nanoTime() - lastReceivedNanos < TimeUnit.MILLISECONDS.toNanos(ms);
    }

    private void handle(MessageRouter router, Message m) {
        switch (m.tag()) {
            case PING -> send(Message.of(Tag.PONG, ""));
            case PONG -> {
                // its arrival already proved the peer alive
            }
            case CHALLENGE, HELLO, WELCOME -> {
                counters.badFrames.increment();
                log.warn("link: {} ({}) sent {} after the handshake", peerName, remoteAddress, m.tag().wireName());
                send(Message.of(Tag.ERROR, "unexpected " + m.tag().wireName() + " after the handshake"));
            }
            default -> {
                try {
                    router.dispatch(this, m);
                } catch (RuntimeException e) {
                    log.error("link: the handler of a {} frame from {} failed", m.tag().wireName(), peerName, e);
                }
            }
        }
    }

    // ---- writer ----

    private void writeLoop() {
        boolean interrupted = false;
        try {
            while (!aborted) {
                Message m;
                try {
                    m = queue.poll(config.heartbeatIntervalMs(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (!aborted) {
                        flushRemaining();
                    }
                    break;
                }
                if (m == null) {
                    if (!open) {
                        break;
                    }
                    if (System.nanoTime() - lastSentNanos >= TimeUnit.MILLISECONDS.toNanos(
                            config.heartbeatIntervalMs())) {
                        append(Message.of(Tag.PING, ""));
                        writeBatch();
                    }
                    continue;
                }
                do {
                    append(m);
                } while (inFlight.size() < WRITE_BATCH && batch.size() < BATCH_BYTES && (m = queue.poll()) != null);
                writeBatch();
            }
        } catch (IOException e) {
            if (!closed.get()) {
                log.debug("link: writing to {} ({}) failed: {}", peerName, remoteAddress, e.getMessage());
            }
            abort(closed.get() ? closeReason : "write failed: " + e.getMessage());
        } finally {
            if (aborted || !readerRunning) {
                closeSocket();
            } else {
                shutdownOutput();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void flushRemaining() throws IOException {
        Message m;
        while (!aborted && (m = queue.poll()) != null) {
            append(m);
            if (inFlight.size() >= WRITE_BATCH || batch.size() >= BATCH_BYTES) {
                writeBatch();
            }
        }
        writeBatch();
    }

    private void append(Message m) {
        try {
            codec.encodeInto(m, batch);
        } catch (IllegalArgumentException e) {
            counters.dropped(m.tag());
            log.warn("link: not sending to {}: {}", peerName, e.getMessage());
            return;
        }
        inFlight.add(m);
    }

    /**
     * Writes the batch in one call, whole frames only. If the write fails, the batch stays in {@link #inFlight}, so
     * its frames count as unsent: the owner may send them again on a new connection.
     */
    private void writeBatch() throws IOException {
        if (inFlight.isEmpty()) {
            return;
        }
        batch.writeTo(rawOut);
        rawOut.flush();
        counters.framesSent.add(inFlight.size());
        inFlight.clear();
        batch.reset();
        lastSentNanos = System.nanoTime();
        afterWrite.run();
    }

    // ---- closing ----

    /**
     * Closes gracefully: the writer writes what is queued and ends our half of the stream, the reader reads until the
     * peer ends its half; past the close timeout the socket is closed regardless.
     */
    @Override
    public void close(String reason) {
        if (!beginClose(reason)) {
            return;
        }
        awaitWriter(config.closeTimeoutMs());
        awaitReader(config.closeTimeoutMs());
        abort(reason);
        awaitWriter(config.closeTimeoutMs());
    }

    /** Waits up to {@code timeoutMs} for the read loop to end, unless called from it. */
    void awaitReader(long timeoutMs) {
        if (!readerRunning || readerEnded.getCount() == 0 || Thread.currentThread() == readerThread) {
            return;
        }
        try {
            readerEnded.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a graceful close without waiting: the writer writes what is queued, then closes the socket.
     *
     * @return whether there is a writer to wait for
     */
    boolean beginClose(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        closeReason = reason;
        open = false;
        Thread w = writer;
        if (w == null) {
            closeSocket();
            return false;
        }
        w.interrupt();
        return true;
    }

    /** Closes at once, discarding nothing: what was not written stays for {@link #drainUnsent()}. */
    void abort(String reason) {
        if (closed.compareAndSet(false, true)) {
            closeReason = reason;
        }
        open = false;
        aborted = true;
        closeSocket();
        Thread w = writer;
        if (w != null && w != Thread.currentThread()) {
            w.interrupt();
        }
    }

    /** Waits up to {@code timeoutMs} for the writer thread to end; restores the interrupt flag if interrupted. */
    void awaitWriter(long timeoutMs) {
        Thread w = writer;
        if (w == null || w == Thread.currentThread()) {
            return;
        }
        try {
            w.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks that the owner has finished with this connection, its disconnect announced. */
    void release() {
        released.countDown();
    }

    /** Waits up to {@code timeoutMs} for {@link #release()}; restores the interrupt flag if interrupted. */
    void awaitRelease(long timeoutMs) {
        try {
            released.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    String closeReason() {
        return closeReason;
    }

    /** Sends our end of stream after the last frame; the reader closes the socket when the peer's arrives. */
    private void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            closeSocket();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("link: closing the socket to {} failed: {}", remoteAddress, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return peerName + "@" + remoteAddress;
    }
}
