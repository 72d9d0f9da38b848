package com.byninja.bot.exchange.xchange;

import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.exchange.ExecutionReport;
import com.byninja.bot.exchange.MarketData;
import com.byninja.bot.exchange.MarketRules;
import com.byninja.bot.exchange.OrderRequest;
import com.byninja.bot.exchange.Symbol;
import com.byninja.bot.exchange.simulated.PaperWallet;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Paper orders on a real exchange's prices: each market order fills in the simulator's paper wallet at the price the
 * exchange quotes when the order is placed, held to the exchange's size rules as a live order would be.
 */
final class PaperExecution implements Execution {

    private final PaperWallet wallet;
    private final MarketData prices;
    private final Map<Symbol, MarketRules> rules;
    private final Clock clock;

    PaperExecution(PaperWallet wallet, MarketData prices, Map<Symbol, MarketRules> rules, Clock clock) {
        this.wallet = wallet;
        this.prices = prices;
        this.rules = Map.copyOf(rules);
        this.clock = clock;
    }

    @Override
    public ExecutionReport placeMarketOrder(OrderRequest request) throws ExchangeException {
        Optional<ExecutionReport> done = wallet.find(request.clientOrderId());
        if (done.isPresent()) {
            return done.get();
        }
        MarketRules r = rules.getOrDefault(request.symbol(), MarketRules.none(request.symbol()));
        BigDecimal price = prices.ticker(request.symbol()).price();
        OrderRequest sized = request;
        if (request.side() == OrderRequest.Side.BUY) {
            Optional<String> refused = r.checkBuy(request.quoteAmount());
            if (refused.isPresent()) {
                return ExecutionReport.rejected(request.clientOrderId(), ExecutionReport.Refusal.BELOW_EXCHANGE_MINIMUM,
                        refused.get(), clock.instant());
            }
        } else {
            BigDecimal quantity = r.roundQuantity(request.quantity());
            Optional<String> refused = r.checkSell(quantity, price);
            if (refused.isPresent()) {
                return ExecutionReport.rejected(request.clientOrderId(), ExecutionReport.Refusal.BELOW_EXCHANGE_MINIMUM,
                        refused.get(), clock.instant());
            }
            sized = OrderRequest.sell(request.clientOrderId(), request.symbol(), quantity);
        }
        BigDecimal tick = r.priceTick().signum() > 0 ? r.priceTick()
                : BigDecimal.ONE.movePointLeft(XChangeAdapters.PRICE_DECIMALS);
        return wallet.fill(sized, price, tick, r.quantityStep().signum() > 0 ? r.quantityStep() : null);
    }

    @Override
    public Optional<ExecutionReport> findOrder(OrderRequest request) throws ExchangeException {
        return wallet.find(request.clientOrderId());
    }

    @Override
    public Map<String, BigDecimal> balances() {
        return wallet.balances();
    }

    @Override
    public BigDecimal feePct() {
        return wallet.feePct();
    }
}
