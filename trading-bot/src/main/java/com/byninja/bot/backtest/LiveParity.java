package com.byninja.bot.backtest;

import com.byninja.bot.backtest.ParityReplay.Key;
import com.byninja.bot.backtest.data.DateRange;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.CandleDecision.Action;
import com.byninja.bot.domain.DecisionSession;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import com.byninja.bot.strategy.Strategies;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code backtest --replay-db FILE}: replays the candles a live bot decided on, kept in its database, through the same
 * code ({@link ParityReplay}), and lists every candle where the replay's action differs from the bot's: an entry or
 * an exit on one side, none (a hold or an ignored signal) on the other. Exit 0 when they agree on every candle, 1 when
 * one differs (or the replay fails), 2 when the database cannot be read or holds no decided candle in the range. The
 * database is only read: never locked, created, migrated or written, and the bot may be running.
 */
public final class LiveParity {

    /** What can make a replay differ from the live bot with neither at fault, printed under the differences. */
    static final String EXPECTED_DIFFERENCES = """
            A difference is not always a bug. The replay does not know:
            - settings changed since the run: it uses --config as given (compare it with the bot's file);
            - switches turned off live (stoptrading, disablebuy, disablesell): the live reason says so;
            - an order the exchange refused or never answered: the replay fills it;
            - the bot's wallet: the replay's is simulator.startingBalance, and a position the bot held when the replay
              began to compare is bought then for the configured stake;
            - candles the age limit removed from a session (store.decisionRetentionDays): its first ones warm it up.
            After a difference the two may hold different positions, so the ones after it can follow from it.""";

    /** A live decision and the replay's on the same candle; the replay's is null when it made none. */
    record Difference(CandleDecision live, CandleDecision replayed) {
    }

    private LiveParity() {
    }

    /**
     * @param file   the bot's database, such as {@code data/ninja-simulated-paper.db}
     * @param config the configuration to replay with
     * @param range  the days whose decided candles are compared; whole sessions are replayed around them
     * @return the exit status
     */
    public static int run(Path file, BotConfig config, DateRange range, PrintStream out, PrintStream err) {
        List<ParityReplay.Session> sessions;
        List<ParityReplay.Held> held;
        try (Database db = Database.openReadOnly(file)) {
            if (db.schemaVersion() < 3) {
                err.println(file + ": written by a bot older than the decision journal (schema version "
                        + db.schemaVersion() + "); it kept no decisions to replay");
                return 2;
            }
            TradingStore store = new TradingStore(db);
            sessions = read(store, range);
            held = held(store);
        } catch (SQLException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (sessions.isEmpty()) {
            err.println(file + ": no candle decided " + range + "; the bot keeps one per symbol and closed candle "
                    + "(for store.decisionRetentionDays)");
            return 2;
        }
        try {
            return compare(file, config, range, sessions, held, out);
        } catch (SQLException | ExchangeException | RuntimeException e) {
            // A failure inside the replayed code is a bug to see, as in a backtest.
            err.println("the replay failed: " + e);
            return 1;
        }
    }

    /** @return the sessions from the first to the last that decided a candle in {@code range}, empty when none did */
    private static List<ParityReplay.Session> read(TradingStore store, DateRange range) throws SQLException {
        List<DecisionSession> all = store.decisionSessions();
        List<Order> rows = new ArrayList<>(store.ordersWithStatus(OrderStatus.FILLED));
        rows.addAll(store.ordersWithStatus(OrderStatus.PARTIALLY_FILLED));
        List<Order> orders = executed(rows, store::order);
        List<ParityReplay.Session> out = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < all.size(); i++) {
            DecisionSession s = all.get(i);
            List<CandleDecision> candles = store.decisions(s.id());
            boolean decides = candles.stream().anyMatch(d -> d.action() != Action.HISTORY && within(range, d));
            if (out.isEmpty() && !decides) {
                continue;
            }
            Instant end = i + 1 < all.size() ? all.get(i + 1).startedAt() : Instant.MAX;
            out.add(new ParityReplay.Session(s, candles, orders.stream()
                    .filter(o -> !o.createdAt().isBefore(s.startedAt()) && o.createdAt().isBefore(end)).toList()));
            kept = decides ? out.size() : kept;
        }
        // From the first session that decided a candle in the range to the last one.
        return out.subList(0, kept);
    }

    /** Reads an order by its client order id. */
    @FunctionalInterface
    interface OrderLookup {
        Optional<Order> order(String clientOrderId) throws SQLException;
    }

