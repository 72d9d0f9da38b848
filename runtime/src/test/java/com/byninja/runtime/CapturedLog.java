package com.byninja.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;

/** A logger of a Logback context of its own, keeping each line as {@code LEVEL message}. */
final class CapturedLog {
    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    final Logger logger = context.getLogger("test");

    CapturedLog() {
        lines.setContext(context);
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.DEBUG);
    }

    /** @return every line logged, as {@code LEVEL message}, with {@code (trace)} when it carries a stack trace */
    List<String> lines() {
        synchronized (lines) {
            return lines.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " (trace)")).toList();
        }
    }
}
