package com.byninja.bot.exchange.binance;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.ExchangeException.Kind;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.exchange.MarketData;
import com.byninja.bot.exchange.xchange.Calls;
import com.byninja.bot.exchange.xchange.XChangeErrors;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.binance.dto.account.BinanceAccountInformation;
import org.knowm.xchange.binance.dto.account.BinanceBalance;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real orders on Binance. The client order id goes out as {@code newClientOrderId}, and an order is sent once: when
 * its answer is lost (timeout, network, server error) the order is looked up by that id ({@code origClientOrderId})
 * before anything else happens; when a rate limit refused it, the bot waits as asked, looks it up, and sends it again
 * only when Binance confirms it never received it. Quantities are rounded down to the market's step and orders below
 * its minimum are refused here, with the reason, instead of by Binance.
 */
public final class LiveExecution implements Execution {

    private static final Logger LOG = LoggerFactory.getLogger(LiveExecution.class);
    /** Sends after a rate limit, each preceded by a lookup that found nothing. */
    private static final int RATE_LIMITED_RESENDS = 1;
    private static final BigDecimal DEFAULT_FEE_PCT = new BigDecimal("0.1");

    private final BinanceClient client;
    private final Calls calls;
    private final MarketData prices;
    private final Map<Symbol, MarketRules> rules;
    private final Clock clock;
    private volatile BigDecimal feePct = DEFAULT_FEE_PCT;

    /**
     * @param client the account's client, with its keys
     * @param calls  the calls to Binance
     * @param prices Binance's prices, for a sell's minimum value
     * @param rules  each market's size rules
     * @param clock  the bot's time
     */
    public LiveExecution(BinanceClient client, Calls calls, MarketData prices, Map<Symbol, MarketRules> rules,
                         Clock clock) {
        this.client = client;
        this.calls = calls;
        this.prices = prices;
        this.rules = Map.copyOf(rules);
        this.clock = clock;
    }

    @Override
    public ExecutionReport placeOrder(OrderRequest request) throws ExchangeException {
        MarketRules r = rules.getOrDefault(request.symbol(), MarketRules.none(request.symbol()));
        BigDecimal quantity = null;
        if (request.side() == OrderRequest.Side.BUY) {
            Optional<String> refused = r.checkBuy(request.quoteAmount());
            if (refused.isPresent()) {
                return ExecutionReport.rejected(request.clientOrderId(), ExecutionReport.Refusal.BELOW_EXCHANGE_MINIMUM,
                        refused.get(), clock.instant());
            }
        } else {
            quantity = r.roundQuantity(request.quantity());
            BigDecimal price = r.minNotional().signum() > 0 ? prices.ticker(request.symbol()).price() : null;
            Optional<String> refused = r.checkSell(quantity, price);
            if (refused.isPresent()) {
                return ExecutionReport.rejected(request.clientOrderId(), ExecutionReport.Refusal.BELOW_EXCHANGE_MINIMUM,
                        refused.get(), clock.instant());
            }
        }
        for (int sends = 0; ; sends++) {
            BigDecimal qty = quantity;
            try {
                BinanceNewOrder placed = calls.once(() -> client.placeOrder(request, qty));
                if (!BinanceAdapters.isFinal(placed.status)) {
                    return lookUpAfterLostAnswer(request, "the order is still " + placed.status);
                }
                if (placed.executedQty != null && placed.executedQty.signum() > 0
                        && (placed.fills == null || placed.fills.isEmpty())) {
                    // XChange 5.2.4 drops the answer's cummulativeQuoteQty: without the fills the amount paid is
                    // unknown, and only the lookup has it.
                    return lookUpAfterLostAnswer(request, "the answer carried no fills");
                }
                return BinanceAdapters.report(request.clientOrderId(), request.symbol(), placed);
            } catch (Exception e) {
                Optional<XChangeErrors.Refused> refusal = calls.errors().orderRefusal(e);
                if (refusal.isPresent()) {
                    LOG.warn("binance refused order {}: {}", request.clientOrderId(), refusal.get().reason());
                    return ExecutionReport.rejected(request.clientOrderId(), refusal.get().refusal(),
                            refusal.get().reason(), clock.instant());
                }
                ExchangeException failure = calls.errors().adapt("order " + request.clientOrderId(), e);
                if (failure.kind() == Kind.REFUSED) {
                    return ExecutionReport.rejected(request.clientOrderId(), failure.getMessage(), clock.instant());
                }
                if (failure.kind() == Kind.RATE_LIMITED) {
                    if (failure.retryAfterMs() > calls.maxDelayMs() || sends >= RATE_LIMITED_RESENDS) {
                        LOG.warn("{}; not sent again", failure.getMessage());
                        return lookUpAfterRateLimit(request, failure);
                    }
                    calls.pause(Math.max(Calls.FIRST_DELAY_MS, failure.retryAfterMs()), failure);
                    Optional<ExecutionReport> found = findOrder(request);
                    if (found.isPresent()) {
                        return found.get();
                    }
                    LOG.info("{}; binance has no order {}, sending it again", failure.getMessage(),
                            request.clientOrderId());
                    continue;
                }
                LOG.warn("{}: outcome unknown, looking the order up by its client order id", failure.getMessage());
                return lookUpAfterLostAnswer(request, failure.getMessage());
            }
        }
    }

