package com.byninja.bot.backtest;

import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.CandleDecision.Action;
import com.byninja.bot.domain.DecisionSession;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What sma-cross does with a bot's decided candles, worked out by hand from the closes kept in its database, without
 * ta4j or the trader: the averages as plain sums of doubles, oldest first (as ta4j's {@code DoubleNum} adds them), a
 * cross as ta4j defines it, and one position per symbol, opened by an entry and closed by an exit, flat at the start.
 * Of the protections it knows the default cooldown of one candle: an exit fills within the candle that starts when
 * the exit's candle ends, so a buy signal on that candle is refused. It knows nothing of stops, switches, balances or
 * limits: the runs it checks have none that bind.
 */
final class SmaCrossModel {

    /** The candles a bot decided, each session's history and decisions in the order read. */
    static List<List<CandleDecision>> sessions(Path db) throws Exception {
        List<List<CandleDecision>> out = new ArrayList<>();
        try (Database d = Database.openReadOnly(db)) {
            TradingStore store = new TradingStore(d);
            for (DecisionSession s : store.decisionSessions()) {
                out.add(store.decisions(s.id()));
            }
        }
        return out;
    }

    /**
     * @return for each decided candle, in the order decided, what sma-cross {@code fast}/{@code slow} does: its action
     *         and, for an ignored signal, the reason, as {@link CandleDecision#describe()} writes them
     */
    static Map<CandleDecision, String> expected(List<List<CandleDecision>> sessions, int fast, int slow) {
        Map<CandleDecision, String> out = new LinkedHashMap<>();
        Map<Symbol, Boolean> holding = new HashMap<>();
        // Per symbol, the start of the candle in which the last position closed: the cooldown refuses its buy.
        Map<Symbol, Instant> closedIn = new HashMap<>();
        for (List<CandleDecision> session : sessions) {
            // Each start rebuilds the series from the history it read.
            Map<Symbol, List<Double>> closes = new HashMap<>();
            for (CandleDecision d : session) {
                List<Double> c = closes.computeIfAbsent(d.symbol(), s -> new ArrayList<>());
                c.add(d.candle().close().doubleValue());
                if (d.action() == Action.HISTORY) {
                    continue;
                }
                int i = c.size() - 1;
                boolean held = holding.getOrDefault(d.symbol(), false);
                String action = "HOLD";
                if (i >= slow && crossed(c, i, fast, slow)) {
                    if (held) {
                        action = "BUY_IGNORED (POSITION_ALREADY_OPEN)";
                    } else if (d.candle().start().equals(closedIn.get(d.symbol()))) {
                        action = "BUY_IGNORED (COOLDOWN)";
                    } else {
                        action = "ENTRY";
                        holding.put(d.symbol(), true);
                    }
                } else if (i >= slow && crossed(c, i, slow, fast)) {
                    action = held ? "EXIT" : "SELL_IGNORED (NO_POSITION)";
                    if (held) {
                        closedIn.put(d.symbol(), d.candle().end());
                    }
                    holding.put(d.symbol(), false);
                }
                out.put(d, action);
            }
        }
        return out;
    }

    /** ta4j's cross: at {@code i} the first average is above the second, and below at the last bar they differed. */
    private static boolean crossed(List<Double> closes, int i, int first, int second) {
        if (sma(closes, i, first) <= sma(closes, i, second)) {
            return false;
        }
        int j = i;
        do {
            j--;
        } while (j > 0 && sma(closes, j, first) == sma(closes, j, second));
        return sma(closes, j, second) > sma(closes, j, first);
    }

    private static double sma(List<Double> closes, int i, int period) {
        double sum = 0;
        for (int j = Math.max(0, i - period + 1); j <= i; j++) {
            sum += closes.get(j);
        }
        return sum / Math.min(period, i + 1);
    }

    /** @return entry, exit or neither, as the parity check compares them. */
    static String kind(String described) {
        return described.equals("ENTRY") || described.equals("EXIT") ? described : "none";
    }

    private SmaCrossModel() {
    }
}
