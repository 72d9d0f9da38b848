package com.byninja.bot.control;

import com.byninja.bot.domain.Symbol;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds a configured symbol from what a user typed: {@code btc/usdt}, {@code BTC-USDT} or {@code BTCUSDT}, read by
 * {@link Symbol#parse} as in the configuration.
 */
public final class SymbolResolver {

    private final List<Symbol> symbols;
    private final Set<String> quotes;

    /** @param symbols the configured symbols */
    public SymbolResolver(List<Symbol> symbols) {
        this.symbols = List.copyOf(symbols);
        this.quotes = symbols.stream().map(Symbol::quote).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** @return the configured symbol {@code text} names, or empty. */
    public Optional<Symbol> resolve(String text) {
        try {
            Symbol symbol = Symbol.parse(text, quotes);
            return symbols.contains(symbol) ? Optional.of(symbol) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
