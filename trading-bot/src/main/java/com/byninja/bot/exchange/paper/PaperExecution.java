package com.byninja.bot.exchange.paper;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.exchange.MarketData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Paper orders on a real exchange's prices: each order is placed in the simulator's paper wallet at the price the
 * exchange quotes when the order is placed, held to the exchange's size rules as a live order would be. Resting
 * orders ({@link PaperWallet}) are matched against the exchange's price each time it is read for their market here
 * ({@link #placeOrder}, {@link #findOrder}, {@link #cancelOrder}, {@link #match}): a dip between two reads goes
 * unseen, unlike on the exchange, so the engine should read often enough for its stops.
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
        Optional<ExecutionReport> known = wallet.find(request.clientOrderId());
        if (known.isPresent() && known.get().status().isFinal()) {
            return known.get();
        }
        MarketRules r = rules(request.symbol());
        BigDecimal price = prices.ticker(request.symbol()).price();
        match(request.symbol(), price, clock.instant());
        if (known.isPresent()) {
            return wallet.find(request.clientOrderId()).orElseThrow();
        }
        Optional<String> offTick = offTick(request, r);
        if (offTick.isPresent()) {
            return ExecutionReport.rejected(request.clientOrderId(), offTick.get(), clock.instant());
        }
        OrderRequest sized = request;
        Optional<String> refused;
        if (request.side() == OrderRequest.Side.BUY) {
            refused = r.checkBuy(request.quoteAmount());
            if (refused.isEmpty() && request.type() == OrderRequest.Type.LIMIT) {
                // A limit buy is for a quantity, bought at its limit: the exchange holds that quantity to its rules.
                BigDecimal quantity = r.roundQuantity(request.quoteAmount().divide(request.limitPrice(),
                        PaperWallet.QUANTITY_DECIMALS, RoundingMode.DOWN));
                refused = r.checkSell(quantity, request.limitPrice());
            }
        } else {
            BigDecimal quantity = r.roundQuantity(request.quantity());
            refused = r.checkSell(quantity, request.type() == OrderRequest.Type.MARKET ? price : request.limitPrice());
            sized = new OrderRequest(request.clientOrderId(), request.symbol(), request.side(), null, quantity,
                    request.type(), request.limitPrice(), request.stopPrice(), request.postOnly());
        }
        if (refused.isPresent()) {
            return ExecutionReport.rejected(request.clientOrderId(), ExecutionReport.Refusal.BELOW_EXCHANGE_MINIMUM,
                    refused.get(), clock.instant());
        }
        return wallet.place(sized, price, tick(r), r.quantityStep().signum() > 0 ? r.quantityStep() : null);
    }

    /**
     * Matches the resting orders of {@code symbol} against a price read elsewhere, such as by the engine's market
     * monitor, so a stop triggers without waiting for the next order call.
     *
     * @param symbol the market
     * @param price  its last price
     * @param at     when it was read
     * @return the orders that filled
     * @throws ExchangeException when the wallet's ledger cannot be written
     */
    public List<ExecutionReport> match(Symbol symbol, BigDecimal price, Instant at) throws ExchangeException {
        return wallet.match(symbol, PricePath.of(price, at), tick(rules(symbol)));
    }

    @Override
    public Optional<ExecutionReport> findOrder(OrderRequest request) throws ExchangeException {
        if (wallet.isResting(request.clientOrderId())) {
            matchNow(request.symbol());
        }
        return wallet.find(request.clientOrderId());
    }

    @Override
    public Optional<ExecutionReport> cancelOrder(OrderRequest request) throws ExchangeException {
        if (wallet.isResting(request.clientOrderId())) {
            // The price may have filled it already: the cancel then comes too late, as it would on the exchange.
            matchNow(request.symbol());
        }
        return wallet.cancel(request.clientOrderId());
    }

    @Override
    public Map<String, BigDecimal> balances() {
        return wallet.balances();
    }

    /** @return per currency, what the resting orders lock (not in {@link #balances()}); empty when none rests. */
    public Map<String, BigDecimal> lockedBalances() {
        return wallet.lockedBalances();
    }

    @Override
    public BigDecimal feePct() {
        return wallet.feePct();
    }

    private void matchNow(Symbol symbol) throws ExchangeException {
        match(symbol, prices.ticker(symbol).price(), clock.instant());
    }

    private MarketRules rules(Symbol symbol) {
        return rules.getOrDefault(symbol, MarketRules.none(symbol));
    }

    private static BigDecimal tick(MarketRules r) {
        return r.priceTick().signum() > 0 ? r.priceTick() : BigDecimal.ONE.movePointLeft(PRICE_DECIMALS);
    }

    /** The exchange refuses a limit or stop price off its tick (Binance's {@code PRICE_FILTER}). */
    private static Optional<String> offTick(OrderRequest request, MarketRules r) {
        if (r.priceTick().signum() <= 0) {
            return Optional.empty();
        }
        for (BigDecimal p : new BigDecimal[] {request.limitPrice(), request.stopPrice()}) {
            if (p != null && p.remainder(r.priceTick()).signum() != 0) {
                return Optional.of("price " + p.toPlainString() + " is not a multiple of the tick "
                        + r.priceTick().stripTrailingZeros().toPlainString() + " for " + request.symbol());
            }
        }
        return Optional.empty();
    }
}
