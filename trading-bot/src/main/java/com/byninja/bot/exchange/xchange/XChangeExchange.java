package com.byninja.bot.exchange.xchange;

import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.AccountView;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.exchange.MarketData;
import java.util.Map;
import java.util.Optional;

/**
 * A real exchange through XChange: its public prices and rules ({@link XChangeMarkets}) always, and for orders either
 * the paper wallet ({@code mode: paper}) or the real account ({@code mode: live}).
 */
public final class XChangeExchange implements Exchange {

    private final XChangeMarkets<?> markets;
    private final Execution execution;
    private final AccountView account;

    private XChangeExchange(XChangeMarkets<?> markets, Execution execution, AccountView account) {
        this.markets = markets;
        this.execution = execution;
        this.account = account;
    }

    /**
     * @param markets the exchange's prices and rules
     * @param paper   paper orders on those prices
     * @return paper trading on a real exchange's prices, with no account to reconcile
     */
    public static XChangeExchange paper(XChangeMarkets<?> markets, Execution paper) {
        return new XChangeExchange(markets, paper, null);
    }

    /**
     * @param markets the exchange's prices and rules
     * @param live    real orders
     * @param account the account they are placed on
     * @return live trading on a real account
     */
    public static XChangeExchange live(XChangeMarkets<?> markets, Execution live, AccountView account) {
        return new XChangeExchange(markets, live, account);
    }

    @Override
    public MarketData marketData() {
        return markets.marketData();
    }

    @Override
    public Execution execution() {
        return execution;
    }

    @Override
    public Map<Symbol, MarketRules> rules() {
        return markets.rules();
    }

    @Override
    public Optional<AccountView> account() {
        return Optional.ofNullable(account);
    }

    @Override
    public boolean buyingPaused() {
        return markets.buyingPaused();
    }

    @Override
    public void close() {
        // Nothing is held open: XChange's clients open one HTTP connection per call.
    }
}
