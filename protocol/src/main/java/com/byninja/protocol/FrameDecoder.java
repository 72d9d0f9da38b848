package com.byninja.protocol;

import java.util.function.Consumer;

/**
 * Splits a byte stream into frame bodies, however the bytes arrive: one at a time, a header split across reads, or
 * many frames in one read.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            body length N (unsigned 32-bit, big-endian)        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          N bytes of UTF-8 JSON, one object  ...               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>1 &le; N &le; {@code maxFrameBytes}. A zero length is a {@link CorruptedFrameException}; a length above the
 * maximum is a {@link FrameTooLongException} raised from the header alone, before any body is allocated. After either,
 * the decoder is failed for good: the stream is out of sync and its connection must be closed. Frames completed
 * before the bad header are still delivered.
 *
 * <p>Not thread-safe: one decoder per connection, used by its reader thread.
 */
public final class FrameDecoder {
    /** Bytes in a frame header. */
    public static final int HEADER_BYTES = 4;

    private final int maxFrameBytes;
    private int header;
    private int headerBytesRead;
    private byte[] body;
    private int bodyBytesRead;
    private ProtocolException failure;

    /** @param maxFrameBytes the largest body accepted, in bytes; at least 1 */
    public FrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1, got " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Consumes {@code length} bytes and hands every frame body they complete to {@code frames}, in order.
     *
     * @throws ProtocolException when the bytes break the framing; frames completed before the fault were delivered
     */
    public void feed(byte[] bytes, int offset, int length, Consumer<byte[]> frames) throws ProtocolException {
        if (failure != null) {
            throw failure;
        }
        int position = offset;
        int end = offset + length;
        while (position < end) {
            if (body == null) {
                while (headerBytesRead < HEADER_BYTES && position < end) {
                    header = (header << 8) | (bytes[position++] & 0xFF);
                    headerBytesRead++;
                }
                if (headerBytesRead < HEADER_BYTES) {
                    return;
                }
                startBody();
            }
            int take = Math.min(end - position, body.length - bodyBytesRead);
            System.arraycopy(bytes, position, body, bodyBytesRead, take);
            position += take;
            bodyBytesRead += take;
            if (bodyBytesRead == body.length) {
                byte[] complete = body;
                body = null;
                bodyBytesRead = 0;
                headerBytesRead = 0;
                header = 0;
                frames.accept(complete);
            }
        }
    }

    private void startBody() throws ProtocolException {
        long length = header & 0xFFFF_FFFFL;
        if (length == 0) {
            throw fail(new CorruptedFrameException("frame length 0: a frame holds at least one byte"));
        }
        if (length > maxFrameBytes) {
            throw fail(new FrameTooLongException(length, maxFrameBytes));
        }
        body = new byte[(int) length];
    }

    private ProtocolException fail(ProtocolException e) {
        failure = e;
        return e;
    }

    /** @return whether part of a frame has been read and the rest is still awaited. */
    public boolean isMidFrame() {
        return headerBytesRead > 0;
    }

    /**
     * Called when the stream ends.
     *
     * @throws CorruptedFrameException when the stream ended inside a frame (a truncated frame)
     */
    public void endOfStream() throws CorruptedFrameException {
        if (failure == null && isMidFrame()) {
            String detail = body == null
                    ? "after " + headerBytesRead + " of 4 header bytes"
                    : "after " + bodyBytesRead + " of " + body.length + " body bytes";
            throw new CorruptedFrameException("truncated frame: the stream ended " + detail);
        }
    }
}
