package com.byninja.bot.exchange.binance;

import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.xchange.Calls;
import com.byninja.bot.exchange.xchange.MarketSource;
import com.byninja.bot.exchange.xchange.Specifications;
import com.byninja.bot.exchange.xchange.XChangeAdapters;
import com.byninja.bot.exchange.xchange.XChangeErrors;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.account.BinanceAccountInformation;
import org.knowm.xchange.binance.dto.marketdata.BinanceKline;
import org.knowm.xchange.binance.dto.marketdata.KlineInterval;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import org.knowm.xchange.binance.dto.trade.BinanceCancelledOrder;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderSide;
import org.knowm.xchange.binance.dto.trade.OrderType;
import org.knowm.xchange.binance.dto.trade.TimeInForce;
import org.knowm.xchange.binance.service.BinanceAccountService;
import org.knowm.xchange.binance.service.BinanceHmacDigest;
import org.knowm.xchange.binance.service.BinanceMarketDataService;
import org.knowm.xchange.binance.service.BinanceTradeService;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.SynchronizedValueFactory;

/**
 * The thin client: Binance's own REST calls through {@code xchange-binance}'s raw services, with the bot's HTTP
 * timeouts and without XChange's own retries (the bot decides what is tried again, see {@link Calls}). Metadata is
 * read by {@link #rules} rather than by XChange's start-up, so that its failure is retried and reported like any
 * other call. Thread-safe as XChange's services are: each call is one HTTP request.
 */
