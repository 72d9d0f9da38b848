package com.byninja.telegram.watchdog;

import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.telegram.Html;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the watchdog says, as a function of the time and of what the bots did: each {@link Trouble} of a bot is one
 * problem, opened when it starts and escalated once it has lasted its time (stale prices at once: the status already
 * shows them old), then reminded of after {@code repeatFirstSeconds}, each next reminder twice as long after the one
 * before, at most {@code repeatMaxSeconds} apart, until it is over (a "resolved" message) or acknowledged (no more
 * reminders; the "resolved" message still comes).
 *
 * <ul>
 *   <li>A bot that said it was stopping is not escalated: its problems end, and those escalated say so.</li>
 *   <li>While a bot is down, only that is escalated and reminded of: its other problems wait, and when it is back,
 *       they are reminded of no sooner than {@code repeatFirstSeconds} later, time for its status to tell.</li>
 *   <li>Stale prices while the bot reports exchange errors are part of those, and wait likewise.</li>
 *   <li>A bot that (re)started ({@code bot_started}) no longer has the exchange errors of its earlier run: it raises
 *       them again if they go on.</li>
 * </ul>
 *
 * <p>Not thread-safe: {@link Watchdog} holds it under its lock. Each method returns what to send to every chat, in
 * order; a message with a button is an escalation or a reminder, its button's data acknowledges it.
 */
final class Escalations {
    /** The callback data of an Acknowledge button starts with this, then the problem's id. */
    static final String ACKNOWLEDGE = "watchdog:ack:";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String EXCHANGE = "exchange";
    private static final String ORDERS = "orders";

    /**
     * One message for every chat.
     *
     * @param button the data of its Acknowledge button, when it has one
     */
    record Said(String html, Optional<String> button) {
        static Said plain(String html) {
            return new Said(html, Optional.empty());
        }
    }

    /**
     * What a press of an Acknowledge button did.
     *
     * @param answer the short notice the press is answered with
     * @param said   what every chat is told
     */
    record Pressed(String answer, List<Said> said) {
    }

    private final Duration downAfter;
    private final Duration staleAfter;
    private final Duration exchangeAfter;
    private final Duration repeatFirst;
    private final Duration repeatMax;
    /** This run's mark in the buttons' data, so that a button from before a restart acknowledges nothing now. */
    private final String run;
    private long nextId = 1;
    /** The open problems by id, in the order they were opened. */
    private final Map<String, Problem> problems = new LinkedHashMap<>();

    /** @param run marks this run's buttons: a few characters that differ from the last run's */
    Escalations(TelegramServerConfig.Watchdog settings, String run) {
        this.downAfter = Duration.ofSeconds(settings.downAfterSeconds());
        this.staleAfter = Duration.ofSeconds(settings.stalePricesAfterSeconds());
        this.exchangeAfter = Duration.ofSeconds(settings.exchangeErrorsAfterSeconds());
        this.repeatFirst = Duration.ofSeconds(settings.repeatFirstSeconds());
        this.repeatMax = Duration.ofSeconds(settings.repeatMaxSeconds());
        this.run = run;
    }

    /** A bot completed the handshake: it is no longer down. */
    List<Said> connected(String bot, Instant now) {
        List<Said> said = new ArrayList<>();
        find(bot, Trouble.DOWN).ifPresent(down -> {
            close(down);
            if (down.escalated) {
                said.add(Said.plain("✅ " + Html.bold(bot) + " is back, after " + span(down.since, now) + " down."));
            }
            wake(bot, now, Trouble.STALE_PRICES, Trouble.EXCHANGE_ERRORS);
        });
        return said;
    }

