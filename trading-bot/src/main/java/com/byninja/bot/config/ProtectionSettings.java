package com.byninja.bot.config;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * {@code protections.*}: locks on the strategy's entries after trades went badly (docs/strategies.md, "Protections").
 * Zero turns each one off.
 *
 * @param cooldownCandles after a position closes, the strategy's buy signals on its symbol are refused on this many
 *                        candles that close afterwards
 * @param stopLossGuard   {@code protections.stopLossGuard.*}
 * @param maxDrawdownLock {@code protections.maxDrawdownLock.*}
 * @param lowProfitLock   {@code protections.lowProfitLock.*}
 * @param announceCooldown whether a cooldown's start and end are alerts too, as the other locks' are; else they are
 *                        in the log, the decision journal and {@code /status} only
 */
public record ProtectionSettings(int cooldownCandles, StopLossGuard stopLossGuard, MaxDrawdownLock maxDrawdownLock,
                                 LowProfitLock lowProfitLock, boolean announceCooldown) {

    /** Without {@code announceCooldown}: a cooldown is not alerted. */
    public ProtectionSettings(int cooldownCandles, StopLossGuard stopLossGuard, MaxDrawdownLock maxDrawdownLock,
                              LowProfitLock lowProfitLock) {
        this(cooldownCandles, stopLossGuard, maxDrawdownLock, lowProfitLock, false);
    }

    /**
     * {@code protections.stopLossGuard.*}: {@code stopLosses} trades closed by the stop-loss (or by the trailing stop
     * at a loss) within {@code window} lock buying for {@code lock}, on their symbol or on all symbols.
     */
    public record StopLossGuard(int stopLosses, Duration window, Duration lock, boolean perSymbol) {

        /** @return whether it is on. */
        public boolean on() {
            return stopLosses > 0;
        }
    }

    /**
     * {@code protections.maxDrawdownLock.*}: the realised equity {@code drawdownPct} % or more below its high within
     * {@code window} locks all buying for {@code lock}.
     */
    public record MaxDrawdownLock(BigDecimal drawdownPct, Duration window, Duration lock) {

        /** @return whether it is on. */
        public boolean on() {
            return drawdownPct.signum() > 0;
        }
    }

    /**
     * {@code protections.lowProfitLock.*}: a symbol whose trades closed within {@code window} lost {@code lossPct} %
     * or more of what their entries cost, together, is locked for {@code lock}.
     */
    public record LowProfitLock(BigDecimal lossPct, Duration window, Duration lock) {

        /** @return whether it is on. */
        public boolean on() {
            return lossPct.signum() > 0;
        }
    }

    /** @return whether any protection is on. */
    public boolean any() {
        return cooldownCandles > 0 || stopLossGuard.on() || maxDrawdownLock.on() || lowProfitLock.on();
    }
}
