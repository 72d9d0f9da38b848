package com.byninja.protocol;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The remote control vocabulary shared by both daemons: the {@code message} of a {@code command} frame.
 *
 * <p>Each command may carry a {@code symbol}; without one it is global. {@link #FORCEBUY} also accepts an optional
 * quote amount in {@code data.amount} (a decimal string), and {@link #FORCESELL} accepts {@code all} as its symbol.
 */
public enum Command {
    STARTTRADING(SymbolArgument.OPTIONAL, "let the strategy trade again, globally or for one symbol"),
    STOPTRADING(SymbolArgument.OPTIONAL, "stop the strategy's entries and exits, globally or for one symbol; "
            + "stop-loss, take-profit and trailing stop keep protecting positions"),
    ENABLEBUY(SymbolArgument.OPTIONAL, "let the strategy open positions, globally or for one symbol"),
    DISABLEBUY(SymbolArgument.OPTIONAL, "stop the strategy's entries, globally or for one symbol; exits go on"),
    ENABLESELL(SymbolArgument.OPTIONAL, "let the strategy close positions, globally or for one symbol"),
    DISABLESELL(SymbolArgument.OPTIONAL, "stop the strategy's exits, globally or for one symbol; stop-loss, "
            + "take-profit and trailing stop still sell"),
    FORCEBUY(SymbolArgument.REQUIRED, "buy now at market, bypassing the strategy but not the hard risk limits"),
    FORCESELL(SymbolArgument.REQUIRED, "close a position at market (a symbol, or all)"),
    STATS(SymbolArgument.OPTIONAL, "trades, win rate, PnL, fees and drawdown, today and all time"),
    STATUS(SymbolArgument.NONE, "flags, positions, balance, prices and link state");

    /** The {@code data} field of a {@link #FORCEBUY} command that holds its optional quote amount. */
    public static final String AMOUNT_FIELD = "amount";

    /** The symbol value of a {@link #FORCESELL} that closes every open position. */
    public static final String ALL_SYMBOLS = "all";

    /** Whether a command takes a symbol. */
    public enum SymbolArgument {
        /** The command never takes a symbol. */
        NONE,
        /** Without a symbol the command is global. */
        OPTIONAL,
        /** The command needs a symbol. */
        REQUIRED
    }

    private static final Map<String, Command> BY_WIRE_NAME = new HashMap<>();

    static {
        for (Command command : values()) {
            BY_WIRE_NAME.put(command.wireName, command);
        }
    }

    private final String wireName = name().toLowerCase(Locale.ROOT);
    private final SymbolArgument symbolArgument;
    private final String description;

    Command(SymbolArgument symbolArgument, String description) {
        this.symbolArgument = symbolArgument;
        this.description = description;
    }

    /** @return the lowercase name on the wire, such as {@code "starttrading"}. */
    public String wireName() {
        return wireName;
    }

    /** @return whether this command takes a symbol. */
    public SymbolArgument symbolArgument() {
        return symbolArgument;
    }

    /** @return a one-line description for help texts. */
    public String description() {
        return description;
    }

    /**
     * @param name a command name, in any case
     * @return the command of that name, or empty when there is none
     */
    public static Optional<Command> fromWireName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(name.toLowerCase(Locale.ROOT)));
    }
}
