package com.byninja.bot.exchange;

/**
 * One exchange account as the bot uses it: its prices and its orders. The engine sees only these two interfaces, so
 * it cannot tell the simulator from paper trading on real prices or from a real account.
 */
public interface Exchange extends AutoCloseable {

    /** @return the exchange's prices. */
    MarketData marketData();

    /** @return the account's orders and balances. */
    Execution execution();

    /** Saves what the exchange keeps locally and disconnects; never throws. */
    @Override
    void close();
}
