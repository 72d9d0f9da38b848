package com.byninja.protocol;

/**
 * A frame was complete but its body is not a valid message: invalid UTF-8, not JSON, not a JSON object, a missing or
 * wrong-typed required field, or an unknown tag. The stream is still in sync, so an authenticated connection answers
 * with an {@code error} frame and stays open.
 */
public final class MalformedMessageException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
