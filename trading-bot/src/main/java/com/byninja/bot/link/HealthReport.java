package com.byninja.bot.link;

import static com.byninja.bot.link.ReportText.age;

import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.engine.TraderSnapshot;
import com.byninja.bot.exchange.CallTimes;
import com.byninja.bot.link.StatusReport.Report;
import com.byninja.runtime.LoggingErrorHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code health} answer: how the bot's machinery is doing, as opposed to its trading. The link's state and
 * counters, how long the exchange's calls take (measured where they are made), how full the queues between the
 * threads are, each symbol's last price, and what was dropped and what failed since the start. The counters that
 * {@code status} once carried are here, in words; {@code data} has every figure.
 */
public final class HealthReport {

    /** How many things wait in one queue, and how many it holds at most (0 when it has no fixed bound). */
    public record Queue(String name, int waiting, int capacity) {
    }

    /**
     * The exchange's call times.
     *
     * @param name    the exchange's name, such as {@code binance}
     * @param prices  the price and candle calls
     * @param account the order, lookup and balance calls
     */
    public record ExchangeCalls(String name, CallTimes prices, CallTimes account) {
    }

    /** What each counter of the bot, and of the link, is called in words; {@code data} keeps the names. */
    private static final Map<String, String> DROPS = labels(
            "marketEventsDropped", "market events (trading thread behind)",
            "commandsRefused", "commands refused (queue full)",
            "orderTasksRefused", "orders refused (queue full)",
            "orderResultsDropped", "order results",
            "alertsDroppedFromOutbox", "alerts (outbox full)",
            "logLinesDropped", "log lines",
            "logsDropped", "log frames on the link",
            "alertsDropped", "alerts on the link",
            "othersDropped", "replies and status on the link");
    private static final Map<String, String> ERRORS = labels(
            "engineErrors", "trading thread",
            "strategyErrors", "strategy",
            "priceErrors", "price requests",
            "equityWritesFailed", "equity writes",
            "badFrames", "bad frames on the link");
    private static final Map<String, String> WAITING = labels(
            "feesBeingLookedUp", "fees being looked up",
            "pendingAlerts", "alerts not yet confirmed by the server");

    private final Supplier<ObjectNode> link;
    private final Supplier<ObjectNode> counters;
    private final Supplier<List<Queue>> queues;
    private final ExchangeCalls exchange;
    private final Supplier<TraderSnapshot> trader;
    private final Function<Symbol, String> candleSources;
    private final Clock clock;

    /**
     * @param link          the link's state and counters ({@code state} plus numbers)
     * @param counters      drop and error counters of the bot's own queues and threads
     * @param queues        the queues between the threads, now
     * @param exchange      the exchange's call times, or null when they are not measured
     * @param trader        the trader's last state, for the prices
     * @param candleSources per symbol, where its candles come from; null when not known
     * @param clock         for the prices' ages
     */
    public HealthReport(Supplier<ObjectNode> link, Supplier<ObjectNode> counters, Supplier<List<Queue>> queues,
                        ExchangeCalls exchange, Supplier<TraderSnapshot> trader,
                        Function<Symbol, String> candleSources, Clock clock) {
        this.link = link;
        this.counters = counters;
        this.queues = queues;
        this.exchange = exchange;
        this.trader = trader;
        this.candleSources = candleSources;
        this.clock = clock;
    }

