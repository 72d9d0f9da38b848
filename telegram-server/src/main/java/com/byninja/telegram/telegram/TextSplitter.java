package com.byninja.telegram.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a message into parts Telegram accepts (at most 4096 characters), at line breaks where possible, and never
 * inside an HTML tag, an entity or a surrogate pair.
 */
public final class TextSplitter {
    /** Telegram's limit on the text of one message. */
    public static final int TELEGRAM_LIMIT = 4096;

    private TextSplitter() {
    }

    /** @return the parts of {@code text}, each at most {@code limit} characters; one part when it fits */
    public static List<String> split(String text, int limit) {
        if (limit < 16) {
            throw new IllegalArgumentException("limit " + limit + " is too small");
        }
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf('\n', limit);
            int next;
            if (cut > 0) {
                next = cut + 1;
            } else {
                cut = safeCut(rest, limit);
                next = cut;
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(next);
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** A hard cut at or before {@code limit} that leaves tags, entities and surrogate pairs whole. */
    private static int safeCut(String text, int limit) {
        int cut = limit;
        int open = Math.max(text.lastIndexOf('<', cut - 1), text.lastIndexOf('&', cut - 1));
        if (open >= 0) {
            char opener = text.charAt(open);
            int close = text.indexOf(opener == '<' ? '>' : ';', open);
            if ((close < 0 || close >= cut) && open > 0) {
                cut = open;
            }
        }
        if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }
}
