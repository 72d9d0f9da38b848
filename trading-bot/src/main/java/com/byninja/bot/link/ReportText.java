package com.byninja.bot.link;

import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** How reports write switches, counters, durations and ages, for people and as data. */
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

    static String flagsText(Flags f) {
        return "trading " + onOff(f.trading()) + ", buy " + onOff(f.buy()) + ", sell " + onOff(f.sell());
    }

    static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    static String numbers(ObjectNode node, String skip) {
        String pairs = pairs(node, skip);
        return pairs.isEmpty() ? "" : " (" + pairs + ")";
    }

    /** @return {@code "a 1, b 2"} from the numeric fields of {@code node}, skipping {@code skip}. */
    static String pairs(ObjectNode node, String skip) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals(skip) || !e.getValue().isNumber()) {
                continue;
            }
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue().asText());
        }
        return b.toString();
    }

    static String uptime(long seconds) {
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return d > 0 ? d + "d " + h + "h" : h > 0 ? h + "h " + m + "m" : m > 0 ? m + "m " + s + "s" : s + "s";
    }

    static String age(long ms) {
        return ms < 1000 ? ms + " ms" : ms < 120_000 ? (ms / 100) / 10.0 + " s" : ms / 60_000 + " min";
    }
}
