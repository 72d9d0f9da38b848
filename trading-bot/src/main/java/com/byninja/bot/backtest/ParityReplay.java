package com.byninja.bot.backtest;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.CandleDecision.Action;
import com.byninja.bot.domain.DecisionSession;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.paper.MemoryLedger;
import com.byninja.bot.exchange.paper.PaperExecution;
import com.byninja.bot.exchange.paper.PaperWallet;
import com.byninja.bot.replay.CollectedAlerts;
import com.byninja.bot.replay.HistoryPrices;
import com.byninja.bot.replay.InMemoryJournal;
import com.byninja.bot.replay.Replay;
import com.byninja.bot.replay.SimulatedClock;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live bot's sessions replayed through the same trader, as they happened: each session restarts the trader on
 * the replay's own journal (its positions, switches and today's PnL restored as a live restart restores them), reads
 * the history that session read, then the candles it decided on, in the order it read them.
 *
 * <p>What the live bot did that no candle explains is applied at the instant it did it: the orders of its protective
 * exits (stop-loss, take-profit, minimal ROI, trailing stop: live they act on prices between candles, which are not
 * kept) and of {@code forcebuy} and {@code forcesell}. The replay's own protective exits are off, so that a stop is
 * taken once, where the live bot took it. An order the replay places where the live bot placed one (same symbol, side
 * and instant) fills when the live one filled, so that a candle that closed live while an order still waited for the
 * exchange finds it waiting in the replay too; any other order fills at once, at the price of the moment.
 *
 * <p>The replay starts flat, where the bot may have held positions: from before the first session replayed, or in
 * a session whose first candles the age limit removed. Before it compares the first candle of a symbol there, it
 * takes the bot's position as the bot's trades and positions say it was (held or not; a {@code forcebuy} of the
 * configured stake at the candle's open, or a {@code forcesell}), so that what the bot held then makes no
 * difference that neither side decided.
 */
final class ParityReplay {

    /** Orders the strategy did not make, which the replay takes from the live bot. */
    private static final Set<Purpose> APPLIED = Set.of(Purpose.STOP_LOSS, Purpose.TAKE_PROFIT, Purpose.TRAILING_STOP,
            Purpose.MINIMAL_ROI, Purpose.FORCE_BUY, Purpose.FORCE_SELL, Purpose.STOP_ON_EXCHANGE);

    /**
     * One live session to replay.
     *
     * @param candles its candles, history and decided, in the order read
     * @param filled  its orders that the exchange executed, oldest first
     */
    record Session(DecisionSession session, List<CandleDecision> candles, List<Order> filled) {

        /** @return the orders the replay applies, oldest first. */
        List<Order> applied() {
            return filled.stream().filter(ParityReplay::applied).toList();
        }
    }

    /** What the replay decided in one live session, by symbol and candle start, and which candles only warmed it up. */
    record Replayed(Map<Key, CandleDecision> decisions, Set<Key> warmUp) {
    }

    /** A candle of a symbol. */
    record Key(Symbol symbol, Instant start) {
        static Key of(CandleDecision d) {
            return new Key(d.symbol(), d.candle().start());
        }
    }

    /** When the live bot held a position in a symbol: from its opening fill until its closing one. */
    record Held(Symbol symbol, Instant from, Instant to) {
    }

    /** A live order as the replay finds its own: the market, the side and the instant of the step that placed it. */
    private record Placed(Symbol symbol, Side side, Instant at) {
    }

    private final BotConfig config;
    private final SimulatedClock clock;
    private final HistoryPrices prices = new HistoryPrices();
    private final PaperExecution execution;
    private final InMemoryJournal journal = InMemoryJournal.keepingDecisions();
    private final CollectedAlerts alerts = new CollectedAlerts();
    private final List<Held> held;
    /** The symbols whose position was taken as the bot held it, for the report. */
    private final Set<Symbol> aligned = new TreeSet<>(Comparator.comparing(Symbol::toString));
    private int started;
    /** The live instant of what is being replayed: a candle's decision or an order applied. */
    private Instant liveNow = Instant.MIN;

    /**
     * @param config the configuration to replay with, as given: its protective exits are turned off here and its
     *               decisions never forgotten
     * @param start  the first session's start
     * @param held   when the live bot held positions, from its trades and open positions
     */
    ParityReplay(BotConfig config, Instant start, List<Held> held) throws SQLException {
        this.held = List.copyOf(held);
        this.config = config.withoutProtectiveExits().withoutStopsOnExchange()
                .withStore(config.store().withDecisionRetentionDays(Integer.MAX_VALUE));
        this.clock = new SimulatedClock(start);
        this.execution = new PaperExecution(new PaperWallet(config.simulator(), config.quoteCurrency(),
                new MemoryLedger(), clock, "RPL"), prices, Map.of(), clock);
    }

    /** @return whether the replay takes {@code order} from the live bot rather than deciding it. */
    static boolean applied(Order order) {
        return APPLIED.contains(order.purpose());
    }

    /**
     * Replays one session: restarts the trader, reads its history, decides its candles and applies its orders.
     *
     * @param warmUp in a session whose first candles the age limit removed, how many decided candles of each symbol
     *               are read as history instead, so that the strategy has a series to decide on, as it had live
     * @param first  whether it is the first session replayed, which starts flat where the bot may not have
     */
    Replayed replay(Session live, int warmUp, boolean first) throws SQLException, ExchangeException {
        clock.set(later(live.session().startedAt()));
        started++;
        Replay replay = Replay.start(config, clock, prices, execution, Journals.of(journal), alerts,
                "p" + Integer.toString(started, 36));
        long session = journal.decisionSessions().get(journal.decisionSessions().size() - 1).id();
        Map<Placed, Instant> fills = new HashMap<>();
        live.filled().forEach(o -> fills.putIfAbsent(new Placed(o.symbol(), o.side(), o.createdAt()), o.updatedAt()));
        replay.fillOrdersAt(o -> fills.get(new Placed(o.symbol(), o.side(), liveNow)));

        Deque<Order> orders = new ArrayDeque<>(live.applied());
        Map<Symbol, Integer> warmed = new HashMap<>();
        Set<Key> warmUpKeys = new HashSet<>();
        boolean align = first || live.session().truncated();
        Set<Symbol> compared = new HashSet<>();
        // Consecutive history candles of a symbol are read at once, as the live bot read them.
        List<Candle> history = new ArrayList<>();
        for (CandleDecision d : live.candles()) {
            boolean read = d.action() == Action.HISTORY;
            if (!read && live.session().truncated() && warmed.getOrDefault(d.symbol(), 0) < warmUp) {
                warmed.merge(d.symbol(), 1, Integer::sum);
                warmUpKeys.add(Key.of(d));
                read = true;
            }
            if (!history.isEmpty() && (!read || !history.get(0).symbol().equals(d.symbol()))) {
                replay.history(history.get(0).symbol(), history);
                history.clear();
            }
            if (read) {
                history.add(d.candle());
                continue;
            }
            // What happened live before this candle was decided: the orders applied, the fills that came back.
            while (!orders.isEmpty() && orders.peek().createdAt().isBefore(d.decidedAt())) {
                apply(replay, orders.poll());
            }
            replay.fillUntil(d.decidedAt());
            liveNow = d.decidedAt();
            if (compared.add(d.symbol()) && align) {
                align(replay, d);
            }
            replay.close(d.candle());
        }
        if (!history.isEmpty()) {
            replay.history(history.get(0).symbol(), history);
        }
        while (!orders.isEmpty()) {
            apply(replay, orders.poll());
        }
        // The session ends. An order the exchange answered only later (cut off by the stop, looked up at the next
        // start) fills now: nothing is decided between, and the clock does not run ahead of the next start.
        replay.fillWaitingNow();
        Map<Key, CandleDecision> decided = new HashMap<>();
        for (CandleDecision d : journal.decisions(session)) {
            if (d.action() != Action.HISTORY) {
                decided.put(Key.of(d), d);
            }
        }
        return new Replayed(decided, warmUpKeys);
    }

    /**
     * Takes the bot's position in the candle's symbol as it held it when it decided on the candle, at the candle's
     * open price.
     */
    private void align(Replay replay, CandleDecision d) {
        Symbol s = d.symbol();
        Instant t = d.decidedAt();
        boolean bot = held.stream().anyMatch(h -> h.symbol().equals(s) && !t.isBefore(h.from()) && t.isBefore(h.to()));
        boolean mine = replay.trader().positions().get(s).isPresent();
        if (bot == mine) {
            return;
        }
        aligned.add(s);
        prices.quote(s, d.candle().open(), t);
        replay.command(t, bot ? trader -> trader.forceBuy(s, null) : trader -> trader.forceSell(s));
    }

    /** @return the symbols whose position the replay took as the bot held it, by name. */
    Set<Symbol> aligned() {
        return Collections.unmodifiableSet(aligned);
    }

    /** Applies a live order that no candle explains, at its instant, after the fills that came back before it. */
    private void apply(Replay replay, Order order) {
        replay.fillUntil(order.createdAt());
        liveNow = order.createdAt();
        Symbol s = order.symbol();
        if (order.purpose() == Purpose.FORCE_BUY) {
            replay.command(order.createdAt(), t -> t.forceBuy(s, order.quoteAmount()));
        } else {
            replay.command(order.createdAt(), t -> t.forceSell(s));
        }
    }

    private Instant later(Instant t) {
        return t.isAfter(clock.instant()) ? t : clock.instant();
    }
}
