package com.byninja.telegram.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a message into parts Telegram accepts (at most 4096 characters), at line breaks where possible, and never
 * inside an HTML tag, an entity or a surrogate pair. A {@code <pre>} block, the one tag that spans lines, cut in two
 * is closed at the end of the first part and opened again at the start of the next, so that each part is HTML
 * Telegram accepts and a table stays monospace on both sides of the cut.
 */
public final class TextSplitter {
    /** Telegram's limit on the text of one message. */
    public static final int TELEGRAM_LIMIT = 4096;
    private static final String PRE = "<pre>";
    private static final String END_PRE = "</pre>";

    private TextSplitter() {
    }

    /** @return the parts of {@code text}, each at most {@code limit} characters; one part when it fits */
    public static List<String> split(String text, int limit) {
        if (limit < 16) {
            throw new IllegalArgumentException("limit " + limit + " is too small");
        }
        List<String> parts = new ArrayList<>();
        // Room for the </pre> that closes a block cut in two.
        int room = text.contains(PRE) ? limit - END_PRE.length() : limit;
        String rest = text;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf('\n', room);
            int next;
            if (cut > 0) {
                next = cut + 1;
            } else {
                cut = safeCut(rest, room);
                next = cut;
            }
            String part = rest.substring(0, cut);
            rest = rest.substring(next);
            if (insidePre(part)) {
                part += END_PRE;
                rest = PRE + rest;
            }
            parts.add(part);
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** @return whether {@code part} ends inside a {@code <pre>} block: one it opened is not closed */
    private static boolean insidePre(String part) {
        int open = part.lastIndexOf(PRE);
        return open >= 0 && part.indexOf(END_PRE, open) < 0;
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
