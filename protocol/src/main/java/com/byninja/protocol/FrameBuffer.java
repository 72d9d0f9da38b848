package com.byninja.protocol;

import java.io.ByteArrayOutputStream;

/**
 * A growing byte buffer that frames are encoded into directly: the header is reserved before the body is written and
 * filled in after, so a frame, or a batch of frames for one write, needs no second copy.
 */
final class FrameBuffer extends ByteArrayOutputStream {
    FrameBuffer(int initialCapacity) {
        super(initialCapacity);
    }

    void writeHeaderPlaceholder() {
        write(0);
        write(0);
        write(0);
        write(0);
    }

    /** Writes {@code length} big-endian into the 4 bytes at {@code at}. */
    void patchLength(int at, int length) {
        buf[at] = (byte) (length >>> 24);
        buf[at + 1] = (byte) (length >>> 16);
        buf[at + 2] = (byte) (length >>> 8);
        buf[at + 3] = (byte) length;
    }

    /** Forgets everything written from {@code size} on. */
    void truncate(int size) {
        count = size;
    }
}
