package com.byninja.telegram.telegram;

import java.util.regex.Pattern;

/**
 * Removes the bot token from text before it is logged or shown: HTTP client errors can carry the request URL, which
 * holds the token ({@code /bot<token>/sendMessage}).
 */
public final class TokenScrubber {
    /** The shape of any Telegram bot token: digits, a colon and a long run of URL-safe characters. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[0-9]+:[A-Za-z0-9_-]{30,}");

    private final String token;

    /** @param token the token to remove; may be empty */
    public TokenScrubber(String token) {
        this.token = token == null ? "" : token;
    }

    /** @return {@code text} with the token and anything shaped like a token replaced by {@code ***} */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = token.isEmpty() ? text : text.replace(token, "***");
        return TOKEN_SHAPE.matcher(out).replaceAll("***");
    }

    /** @return a one-line description of {@code error} and its causes, scrubbed, for a log line */
    public String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        Throwable current = error;
        int depth = 0;
        while (current != null && depth < 5) {
            if (depth > 0) {
                out.append(" <- ");
            }
            out.append(current.getClass().getSimpleName());
            if (current.getMessage() != null) {
                out.append(": ").append(current.getMessage());
            }
            current = current.getCause() == current ? null : current.getCause();
            depth++;
        }
        return scrub(out.toString());
    }
}