    /**
     * @param rows   the order rows that executed, wholly or in part, in any order
     * @param lookup reads an order whose slices executed while it still rested, which no row of {@code rows} is
     * @return each order that executed once, as it was made, oldest first: an order booked in slices ({@code <id>/1},
     *         ...) as a single order, as the replay makes it
     */
    static List<Order> executed(List<Order> rows, OrderLookup lookup) throws SQLException {
        Map<String, Order> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.clientOrderId(), row));
        Map<String, Order> made = new LinkedHashMap<>();
        for (Order row : rows) {
            String id = Order.parentId(row.clientOrderId());
            if (made.containsKey(id)) {
                continue;
            }
            Order parent = byId.get(id);
            made.put(id, parent != null ? parent : lookup.order(id).orElse(row));
        }
        List<Order> orders = new ArrayList<>(made.values());
        orders.sort(Comparator.comparing(Order::createdAt));
        return orders;
    }

    private static boolean within(DateRange range, CandleDecision d) {
        var day = d.candle().start().atZone(ZoneOffset.UTC).toLocalDate();
        return (range.from() == null || !day.isBefore(range.from()))
                && (range.to() == null || !day.isAfter(range.to()));
    }

    /** @return when the bot held each position: its closed trades, and its positions still open. */
    private static List<ParityReplay.Held> held(TradingStore store) throws SQLException {
        List<ParityReplay.Held> held = new ArrayList<>();
        store.closedTrades(null, null).forEach(t -> held.add(new ParityReplay.Held(t.symbol(), t.openedAt(),
                t.closedAt())));
        store.loadPositions().forEach(p -> held.add(new ParityReplay.Held(p.symbol(), p.openedAt(), Instant.MAX)));
        return held;
    }

    private static int compare(Path file, BotConfig config, DateRange range, List<ParityReplay.Session> sessions,
                               List<ParityReplay.Held> held, PrintStream out) throws SQLException, ExchangeException {
        out.println("Replaying " + file + " with " + Strategies.describe(config) + " on "
                + Durations.format(config.timeframe()) + " candles: " + describe(sessions));
        Map<Symbol, Long> notConfigured = new TreeMap<>(Comparator.comparing(Symbol::toString));
        Map<String, Long> applied = new TreeMap<>();
        ParityReplay replay = new ParityReplay(config, sessions.get(0).session().startedAt(), held);
        List<Difference> differences = new ArrayList<>();
        long candles = 0;
        long ordered = 0;
        int warmUp = config.marketData().warmupBars();
        for (ParityReplay.Session live : sessions) {
            ParityReplay.Replayed replayed = replay.replay(live, warmUp, live == sessions.get(0));
            live.applied().forEach(o -> applied.merge(o.purpose().label(), 1L, Long::sum));
            if (live.session().truncated()) {
                out.println("Session " + live.session().id() + " (started " + time(live.session().startedAt())
                        + ") lost its first candles to the age limit: its first " + warmUp + " decided candle(s) of "
                        + "each symbol warm the replay up and are not compared");
            }
            for (CandleDecision d : live.candles()) {
                Key key = Key.of(d);
                if (d.action() == Action.HISTORY || !within(range, d) || replayed.warmUp().contains(key)) {
                    continue;
                }
                if (!config.symbols().contains(d.symbol())) {
                    notConfigured.merge(d.symbol(), 1L, Long::sum);
                    continue;
                }
                candles++;
                ordered += d.action().ordered() ? 1 : 0;
                CandleDecision mine = replayed.decisions().get(key);
                if (mine == null || kind(mine.action()) != kind(d.action())) {
                    differences.add(new Difference(d, mine));
                }
            }
        }
        notConfigured.forEach((s, n) -> out.println(String.format(Locale.ROOT,
                "Not replayed: %,d candle(s) of %s, which the configuration does not trade", n, s)));
        if (!replay.aligned().isEmpty()) {
            out.println("Taken as the bot held them when the replay began to compare: the positions of "
                    + replay.aligned().stream().map(Symbol::toString).collect(Collectors.joining(", ")));
        }
        if (!applied.isEmpty()) {
            out.println("Applied as live, at their instants: " + applied.values().stream().mapToLong(n -> n).sum()
                    + " order(s) the strategy did not make (" + applied.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ")");
        }
        if (differences.isEmpty()) {
            out.println(String.format(Locale.ROOT, "%,d candles, %,d live decisions, the replay agrees with every one",
                    candles, ordered));
            return 0;
        }
        for (Difference d : differences) {
            out.println(d.live().symbol() + " " + time(d.live().candle().start()) + "  live: " + d.live().describe()
                    + "  replay: " + (d.replayed() == null ? "no decision" : d.replayed().describe()));
        }
        out.println(String.format(Locale.ROOT, "%,d difference(s) in %,d candles (%,d live decisions)",
                differences.size(), candles, ordered));
        out.println(EXPECTED_DIFFERENCES);
        return 1;
    }

    /** An entry, an exit, or neither: what the comparison looks at. */
    private static Action kind(Action a) {
        return a.ordered() ? a : Action.HOLD;
    }

    private static String describe(List<ParityReplay.Session> sessions) {
        List<String> starts = sessions.stream().map(s -> time(s.session().startedAt())).toList();
        String when = starts.size() <= 5 ? String.join(", ", starts)
                : starts.get(0) + ", ..., " + starts.get(starts.size() - 1);
        return sessions.size() == 1 ? "1 session (bot started " + when + "), from the history it read"
                : sessions.size() + " sessions (bot started " + when + "), each from the history it read";
    }

    /** @return {@code 2026-03-02T10:05Z}, with seconds and fractions only where the instant has them. */
    static String time(Instant t) {
        String s = t.toString();
        return s.endsWith(":00Z") ? s.substring(0, s.length() - 4) + "Z" : s;
    }
}
