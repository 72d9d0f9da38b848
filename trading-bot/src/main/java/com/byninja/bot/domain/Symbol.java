package com.byninja.bot.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A spot market, {@code BASE/QUOTE}, as XChange's {@code CurrencyPair}. The only symbol type past the edges: strings
 * written by users are read by {@link #parse}, in the configuration and in commands (where
 * {@link com.byninja.bot.control.SymbolResolver} then looks the symbol up among the configured ones).
 *
 * @param base  the traded asset, such as {@code BTC}
 * @param quote the currency prices and stakes are expressed in, such as {@code USDT}
 */
public record Symbol(String base, String quote) implements Comparable<Symbol> {

    /**
     * Quote currencies a compact spelling such as {@code BTCUSDT} is split against, the longest first, so that
     * {@code BTCFDUSD} is BTC/FDUSD and not BTCFD/USD.
     */
    public static final List<String> QUOTE_CURRENCIES = List.of("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD", "DAI",
            "EUR", "GBP", "TRY", "BRL", "JPY", "AUD", "BTC", "ETH", "BNB");

    private static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{2,12}");

    public Symbol {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        if (!CURRENCY.matcher(base).matches() || !CURRENCY.matcher(quote).matches()) {
            throw new IllegalArgumentException("not a BASE/QUOTE symbol: " + base + "/" + quote);
        }
    }

    /**
     * Written out rather than left to the record's generated method: a symbol is the key of most maps on the trading
     * thread, and the generated one showed in profiles of a backtest at several percent.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Symbol s && base.equals(s.base) && quote.equals(s.quote);
    }

    @Override
    public int hashCode() {
        return 31 * base.hashCode() + quote.hashCode();
    }

    /**
     * The one parser of symbols, for the configuration and for commands alike.
     *
     * @param text {@code BASE/QUOTE}, {@code BASE-QUOTE}, {@code BASE_QUOTE} or the compact {@code BASEQUOTE} whose
     *             quote is one of {@link #QUOTE_CURRENCIES}, in any case
     * @return the symbol
     * @throws IllegalArgumentException saying how to write it when the text cannot be read as a symbol
     */
    public static Symbol parse(String text) {
        return parse(text, List.of());
    }

    /**
     * @param text        as for {@link #parse(String)}
     * @param moreQuotes  quote currencies to split compact spellings against besides {@link #QUOTE_CURRENCIES}, such
     *                    as those of the configured symbols
     * @return the symbol
     * @throws IllegalArgumentException saying how to write it when the text cannot be read as a symbol
     */
    public static Symbol parse(String text, Collection<String> moreQuotes) {
        String upper = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        String[] parts = upper.split("[/\\-_ ]+", -1);
        if (parts.length == 2) {
            if (CURRENCY.matcher(parts[0]).matches() && CURRENCY.matcher(parts[1]).matches()) {
                return new Symbol(parts[0], parts[1]);
            }
            throw new IllegalArgumentException("\"" + text + "\" is not a market: write BASE/QUOTE with 2 to 12 "
                    + "letters or digits each, such as BTC/USDT");
        }
        if (parts.length == 1 && upper.matches("[A-Z0-9]+")) {
            List<String> quotes = new ArrayList<>(QUOTE_CURRENCIES);
            moreQuotes.stream().filter(q -> !quotes.contains(q)).forEach(quotes::add);
            quotes.sort(Comparator.comparingInt(String::length).reversed());
            for (String quote : quotes) {
                String base = upper.endsWith(quote) ? upper.substring(0, upper.length() - quote.length()) : "";
                if (CURRENCY.matcher(base).matches()) {
                    return new Symbol(base, quote);
                }
            }
        }
        throw new IllegalArgumentException("cannot tell the base from the quote currency in \"" + text
                + "\"; write it as BASE/QUOTE, such as BTC/USDT");
    }

    /** @return the symbol without separator, such as {@code BTCUSDT}, the form many exchanges and users type. */
    public String compact() {
        return base + quote;
    }

    @Override
    public int compareTo(Symbol other) {
        // The order of the BASE/QUOTE text: every currency character sorts after '/', so base first, then quote.
        int byBase = base.compareTo(other.base);
        return byBase != 0 ? byBase : quote.compareTo(other.quote);
    }

    @Override
    public String toString() {
        return base + "/" + quote;
    }
}
