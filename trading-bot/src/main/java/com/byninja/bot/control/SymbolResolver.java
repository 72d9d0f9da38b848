package com.byninja.bot.control;

import com.byninja.bot.exchange.Symbol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds a configured symbol from what a user typed: {@code btc/usdt}, {@code BTC-USDT} or {@code BTCUSDT}. */
public final class SymbolResolver {

    private final List<Symbol> symbols;
    private final Map<String, Symbol> byCompactName = new LinkedHashMap<>();

    /** @param symbols the configured symbols */
    public SymbolResolver(List<Symbol> symbols) {
        this.symbols = List.copyOf(symbols);
        symbols.forEach(s -> byCompactName.put(s.compact(), s));
    }

    /** @return the configured symbol {@code text} names, or empty. */
    public Optional<Symbol> resolve(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.trim().toUpperCase(Locale.ROOT).replaceAll("[/\\-_ ]", "");
        return Optional.ofNullable(byCompactName.get(compact));
    }

    /** @return the configured symbols. */
    public List<Symbol> symbols() {
        return symbols;
    }

    /** @return the configured symbols for a message, such as {@code BTC/USDT, ETH/USDT}. */
    public String listed() {
        return symbols.stream().map(Symbol::toString).collect(Collectors.joining(", "));
    }
}
