package com.byninja.protocol;

import java.util.ArrayDeque;
import java.util.Deque;

/** What a test opened, closed after it in reverse order: declare it as an {@code @AutoClose} field. */
final class Closer implements AutoCloseable {
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** @return {@code resource}, to be closed after the test */
    synchronized <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }
}
