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
    void aNewSecretIsAWarningNamingItsAbsoluteFileInTheDataDirectoryAndTheNextStartSaysItReadsIt() throws Exception {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
        BotConfig config = TestConfigs.config(dir, "link:\n  port: " + unusedPort() + "\n");
        Path file = dir.resolve("link.secret").toAbsolutePath();

        BotLink first = new BotLink(config.link(), "alpha", m -> { });
        first.start();
        first.close();
        BotLink second = new BotLink(config.link(), "alpha", m -> { });
        second.start();
        second.close();

        assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().startsWith("link secret"))
                .extracting(e -> e.getLevel() + " " + e.getFormattedMessage()).containsExactly(
                        "WARN link secret: none in BYNINJA_LINK_SECRET or " + file + ", so a new one was created "
                                + "there. The telegram-server must use the same secret: start it with the same data "
                                + "directory, copy this file to its secret file, or set BYNINJA_LINK_SECRET to this "
                                + "file's content on both sides",
                        "INFO link secret from the file " + file);
    }

    @Test
    void aSecretFromTheEnvironmentIsSaidToComeFromIt() throws Exception {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
        BotConfig config = new com.byninja.bot.config.ConfigLoader(java.util.Map.of("BYNINJA_LINK_SECRET",
                "an-environment-secret-0123")).loadYaml("dataDir: " + dir.toString().replace("\\", "/")
                + "\nlink:\n  port: " + unusedPort() + "\n", "test").config();

        BotLink link = new BotLink(config.link(), "alpha", m -> { });
        link.start();
        link.close();

        assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().startsWith("link secret"))
                .extracting(e -> e.getLevel() + " " + e.getFormattedMessage())
                .containsExactly("INFO link secret from the environment (BYNINJA_LINK_SECRET)");
        assertThat(dir.resolve("link.secret")).doesNotExist();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
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
