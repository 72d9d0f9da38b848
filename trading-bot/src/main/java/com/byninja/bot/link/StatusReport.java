package com.byninja.bot.link;

import static com.byninja.bot.link.ReportText.age;
import static com.byninja.bot.link.ReportText.flags;
import static com.byninja.bot.link.ReportText.flagsText;
import static com.byninja.bot.link.ReportText.numbers;
import static com.byninja.bot.link.ReportText.pairs;
import static com.byninja.bot.link.ReportText.uptime;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.engine.Mark;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.TraderSnapshot;
import com.byninja.bot.engine.port.PositionJournal;
import com.byninja.bot.positions.TradeStats;
import com.byninja.bot.risk.RiskManager;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The answers of {@code status} and {@code stats}, as text and as data, from the trader's {@link TraderSnapshot}
 * and, for statistics, the position journal. Runs on the trading thread.
 */
public final class StatusReport {

    /** A reply's text and data. */
    public record Report(String text, ObjectNode data) {
    }

    private final BotInfo info;
    private final Trader trader;
    private final PositionJournal journal;
    private final Clock clock;
    private final Supplier<ObjectNode> link;
    private final Supplier<ObjectNode> counters;
    private final Function<Symbol, String> candleSources;

    /**
     * @param info     who the bot is
     * @param trader   its state
     * @param clock    for uptime and price ages
     * @param link     the link's state and counters ({@code state} plus numbers)
     * @param counters drop and error counters of the bot's own queues and threads
     */
    public StatusReport(BotInfo info, Trader trader, Clock clock, Supplier<ObjectNode> link,
                        Supplier<ObjectNode> counters) {
        this(info, trader, clock, link, counters, s -> null);
    }

    /**
     * As above, saying where each symbol's candles come from.
     *
     * @param candleSources per symbol, such as {@code binance klines} or {@code built from 1000 ms price polls (no
     *                      volume)}; null when not known
     */
    public StatusReport(BotInfo info, Trader trader, Clock clock, Supplier<ObjectNode> link,
                        Supplier<ObjectNode> counters, Function<Symbol, String> candleSources) {
        this.info = info;
        this.trader = trader;
        this.journal = trader.positionJournal();
        this.clock = clock;
        this.link = link;
        this.counters = counters;
        this.candleSources = candleSources;
    }

