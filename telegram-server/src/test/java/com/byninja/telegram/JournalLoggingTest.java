package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under systemd (BYNINJA_LOG_FILE=off) the shipped logging writes the console only, which the journal keeps. */
class JournalLoggingTest {
    @TempDir
    Path logDir;

    private LoggerContext configure(String logFile) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("BYNINJA_LOG_DIR", logDir.toString());
        if (logFile != null) {
            context.putProperty("BYNINJA_LOG_FILE", logFile);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-telegram-server.xml"));
        return context;
    }

    private static List<String> rootAppenders(LoggerContext context) {
        List<String> names = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders()
                .forEachRemaining((Appender<?> a) -> names.add(a.getName()));
        return names;
    }

    @Test
    void withTheFileOffOnlyTheConsoleIsWrittenAndNoFileIsCreated() throws Exception {
        LoggerContext context = configure("off");
        context.getLogger("com.byninja.telegram").info("a line for the journal");
        List<String> appenders = rootAppenders(context);
        context.stop();

        assertThat(appenders).containsExactly("CONSOLE");
        assertThat(logDir.resolve("telegram-server.log")).doesNotExist();
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(s -> s.getLevel() >= Status.WARN);
    }

    @Test
    void byDefaultTheConsoleAndTheFileAreWritten() throws Exception {
        LoggerContext context = configure(null);
        context.getLogger("com.byninja.telegram").info("a line for the file");
        List<String> appenders = rootAppenders(context);
        context.stop();

        assertThat(appenders).containsExactly("CONSOLE", "FILE");
        assertThat(logDir.resolve("telegram-server.log")).content().contains("a line for the file");
    }
}
