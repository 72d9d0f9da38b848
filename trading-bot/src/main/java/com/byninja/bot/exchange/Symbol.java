package com.byninja.bot.exchange;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A spot market, {@code BASE/QUOTE}, as XChange's {@code CurrencyPair}. The only symbol type past the edges: strings
 * typed by users are resolved against the configured symbols by {@link com.byninja.bot.control.SymbolResolver}.
 *
 * @param base  the traded asset, such as {@code BTC}
 * @param quote the currency prices and stakes are expressed in, such as {@code USDT}
 */
public record Symbol(String base, String quote) implements Comparable<Symbol> {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{2,12}");

    public Symbol {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        if (!CURRENCY.matcher(base).matches() || !CURRENCY.matcher(quote).matches()) {
            throw new IllegalArgumentException("not a BASE/QUOTE symbol: " + base + "/" + quote);
        }
    }

    /**
     * @param text {@code BASE/QUOTE} or {@code BASE-QUOTE}, in any case
     * @return the symbol
     * @throws IllegalArgumentException when the text has no separator or a currency is malformed
     */
    public static Symbol parse(String text) {
        String upper = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        int slash = Math.max(upper.indexOf('/'), upper.indexOf('-'));
        if (slash <= 0 || slash == upper.length() - 1) {
            throw new IllegalArgumentException("expected BASE/QUOTE such as BTC/USDT, got '" + text + "'");
        }
        return new Symbol(upper.substring(0, slash), upper.substring(slash + 1));
    }

    /** @return the symbol without separator, such as {@code BTCUSDT}, the form many exchanges and users type. */
    public String compact() {
        return base + quote;
    }

    @Override
    public int compareTo(Symbol other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return base + "/" + quote;
    }
}