    /**
     * A bot's connection ended.
     *
     * @param stopped  whether the bot had said it was stopping: it is not escalated
     * @param replaced whether a newer connection of the bot already took its place: it is not down
     */
    List<Said> disconnected(String bot, String why, boolean stopped, boolean replaced, Instant now) {
        if (replaced) {
            return List.of();
        }
        if (stopped) {
            List<Said> said = new ArrayList<>();
            for (Problem p : List.copyOf(problems.values())) {
                if (p.bot.equals(bot)) {
                    close(p);
                    if (p.escalated) {
                        said.add(Said.plain("✅ " + Html.bold(bot) + " was stopped on purpose: no more reminders of "
                                + "its " + p.trouble.subject() + "."));
                    }
                }
            }
            return said;
        }
        if (find(bot, Trouble.DOWN).isEmpty()) {
            open(new Down(id(), bot, now, now.plus(downAfter), why));
        }
        return List.of();
    }

    /** A bot's periodic status: its prices' ages. */
    List<Said> status(String bot, JsonNode data, Instant now) {
        JsonNode symbols = data == null ? null : data.get("symbols");
        if (symbols == null || !symbols.isObject()) {
            return List.of();
        }
        long uptimeMs = data.path("uptimeSeconds").asLong(0) * 1_000;
        List<StalePrice> stale = new ArrayList<>();
        for (Map.Entry<String, JsonNode> symbol : symbols.properties()) {
            JsonNode age = symbol.getValue().get("priceAgeMs");
            if (age != null && age.canConvertToLong()) {
                if (age.asLong() >= staleAfter.toMillis()) {
                    stale.add(new StalePrice(symbol.getKey(), age.asLong(), false));
                }
            } else if (uptimeMs >= staleAfter.toMillis()) {
                stale.add(new StalePrice(symbol.getKey(), uptimeMs, true));
            }
        }
        Optional<Problem> open = find(bot, Trouble.STALE_PRICES);
        if (stale.isEmpty()) {
            if (open.isEmpty()) {
                return List.of();
            }
            close(open.get());
            return open.get().escalated ? List.of(Said.plain("✅ " + Html.bold(bot) + "'s prices are fresh again, "
                    + "after " + span(open.get().since, now) + " without.")) : List.of();
        }
        Stale problem = (Stale) open.orElseGet(() -> open(new Stale(id(), bot, now)));
        problem.report(stale, now);
        return List.of();
    }

