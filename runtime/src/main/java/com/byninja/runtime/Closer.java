package com.byninja.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;

/**
 * What a daemon started, closed in reverse order of start by {@link #close()}: the last part started, which may use
 * the earlier ones, stops first. A part that fails to close is reported and the others still close.
 *
 * <pre>{@code
 * Closer parts = new Closer((part, e) -> LOG.warn("Stopping {} failed: {}", part, e.getMessage()));
 * ChatSenders senders = parts.add(new ChatSenders(...));
 * LinkServer link = parts.add(LinkServer.builder(secret).start());
 * parts.close();   // the link server, then the senders
 * }</pre>
 */
public final class Closer implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final BiConsumer<AutoCloseable, Exception> onFailure;

    /** @param onFailure told of each part whose {@code close()} threw, and what it threw */
    public Closer(BiConsumer<AutoCloseable, Exception> onFailure) {
        this.onFailure = onFailure;
    }

    /**
     * @param part a part that has started, or whose resources are held
     * @return {@code part}
     */
    public synchronized <T extends AutoCloseable> T add(T part) {
        started.push(part);
        return part;
    }

    /** Closes every part added, the last one first; each is closed once. */
    @Override
    public void close() {
        for (AutoCloseable part = next(); part != null; part = next()) {
            try {
                part.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                onFailure.accept(part, e);
            } catch (Exception e) {
                onFailure.accept(part, e);
            }
        }
    }

    private synchronized AutoCloseable next() {
        return started.poll();
    }
}
