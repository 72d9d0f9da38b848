package com.byninja.bot.link;

import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Money;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** How reports write switches, durations and ages, for people and as data. */
final class ReportText {

    private ReportText() {
    }

    static ObjectNode flags(Flags f) {
        ObjectNode n = Money.object();
        n.put("trading", f.trading());
        n.put("buy", f.buy());
        n.put("sell", f.sell());
        return n;
    }

    /**
     * @return {@code trading on, buy paused until 14:00 UTC, sell on}: the switches, and a pause of the strategy's
     *         buying where the buy switch is on (null when there is none)
     */
    static String flagsText(Flags f, EntryLock pause, Instant now) {
        String buy = f.buy() && pause != null ? "paused until " + EntryLock.time(pause.until(), now) : onOff(f.buy());
        return "trading " + onOff(f.trading()) + ", buy " + buy + ", sell " + onOff(f.sell());
    }

    static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    static String uptime(long seconds) {
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return d > 0 ? d + "d " + h + "h" : h > 0 ? h + "h " + m + "m" : m > 0 ? m + "m " + s + "s" : s + "s";
    }

    /** @return {@code 350 ms}, {@code 1.5 s} below ten seconds, {@code 20 s} below two minutes, else {@code 6 min} */
    static String age(long ms) {
        return ms < 1000 ? ms + " ms" : ms < 10_000 ? (ms / 100) / 10.0 + " s" : ms < 120_000 ? ms / 1000 + " s"
                : ms / 60_000 + " min";
    }
}
