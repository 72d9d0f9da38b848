package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.protocol.LinkClient;
import com.byninja.protocol.LinkSecret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 5: a client with the wrong secret and raw garbage on the link port; the real bot never notices. */
// The impostor of a try block only has to be connected for the block.
@SuppressWarnings("try")
class HostileLinkIT {

    @Test
    void wrongSecretsAndGarbageAreRejectedAndLoggedWhileTheRealBotStaysConnected(@TempDir Path dir)
            throws Exception {
        try (Deployment d = new Deployment(dir, "")) {
            d.startBoth();
            int chatBefore = d.chat().size();

            List<String> states = new CopyOnWriteArrayList<>();
            try (LinkClient impostor = LinkClient.builder(LinkSecret.of("not-the-secret-at-all-0000"))
                    .name("mallory").port(d.linkPort)
                    .listener((state, detail) -> states.add(detail)).start()) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> states.contains("the server refused this bot: authentication failed"));
            }
            d.telegram.awaitOutput("authentication failed for bot 'mallory'", Duration.ofSeconds(5));

            // An oversized length: rejected from the header alone.
            assertClosed(d.linkPort, new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            d.telegram.awaitOutput("frame length 2147483647 exceeds the maximum", Duration.ofSeconds(5));
            // A truncated frame.
            assertClosed(d.linkPort, new byte[] {0, 0, 0, 100, '{', '"', 't'});
            d.telegram.awaitOutput("truncated frame", Duration.ofSeconds(5));
            // Not JSON at all.
            byte[] junk = "this is not json".getBytes(StandardCharsets.UTF_8);
            byte[] frame = new byte[junk.length + 4];
            frame[3] = (byte) junk.length;
            System.arraycopy(junk, 0, frame, 4, junk.length);
            assertClosed(d.linkPort, frame);
            d.telegram.awaitOutput("invalid JSON", Duration.ofSeconds(5));
            // A thousand random blobs.
            Random random = new Random(7);
            for (int i = 0; i < 1000; i++) {
                byte[] blob = new byte[1 + random.nextInt(64)];
                random.nextBytes(blob);
                assertClosed(d.linkPort, blob);
            }

            assertThat(d.telegram.isAlive()).isTrue();
            d.ask("/health", "^alpha: Link: connected to ");
            assertThat(d.chat().subList(chatBefore, d.chat().size()))
                    .as("the real bot was never disconnected")
                    .noneMatch(m -> m.contains("alpha disconnected"));
            assertThat(d.chat()).noneMatch(m -> m.contains("mallory"));
        }
    }

    /** Connects, reads the challenge, sends {@code bytes}, and expects the server to close the connection. */
    private static void assertClosed(int port, byte[] bytes) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(bytes);
            out.flush();
            s.shutdownOutput();
            byte[] buffer = new byte[4096];
            List<Integer> reads = new ArrayList<>();
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    reads.add(n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept a connection open after garbage", e);
            } catch (IOException reset) {
                // closed by the server with unread data: as good as a close
            }
        }
    }
}