    private ExecutionReport lookUpAfterRateLimit(OrderRequest request, ExchangeException failure)
            throws ExchangeException {
        Optional<ExecutionReport> found = findOrder(request);
        if (found.isPresent()) {
            return found.get();
        }
        return ExecutionReport.rejected(request.clientOrderId(), ExecutionReport.Refusal.RATE_LIMITED,
                "rate limited by binance, not placed: "
                + failure.getMessage(), clock.instant());
    }

    /** The answer was lost: only a lookup says what happened; when it finds nothing, the outcome stays unknown. */
    private ExecutionReport lookUpAfterLostAnswer(OrderRequest request, String why) throws ExchangeException {
        Optional<ExecutionReport> found = findOrder(request);
        if (found.isPresent()) {
            return found.get();
        }
        throw new ExchangeException(Kind.UNAVAILABLE, "order " + request.clientOrderId() + ": " + why
                + "; binance does not show it yet", null, 0);
    }

    /** By the request's client order id: see {@link #findOrder(Symbol, String)}. */
    @Override
    public Optional<ExecutionReport> findOrder(OrderRequest request) throws ExchangeException {
        return findOrder(request.symbol(), request.clientOrderId());
    }

    /**
     * @return the order as Binance reports it; empty when Binance never received it
     * @throws ExchangeException when Binance cannot be asked, or the order has not finished yet
     */
    Optional<ExecutionReport> findOrder(Symbol symbol, String clientOrderId) throws ExchangeException {
        Optional<BinanceOrder> found = calls.read("lookup of order " + clientOrderId,
                () -> client.order(symbol, clientOrderId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BinanceOrder o = found.get();
        if (!BinanceAdapters.isFinal(o.status)) {
            throw new ExchangeException(Kind.UNAVAILABLE, "order " + clientOrderId + " is still " + o.status, null,
                    0);
        }
        List<BinanceTrade> trades = List.of();
        boolean feesKnown = true;
        if (o.executedQty != null && o.executedQty.signum() > 0) {
            try {
                trades = calls.read("trades of order " + clientOrderId, () -> client.trades(symbol, o.orderId));
            } catch (ExchangeException e) {
                feesKnown = false;
                LOG.warn("{}: the fees of order {} are not known yet; they are looked up again", e.getMessage(),
                        clientOrderId);
            }
        }
        return Optional.of(BinanceAdapters.report(clientOrderId, o, trades, feesKnown));
    }

    @Override
    public Optional<ExecutionReport> cancelOrder(OrderRequest request) throws ExchangeException {
        return findOrder(request);
    }

    @Override
    public Map<String, BigDecimal> balances() throws ExchangeException {
        BinanceAccountInformation account = calls.read("balances", client::account);
        Map<String, BigDecimal> free = new HashMap<>();
        if (account.balances != null) {
            for (BinanceBalance b : account.balances) {
                if (b.getAvailable() != null && b.getAvailable().signum() > 0) {
                    free.put(b.getCurrency().getCurrencyCode(), b.getAvailable());
                }
            }
        }
        return free;
    }

    /** Takes the account's taker commission (Binance sends basis points) as the fee to keep aside for buys. */
    void useCommission(BinanceAccountInformation account) {
        if (account.takerCommission != null && account.takerCommission.signum() > 0) {
            feePct = account.takerCommission.movePointLeft(2).stripTrailingZeros();
        }
    }

    @Override
    public BigDecimal feePct() {
        return feePct;
    }
}
