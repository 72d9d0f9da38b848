package com.byninja.protocol;

import java.io.IOException;

/** A peer broke the wire format or the handshake. The message names what was wrong, with the bad value. */
public class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