    /** @return the {@code status} answer. */
    public Report status() {
        Instant now = clock.instant();
        TraderSnapshot snap = trader.snapshot();
        String quote = snap.symbols().get(0).symbol().quote();
        ObjectNode data = Money.object();
        data.put("name", info.name());
        data.put("version", info.version());
        data.put("exchange", info.exchange());
        data.put("mode", info.mode());
        data.put("timeframe", info.timeframe());
        data.put("strategy", snap.strategyName());
        long uptime = Duration.between(info.startedAt(), now).toSeconds();
        data.put("uptimeSeconds", uptime);
        StringBuilder t = new StringBuilder();
        t.append(info.name()).append(' ').append(info.version()).append(" - ").append(info.exchange()).append(" (")
                .append(info.mode()).append("), up ").append(uptime(uptime)).append('\n');
        data.put("candlesRead", snap.candlesRead());
        data.put("signals", snap.signals());
        t.append("Strategy: ").append(snap.strategyName()).append(" (").append(snap.strategyDescription())
                .append(") on ").append(info.timeframe()).append(" candles")
                .append(snap.symbols().stream().anyMatch(st -> st.ownStrategy() != null)
                        ? " where a symbol runs none of its own (below)" : "").append("; ").append(snap.candlesRead())
                .append(" read, ").append(snap.signals()).append(" signals since start\n");

        Flags g = snap.global();
        data.set("global", flags(g));
        data.put("protectiveExits", snap.protectiveExits());
        t.append("Global: ").append(flagsText(g)).append(" (for the strategy; ")
                .append(snap.protectiveExits() ? "stops protect positions whatever the switches say"
                        : "PROTECTIVE EXITS OFF: risk.protectiveExits is false").append(")\n");
        ObjectNode symbols = data.putObject("symbols");
        for (TraderSnapshot.SymbolState st : snap.symbols()) {
            Symbol s = st.symbol();
            ObjectNode sd = symbols.putObject(s.toString());
            Flags own = st.own();
            sd.set("flags", flags(own));
            ObjectNode eff = sd.putObject("effective");
            for (Flag f : Flag.values()) {
                eff.put(f.label(), st.effective().get(f));
            }
            Optional<Ticker> last = st.last();
            t.append(s).append(": ").append(flagsText(own));
            if (last.isPresent()) {
                long ageMs = Math.max(0, Duration.between(last.get().time(), now).toMillis());
                sd.put("lastPrice", Money.exact(last.get().price()));
                sd.put("priceAgeMs", ageMs);
                sd.put("stale", !st.fresh());
                t.append(", last ").append(Money.exact(last.get().price())).append(" (").append(age(ageMs))
                        .append(" ago").append(st.fresh() ? "" : ", STALE").append(')');
            } else {
                sd.putNull("lastPrice");
                t.append(", no price yet");
            }
            sd.put("bars", st.bars());
            if (st.ownStrategy() != null) {
                sd.put("strategy", st.ownStrategy());
                sd.put("strategyDescription", st.ownStrategyDescription());
                t.append(", runs ").append(st.ownStrategy()).append(" (").append(st.ownStrategyDescription())
                        .append(')');
            }
            if (!st.ownRisk().isEmpty()) {
                ArrayNode ownRisk = sd.putArray("ownRisk");
                st.ownRisk().forEach(ownRisk::add);
                t.append(", own risk: ").append(String.join(", ", st.ownRisk()));
            }
            String candles = candleSources.apply(s);
            if (candles != null) {
                sd.put("candles", candles);
                if (candles.startsWith("built from")) {
                    t.append(", candles ").append(candles);
                }
            }
            st.orderInFlight().ifPresent(id -> {
                sd.put("orderInFlight", id);
                t.append(", order ").append(id).append(" in flight");
            });
            boolean configured = st.configured();
            sd.put("configured", configured);
            if (!configured) {
                t.append(", NOT CONFIGURED: kept for its position (priced, protected, /forcesell only)");
            }
            boolean paused = st.pausedByStore();
            sd.put("pausedByStore", paused);
            if (paused) {
                t.append(", PAUSED: a fill waits to be written to the database");
            }
            t.append('\n');
        }

        List<TraderSnapshot.PositionState> open = snap.positions();
        ArrayNode positions = data.putArray("positions");
        t.append("Positions (").append(open.size()).append("):");
        if (open.isEmpty()) {
            t.append(" none");
        }
        t.append('\n');
        for (TraderSnapshot.PositionState ps : open) {
            Position p = ps.position();
            ObjectNode pd = positions.addObject();
            pd.put("symbol", p.symbol().toString());
            pd.put("quantity", Money.exact(p.quantity()));
            pd.put("averageEntryPrice", Money.exact(p.averageEntryPrice()));
            pd.put("costBasis", Money.exact(p.costBasis()));
            pd.put("openedAt", p.openedAt().toString());
            pd.put("configured", ps.configured());
            t.append("  ").append(p.symbol()).append(' ').append(Money.exact(p.quantity())).append(" @ ")
                    .append(Money.price(p.averageEntryPrice()));
            Optional<Mark> mark = ps.mark();
            if (mark.isPresent()) {
                Mark m = mark.get();
                pd.put("unrealisedPnl", Money.exact(m.unrealisedPnl()));
                pd.put("markPrice", Money.exact(m.price()));
                pd.put("markPriceStale", m.stale());
                t.append(", unrealised ").append(Money.signed(m.unrealisedPnl())).append(' ').append(quote)
                        .append(" after the exit fee");
                if (m.stale()) {
                    t.append(" (STALE: price ").append(age(m.ageMs())).append(" old)");
                }
            } else {
                pd.putNull("unrealisedPnl");
                t.append(", unrealised unknown (no price yet)");
            }
            t.append(protection(snap.protectiveExits(), ps.protection(), pd));
            t.append('\n');
        }

        ObjectNode balances = data.putObject("balances");
        snap.balances().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> balances.put(e.getKey(), Money.exact(e.getValue())));
        BigDecimal free = snap.balances().getOrDefault(quote, BigDecimal.ZERO);
        data.put("freeQuote", Money.exact(free));
        data.put("quoteCurrency", quote);
        t.append("Balance: ").append(Money.quote(free)).append(' ').append(quote).append(" free\n");
        t.append(budget(snap, quote, data));
        data.put("dailyLossLimitReached", snap.dailyLossLimitReached());
        if (snap.dailyLossLimitReached()) {
            t.append("Daily loss limit reached: buying stopped until 00:00 UTC\n");
        }
        ArrayNode locks = data.putArray("locks");
        if (!snap.locks().isEmpty()) {
            t.append("Entry locks (").append(snap.locks().size()).append("), for the strategy; sells and /forcebuy go "
                    + "on:\n");
        }
        for (EntryLock l : snap.locks()) {
            ObjectNode ld = locks.addObject();
            ld.put("protection", l.kind().code());
            ld.put("scope", l.symbol() == null ? "all" : l.symbol().toString());
            ld.put("since", l.since().toString());
            ld.put("until", l.until().toString());
            ld.put("reason", l.reason());
            t.append("  ").append(l.kind().label()).append(" on ").append(l.scopeText()).append(" until ")
                    .append(EntryLock.time(l.until(), now)).append(": ").append(l.reason()).append('\n');
        }

