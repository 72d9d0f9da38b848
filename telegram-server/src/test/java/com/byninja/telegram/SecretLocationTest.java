package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The server's link secret lives in its data directory, and it says where, loudly when it made a new one. */
class SecretLocationTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final Logger logger = (Logger) LoggerFactory.getLogger(Main.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(null);
    }

    private Optional<Main.Launch> prepare(Map<String, String> env) {
        return Main.prepare(Main.Arguments.parse(new String[] {"--console"}), env, errStream);
    }

    @Test
    void theDataDirectoryFromTheEnvironmentHoldsANewSecretAndTheWarningSaysTheBotsMustShareIt() throws Exception {
        Path data = dir.resolve("var-lib");

        Optional<Main.Launch> first = prepare(Map.of("BYNINJA_DATA_DIR", data.toString()));
        Optional<Main.Launch> second = prepare(Map.of("BYNINJA_DATA_DIR", data.toString()));

        Path file = data.resolve("link.secret").toAbsolutePath();
        assertThat(first).hasValueSatisfying(l -> assertThat(l.secret().file()).isEqualTo(file));
        assertThat(second).hasValueSatisfying(l -> assertThat(l.secret().created()).isFalse());
        assertThat(Files.readString(file).strip()).hasSize(64);
        assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().startsWith("Link secret"))
                .extracting(e -> e.getLevel() + " " + e.getFormattedMessage()).containsExactly(
                        "WARN Link secret: none in BYNINJA_LINK_SECRET or " + file + ", so a new one was created "
                                + "there. The trading bots must use the same secret: start them with the same data "
                                + "directory, copy this file to their secret file, or set BYNINJA_LINK_SECRET to this "
                                + "file's content on both sides",
                        "INFO Link secret from the file " + file);
    }

    @Test
    void aSecretFileNamedInTheConfigurationWinsOverTheDataDirectory() throws Exception {
        Path named = dir.resolve("elsewhere").resolve("shared.secret");
        Path config = Files.writeString(dir.resolve("telegram-server.yml"),
                "link:\n  secretFile: \"" + named.toString().replace("\\", "/") + "\"\n");

        Optional<Main.Launch> launch = Main.prepare(Main.Arguments.parse(new String[] {"--console", "--config",
                config.toString()}), Map.of("BYNINJA_DATA_DIR", dir.resolve("data").toString()), errStream);

        assertThat(launch).hasValueSatisfying(l -> assertThat(l.secret().file()).isEqualTo(named.toAbsolutePath()));
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void anUnusableDataDirectoryStopsTheServerNamingTheFileAndWhy() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");

        Optional<Main.Launch> launch = prepare(Map.of("BYNINJA_DATA_DIR", blocker.resolve("data").toString()));

        assertThat(launch).isEmpty();
        Path file = blocker.resolve("data").resolve("link.secret").toAbsolutePath();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("telegram-server: cannot start, no usable link "
                + "secret: cannot create the link secret file " + file + ": " + file.getParent() + ": Not a "
                + "directory. Make " + file.getParent() + " writable (it is the data directory by default), or set "
                + "BYNINJA_LINK_SECRET (set BYNINJA_LINK_SECRET to 16 or more characters, or fix link.secretFile "
                + file + ")" + System.lineSeparator());
    }
}
