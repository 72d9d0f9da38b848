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
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.binance.dto.account.BinanceAccountInformation;
import org.knowm.xchange.binance.dto.account.BinanceBalance;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.trade.BinanceCancelledOrder;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real orders on Binance. The client order id goes out as {@code newClientOrderId}, and an order is sent once: when
 * its answer is lost (timeout, network, server error) the order is looked up by that id ({@code origClientOrderId})
 * before anything else happens; when a rate limit refused it, the bot waits as asked, looks it up, and sends it again
 * only when Binance confirms it never received it. Quantities are rounded down to the market's step, prices to its
 * tick (the safe way for the bot, see {@link #size}), and orders below its minimum are refused here, with the reason,
 * instead of by Binance.
 *
 * <p>Limit and stop-loss orders rest on Binance: placing one answers {@code OPEN} with what executed at once, a
 * lookup shows it open until it fills, and a cancel withdraws it by its client order id.
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
        Sized sized = size(request, r);
        if (sized.refused() != null) {
            return ExecutionReport.rejected(request.clientOrderId(), ExecutionReport.Refusal.BELOW_EXCHANGE_MINIMUM,
                    sized.refused(), clock.instant());
        }
        boolean rests = request.type().rests();
        for (int sends = 0; ; sends++) {
            try {
                BinanceNewOrder placed = calls.once(() -> client.placeOrder(request, sized.quantity(), sized.price(),
                        sized.stopPrice()));
                if (!rests && !BinanceAdapters.isFinal(placed.status)) {
                    return lookUpAfterLostAnswer(request, "the order is still " + placed.status);
                }
                if (placed.executedQty != null && placed.executedQty.signum() > 0
                        && (placed.fills == null || placed.fills.isEmpty())) {
                    // XChange 5.2.4 drops the answer's cummulativeQuoteQty: without the fills the amount paid is
                    // unknown, and only the lookup has it.
                    return lookUpAfterLostAnswer(request, "the answer carried no fills");
                }
                return BinanceAdapters.report(request.clientOrderId(), placed, rests);
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

    /**
     * The order as Binance is sent it, or why Binance would refuse its size.
     *
     * @param quantity  the base quantity on the step; null for a market buy, which states its quote amount instead
     * @param price     the limit price on the tick; null for a market order
     * @param stopPrice the stop price on the tick; null unless a stop-loss
     * @param refused   why the order is below the market's minimum, null when it is not
     */
    private record Sized(BigDecimal quantity, BigDecimal price, BigDecimal stopPrice, String refused) {

        static Sized refused(String why) {
            return new Sized(null, null, null, why);
        }
    }

    /**
     * Off-tick prices are rounded the way that never makes the order worse for the bot than asked: a buy pays at
     * most its limit, a sell receives at least its limit, a stop triggers no later than asked, and a stop's limit is
     * lowered so that it still fills once triggered. A limit order is valued at its own price for the minimum.
     */
    private Sized size(OrderRequest request, MarketRules r) throws ExchangeException {
        boolean buy = request.side() == OrderRequest.Side.BUY;
        switch (request.type()) {
            case MARKET -> {
                if (buy) {
                    return r.checkBuy(request.quoteAmount()).map(Sized::refused)
                            .orElse(new Sized(null, null, null, null));
                }
                BigDecimal quantity = r.roundQuantity(request.quantity());
                BigDecimal last = r.minNotional().signum() > 0 ? prices.ticker(request.symbol()).price() : null;
                return sized(r, quantity, last, null, null);
            }
            case LIMIT -> {
                BigDecimal price = plain(r.roundPrice(request.limitPrice(), buy ? RoundingMode.DOWN : RoundingMode.UP));
                if (price.signum() <= 0) {
                    return Sized.refused(belowTick(request.limitPrice(), r));
                }
                BigDecimal quantity = buy ? r.quantityFor(request.quoteAmount(), price)
                        : r.roundQuantity(request.quantity());
                return sized(r, quantity, price, price, null);
            }
            case STOP_LOSS_LIMIT -> {
                BigDecimal stop = plain(r.roundPrice(request.stopPrice(), RoundingMode.UP));
                BigDecimal limit = plain(r.roundPrice(request.limitPrice(), RoundingMode.DOWN));
                if (limit.signum() <= 0) {
                    return Sized.refused(belowTick(request.limitPrice(), r));
                }
                return sized(r, r.roundQuantity(request.quantity()), limit, limit, stop);
            }
            default -> throw new IllegalArgumentException("order type " + request.type());
        }
    }

    private static Sized sized(MarketRules r, BigDecimal quantity, BigDecimal valuedAt, BigDecimal price,
                               BigDecimal stopPrice) {
        Optional<String> refused = r.checkQuantity(quantity, valuedAt);
        return refused.map(Sized::refused).orElse(new Sized(plain(quantity), price, stopPrice, null));
    }

    private static String belowTick(BigDecimal price, MarketRules r) {
        return "limit price " + price.stripTrailingZeros().toPlainString() + " " + r.symbol().quote()
                + " is below the exchange's price tick of " + r.priceTick().stripTrailingZeros().toPlainString()
                + " " + r.symbol().quote() + " for " + r.symbol();
    }

    /** Without an exponent, which Binance would not read ({@code 6E+4}). */
    private static BigDecimal plain(BigDecimal d) {
        return d.scale() < 0 ? d.setScale(0) : d;
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
     * @return the order as Binance reports it, {@code OPEN} for a limit or stop-loss order still resting (with what
     *         filled so far); empty when Binance never received it
     * @throws ExchangeException when Binance cannot be asked, or a market order has not finished yet
     */
    Optional<ExecutionReport> findOrder(Symbol symbol, String clientOrderId) throws ExchangeException {
        Optional<BinanceOrder> found = calls.read("lookup of order " + clientOrderId,
                () -> client.order(symbol, clientOrderId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BinanceOrder o = found.get();
        if (!BinanceAdapters.rests(o.type) && !BinanceAdapters.isFinal(o.status)) {
            throw new ExchangeException(Kind.UNAVAILABLE, "order " + clientOrderId + " is still " + o.status, null,
                    0);
        }
        Trades trades = trades(symbol, clientOrderId, o.orderId, o.executedQty);
        return Optional.of(BinanceAdapters.report(clientOrderId, o, trades.trades(), trades.known()));
    }

    /** An order's trades, for its fees; {@code known} is false when they could not be read. */
    private record Trades(List<BinanceTrade> trades, boolean known) {
    }

    private Trades trades(Symbol symbol, String clientOrderId, long orderId, BigDecimal executed) {
        if (executed == null || executed.signum() <= 0) {
            return new Trades(List.of(), true);
        }
        try {
            return new Trades(calls.read("trades of order " + clientOrderId, () -> client.trades(symbol, orderId)),
                    true);
        } catch (ExchangeException e) {
            LOG.warn("{}: the fees of order {} are not known yet; they are looked up again", e.getMessage(),
                    clientOrderId);
            return new Trades(List.of(), false);
        }
    }

    /**
     * Sent once, like an order: when the answer is lost the order may or may not still rest, and only the caller's
     * next attempt (a cancel of an order no longer open is answered "unknown order") or a lookup can say.
     */
    @Override
    public Optional<ExecutionReport> cancelOrder(OrderRequest request) throws ExchangeException {
        String id = request.clientOrderId();
        BinanceCancelledOrder answer;
        try {
            answer = calls.once(() -> client.cancel(request.symbol(), id));
        } catch (Exception e) {
            if (e instanceof BinanceException b && b.getCode() == BinanceErrors.CANCEL_REJECTED) {
                return afterUnknownOrder(request);
            }
            throw calls.errors().adapt("cancel of order " + id, e);
        }
        Optional<OrderStatus> status = BinanceAdapters.status(answer.status);
        if (status.isEmpty() || !BinanceAdapters.isFinal(status.get())) {
            // Binance confirms a cancel with CANCELED; anything else means the order may still be working.
            Optional<ExecutionReport> now = findOrder(request);
            if (now.isPresent() && now.get().status().isFinal()) {
                return now;
            }
            throw new ExchangeException(Kind.UNAVAILABLE, "cancel of order " + id + ": binance answered "
                    + answer.status + ", the order may still rest", null, 0);
        }
        BigDecimal executed = BinanceAdapters.decimal(answer.executedQty);
        Trades trades = trades(request.symbol(), id, answer.orderId, executed);
        LOG.info("binance cancelled order {} ({} filled before)", id, executed.toPlainString());
        return Optional.of(BinanceAdapters.cancelled(id, answer, status.get(), trades.trades(), trades.known(),
                clock.instant()));
    }

    /**
     * Binance answers a cancel of an order it never had and of one no longer open alike: the lookup tells them apart,
     * and gives a filled or already cancelled order's final report.
     */
    private Optional<ExecutionReport> afterUnknownOrder(OrderRequest request) throws ExchangeException {
        Optional<ExecutionReport> found = findOrder(request);
        if (found.isPresent() && !found.get().status().isFinal()) {
            throw new ExchangeException(Kind.UNAVAILABLE, "cancel of order " + request.clientOrderId()
                    + ": binance did not know the order, yet shows it " + found.get().status(), null, 0);
        }
        return found;
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