        ObjectNode l = link.get();
        data.set("link", l);
        t.append("Link: ").append(l.path("state").asText("unknown")).append(numbers(l, "state")).append('\n');
        ObjectNode c = counters.get();
        data.set("counters", c);
        t.append("Counters: ").append(pairs(c, null));
        return new Report(t.toString().strip(), data);
    }

    /** @return the {@code stats} answer, for one symbol or (null) all. */
    public Report stats(Symbol symbol) {
        TraderSnapshot snap = trader.snapshot();
        String quote = snap.symbols().get(0).symbol().quote();
        ObjectNode data = Money.object();
        data.put("symbol", symbol == null ? "all" : symbol.toString());
        data.put("quoteCurrency", quote);
        TradeStats today;
        TradeStats allTime;
        try {
            Instant since = snap.todayStart();
            today = TradeStats.of(journal.closedTrades(symbol, since), journal.feesPaid(symbol, since), quote);
            List<ClosedTrade> all = journal.closedTrades(symbol, null);
            allTime = TradeStats.of(all, journal.feesPaid(symbol, null), quote);
        } catch (SQLException e) {
            ObjectNode err = Money.object();
            err.put("error", "store_error");
            return new Report("Statistics are unavailable: " + e.getMessage(), err);
        }
        BigDecimal unrealised = BigDecimal.ZERO;
        int open = 0;
        List<String> stale = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        for (TraderSnapshot.PositionState ps : snap.positions()) {
            Position p = ps.position();
            if (symbol != null && !p.symbol().equals(symbol)) {
                continue;
            }
            open++;
            Optional<Mark> mark = ps.mark();
            if (mark.isEmpty()) {
                unpriced.add(p.symbol().toString());
                continue;
            }
            unrealised = unrealised.add(mark.get().unrealisedPnl());
            if (mark.get().stale()) {
                stale.add(p.symbol() + " (" + age(mark.get().ageMs()) + " old)");
            }
        }
        data.set("today", stats(today));
        data.set("allTime", stats(allTime));
        data.put("unrealisedPnl", Money.exact(unrealised));
        data.put("openPositions", open);
        stale.forEach(data.putArray("stalePrices")::add);
        unpriced.forEach(data.putArray("unpriced")::add);
        String text = "Stats for " + (symbol == null ? "all symbols" : symbol) + " (" + quote + ")\n"
                + "Today: " + statsText(today, quote) + "\n"
                + "All time: " + statsText(allTime, quote) + "\n"
                + "Unrealised: " + Money.signed(unrealised) + " " + quote + " on " + open
                + " open position(s), after exit fees"
                + (stale.isEmpty() ? "" : "; STALE prices: " + String.join(", ", stale))
                + (unpriced.isEmpty() ? "" : "; no price yet: " + String.join(", ", unpriced));
        return new Report(text, data);
    }

    private static ObjectNode stats(TradeStats s) {
        ObjectNode n = Money.object();
        n.put("trades", s.trades());
        n.put("wins", s.wins());
        n.put("losses", s.losses());
        n.put("winRatePct", s.winRatePct().toPlainString());
        n.put("realisedPnl", Money.exact(s.realisedPnl()));
        n.put("fees", Money.exact(s.fees()));
        ObjectNode other = n.putObject("otherFees");
        s.otherFees().forEach((currency, amount) -> other.put(currency, Money.exact(amount)));
        n.put("maxDrawdown", Money.exact(s.maxDrawdown()));
        return n;
    }

    private static String statsText(TradeStats s, String quote) {
        return s.trades() + " trades, " + s.wins() + " won, " + s.losses() + " lost (win rate "
                + s.winRatePct().toPlainString() + "%), realised " + Money.signed(s.realisedPnl()) + " " + quote
                + ", fees " + Money.quote(s.fees()) + " " + quote + otherFeesText(s) + ", max drawdown "
                + Money.quote(s.maxDrawdown()) + " " + quote;
    }

    /**
     * @return {@code "Budget: 340.00 of 1000.00 USDT in positions\n"}, or nothing without a budget; the data has the
     *         exact figures either way
     */
    private static String budget(TraderSnapshot snap, String quote, ObjectNode data) {
        ObjectNode b = data.putObject("budget");
        b.put("limit", Money.exact(snap.budget()));
        b.put("inPositions", Money.exact(snap.inPositions()));
        if (snap.budget().signum() == 0) {
            return "";
        }
        BigDecimal left = snap.budget().subtract(snap.inPositions()).max(BigDecimal.ZERO);
        b.put("left", Money.exact(left));
        return "Budget: " + Money.quote(snap.inPositions()) + " of " + Money.quote(snap.budget()) + " " + quote
                + " in positions (risk.budget), " + Money.quote(left) + " left\n";
    }

    /** @return {@code "; stop-loss 58800, take-profit 62400"}, or why the position is not protected. */
    private static String protection(boolean enabled, RiskManager.Protection levels, ObjectNode pd) {
        ObjectNode pr = pd.putObject("protection");
        pr.put("enabled", enabled);
        if (!enabled) {
            return "; NOT PROTECTED (risk.protectiveExits: false)";
        }
        List<String> parts = new ArrayList<>();
        levels.stopLoss().ifPresent(v -> {
            pr.put("stopLoss", Money.exact(v));
            parts.add("stop-loss " + Money.price(v));
        });
        levels.takeProfit().ifPresent(v -> {
            pr.put("takeProfit", Money.exact(v));
            parts.add("take-profit " + Money.price(v));
        });
        levels.minimalRoi().ifPresent(roi -> {
            ObjectNode r = pr.putObject("minimalRoi");
            r.put("pct", Money.exact(roi.pct()));
            r.put("price", Money.exact(roi.price()));
            r.put("untilMs", roi.untilMs());
            parts.add("minimal ROI " + Money.exact(roi.pct()) + " % at " + Money.price(roi.price())
                    + (roi.untilMs() < 0 ? "" : " for " + ReportText.age(roi.untilMs()) + " more"));
        });
        levels.trailingStop().ifPresent(v -> {
            pr.put("trailingStop", Money.exact(v));
            parts.add("trailing stop " + Money.price(v));
        });
        levels.trailingStart().ifPresent(v -> {
            pr.put("trailingStart", Money.exact(v));
            if (levels.trailingStop().isEmpty()) {
                parts.add("trailing stop once the price reaches " + Money.price(v));
            }
        });
        return parts.isEmpty() ? "; no stop set (risk.stopLossPct, takeProfitPct, trailingStopPct are 0, "
                + "minimalRoi is empty)"
                : "; " + String.join(", ", parts);
    }

    private static String otherFeesText(TradeStats s) {
        StringBuilder b = new StringBuilder();
        s.otherFees().forEach((currency, amount) -> b.append(" + ").append(Money.exact(amount)).append(' ')
                .append(currency));
        return b.length() == 0 ? "" : b.append(" (not in PnL)").toString();
    }
}
