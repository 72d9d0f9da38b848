package com.byninja.bot.exchange;

import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Symbol;
import java.util.Map;
import java.util.Optional;

/**
 * One exchange account as the bot uses it: its prices and its orders. The engine sees only these two interfaces, so
 * it cannot tell the simulator from paper trading on real prices or from a real account.
 */
public interface Exchange extends AutoCloseable {

    /** @return the exchange's prices. */
    MarketData marketData();

    /** @return the account's orders and balances. */
    Execution execution();

    /** @return each market's size and precision rules, read at start; a market not listed has none. */
    default Map<Symbol, MarketRules> rules() {
        return Map.of();
    }

    /**
     * @return the real account behind {@link #execution()}, which the bot reconciles with its books at start; empty
     *         for the simulator and paper trading, whose books are the bot's own
     */
    default Optional<AccountView> account() {
        return Optional.empty();
    }

    /** @return whether buying must wait: the exchange has failed too many calls in a row and not answered since. */
    default boolean buyingPaused() {
        return false;
    }

    /** Saves what the exchange keeps locally and disconnects; never throws. */
    @Override
    void close();
}
