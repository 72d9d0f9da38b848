package com.byninja.bot.link;

import static com.byninja.bot.link.ReportText.uptime;

import com.byninja.bot.domain.Money;
import com.byninja.bot.link.StatusReport.Report;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalInt;

/** The {@code version} answer: the build, the Java it runs on, how long it has run and its database's schema. */
public final class VersionReport {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final BuildInfo build;
    private final Instant startedAt;
    private final OptionalInt schemaVersion;
    private final Clock clock;

    /**
     * @param build         what the build says of itself
     * @param startedAt     when the bot started
     * @param schemaVersion the schema version of its database, empty when not known
     * @param clock         for the uptime
     */
    public VersionReport(BuildInfo build, Instant startedAt, OptionalInt schemaVersion, Clock clock) {
        this.build = build;
        this.startedAt = startedAt;
        this.schemaVersion = schemaVersion;
        this.clock = clock;
    }

    /** @return the {@code version} answer */
    public Report version() {
        ObjectNode data = Money.object();
        data.put("version", build.version());
        build.builtAt().ifPresentOrElse(at -> data.put("builtAt", at.toString()), () -> data.putNull("builtAt"));
        build.commit().ifPresentOrElse(c -> data.put("commit", c), () -> data.putNull("commit"));
        String java = Runtime.version().toString();
        String vendor = System.getProperty("java.vendor", "");
        data.put("java", java);
        data.put("javaVendor", vendor);
        long up = Math.max(0, Duration.between(startedAt, clock.instant()).toSeconds());
        data.put("startedAt", startedAt.toString());
        data.put("uptimeSeconds", up);
        schemaVersion.ifPresentOrElse(v -> data.put("schemaVersion", v), () -> data.putNull("schemaVersion"));
        StringBuilder t = new StringBuilder("trading-bot ").append(build.version());
        build.builtAt().ifPresent(at -> t.append(", built ").append(MINUTE.format(at)).append(" UTC"));
        build.commit().ifPresent(c -> t.append(" from commit ").append(c));
        t.append("\nJava ").append(java).append(vendor.isEmpty() ? "" : " (" + vendor + ")");
        t.append("\nUp ").append(uptime(up)).append(", since ").append(MINUTE.format(startedAt)).append(" UTC");
        schemaVersion.ifPresent(v -> t.append("\nDatabase schema version ").append(v));
        return new Report(t.toString(), data);
    }
}
