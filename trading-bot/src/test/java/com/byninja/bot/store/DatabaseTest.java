package com.byninja.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DatabaseTest {
    @TempDir
    Path dir;
    private final Logger logger = (Logger) LoggerFactory.getLogger(Database.class);
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

    @Test
    void aNewDatabaseSaysItIsNewAndEmptyWithItsAbsolutePathAndAReopenedOneSaysOpened() throws Exception {
        Path file = dir.resolve("alpha-simulated-paper.db");

        Database.open(file).close();
        Database.open(file).close();

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "database " + file.toAbsolutePath() + ": new, created empty (no positions, no history)",
                "database " + file.toAbsolutePath() + ": opened (schema version 7)");
    }
}
