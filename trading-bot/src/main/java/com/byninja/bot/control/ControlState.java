package com.byninja.bot.control;

import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Symbol;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trading, buy and sell switches, global and per symbol. A symbol may do something only where both its own switch
 * and the global one allow it. Owned by the trading thread; every change is persisted before it is acknowledged.
 */
public final class ControlState {

    private Flags global;
    private final Map<Symbol, Flags> perSymbol = new TreeMap<>();

    /**
     * @param global    the global switches
     * @param perSymbol each configured symbol's switches; symbols missing here start with every switch on
     * @param symbols   the configured symbols
     */
    public ControlState(Flags global, Map<Symbol, Flags> perSymbol, Collection<Symbol> symbols) {
        this.global = global;
        for (Symbol s : symbols) {
            this.perSymbol.put(s, perSymbol.getOrDefault(s, Flags.ALL_ON));
        }
    }

    /** @return the global switches. */
    public Flags global() {
        return global;
    }

    /** @return each symbol's own switches. */
    public Map<Symbol, Flags> perSymbol() {
        return Collections.unmodifiableMap(perSymbol);
    }

    /** @return the switches of {@code symbol} alone, without the global ones. */
    public Flags of(Symbol symbol) {
        return perSymbol.getOrDefault(symbol, Flags.ALL_ON);
    }

    /** @return whether {@code flag} is on both globally and for {@code symbol}. */
    public boolean allows(Symbol symbol, Flag flag) {
        return global.get(flag) && of(symbol).get(flag);
    }

    /** Sets a global switch. */
    public void setGlobal(Flag flag, boolean value) {
        global = global.with(flag, value);
    }

    /** Sets one symbol's switch. */
    public void set(Symbol symbol, Flag flag, boolean value) {
        perSymbol.put(symbol, of(symbol).with(flag, value));
    }
}
