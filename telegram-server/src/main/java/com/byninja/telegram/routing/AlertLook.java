package com.byninja.telegram.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * How an alert looks in the chat, from the kind the bot names in {@code data.event}: an emoji that tells the kinds
 * apart at a glance (a position opened, closed in profit or at a loss, a stop-loss, a risk limit, exchange trouble,
 * the bot started or stopped), in place of the same warning sign on everything. The bot's text follows as it wrote it;
 * an event this server does not know, or an alert without one, gets {@value #UNKNOWN}.
 */
public final class AlertLook {
    /** The emoji of an event this server does not know. */
    public static final String UNKNOWN = "⚠️";
    private static final String OPENED = "🔵";
    private static final String PROFIT = "💰";
    private static final String LOSS = "🔻";
    private static final String EVEN = "⚪";
    private static final String STOP = "🛑";
    private static final String TARGET = "🎯";
    private static final String LIMIT = "🚧";
    private static final String EXCHANGE = "📡";
    private static final String BETTER = "✅";
    private static final String FAILED = "❌";
    private static final String UNSURE = "❓";

    /** Each event the trading bot raises ({@code AlertKind} there), but the closes, whose PnL decides. */
    private static final Map<String, String> BY_EVENT = Map.ofEntries(
            Map.entry("bot_started", "🚀"),
            Map.entry("bot_stopped", "⏹️"),
            Map.entry("live_trading", "💸"),
            Map.entry("reconciliation", "🔍"),
            Map.entry("exchange_errors", EXCHANGE),
            Map.entry("exchange_failing", EXCHANGE),
            Map.entry("exchange_recovered", BETTER),
            Map.entry("position_opened", OPENED),
            Map.entry("position_increased", OPENED),
            Map.entry("sell_without_position", UNSURE),
            Map.entry("stop_loss_hit", STOP),
            Map.entry("trailing_stop_hit", STOP),
            Map.entry("take_profit_hit", TARGET),
            Map.entry("minimal_roi_hit", TARGET),
            Map.entry("exit_refused", "⛔"),
            Map.entry("exit_recovered", BETTER),
            Map.entry("stop_not_placed", FAILED),
            Map.entry("stop_cancelled", UNSURE),
            Map.entry("stop_placed", BETTER),
            Map.entry("daily_loss_limit", LIMIT),
            Map.entry("entry_locked", LIMIT),
            Map.entry("entry_unlocked", BETTER),
            Map.entry("risk_limit", LIMIT),
            Map.entry("order_rejected", FAILED),
            Map.entry("order_not_placed", FAILED),
            Map.entry("order_unknown", UNSURE),
            Map.entry("store_error", "💾"),
            Map.entry("store_recovered", BETTER),
            Map.entry("unconfigured_position", UNSURE),
            Map.entry("trading_started", "▶️"),
            Map.entry("trading_stopped", "⏸️"),
            Map.entry("backtest_finished", "🧪"),
            Map.entry("panic_done", "🧯"));

    private AlertLook() {
    }

    /**
     * @param data an alert's {@code data}, or null
     * @return the emoji the alert is shown with
     */
    public static String emoji(JsonNode data) {
        String event = event(data).orElse("");
        if (event.equals("position_closed") || event.equals("position_reduced")) {
            return switch (pnlSign(data)) {
                case 1 -> PROFIT;
                case -1 -> LOSS;
                default -> EVEN;
            };
        }
        return BY_EVENT.getOrDefault(event, UNKNOWN);
    }

    /** @return whether alerts of {@code event} have an emoji of their own */
    public static boolean knows(String event) {
        return BY_EVENT.containsKey(event) || event.equals("position_closed") || event.equals("position_reduced");
    }

    /** @return the alert's {@code data.event}, if it names one */
    public static Optional<String> event(JsonNode data) {
        JsonNode event = data == null ? null : data.get("event");
        return event != null && event.isTextual() ? Optional.of(event.asText()) : Optional.empty();
    }

    /** @return the sign of {@code data.realisedPnl}, 0 when it is missing or not a number */
    private static int pnlSign(JsonNode data) {
        JsonNode pnl = data.get("realisedPnl");
        if (pnl == null || !(pnl.isTextual() || pnl.isNumber())) {
            return 0;
        }
        try {
            return new BigDecimal(pnl.asText()).signum();
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
