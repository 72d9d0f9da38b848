package com.byninja.protocol;

/**
 * A frame header announced a body longer than the maximum frame size. It is rejected from the 4-byte header alone:
 * the body is never allocated. The stream is out of sync afterwards, so the connection is closed.
 */
public final class FrameTooLongException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final long length;
    private final int maxFrameBytes;

    public FrameTooLongException(long length, int maxFrameBytes) {
        super("frame length " + length + " exceeds the maximum of " + maxFrameBytes + " bytes");
        this.length = length;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** @return the length the header announced. */
    public long length() {
        return length;
    }

    /** @return the maximum this decoder accepts. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }
}
