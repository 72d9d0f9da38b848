package com.byninja.protocol;

/**
 * The byte stream cannot be split into frames: a zero length, or a stream that ended in the middle of a frame.
 * The connection is closed.
 */
public final class CorruptedFrameException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public CorruptedFrameException(String message) {
        super(message);
    }
}
