package com.byninja.runtime;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.status.Status;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Logback as both daemons set it up. Before the first logger: the configuration file (the working directory's
 * {@code config/logback-DAEMON.xml}, else the built-in one) and the properties it reads, such as the log directory or
 * the trading bot's name. Logback's own status report, fifty lines when a file cannot be opened, is kept quiet; once
 * logging has started, {@link #reportProblems()} says in one line each what failed, and logging goes on to the
 * destinations that work.
 */
public final class Logging {

    /** The reason Java gives in parentheses at the end of a file error: {@code logs/x.log (Permission denied)}. */
    private static final Pattern REASON = Pattern.compile("\\(([^()]+)\\)\\s*$");

    private Logging() {
    }

    /**
     * Chooses Logback's configuration and keeps its status report quiet; call before the first logger exists. What
     * is already set (by {@code -D} on the command line) stays.
     *
     * @param daemon     {@code trading-bot} or {@code telegram-server}: the configuration is
     *                   {@code config/logback-DAEMON.xml} when the working directory has one, else the built-in one
     * @param properties system properties the configuration reads, such as {@code BYNINJA_LOG_DIR}
     */
    public static void configure(String daemon, Map<String, String> properties) {
        properties.forEach(Logging::setIfAbsent);
        Path file = Path.of("config", "logback-" + daemon + ".xml");
        setIfAbsent("logback.configurationFile", Files.isRegularFile(file) ? file.toString()
                : "logback-" + daemon + ".xml");
        quiet();
    }

    /** Keeps Logback's status report quiet: a status listener of any kind stops it from printing the whole report. */
    public static void quiet() {
        setIfAbsent("logback.statusListenerClass", NopStatusListener.class.getName());
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /**
     * Starts logging, if it has not started, and logs one line for each log file that could not be opened, such as
     * {@code cannot write logs to /var/log/byninja: permission denied; logging to the console only}, and for any
     * other configuration error. The failed files are detached, so nothing tries them again.
     *
     * @return the lines logged
     */
    public static List<String> reportProblems() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return List.of();
        }
        Map<FileAppender<?>, Throwable> failedFiles = new LinkedHashMap<>();
        List<String> otherErrors = new ArrayList<>();
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getLevel() != Status.ERROR) {
                continue;
            }
            if (status.getOrigin() instanceof FileAppender<?> file && !file.isStarted()) {
                failedFiles.merge(file, status.getThrowable() == null ? new IOException(status.getMessage())
                        : status.getThrowable(), (first, later) -> later);
            } else {
                otherErrors.add("logging configuration: " + status.getMessage()
                        + (status.getThrowable() == null ? "" : ": " + status.getThrowable().getMessage()));
            }
        }
        // Two files in one directory that cannot be written are one line.
        Set<String> lines = new LinkedHashSet<>(otherErrors);
        for (Map.Entry<FileAppender<?>, Throwable> failed : failedFiles.entrySet()) {
            detach(context, failed.getKey());
            Path directory = Path.of(failed.getKey().getFile()).toAbsolutePath().normalize().getParent();
            lines.add("cannot write logs to " + directory + ": " + reason(directory, failed.getValue()) + "; "
                    + (writesToConsole(context) ? "logging to the console only" : "no log is written"));
        }
        org.slf4j.Logger log = LoggerFactory.getLogger(Logging.class);
        lines.forEach(log::warn);
        return List.copyOf(lines);
    }

    /** @return why {@code directory} cannot take a log file, as a person would say it: {@code permission denied} */
    static String reason(Path directory, Throwable fromLogback) {
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory);
            } catch (AccessDeniedException e) {
                return "permission denied";
            } catch (FileAlreadyExistsException e) {
                return "a file of that name is in the way";
            } catch (FileSystemException e) {
                return e.getReason() == null ? e.toString() : lowerFirst(e.getReason());
            } catch (IOException e) {
                return String.valueOf(e.getMessage());
            }
        }
        String message = String.valueOf(fromLogback.getMessage());
        Matcher m = REASON.matcher(message);
        return m.find() ? lowerFirst(m.group(1)) : message;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    /** Takes {@code file} off every logger, with the asynchronous appender that wraps it, if one does. */
    private static void detach(LoggerContext context, FileAppender<?> file) {
        for (Logger logger : context.getLoggerList()) {
            List<Appender<ILoggingEvent>> remove = new ArrayList<>();
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                Appender<ILoggingEvent> appender = it.next();
                if (appender == file || appender instanceof AsyncAppenderBase<ILoggingEvent> async
                        && async.getAppender(file.getName()) == file) {
                    remove.add(appender);
                }
            }
            for (Appender<ILoggingEvent> appender : remove) {
                logger.detachAppender(appender);
                appender.stop();
            }
            if (!remove.isEmpty() && !logger.isAdditive() && !logger.iteratorForAppenders().hasNext()) {
                // A logger that wrote to that file alone, such as an audit log: its lines go where the rest goes.
                logger.setAdditive(true);
            }
        }
    }

    private static boolean writesToConsole(LoggerContext context) {
        for (Iterator<Appender<ILoggingEvent>> it = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof ConsoleAppender<?>) {
                return true;
            }
            if (appender instanceof AsyncAppenderBase<ILoggingEvent> async) {
                for (Iterator<Appender<ILoggingEvent>> inner = async.iteratorForAppenders(); inner.hasNext(); ) {
                    if (inner.next() instanceof ConsoleAppender<?>) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Stops Logback, writing what its queues still hold. */
    public static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
