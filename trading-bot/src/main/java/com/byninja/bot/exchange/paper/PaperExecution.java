package com.byninja.bot.exchange.paper;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.exchange.MarketData;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Paper orders on a real exchange's prices: each market order fills in the simulator's paper wallet at the price the
 * exchange quotes when the order is placed, held to the exchange's size rules as a live order would be.
 */
public final class PaperExecution implements Execution {

    /** Prices without a tick of their own are rounded to this many decimals. */
    private static final int PRICE_DECIMALS = 8;

    private final PaperWallet wallet;
    private final MarketData prices;
    private final Map<Symbol, MarketRules> rules;
    private final Clock clock;

    public PaperExecution(PaperWallet wallet, MarketData prices, Map<Symbol, MarketRules> rules, Clock clock) {
        this.wallet = wallet;
        this.prices = prices;
        this.rules = Map.copyOf(rules);
        this.clock = clock;
    }

    @Override
    public ExecutionReport placeOrder(OrderRequest request) throws ExchangeException {
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
                : BigDecimal.ONE.movePointLeft(PRICE_DECIMALS);
        return wallet.fill(sized, price, tick, r.quantityStep().signum() > 0 ? r.quantityStep() : null);
    }

    @Override
    public Optional<ExecutionReport> findOrder(OrderRequest request) throws ExchangeException {
        return wallet.find(request.clientOrderId());
    }

    @Override
    public Optional<ExecutionReport> cancelOrder(OrderRequest request) throws ExchangeException {
        return findOrder(request);
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