    /**
     * An alert of a bot: {@code exchange_errors}, {@code exchange_failing} and {@code exchange_recovered} open and
     * close its exchange errors, each about the prices of its symbol, or (without one) about its {@code data.scope}:
     * {@code orders}, or every call ({@code exchange}, the default); {@code bot_started} ends them.
     *
     * @param raisedAt when the bot raised it, which may be long before it arrives
     */
    List<Said> alert(String bot, String event, String symbol, JsonNode data, Instant raisedAt, Instant now) {
        String scope = symbol != null ? symbol
                : data == null ? EXCHANGE : data.path("scope").asText(EXCHANGE);
        Optional<Problem> open = find(bot, Trouble.EXCHANGE_ERRORS);
        switch (event) {
            case "exchange_errors", "exchange_failing" -> {
                Instant since = raisedAt.isAfter(now) ? now : raisedAt;
                // Due by the time it arrived, not by when it was raised: an alert kept by the bot while the link was
                // down may be followed at once by the one saying it is over.
                Exchange problem = (Exchange) open.orElseGet(() -> open(new Exchange(id(), bot, since,
                        now.plus(exchangeAfter))));
                problem.failing.putIfAbsent(scope, since);
                JsonNode error = data == null ? null : data.get("error");
                if (error != null && error.isTextual()) {
                    problem.lastError = error.asText();
                }
                return List.of();
            }
            case "exchange_recovered" -> {
                if (open.isEmpty()) {
                    return List.of();
                }
                Exchange problem = (Exchange) open.get();
                problem.failing.remove(scope);
                if (!problem.failing.isEmpty()) {
                    return List.of();
                }
                close(problem);
                wake(bot, now, Trouble.STALE_PRICES);
                return problem.escalated ? List.of(Said.plain("✅ " + Html.bold(bot) + "'s exchange errors are over, "
                        + "after " + span(problem.since, now) + ".")) : List.of();
            }
            case "bot_started" -> {
                if (open.isEmpty()) {
                    return List.of();
                }
                close(open.get());
                wake(bot, now, Trouble.STALE_PRICES);
                return open.get().escalated ? List.of(Said.plain("✅ " + Html.bold(bot) + " restarted: no more "
                        + "reminders of its exchange errors of the last " + span(open.get().since, now) + "; it says so "
                        + "again if they go on.")) : List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    /** @return the escalations and reminders due by {@code now} */
    List<Said> due(Instant now) {
        List<Said> said = new ArrayList<>();
        for (Problem p : problems.values()) {
            if (p.acknowledged || waits(p) || p.dueAt.isAfter(now)) {
                continue;
            }
            Optional<String> button = Optional.of(ACKNOWLEDGE + p.id);
            if (!p.escalated) {
                p.escalated = true;
                p.interval = repeatFirst;
                said.add(new Said("🚨 " + Html.bold(p.bot) + " " + p.state(now, false) + "\nReminders follow, the next "
                        + "in " + words(p.interval) + ", until it is over or acknowledged.", button));
            } else {
                p.reminders++;
                Duration doubled = p.interval.multipliedBy(2);
                p.interval = doubled.compareTo(repeatMax) > 0 ? repeatMax : doubled;
                said.add(new Said("🚨 " + Html.bold(p.bot) + " " + p.state(now, true) + "\nReminder " + p.reminders
                        + "; the next in " + words(p.interval) + ".", button));
            }
            p.dueAt = now.plus(p.interval);
        }
        return said;
    }

    /** @return when {@link #due} next has something to say, if anything */
    Optional<Instant> nextDue() {
        return problems.values().stream().filter(p -> !p.acknowledged && !waits(p)).map(p -> p.dueAt)
                .min(Instant::compareTo);
    }

    /** A press of an Acknowledge button, whose data is {@code data}. */
    Pressed acknowledge(String data) {
        String id = data.startsWith(ACKNOWLEDGE) ? data.substring(ACKNOWLEDGE.length()) : "";
        Problem p = problems.get(id);
        if (p == null) {
            return new Pressed(id.startsWith(run + "-") ? "It is over already: nothing to acknowledge."
                    : "This button is from before the control server restarted: nothing to acknowledge.", List.of());
        }
        if (p.acknowledged) {
            return new Pressed("Acknowledged already.", List.of());
        }
        p.acknowledged = true;
        return new Pressed("Acknowledged: no more reminders.", List.of(Said.plain("🔕 Acknowledged: no more "
                + "reminders of " + p.trouble.of(p.bot) + "; a message follows " + p.trouble.over() + ".")));
    }

    /** @return whether {@code p} waits for a trouble of its bot that comes first: being down, exchange errors */
    private boolean waits(Problem p) {
        return p.trouble != Trouble.DOWN && find(p.bot, Trouble.DOWN).isPresent()
                || p.trouble == Trouble.STALE_PRICES && find(p.bot, Trouble.EXCHANGE_ERRORS).isPresent();
    }

    /** Problems that waited are due again no sooner than the first reminder's interval from now. */
    private void wake(String bot, Instant now, Trouble... troubles) {
        Instant earliest = now.plus(repeatFirst);
        for (Trouble trouble : troubles) {
            find(bot, trouble).filter(p -> p.dueAt.isBefore(earliest)).ifPresent(p -> p.dueAt = earliest);
        }
    }

    private Optional<Problem> find(String bot, Trouble trouble) {
        return problems.values().stream().filter(p -> p.bot.equals(bot) && p.trouble == trouble).findFirst();
    }

    private <P extends Problem> P open(P problem) {
        problems.put(problem.id, problem);
        return problem;
    }

    private void close(Problem problem) {
        problems.remove(problem.id);
    }

    private String id() {
        return run + "-" + nextId++;
    }

    /** @return from {@code from} to {@code to} as a person says it: {@code 40 s}, {@code 7 min}, {@code 3 h 5 min} */
    static String span(Instant from, Instant to) {
        return words(Duration.between(from, to));
    }

    static String words(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7_200) {
            return seconds / 60 + " min";
        }
        long minutes = seconds % 3_600 / 60;
        return seconds / 3_600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }

    /** One trouble of one bot, from when it started. */
    private abstract static class Problem {
        final String id;
        final String bot;
        final Trouble trouble;
        Instant since;
        /** When it escalates, or its next reminder is due. */
        Instant dueAt;
        boolean escalated;
        boolean acknowledged;
        int reminders;
        Duration interval;

        Problem(String id, String bot, Trouble trouble, Instant since, Instant dueAt) {
            this.id = id;
            this.bot = bot;
            this.trouble = trouble;
            this.since = since;
            this.dueAt = dueAt;
        }

        /** @return what is wrong, after the bot's name: {@code is down: it disconnected ...} */
        abstract String state(Instant now, boolean still);
    }

    private static final class Down extends Problem {
        private final String why;

        Down(String id, String bot, Instant since, Instant dueAt, String why) {
            super(id, bot, Trouble.DOWN, since, dueAt);
            this.why = why;
        }

        @Override
        String state(Instant now, boolean still) {
            String how = why == null || why.isBlank() ? "" : " (" + Html.escape(why) + ")";
            return (still ? "is still down" : "is down") + ": it disconnected " + span(since, now) + " ago, at "
                    + TIME.format(since) + " UTC" + how + (still ? "." : ", and has not come back.");
        }
    }

    /**
     * A symbol's price as old as the status said.
     *
     * @param none whether it has had none since the bot started, {@code ageMs} ago
     */
    private record StalePrice(String symbol, long ageMs, boolean none) {
    }

    private static final class Stale extends Problem {
        private List<StalePrice> prices = List.of();
        private Instant reportedAt;

        /** Due at once: the status that opens it shows prices already too old. */
        Stale(String id, String bot, Instant now) {
            super(id, bot, Trouble.STALE_PRICES, now, now);
        }

        void report(List<StalePrice> stale, Instant now) {
            prices = List.copyOf(stale);
            reportedAt = now;
            long oldest = stale.stream().mapToLong(StalePrice::ageMs).max().orElse(0);
            Instant lastFresh = now.minusMillis(oldest);
            if (lastFresh.isBefore(since)) {
                since = lastFresh;
            }
        }

        @Override
        String state(Instant now, boolean still) {
            Duration sinceReport = Duration.between(reportedAt, now);
            return (still ? "still has" : "has") + " no fresh prices: " + prices.stream()
                    .map(p -> Html.escape(p.symbol()) + (p.none() ? " none since it started " : " last one ")
                            + words(Duration.ofMillis(p.ageMs()).plus(sinceReport)) + " ago")
                    .collect(Collectors.joining(", ")) + ".";
        }
    }

    private static final class Exchange extends Problem {
        /** What fails, each since when: a symbol's prices, order requests, every call. */
        final Map<String, Instant> failing = new LinkedHashMap<>();
        String lastError;

        Exchange(String id, String bot, Instant since, Instant dueAt) {
            super(id, bot, Trouble.EXCHANGE_ERRORS, since, dueAt);
        }

        @Override
        String state(Instant now, boolean still) {
            List<String> what = new ArrayList<>();
            if (failing.containsKey(EXCHANGE)) {
                what.add("calls to the exchange fail");
            }
            if (failing.containsKey(ORDERS)) {
                what.add("order requests get no answer");
            }
            List<String> symbols = new ArrayList<>();
            for (String scope : failing.keySet()) {
                if (!scope.equals(EXCHANGE) && !scope.equals(ORDERS)) {
                    symbols.add(Html.escape(scope));
                }
            }
            if (!symbols.isEmpty()) {
                what.add("no prices for " + String.join(", ", symbols));
            }
            String error = lastError == null || lastError.isBlank() ? "" : " (last error: " + Html.escape(lastError)
                    + ")";
            return (still ? "still has exchange errors, for " + span(since, now) + " now"
                    : "has had exchange errors for " + span(since, now)) + ", since " + TIME.format(since) + " UTC: "
                    + String.join("; ", what) + error + ".";
        }
    }
}
