package com.byninja.telegram.telegram;

/**
 * Telegram's HTML parse mode: escaping of dynamic values, and the plain-text form of a message for the console.
 *
 * <p>Messages use {@code <b>}, {@code <i>} and {@code <code>}, each opened and closed on one line, and {@code <pre>}
 * around a table's lines, which {@link TextSplitter} closes and opens again where it cuts a message.
 */
public final class Html {
    private Html() {
    }

    /** @return {@code text} with {@code &}, {@code <} and {@code >} escaped; {@code "null"} for null */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** @return {@code <b>escaped text</b>} */
    public static String bold(String text) {
        return "<b>" + escape(text) + "</b>";
    }

    /** @return {@code <code>escaped text</code>} */
    public static String code(String text) {
        return "<code>" + escape(text) + "</code>";
    }

    /** @return {@code <i>escaped text</i>} */
    public static String italic(String text) {
        return "<i>" + escape(text) + "</i>";
    }

    /** @return the text a person reads: tags removed and entities decoded */
    public static String toPlain(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    out.append(html, i, html.length());
                    break;
                }
                i = end + 1;
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                String entity = end < 0 ? "" : html.substring(i, end + 1);
                String decoded = switch (entity) {
                    case "&amp;" -> "&";
                    case "&lt;" -> "<";
                    case "&gt;" -> ">";
                    case "&quot;" -> "\"";
                    default -> null;
                };
                if (decoded == null) {
                    out.append(c);
                    i++;
                } else {
                    out.append(decoded);
                    i = end + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
