package com.byninja.bot.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class BotLinkTest {

    @TempDir
    Path dir;
    final Logger logger = (Logger) LoggerFactory.getLogger(BotLink.class);
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
        logger.setLevel(null);
    }

    @Test
    void aServerThatKeepsHangingUpIsLoggedOnceNotOnEveryAttempt() throws Exception {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket rude = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!rude.isClosed()) {
                    try {
                        rude.accept().close();
                        attempts.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "test-rude-server");
            acceptor.start();
            BotConfig config = TestConfigs.config(dir, """
                    link:
                      port: %d
                      secretFile: %s
                      reconnectMinDelayMs: 10
                      reconnectMaxDelayMs: 20
                    """.formatted(rude.getLocalPort(), dir.resolve("link.secret").toString().replace("\\", "/")));
            BotLink link = new BotLink(config.link(), "lonely", m -> { });
            try {
                link.start();

                await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() >= 5);

                assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().contains("is down")).hasSize(1);
                assertThat(link.status().path("state").asText()).isNotEqualTo("connected");
            } finally {
                link.close();
            }
        }
    }

    @Test
    void aDisabledLinkSaysSoAndDropsWhatIsSent() throws Exception {
        BotConfig config = TestConfigs.config(dir, "link:\n  enabled: false\n");
        BotLink link = new BotLink(config.link(), "alone", m -> { });

        link.start();

        assertThat(link.status().path("state").asText()).isEqualTo("disabled");
        assertThat(link.send(com.byninja.protocol.Message.log("WARN", "x"))).isFalse();
        link.close();
    }
}
