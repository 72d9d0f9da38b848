package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.byninja.telegram.audit.AuditLog;
import com.byninja.telegram.telegram.Person;
import com.byninja.telegram.telegram.TokenScrubber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The shipped logback configuration: it loads, writes the rolling file, masks tokens whoever logs them, and keeps the
 * audit log to a file of its own (or the console, when there are no files).
 */
class LoggingConfigTest {
    private static final String TOKEN = "555555555:AAFakeTokenForTheLoggingTest_abcdefgh";

    @TempDir
    Path logDir;

    @Test
    void theShippedConfigWritesTheLogFileAndMasksTokensInMessagesAndStackTraces() throws Exception {
        URL config = getClass().getResource("/logback-telegram-server.xml");
        assertThat(config).isNotNull();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("BYNINJA_LOG_DIR", logDir.toString());
        context.putProperty("byninja.console.level", "OFF");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
        Logger log = context.getLogger("org.telegram.telegrambots.longpolling.BotSession");

        log.error("GET https://api.telegram.org/bot{}/getUpdates failed", TOKEN,
                new IOException("unexpected end of stream on /bot" + TOKEN + "/getUpdates"));
        context.stop();

        String written = readLog();
        assertThat(written).contains("getUpdates failed", "IOException", "/bot***/getUpdates")
                .doesNotContain(TOKEN);
    }

    @Test
    void theAuditLinesGoToAuditLogAloneTokensMasked() throws Exception {
        LoggerContext context = configured(Map.of());
        context.getLogger("com.byninja.telegram.TelegramServer").info("an ordinary line");
        context.getLogger(AuditLog.LOGGER).info("2026-05-04T10:41:07Z chat=111 user=111 name=\"@owner\" via=text "
                + "bots=- result=answered command=\"/status " + TOKEN + "\"");
        context.stop();

        assertThat(Files.readString(logDir.resolve("audit.log"), StandardCharsets.UTF_8)).isEqualTo(
                "2026-05-04T10:41:07Z chat=111 user=111 name=\"@owner\" via=text bots=- result=answered "
                        + "command=\"/status ***\"" + System.lineSeparator());
        assertThat(readLog()).contains("an ordinary line").doesNotContain("chat=111");
    }

    @Test
    void theAuditLogOfTheNextRunStartsWithTheLinesOfTheFile() throws Exception {
        LoggerContext first = configured(Map.of());
        AuditLog.toLogger(first.getLogger(AuditLog.LOGGER), Clock.fixed(Instant.parse("2026-05-04T10:41:07Z"),
                ZoneOffset.UTC), new TokenScrubber("")).record(new AuditLog.Source(111, new Person(111, "@owner"),
                false), List.of("alpha"), AuditLog.Result.SENT, "/status", "");
        first.stop();

        LoggerContext second = configured(Map.of());
        AuditLog next = AuditLog.toLogger(second.getLogger(AuditLog.LOGGER), Clock.systemUTC(), new TokenScrubber(""));
        second.stop();

        assertThat(next.last(20)).containsExactly("2026-05-04T10:41:07Z chat=111 user=111 name=\"@owner\" via=text "
                + "bots=alpha result=sent command=\"/status\"");
    }

    @Test
    void withoutLogFilesTheAuditLinesGoToTheConsoleForTheJournal() throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            LoggerContext context = configured(Map.of("BYNINJA_LOG_FILE", "off", "byninja.console.level", "INFO"));
            context.getLogger(AuditLog.LOGGER).info("chat=111 result=sent");
            context.stop();
        } finally {
            System.setOut(console);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(" INFO  [main] audit - chat=111 result=sent");
        assertThat(logDir).isEmptyDirectory();
    }

    private LoggerContext configured(Map<String, String> properties) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("BYNINJA_LOG_DIR", logDir.toString());
        context.putProperty("byninja.console.level", "OFF");
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-telegram-server.xml"));
        return context;
    }

    private String readLog() throws IOException {
        return Files.readString(logDir.resolve("telegram-server.log"), StandardCharsets.UTF_8);
    }
}
