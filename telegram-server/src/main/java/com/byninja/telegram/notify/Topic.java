package com.byninja.telegram.notify;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an unprompted message is about, each of which a chat may hear with a notification, silently, or not at all
 * ({@link Mode}). Replies to a person, the watchdog's escalations and this server's own warnings are none of these:
 * they are always sent, with a notification.
 */
public enum Topic {
    /** A position opened or grew. */
    ENTRIES("entries", "positions opened or added to"),
    /** A position closed or shrank by the strategy, a take-profit or the minimal ROI. */
    EXITS("exits", "positions closed by the strategy, a take-profit or the minimal ROI"),
    /** A stop-loss or trailing stop hit, and the sells after it. */
    STOPS("stops", "stop-loss and trailing stop hits"),
    /** The daily loss limit, a protection's lock, a refused buy. */
    RISK("risk", "risk limits and the protections' locks"),
    /** The exchange failing or refusing orders, and coming back. */
    EXCHANGE("exchange", "exchange errors, refused and unknown orders"),
    /** Everything else a bot alerts: started, stopped, trading switched, a backtest's result. */
    BOT("bot", "the bot started or stopped, trading switched, backtests"),
    /** The bots' warning and error log lines. */
    LOGS("logs", "the bots' warning and error log lines"),
    /** A bot connecting or dropping. */
    CONNECTIONS("connections", "bots connecting and dropping");

    private static final Set<String> STOP_EVENTS = Set.of("stop_loss_hit", "trailing_stop_hit");
    private static final Set<String> ENTRY_EVENTS = Set.of("position_opened", "position_increased");
    private static final Set<String> EXIT_EVENTS = Set.of("position_closed", "position_reduced", "take_profit_hit",
            "minimal_roi_hit", "sell_without_position");
    private static final Set<String> RISK_EVENTS = Set.of("daily_loss_limit", "entry_locked", "entry_unlocked",
            "risk_limit");
    private static final Set<String> EXCHANGE_EVENTS = Set.of("exchange_errors", "exchange_failing",
            "exchange_recovered", "order_rejected", "order_not_placed", "order_unknown", "exit_refused",
            "exit_recovered", "stop_not_placed", "stop_cancelled", "stop_placed");

    private final String word;
    private final String about;

    Topic(String word, String about) {
        this.word = word;
        this.about = about;
    }

    /** @return how a person writes it, such as {@code stops} */
    public String word() {
        return word;
    }

    /** @return what it covers, for people */
    public String about() {
        return about;
    }

    /** @return the topic written {@code word}, in any case */
    public static Optional<Topic> of(String word) {
        for (Topic t : values()) {
            if (t.word.equalsIgnoreCase(word.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * @param event an alert's {@code data.event}, such as {@code stop_loss_hit}; null or unknown for none
     * @return the topic of an alert of that event
     */
    public static Topic ofAlert(String event) {
        String e = event == null ? "" : event.toLowerCase(Locale.ROOT);
        if (STOP_EVENTS.contains(e)) {
            return STOPS;
        }
        if (ENTRY_EVENTS.contains(e)) {
            return ENTRIES;
        }
        if (EXIT_EVENTS.contains(e)) {
            return EXITS;
        }
        if (RISK_EVENTS.contains(e)) {
            return RISK;
        }
        return EXCHANGE_EVENTS.contains(e) ? EXCHANGE : BOT;
    }
}
