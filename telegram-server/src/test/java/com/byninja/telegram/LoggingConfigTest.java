package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The shipped logback configuration: it loads, writes the rolling file, and masks tokens whoever logs them. */
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

    private String readLog() throws IOException {
        return Files.readString(logDir.resolve("telegram-server.log"), StandardCharsets.UTF_8);
    }
}
