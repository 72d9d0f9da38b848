package com.byninja.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private final FrameDecoder decoder = new FrameDecoder(1024);
    private final List<String> frames = new ArrayList<>();

    private static byte[] frame(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return concat(header(b.length), b);
    }

    private static byte[] header(long length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private void feed(byte[] bytes) throws ProtocolException {
        decoder.feed(bytes, 0, bytes.length, b -> frames.add(new String(b, StandardCharsets.UTF_8)));
    }

    @Test
    void shouldAssembleFramesFedOneByteAtATime() throws Exception {
        byte[] stream = concat(frame("{\"a\":1}"), frame("{\"b\":2}"));
        for (byte b : stream) {
            feed(new byte[] {b});
        }
        assertThat(frames).containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(decoder.isMidFrame()).isFalse();
    }

    @Test
    void shouldWaitForAHeaderSplitAcrossReads() throws Exception {
        byte[] f = frame("{\"x\":true}");
        feed(new byte[] {f[0], f[1]});
        assertThat(frames).isEmpty();
        assertThat(decoder.isMidFrame()).isTrue();
        feed(java.util.Arrays.copyOfRange(f, 2, 7));
        assertThat(frames).isEmpty();
        feed(java.util.Arrays.copyOfRange(f, 7, f.length));
        assertThat(frames).containsExactly("{\"x\":true}");
    }

    @Test
    void shouldDeliverManyFramesFromOneRead() throws Exception {
        feed(concat(frame("1"), frame("22"), frame("333")));
        assertThat(frames).containsExactly("1", "22", "333");
    }

    @Test
    void shouldRejectAnOversizedFrameFromTheHeaderAlone() {
        assertThatThrownBy(() -> feed(header(0xFFFF_FFFFL)))
                .isInstanceOf(FrameTooLongException.class)
                .hasMessage("frame length 4294967295 exceeds the maximum of 1024 bytes");
    }

    @Test
    void shouldAcceptAFrameOfExactlyTheMaximumSize() throws Exception {
        String body = "x".repeat(1024);
        feed(frame(body));
        assertThat(frames).containsExactly(body);
        assertThatThrownBy(() -> feed(frame("y".repeat(1025)))).isInstanceOf(FrameTooLongException.class)
                .satisfies(e -> assertThat(((FrameTooLongException) e).length()).isEqualTo(1025));
    }

    @Test
    void shouldRejectAZeroLength() {
        assertThatThrownBy(() -> feed(header(0)))
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("frame length 0");
    }

    @Test
    void shouldDeliverTheGoodFramesBeforeABadHeaderAndStayFailedAfter() {
        assertThatThrownBy(() -> feed(concat(frame("ok"), header(5000), frame("never"))))
                .isInstanceOf(FrameTooLongException.class);
        assertThat(frames).containsExactly("ok");
        assertThatThrownBy(() -> feed(frame("still-never"))).isInstanceOf(FrameTooLongException.class);
        assertThat(frames).containsExactly("ok");
    }

    @Test
    void shouldReportATruncatedFrameWhenTheStreamEnds() throws Exception {
        byte[] f = frame("{\"tag\":\"ping\"}");
        feed(java.util.Arrays.copyOf(f, 9));
        assertThatThrownBy(decoder::endOfStream)
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessage("truncated frame: the stream ended after 5 of 14 body bytes");
    }

    @Test
    void shouldReportAStreamThatEndsInsideTheHeader() throws Exception {
        feed(new byte[] {0, 0});
        assertThatThrownBy(decoder::endOfStream)
                .hasMessage("truncated frame: the stream ended after 2 of 4 header bytes");
    }

    @Test
    void shouldAcceptAStreamThatEndsBetweenFrames() throws Exception {
        feed(frame("done"));
        decoder.endOfStream();
        assertThat(frames).containsExactly("done");
    }
}