public final class BinanceClient implements MarketSource {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceClient.class);
    private static final int MAX_KLINES = 1000;
    private static final BinanceErrors CODES = new BinanceErrors();

    private final Market market;
    private final BinanceTradeService trade;
    private final BinanceAccountService account;
    private final BinanceOrderLookup lookup;
    private final SynchronizedValueFactory<Long> timestamps;
    private final String apiKey;
    private final ParamsDigest signature;
    private final String apiUrl;

    /** @param settings the address and timeouts, and for live trading the keys */
    public BinanceClient(ExchangeSettings settings) {
        BinanceExchange prototype = new BinanceExchange();
        ExchangeSpecification spec = prototype.getDefaultExchangeSpecification();
        Specifications.apply(spec, settings);
        spec.setShouldLoadRemoteMetaData(false);
        if (settings.live()) {
            spec.setApiKey(settings.apiKey());
            spec.setSecretKey(settings.apiSecret());
        }
        BinanceExchange exchange = (BinanceExchange) ExchangeFactory.INSTANCE.createExchange(spec);
        this.market = new Market(exchange);
        this.trade = (BinanceTradeService) exchange.getTradeService();
        this.account = (BinanceAccountService) exchange.getAccountService();
        this.lookup = ExchangeRestProxyBuilder.forInterface(BinanceOrderLookup.class, spec).build();
        this.timestamps = exchange.getTimestampFactory();
        this.apiKey = spec.getApiKey();
        this.signature = spec.getSecretKey() == null ? null : BinanceHmacDigest.createInstance(spec.getSecretKey());
        this.apiUrl = spec.getSslUri();
    }

    @Override
    public String name() {
        return "binance";
    }

    @Override
    public String apiUrl() {
        return apiUrl;
    }

    @Override
    public XChangeErrors.Codes errorCodes() {
        return CODES;
    }

    /**
     * Reads exchangeInfo and registers the markets with XChange's symbol map (a JVM-wide static that parses
     * {@code BTCUSDT} back into a pair).
     *
     * @throws IllegalArgumentException naming the markets Binance does not list
     */
    @Override
    public Map<Symbol, MarketRules> rules(List<Symbol> symbols) throws Exception {
        BinanceExchangeInfo info = market.getExchangeInfo();
        Map<String, org.knowm.xchange.binance.dto.meta.exchangeinfo.Symbol> listed = new LinkedHashMap<>();
        if (info.getSymbols() != null) {
            info.getSymbols().forEach(s -> listed.put(s.getSymbol(), s));
        }
        Map<Symbol, MarketRules> rules = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Symbol symbol : symbols) {
            var s = listed.get(symbol.compact());
            if (s == null) {
                missing.add(symbol.toString());
                continue;
            }
            org.knowm.xchange.binance.BinanceAdapters.putSymbolMapping(symbol.compact(), XChangeAdapters.pair(symbol));
            if (s.getStatus() != null && !"TRADING".equals(s.getStatus())) {
                LOG.warn("binance lists {} as {}, not TRADING: orders will be refused", symbol, s.getStatus());
            }
            rules.put(symbol, BinanceAdapters.rules(symbol, s.getFilters()));
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("binance does not list " + String.join(", ", missing));
        }
        return rules;
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) throws Exception {
        return market.price(symbol.compact());
    }

    @Override
    public Optional<String> candleName(Duration timeframe) {
        return BinanceAdapters.klineInterval(timeframe).map(i -> "binance klines");
    }

    /** @return Binance's own API address, which the client uses when {@code exchange.baseUrl} is empty */
    public static String defaultApiUrl() {
        return new BinanceExchange().getDefaultExchangeSpecification().getSslUri();
    }

    /**
     * Answered without the network.
     *
     * @return the lengths Binance has klines of, shortest first, each with Binance's name for it ({@code 1m},
     *         {@code 4h}, {@code 1w}); its month, {@code 1M}, is counted as 30 days, as XChange counts it
     */
    public static Map<Duration, String> klineIntervals() {
        Map<Duration, String> intervals = new LinkedHashMap<>();
        for (KlineInterval i : KlineInterval.values()) {
            intervals.put(Duration.ofMillis(i.getMillis()), i.code());
        }
        return intervals;
    }

    /** Binance's klines: the newest {@code count}, or the first {@code count} from {@code since} on. */
    @Override
    public Optional<List<Candle>> candles(Symbol symbol, Duration timeframe, Instant since, int count, Instant now)
            throws Exception {
        Optional<KlineInterval> interval = BinanceAdapters.klineInterval(timeframe);
        if (interval.isEmpty()) {
            return Optional.empty();
        }
        List<BinanceKline> klines = market.klines(XChangeAdapters.pair(symbol), interval.get(),
                Math.min(count, MAX_KLINES), since == null ? null : since.toEpochMilli(), null);
        List<Candle> candles = new ArrayList<>(klines.size());
        for (BinanceKline k : klines) {
            candles.add(BinanceAdapters.candle(symbol, timeframe, k));
        }
        return Optional.of(candles);
    }

    /**
     * Sends an order, once, with the client order id as {@code newClientOrderId} and the full answer (its fills). A
     * market buy spends a quote amount ({@code quoteOrderQty}), every other order states its {@code quantity}. A limit
     * order rests until cancelled ({@code GTC}), a post-only one is Binance's {@code LIMIT_MAKER}, which takes no time
     * in force; a stop-loss is {@code STOP_LOSS_LIMIT} with its {@code stopPrice}.
     *
     * @param quantity  the base quantity, on the step; null for a market buy
     * @param price     the limit price, on the tick; null for a market order
     * @param stopPrice the stop price, on the tick; null unless a stop-loss
     */
    BinanceNewOrder placeOrder(OrderRequest request, BigDecimal quantity, BigDecimal price, BigDecimal stopPrice)
            throws Exception {
        boolean buy = request.side() == OrderRequest.Side.BUY;
        OrderType type = switch (request.type()) {
            case MARKET -> OrderType.MARKET;
            case LIMIT -> request.postOnly() ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
            case STOP_LOSS_LIMIT -> OrderType.STOP_LOSS_LIMIT;
        };
        TimeInForce timeInForce = type == OrderType.LIMIT || type == OrderType.STOP_LOSS_LIMIT ? TimeInForce.GTC
                : null;
        boolean quoteSized = type == OrderType.MARKET && buy;
        return trade.newOrder(XChangeAdapters.pair(request.symbol()), buy ? OrderSide.BUY : OrderSide.SELL, type,
                timeInForce, quoteSized ? null : quantity, quoteSized ? request.quoteAmount() : null, price,
                request.clientOrderId(), stopPrice, null, null, BinanceNewOrder.NewOrderResponseType.FULL);
    }

    /**
     * Cancels an open order by its client order id, once.
     *
     * @return Binance's answer: the order as it stands after the cancel
     * @throws org.knowm.xchange.binance.dto.BinanceException {@link BinanceErrors#CANCEL_REJECTED} when Binance has
     *                                                        no open order with this id
     */
    BinanceCancelledOrder cancel(Symbol symbol, String clientOrderId) throws Exception {
        return lookup.cancel(symbol.compact(), clientOrderId, null, timestamps, apiKey, signature);
    }

    /** @return the order with this client order id, or empty when Binance has none. */
    Optional<BinanceOrder> order(Symbol symbol, String clientOrderId) throws Exception {
        try {
            return Optional.of(lookup.order(symbol.compact(), clientOrderId, null, timestamps, apiKey, signature));
        } catch (org.knowm.xchange.binance.dto.BinanceException e) {
            if (e.getCode() == BinanceErrors.NO_SUCH_ORDER) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** @return the trades of one order, for its fees. */
    List<BinanceTrade> trades(Symbol symbol, long orderId) throws Exception {
        return trade.myTradesAllProducts(XChangeAdapters.pair(symbol), orderId, null, null, null, null);
    }

    /** @return every open order of the account. */
    List<BinanceOrder> openOrders() throws Exception {
        return trade.openOrdersAllProducts();
    }

    /** @return balances and commissions. */
    BinanceAccountInformation account() throws Exception {
        return account.account();
    }

    /**
     * XChange's market data service, plus Binance's one-symbol price call: XChange's own {@code tickerPrice} asks for
     * every market's price and filters them, at forty times the request weight.
     */
    private static final class Market extends BinanceMarketDataService {

        Market(BinanceExchange exchange) {
            super(exchange, exchange.getResilienceRegistries());
        }

        BigDecimal price(String symbol) throws java.io.IOException {
            return binance.tickerPrice(symbol).getPrice();
        }
    }
}
