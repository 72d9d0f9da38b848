package com.byninja.bot.link;

import static com.byninja.bot.link.ReportText.age;
import static com.byninja.bot.link.ReportText.flags;
import static com.byninja.bot.link.ReportText.flagsText;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.EquitySample;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
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
    /** The day's first equity sample, and the midnight it is of; read from the journal once a day. */
    private EquitySample dayStart;
    private Instant dayStartOf;

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

    /** @return who the bot is */
    BotInfo info() {
        return info;
    }

    /**
     * @return the {@code status} answer: short enough for a phone. The mode and the strategy, the switches (a symbol
     *         only when something about it is worth saying), the positions with their PnL and what protects them, the
     *         equity and its change today, the budget, the locks in force. {@code data} has every figure, and more:
     *         the link and the counters, which {@code health} words
     */
    public Report status() {
        Instant now = clock.instant();
        TraderSnapshot snap = trader.snapshot();
        String quote = snap.quoteCurrency();
        ObjectNode data = Money.object();
        data.put("name", info.name());
        data.put("version", info.version());
        data.put("exchange", info.exchange());
        data.put("mode", info.mode());
        data.put("timeframe", info.timeframe());
        data.put("strategy", snap.strategyName());
        data.put("strategyDescription", snap.strategyDescription());
        long uptime = Duration.between(info.startedAt(), now).toSeconds();
        data.put("uptimeSeconds", uptime);
        data.put("candlesRead", snap.candlesRead());
        data.put("signals", snap.signals());
        StringBuilder t = new StringBuilder();
        t.append("live".equals(info.mode()) ? "LIVE" : "Paper").append(" on ").append(info.exchange()).append(", ")
                .append(snap.strategyName()).append(" on ").append(info.timeframe()).append(" candles\n");

        Map<String, EntryLock> pauses = new LinkedHashMap<>();
        List<EntryLock> protections = new ArrayList<>();
        for (EntryLock l : snap.locks()) {
            if (l.kind() == EntryLock.Kind.PAUSE) {
                pauses.put(l.scope(), l);
            } else {
                protections.add(l);
            }
        }
        ArrayNode pauseList = data.putArray("pauses");
        pauses.values().forEach(p -> {
            ObjectNode pd = pauseList.addObject();
            pd.put("scope", p.symbol() == null ? "all" : p.symbol().toString());
            pd.put("since", p.since().toString());
            pd.put("until", p.until().toString());
        });
        Flags g = snap.global();
        data.set("global", flags(g));
        data.put("protectiveExits", snap.protectiveExits());
        t.append("Global: ").append(flagsText(g, pauses.get(EntryLock.ALL_SYMBOLS), now)).append('\n');
        if (!snap.protectiveExits()) {
            t.append("PROTECTIVE EXITS OFF (risk.protectiveExits: false): no stop-loss, take-profit or trailing "
                    + "stop\n");
        }
        ObjectNode symbols = data.putObject("symbols");
        for (TraderSnapshot.SymbolState st : snap.symbols()) {
            t.append(symbol(st, pauses.get(st.symbol().toString()), symbols, now));
        }

        List<TraderSnapshot.PositionState> open = snap.positions();
        ArrayNode positions = data.putArray("positions");
        t.append("Positions (").append(open.size()).append("):").append(open.isEmpty() ? " none" : "").append('\n');
        for (TraderSnapshot.PositionState ps : open) {
            t.append(PositionText.of(ps, quote, snap.protectiveExits(), trader::priceTick, positions.addObject()));
        }

        t.append(openOrders(snap, data));
        t.append(equity(snap, quote, data));
        ObjectNode balances = data.putObject("balances");
        snap.balances().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> balances.put(e.getKey(), Money.exact(e.getValue())));
        BigDecimal free = snap.balances().getOrDefault(quote, BigDecimal.ZERO);
        data.put("freeQuote", Money.exact(free));
        data.put("quoteCurrency", quote);
        t.append("Free ").append(Money.down(free)).append(' ').append(quote).append('\n');
        t.append(budget(snap, quote, data));
        data.put("dailyLossLimitReached", snap.dailyLossLimitReached());
        if (snap.dailyLossLimitReached()) {
            t.append("Daily loss limit reached: buying stopped until 00:00 UTC\n");
        }
        ArrayNode locks = data.putArray("locks");
        if (!protections.isEmpty()) {
            t.append("Entry locks (").append(protections.size()).append("), for the strategy:\n");
        }
        for (EntryLock l : protections) {
            ObjectNode ld = locks.addObject();
            ld.put("protection", l.kind().code());
            ld.put("scope", l.symbol() == null ? "all" : l.symbol().toString());
            ld.put("since", l.since().toString());
            ld.put("until", l.until().toString());
            ld.put("reason", l.reason());
            t.append("  ").append(l.kind().label()).append(" on ").append(l.scopeText()).append(" until ")
                    .append(EntryLock.time(l.until(), now)).append(": ").append(l.reason()).append('\n');
        }
        // What health words, kept here for the programs that read status.
        data.set("link", link.get());
        data.set("counters", counters.get());
        return new Report(t.toString().strip(), data);
    }

    /**
     * @return the line of one symbol, such as {@code ETH/USDT: trading on, buy off, sell on; price STALE, 6 min old},
     *         or nothing when all there is to say is that it trades as the global switches say on a fresh price
     */
    private String symbol(TraderSnapshot.SymbolState st, EntryLock pause, ObjectNode symbols, Instant now) {
        Symbol s = st.symbol();
        ObjectNode sd = symbols.putObject(s.toString());
        Flags own = st.own();
        sd.set("flags", flags(own));
        ObjectNode eff = sd.putObject("effective");
        for (Flag f : Flag.values()) {
            eff.put(f.label(), st.effective().get(f));
        }
        List<String> parts = new ArrayList<>();
        if (pause != null) {
            sd.put("buyPausedUntil", pause.until().toString());
        }
        if (!own.equals(Flags.ALL_ON) || pause != null) {
            parts.add(flagsText(own, pause, now));
        }
        Optional<Ticker> last = st.last();
        if (last.isPresent()) {
            long ageMs = Math.max(0, Duration.between(last.get().time(), now).toMillis());
            sd.put("lastPrice", Money.exact(last.get().price()));
            sd.put("priceAgeMs", ageMs);
            sd.put("stale", !st.fresh());
            if (!st.fresh()) {
                parts.add("price STALE, " + Money.price(last.get().price(), PositionText.tick(trader.priceTick(s),
                        last.get().price())) + " " + age(ageMs) + " old");
            }
        } else {
            sd.putNull("lastPrice");
            parts.add("no price yet");
        }
        sd.put("bars", st.bars());
        if (st.ownStrategy() != null) {
            sd.put("strategy", st.ownStrategy());
            sd.put("strategyDescription", st.ownStrategyDescription());
            parts.add("runs " + st.ownStrategy() + " (" + st.ownStrategyDescription() + ")");
        }
        if (!st.ownRisk().isEmpty()) {
            ArrayNode ownRisk = sd.putArray("ownRisk");
            st.ownRisk().forEach(ownRisk::add);
            parts.add("own risk: " + String.join(", ", st.ownRisk()));
        }
        String candles = candleSources.apply(s);
        if (candles != null) {
            sd.put("candles", candles);
        }
        st.orderInFlight().ifPresent(id -> {
            sd.put("orderInFlight", id);
            parts.add("order " + id + " waiting for the exchange");
        });
        sd.put("configured", st.configured());
        if (!st.configured()) {
            parts.add("NOT CONFIGURED: kept for its position (priced, protected, /forcesell only)");
        }
        sd.put("pausedByStore", st.pausedByStore());
        if (st.pausedByStore()) {
            parts.add("HALTED: a fill waits to be written to the database");
        }
        return parts.isEmpty() ? "" : s + ": " + String.join("; ", parts) + "\n";
    }

    /**
     * @return {@code Equity 10019.80 USDT, +19.80 USDT (+0.20%) since 00:00 UTC}: the free quote balance and the
     *         positions at their last price, against the first equity sample of the day (UTC)
     */
    /**
     * @return the orders resting on the exchange, one line each, such as {@code BTC/USDT stop-loss on exchange: sell
     *         0.002 BTC, stop 48500.00, limit 48257.50 (order bn-7)}; nothing when there are none
     */
    private String openOrders(TraderSnapshot snap, ObjectNode data) {
        ArrayNode list = data.putArray("openOrders");
        if (snap.openOrders().isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("Open orders on the exchange (").append(snap.openOrders().size())
                .append("):\n");
        for (Order o : snap.openOrders()) {
            BigDecimal tick = trader.priceTick(o.symbol());
            ObjectNode od = list.addObject();
            od.put("orderId", o.clientOrderId());
            od.put("symbol", o.symbol().toString());
            od.put("side", o.side().name());
            od.put("type", o.type().name());
            od.put("purpose", o.purpose().label());
            if (o.quantity() != null) {
                od.put("quantity", Money.exact(o.quantity()));
            }
            od.put("limitPrice", Money.exact(o.limitPrice()));
            if (o.stopPrice() != null) {
                od.put("stopPrice", Money.exact(o.stopPrice()));
            }
            od.put("filledQuantity", Money.exact(o.filledQuantity()));
            t.append("  ").append(o.symbol()).append(' ').append(o.purpose().label()).append(": ")
                    .append(o.side().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                    .append(o.quantity() == null ? Money.quote(o.quoteAmount()) + " " + o.symbol().quote()
                            : Money.exact(o.quantity()) + " " + o.symbol().base())
                    .append(o.stopPrice() == null ? "" : ", stop " + Money.price(o.stopPrice(), tick))
                    .append(", limit ").append(Money.price(o.limitPrice(), tick))
                    .append(o.hasFill() ? ", " + Money.exact(o.filledQuantity()) + " filled" : "")
                    .append(" (order ").append(o.clientOrderId()).append(")\n");
        }
        return t.toString();
    }

    private String equity(TraderSnapshot snap, String quote, ObjectNode data) {
        BigDecimal now = trader.equity();
        ObjectNode e = data.putObject("equityToday");
        e.put("now", Money.exact(now));
        StringBuilder t = new StringBuilder("Equity ").append(Money.down(now)).append(' ').append(quote);
        Optional<EquitySample> first = dayStart(snap.todayStart());
        if (first.isEmpty()) {
            e.putNull("dayStart");
            return t.append(", no sample of today yet to compare with\n").toString();
        }
        EquitySample start = first.get();
        BigDecimal change = now.subtract(start.equity());
        BigDecimal pct = Money.pct(change, start.equity());
        ObjectNode d = e.putObject("dayStart");
        d.put("at", start.at().toString());
        d.put("equity", Money.exact(start.equity()));
        e.put("change", Money.exact(change));
        e.put("changePct", pct.toPlainString());
        return t.append(", ").append(Money.signedDown(change)).append(' ').append(quote).append(" (")
                .append(Money.signedPct(pct)).append("%) since ")
                .append(EntryLock.time(start.at(), snap.at())).append('\n').toString();
    }

    /** @return the day's first equity sample, read once a day when there is one */
    private Optional<EquitySample> dayStart(Instant todayStart) {
        if (todayStart.equals(dayStartOf)) {
            return Optional.of(dayStart);
        }
        try {
            List<EquitySample> today = trader.equityJournal().equitySince(todayStart);
            if (today.isEmpty()) {
                return Optional.empty();
            }
            dayStart = today.get(0);
            dayStartOf = todayStart;
            return Optional.of(dayStart);
        } catch (SQLException e) {
            return Optional.empty();
        }
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
                + "Unrealised: " + Money.signedDown(unrealised) + " " + quote + " on "
                + Money.count(open, "open position", "open positions") + ", after exit fees"
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
        // No win rate without a trade: 0 % would read as every trade lost.
        return Money.count(s.trades(), "trade", "trades") + (s.trades() == 0 ? "" : ", " + s.wins() + " won, "
                + s.losses() + " lost (win rate " + s.winRatePct().toPlainString() + "%)") + ", realised "
                + Money.signedDown(s.realisedPnl()) + " " + quote
                + ", fees " + Money.up(s.fees()) + " " + quote + otherFeesText(s) + ", max drawdown "
                + Money.up(s.maxDrawdown()) + " " + quote;
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
        return "Budget: " + Money.up(snap.inPositions()) + " of " + Money.quote(snap.budget()) + " " + quote
                + " in positions (risk.budget), " + Money.down(left) + " left\n";
    }

    private static String otherFeesText(TradeStats s) {
        StringBuilder b = new StringBuilder();
        s.otherFees().forEach((currency, amount) -> b.append(" + ").append(Money.exact(amount)).append(' ')
                .append(currency));
        return b.length() == 0 ? "" : b.append(" (not in PnL)").toString();
    }
}
