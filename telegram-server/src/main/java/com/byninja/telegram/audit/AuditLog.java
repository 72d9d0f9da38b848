package com.byninja.telegram.audit;

import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import com.byninja.telegram.telegram.Person;
import com.byninja.telegram.telegram.TokenScrubber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: one line for every command typed and every button pressed, saying when, in which chat, who (user id
 * and name), for which bots, what, and what became of it, such as
 *
 * <pre>
 * 2026-05-04T10:41:07Z chat=111 user=111 name="@owner" via=text bots=alpha,beta result=asked command="/forcesell all"
 * </pre>
 *
 * <p>The lines go to the logger {@value #LOGGER}, which the shipped logging configuration writes to
 * {@code logs/audit.log} alone, rolled daily (to the console, which the journal keeps, under
 * {@code BYNINJA_LOG_FILE=off}). The last {@value #KEPT} are kept in memory for {@code /audit}, starting with the end
 * of that file when there is one, so that they span restarts. A line holds no token: anything shaped like one is
 * masked, and a person's text is quoted with its line breaks escaped, so that one entry is always one line. Thread-safe.
 */
public final class AuditLog {
    /** The logger the lines go to. */
    public static final String LOGGER = "audit";
    /** How many lines {@code /audit} can show. */
    public static final int KEPT = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_TEXT = 200;
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** What became of a command or a press. */
    public enum Result {
        /** Sent to the bots named. */
        SENT,
        /** Not run: a role it needs, a bot offline, a press by someone else; the reason says which. */
        REFUSED,
        /** A confirmation was asked for. */
        ASKED,
        /** Confirmed, and sent to the bots named. */
        CONFIRMED,
        /** Its confirmation was answered No. */
        CANCELLED,
        /** Its confirmation was not answered in time. */
        EXPIRED,
        /** Answered by this server itself, such as {@code /help}, or a press of a watchdog button. */
        ANSWERED,
        /** Not run because it was too old when it arrived. */
        IGNORED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Clock clock;
    private final Consumer<String> out;
    private final TokenScrubber scrubber;
    private final Deque<String> last = new ArrayDeque<>(KEPT);

    /**
     * @param out     where each line goes, such as the {@value #LOGGER} logger
     * @param earlier lines written before this run, oldest first; the last {@value #KEPT} are kept
     */
    public AuditLog(Clock clock, Consumer<String> out, TokenScrubber scrubber, List<String> earlier) {
        this.clock = clock;
        this.out = out;
        this.scrubber = scrubber;
        earlier.forEach(this::keep);
    }

    /** @return an audit log that writes to the {@value #LOGGER} logger and starts with the end of its file */
    public static AuditLog toLogFile(Clock clock, TokenScrubber scrubber) {
        return toLogger(LoggerFactory.getLogger(LOGGER), clock, scrubber);
    }

    /**
     * @param logger where the lines go; when Logback writes them to a file, its end is where this log starts
     * @return an audit log on {@code logger}
     */
    public static AuditLog toLogger(Logger logger, Clock clock, TokenScrubber scrubber) {
        return new AuditLog(clock, logger::info, scrubber, fileOf(logger).map(AuditLog::tail).orElse(List.of()));
    }

    /** @return an audit log kept in memory only, for a router built without one */
    public static AuditLog inMemory(Clock clock) {
        return new AuditLog(clock, line -> { }, new TokenScrubber(""), List.of());
    }

    /**
     * Where a command or press came from.
     *
     * @param chatId the chat
     * @param who    who typed or pressed
     * @param button whether a button was pressed, rather than text typed
     */
    public record Source(long chatId, Person who, boolean button) {
    }

    /**
     * Writes one line.
     *
     * @param bots    the bots it is for; none for this server
     * @param result  what became of it
     * @param command the command as typed or as its button runs it, or a button's data
     * @param why     more about the result, such as the reason of a refusal; empty for none
     */
    public void record(Source source, List<String> bots, Result result, String command, String why) {
        StringBuilder line = new StringBuilder(TIME.format(clock.instant()))
                .append(" chat=").append(source.chatId())
                .append(" user=").append(source.who().userId())
                .append(" name=").append(quoted(source.who().name()))
                .append(" via=").append(source.button() ? "button" : "text")
                .append(" bots=").append(bots.isEmpty() ? "-" : String.join(",", bots))
                .append(" result=").append(result.label())
                .append(" command=").append(quoted(command));
        if (!why.isEmpty()) {
            line.append(" why=").append(quoted(why));
        }
        String written = scrubber.scrub(line.toString());
        keep(written);
        out.accept(written);
    }

    /** @return the last {@code n} lines, oldest first; fewer when fewer were written */
    public List<String> last(int n) {
        synchronized (last) {
            List<String> all = new ArrayList<>(last);
            return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
        }
    }

    private void keep(String line) {
        synchronized (last) {
            if (last.size() == KEPT) {
                last.removeFirst();
            }
            last.addLast(line);
        }
    }

    /** @return {@code text} in double quotes, cut to {@value #MAX_TEXT} characters, on one line */
    static String quoted(String text) {
        String cut = text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
        StringBuilder q = new StringBuilder("\"");
        for (char c : cut.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> q.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return q.append('"').toString();
    }

    /** @return the file the logging configuration writes the audit lines to, if it writes them to one */
    private static Optional<Path> fileOf(Logger logger) {
        if (!(logger instanceof ch.qos.logback.classic.Logger logback)) {
            return Optional.empty();
        }
        for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = logback.iteratorForAppenders();
                it.hasNext(); ) {
            if (it.next() instanceof FileAppender<?> file && file.getFile() != null) {
                return Optional.of(Path.of(file.getFile()));
            }
        }
        return Optional.empty();
    }

    /** @return the last {@value #KEPT} lines of {@code file}; none when it cannot be read */
    static List<String> tail(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Deque<String> lines = new ArrayDeque<>(KEPT);
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (lines.size() == KEPT) {
                    lines.removeFirst();
                }
                lines.addLast(line);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the audit log {}: {}; /audit shows this run's lines only", file, e.getMessage());
            return List.of();
        }
        return List.copyOf((Collection<String>) lines);
    }
}
