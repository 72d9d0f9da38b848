package com.byninja.bot.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A lock on the strategy's entries, set by a protection or by a person's {@code /pause}: until {@code until}, the
 * strategy opens no position on {@code symbol} (on any symbol when it is null). Sells, stops and a person's
 * {@code forcebuy} are not locked.
 *
 * @param kind   the protection that set it, or {@link Kind#PAUSE}
 * @param symbol the symbol locked, or null for every symbol
 * @param since  when what set it happened (the close of the trade that triggered it, the {@code /pause})
 * @param until  the first instant the strategy may buy again: a candle boundary for a protection's lock, the end of
 *               the duration asked for a pause
 * @param reason what set it, for people, such as {@code the position closed at 12:03 UTC}
 */
public record EntryLock(Kind kind, Symbol symbol, Instant since, Instant until, String reason) {

    /** The scope of a lock on every symbol, as the journal keeps it. */
    public static final String ALL_SYMBOLS = "*";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The protections and a person's pause, each with the reason a strategy buy it stops is recorded under. */
    public enum Kind {
        /** {@code protections.cooldownCandles}: a symbol rests for some candles after its position closed. */
        COOLDOWN("Cooldown", RejectReason.RISK_COOLDOWN),
        /** {@code protections.stopLossGuard}: too many stop-losses within a window. */
        STOP_LOSS_GUARD("Stop-loss guard", RejectReason.RISK_STOP_LOSS_GUARD),
        /** {@code protections.maxDrawdownLock}: the realised equity fell too far below its high within a window. */
        MAX_DRAWDOWN("Max drawdown lock", RejectReason.RISK_MAX_DRAWDOWN_LOCK),
        /** {@code protections.lowProfitLock}: a symbol's trades lost too much within a window. */
        LOW_PROFIT("Low-profit lock", RejectReason.RISK_LOW_PROFIT_LOCK),
        /** {@code /pause}: a person stopped the strategy's buying for a while. */
        PAUSE("Buying pause", RejectReason.RISK_PAUSED);

        private final String label;
        private final RejectReason reason;

        Kind(String label, RejectReason reason) {
            this.label = label;
            this.reason = reason;
        }

        /** @return the stable name the journal and {@code data} carry, such as {@code stop_loss_guard}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the name people read, such as {@code Stop-loss guard}. */
        public String label() {
            return label;
        }

        /** @return the reason a strategy buy this lock stops is recorded under. */
        public RejectReason reason() {
            return reason;
        }

        /**
         * @param code a kind's {@link #code()}
         * @return the kind with that code
         * @throws IllegalArgumentException when no kind has it
         */
        public static Kind ofCode(String code) {
            for (Kind k : values()) {
                if (k.code().equals(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no protection is called " + code);
        }
    }

    public EntryLock {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        if (!until.isAfter(since)) {
            throw new IllegalArgumentException("a lock must end after it starts, got " + since + " to " + until);
        }
    }

    /** @return the symbol's name, or {@value #ALL_SYMBOLS} for a lock on every symbol. */
    public String scope() {
        return symbol == null ? ALL_SYMBOLS : symbol.toString();
    }

    /** @return whether it locks {@code s} at {@code now}: it covers {@code s} and has not ended. */
    public boolean locks(Symbol s, Instant now) {
        return (symbol == null || symbol.equals(s)) && now.isBefore(until);
    }

    /** @return whether it is the same protection on the same scope as {@code other}. */
    public boolean sameScope(EntryLock other) {
        return kind == other.kind && Objects.equals(symbol, other.symbol);
    }

    /** @return {@code BTC/USDT} or {@code all symbols}, for people. */
    public String scopeText() {
        return symbol == null ? "all symbols" : symbol.toString();
    }

    /** @return such as {@code cooldown on BTC/USDT until 12:05 UTC}, with the date when it is not {@code now}'s. */
    public String describe(Instant now) {
        return kind.label().toLowerCase(Locale.ROOT) + " on " + scopeText() + " until " + time(until, now);
    }

    /**
     * @return {@code at} in UTC for people: {@code 12:05 UTC}, with seconds when it has some ({@code 12:05:30 UTC}),
     *         and with the date when it is not the day of {@code now} ({@code 2026-03-02 12:05 UTC})
     */
    public static String time(Instant at, Instant now) {
        String clock = (at.getEpochSecond() % 60 == 0 && at.getNano() == 0 ? MINUTES : SECONDS).format(at);
        boolean sameDay = LocalDate.ofInstant(at, ZoneOffset.UTC).equals(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return (sameDay ? "" : DAY.format(at)) + clock + " UTC";
    }
}
