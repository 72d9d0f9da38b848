package com.byninja.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Pulls frame bodies off a socket's stream, one at a time. A read timeout leaves a partly read frame intact, so the
 * caller may use socket timeouts for heartbeats and deadlines.
 */
final class FrameReader {
    private final InputStream in;
    private final FrameDecoder decoder;
    private final byte[] buffer = new byte[64 * 1024];
    private final ArrayDeque<byte[]> ready = new ArrayDeque<>();
    private ProtocolException failure;

    FrameReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.decoder = new FrameDecoder(maxFrameBytes);
    }

    /**
     * @return the next frame body
     * @throws java.net.SocketTimeoutException when the socket's read timeout passes first; reading may go on
     * @throws EOFException                    when the peer closed the stream between frames
     * @throws ProtocolException               when the stream breaks the framing (after the frames before the fault)
     */
    byte[] next() throws IOException {
        while (ready.isEmpty()) {
            if (failure != null) {
                throw failure;
            }
            int n = in.read(buffer);
            if (n < 0) {
                decoder.endOfStream();
                throw new EOFException("the peer closed the connection");
            }
            try {
                decoder.feed(buffer, 0, n, ready::add);
            } catch (ProtocolException e) {
                failure = e;
            }
        }
        return ready.poll();
    }
}
