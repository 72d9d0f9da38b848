package com.byninja.protocol.commands;

/** The headings of {@code /help}, in the order it shows them; each command belongs to one. */
public enum Group {
    /** What the bots are doing: {@code /status}, {@code /stats}. */
    STATUS("Status"),
    /** What the bots have made: balances, profit by period and by symbol. */
    MONEY("Money"),
    /** Open positions, closed trades and orders waiting for the exchange. */
    TRADES("Trades"),
    /** The switches that let the strategy trade, buy and sell. */
    TRADING_CONTROL("Trading control"),
    /** Orders a person places by hand. */
    ORDERS("Orders"),
    /** Which bots are connected and which one a chat's commands go to. */
    LINK("Link"),
    /** The list of commands itself. */
    HELP("Help");

    private final String title;

    Group(String title) {
        this.title = title;
    }

    /** @return the heading shown in {@code /help}, such as {@code Trading control} */
    public String title() {
        return title;
    }
}