    /** @return the {@code health} answer */
    public Report health() {
        ObjectNode data = Money.object();
        List<String> lines = new ArrayList<>();
        ObjectNode l = link.get();
        data.set("link", l);
        lines.add(linkLine(l));
        if (exchange != null) {
            ObjectNode ex = data.putObject("exchange");
            ex.put("name", exchange.name());
            CallTimes.Summary prices = exchange.prices().summary();
            CallTimes.Summary account = exchange.account().summary();
            ex.set("prices", calls(prices));
            ex.set("account", calls(account));
            lines.add("Exchange " + exchange.name() + ", price and candle calls: " + callsText(prices));
            lines.add("  order and balance calls: " + callsText(account));
        }
        ObjectNode q = data.putObject("queues");
        List<String> queueText = new ArrayList<>();
        for (Queue queue : queues.get()) {
            ObjectNode qd = q.putObject(queue.name());
            qd.put("waiting", queue.waiting());
            qd.put("capacity", queue.capacity());
            queueText.add(queue.name() + " " + queue.waiting() + (queue.capacity() > 0 ? "/" + queue.capacity() : ""));
        }
        lines.add("Queues: " + (queueText.isEmpty() ? "none" : String.join(", ", queueText)));
        lines.add(pricesLine(data));
        ObjectNode c = counters.get();
        data.set("counters", c);
        Map<String, Long> all = new LinkedHashMap<>();
        c.properties().forEach(e -> all.put(e.getKey(), e.getValue().asLong()));
        l.properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                all.putIfAbsent(e.getKey(), e.getValue().asLong());
            }
        });
        lines.add("Dropped: " + listed(all, DROPS));
        lines.add("Errors: " + errors(all));
        String waiting = listed(all, WAITING);
        if (!waiting.equals("none")) {
            lines.add("Waiting: " + waiting);
        }
        return new Report(String.join("\n", lines), data);
    }

    private static String linkLine(ObjectNode l) {
        String state = l.path("state").asText("unknown");
        StringBuilder t = new StringBuilder("Link: ").append(state);
        if (l.has("server")) {
            t.append(state.equals("connected") ? " to " : ", server ").append(l.path("server").asText());
        }
        if (l.has("reconnects")) {
            t.append(", ").append(Money.count(l.path("reconnects").asLong(), "reconnect", "reconnects"))
                    .append("; frames ").append(l.path("framesSent").asLong()).append(" sent, ")
                    .append(l.path("framesReceived").asLong()).append(" received");
        }
        return t.toString();
    }

    private static ObjectNode calls(CallTimes.Summary s) {
        ObjectNode n = Money.object();
        n.put("calls", s.calls());
        n.put("failed", s.failed());
        n.put("recent", s.recent());
        n.put("recentFailed", s.recentFailed());
        n.put("p50Ms", millis(s.p50Nanos()));
        n.put("maxMs", millis(s.maxNanos()));
        return n;
    }

    /** @return {@code p50 12 ms, max 80 ms over the last 100, none failed}, or {@code none yet} */
    private static String callsText(CallTimes.Summary s) {
        if (s.recent() == 0) {
            return "none yet";
        }
        return "p50 " + millis(s.p50Nanos()).toPlainString() + " ms, max " + millis(s.maxNanos()).toPlainString()
                + " ms over the last " + s.recent() + ", " + (s.recentFailed() == 0 ? "none" : s.recentFailed())
                + " failed" + (s.failed() > s.recentFailed() ? " (" + s.failed() + " since the start)" : "");
    }

    /** @return milliseconds to one decimal below 10 ms, whole above */
    private static BigDecimal millis(long nanos) {
        BigDecimal ms = BigDecimal.valueOf(nanos).movePointLeft(6);
        return ms.setScale(ms.compareTo(BigDecimal.TEN) < 0 ? 1 : 0, RoundingMode.HALF_UP);
    }

    private String pricesLine(ObjectNode data) {
        Instant now = clock.instant();
        ObjectNode prices = data.putObject("prices");
        List<String> parts = new ArrayList<>();
        for (TraderSnapshot.SymbolState st : trader.get().symbols()) {
            ObjectNode p = prices.putObject(st.symbol().toString());
            Optional<Ticker> last = st.last();
            String candles = candleSources.apply(st.symbol());
            if (candles != null) {
                p.put("candles", candles);
            }
            if (last.isEmpty()) {
                p.putNull("ageMs");
                parts.add(st.symbol() + " none yet");
                continue;
            }
            long ageMs = Math.max(0, Duration.between(last.get().time(), now).toMillis());
            p.put("ageMs", ageMs);
            p.put("stale", !st.fresh());
            parts.add(st.symbol() + " " + age(ageMs) + " ago" + (st.fresh() ? "" : " STALE")
                    + (candles != null && candles.startsWith("built from") ? " (candles " + candles + ")" : ""));
        }
        return "Prices: " + String.join(", ", parts);
    }

    /** @return the counters of {@code labels} above 0, in words, such as {@code market events 3}, or {@code none} */
    private static String listed(Map<String, Long> all, Map<String, String> labels) {
        List<String> parts = new ArrayList<>();
        labels.forEach((name, label) -> {
            long n = all.getOrDefault(name, 0L);
            if (n > 0) {
                parts.add(label + " " + n);
            }
        });
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** @return the error counters above 0, each thread's failures by its name, or {@code none} */
    private static String errors(Map<String, Long> all) {
        List<String> parts = new ArrayList<>();
        ERRORS.forEach((name, label) -> {
            long n = all.getOrDefault(name, 0L);
            if (n > 0) {
                parts.add(label + " " + n);
            }
        });
        String prefix = LoggingErrorHandler.counterOf("");
        all.forEach((name, n) -> {
            if (name.startsWith(prefix) && n > 0) {
                parts.add("thread " + name.substring(prefix.length()) + " " + n);
            }
        });
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return labels;
    }
}
