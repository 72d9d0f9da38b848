package com.byninja.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A bot whose secret differs from the server's says what to compare, and keeps saying it while it lasts. */
class WrongSecretTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @AutoClose
    private final Closer closer = new Closer();
    @TempDir
    Path dir;

    private final Logger logger = (Logger) LoggerFactory.getLogger(LinkClient.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger serverLogger = (Logger) LoggerFactory.getLogger(LinkServer.class);
    private final ListAppender<ILoggingEvent> serverLines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.DEBUG);
        serverLines.start();
        serverLogger.addAppender(serverLines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(null);
        serverLogger.detachAppender(serverLines);
    }

    private List<String> warnings() {
        return lines.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void aRefusedSecretFromAFileNamesTheFileAndWhatToCompare() throws Exception {
        Path file = dir.resolve("data").resolve("link.secret");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not-the-servers-secret-0123456789\n");
        LinkSecret fromFile = LinkSecret.resolve(null, file);
        LinkServer server = closer.add(TestLinks.server().start());

        LinkClient client = closer.add(LinkClient.builder(fromFile).name("alpha").port(server.port())
                .config(TestLinks.fast()).start());
        await().atMost(WAIT).until(() -> client.stats().failedConnects() >= 3);

        assertThat(warnings()).containsExactly("link: the telegram-server at 127.0.0.1:" + server.port()
                + " refused this bot's link secret (1 refused attempt): the two sides have different secrets. This "
                + "bot's comes from the file " + file.toAbsolutePath() + ". Make both use the same one: the same "
                + "BYNINJA_LINK_SECRET on both sides, or the same secret file (the telegram-server logs where its "
                + "secret comes from when it starts). Retrying in the background");
        assertThat(lines.list).as("the attempts within the minute after the warning")
                .filteredOn(e -> e.getLevel() == Level.DEBUG)
                .extracting(ILoggingEvent::getFormattedMessage)
                .contains("link: 127.0.0.1:" + server.port() + " refused the link secret again (attempt 2)",
                        "link: 127.0.0.1:" + server.port() + " refused the link secret again (attempt 3)");
        assertThat(client.state()).isNotEqualTo(LinkClient.State.CONNECTED);
        assertThat(serverLines.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .first().asString().matches("link: authentication failed for bot 'alpha' from 127\\.0\\.0\\.1:\\d+: "
                        + "wrong proof, its link secret is not this server's \\(from a secret given directly\\); "
                        + "BYNINJA_LINK_SECRET or the secret file must be the same on both sides");
    }

    @Test
    void aRefusedSecretFromTheEnvironmentNamesTheVariable() throws Exception {
        LinkSecret fromEnv = LinkSecret.resolve("not-the-servers-secret-0123456789", dir.resolve("unused"));
        LinkServer server = closer.add(TestLinks.server().start());

        LinkClient client = closer.add(LinkClient.builder(fromEnv).name("alpha").port(server.port())
                .config(TestLinks.fast()).start());
        await().atMost(WAIT).until(() -> client.stats().failedConnects() >= 1 && !warnings().isEmpty());

        assertThat(warnings().get(0)).contains("This bot's comes from BYNINJA_LINK_SECRET. Make both use the same "
                + "one");
    }
}
