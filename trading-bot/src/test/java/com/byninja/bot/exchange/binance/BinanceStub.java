package com.byninja.bot.exchange.binance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.Clock;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binance's spot REST API as far as the bot uses it, on 127.0.0.1 and an ephemeral port: exchangeInfo (BTCUSDT and
 * ETHUSDT with LOT_SIZE, PRICE_FILTER and NOTIONAL filters), ticker/price, klines, market orders filled at the
 * ticker price (POST), order lookup by origClientOrderId, openOrders, myTrades and account. Errors are Binance's
 * JSON {"code":..,"msg":..}. Every request is recorded; faults (slow answers, rate limits) can be queued per path.
 *
 * <p>LIMIT, LIMIT_MAKER and STOP_LOSS_LIMIT orders rest with Binance's statuses (NEW, PARTIALLY_FILLED, FILLED,
 * CANCELED) until {@link #movePrice} reaches them, a test fills part of one ({@link #fillPart}) or cancels it
 * ({@link #cancelOnExchange}), or the bot cancels it (DELETE, answered -2011 "Unknown order sent." for an order not
 * open). A LIMIT_MAKER that would take and a stop whose stop price the price is already at or below are refused with
 * -2010, in Binance's words; a marketable LIMIT fills at once at the price, as a taker. With {@link #settles} on, a
 * resting order holds what it may spend ({@link #locked}) until it fills or is cancelled.
 *
 * <p>Fees are charged as {@link #feeCharge} says: 0.1 % in USDT (the default), 0.1 % in what the trader receives (the
 * coin bought on a buy, USDT on a sell: Binance's own rule), or 0.075 % paid in BNB. {@link #queueFills} makes the
 * next order fill exactly as given (several prices, fees in mixed currencies). With {@link #settles} on, fills move
 * the account's balances and an order the account cannot pay for is refused with -2010, as on Binance. With
 * {@link #answersWithoutFills} on, an order's answer leaves its fills out (a lookup still finds them).
 *
 * <p>Klines run on {@link #clock}: the newest is the one in progress {@link #klineLagMs} before now (so for that long
 * after a period ends Binance still shows it in progress, as it can), and a kline in progress shows only its first
 * trade (high, low and close at its open, volume 0). Klines set by {@link #kline} have the given final values, the
 * others made-up ones; those in {@link #missingKlines} are never served. As on Binance, {@code startTime} and
 * {@code endTime} bound the open times (without {@code startTime}, the newest {@code limit} up to {@code endTime} or
 * now), and a {@code limit} above 1000 is refused (-1130). {@link #klinesAsHistory} makes the made-up klines depend on
 * their open time alone (the same history at any clock) and begin at a listing time; {@link #failKlinesAfter} and
 * {@link #holdKlinesAfter} fail or never answer the klines requests after a number of answers.
 *
 * <p>Public as far as the generic client's test, which runs XChange's Binance module against it, needs.
 */
public final class BinanceStub implements AutoCloseable {

    /** A request as the stub received it. */
    public record Request(String method, String path, Map<String, String> params, String apiKey) {
    }

    /**
     * One order the stub executed or holds open, with its fills so far.
     *
     * @param type      Binance's type: MARKET, LIMIT, LIMIT_MAKER or STOP_LOSS_LIMIT
     * @param quantity  the quantity ordered ({@code origQty})
     * @param price     the limit price; for a market order the price it filled at
     * @param stopPrice a stop's trigger price, else null
     * @param status    Binance's status: NEW, PARTIALLY_FILLED, FILLED, CANCELED
     * @param triggered whether a stop's trigger price was reached (Binance's {@code isWorking})
     */
    record StubOrder(String symbol, long orderId, String clientOrderId, String side, String type,
                     String timeInForce, BigDecimal quantity, BigDecimal price, BigDecimal stopPrice, String status,
                     boolean triggered, long time, List<StubFill> fills) {

        /** @return the base quantity filled so far ({@code executedQty}) */
        BigDecimal executed() {
            return fills.stream().map(StubFill::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** @return the quote amount of the fills so far ({@code cummulativeQuoteQty}) */
        BigDecimal quote() {
            return fills.stream().map(f -> f.price().multiply(f.qty())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal remaining() {
            return quantity.subtract(executed());
        }

        /** @return whether the order rests: NEW or PARTIALLY_FILLED */
        boolean open() {
            return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
        }

        boolean buy() {
            return side.equals("BUY");
        }

        StubOrder with(String newStatus, boolean nowTriggered, List<StubFill> newFills) {
            return new StubOrder(symbol, orderId, clientOrderId, side, type, timeInForce, quantity, price, stopPrice,
                    newStatus, nowTriggered, time, List.copyOf(newFills));
        }
    }

    /** One trade of an order: its price, quantity, and the fee Binance took for it, in which asset. */
    record StubFill(BigDecimal price, BigDecimal qty, BigDecimal commission, String commissionAsset) {

        static StubFill of(String price, String qty, String commission, String commissionAsset) {
            return new StubFill(new BigDecimal(price), new BigDecimal(qty), new BigDecimal(commission),
                    commissionAsset);
        }
    }

    /** A kline's final values, served for one period once it is over. */
    record StubKline(String open, String high, String low, String close, String volume) {
    }

    /** In which asset fees are taken. */
    enum FeeCharge {
        /** 0.1 % of the quote amount, in USDT, on buys and sells alike. */
        QUOTE,
        /** 0.1 % of what the trader receives: the coin bought on a buy, USDT on a sell. */
        RECEIVED,
        /** 0.075 % of the quote amount, paid in BNB at {@link #BNB_PRICE}. */
        BNB
    }

    /** A fault served instead of the normal answer. */
    public record Fault(int status, long retryAfterSeconds, String body) {
    }

    static final BigDecimal STEP = new BigDecimal("0.00001");
    static final BigDecimal BNB_PRICE = new BigDecimal("600");
    private static final String INSUFFICIENT_BALANCE = "{\"code\":-2010,\"msg\":\"Account has insufficient "
            + "balance for requested action.\"}";
    private static final String WOULD_TRIGGER = "{\"code\":-2010,\"msg\":\"Order would trigger immediately.\"}";
    private static final String WOULD_TAKE = "{\"code\":-2010,\"msg\":\"Order would immediately match and take.\"}";
    private static final String UNKNOWN_ORDER = "{\"code\":-2011,\"msg\":\"Unknown order sent.\"}";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "binance-stub");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<StubOrder> orders = new CopyOnWriteArrayList<>();
    public final Map<String, BigDecimal> prices = new ConcurrentHashMap<>();
    /** Free balances; with {@link #settles}, what resting orders hold is in {@link #locked}. */
    final Map<String, BigDecimal> balances = new ConcurrentHashMap<>();
    final Map<String, BigDecimal> locked = new ConcurrentHashMap<>();
    final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Deque<List<StubFill>> queuedFills = new ConcurrentLinkedDeque<>();
    private final AtomicLong orderIds = new AtomicLong(1000);
    volatile long orderAnswerDelayMs;
    /** Binance may execute an order whose answer was lost and show it only later: lookups miss it this long. */
    volatile long orderVisibleAfterMs;
    private final Map<String, Long> visibleAt = new ConcurrentHashMap<>();
    volatile FeeCharge feeCharge = FeeCharge.QUOTE;
    volatile boolean settles;
    volatile boolean answersWithoutFills;
    /** How many of the next stop-loss orders are refused, as Binance refuses one its price filters reject (-1013). */
    final AtomicInteger stopsToRefuse = new AtomicInteger();
    volatile Clock clock = Clock.systemUTC();
    volatile long klineLagMs;
    final Map<String, StubKline> klines = new ConcurrentHashMap<>();
    final Set<Long> missingKlines = ConcurrentHashMap.newKeySet();
    private volatile boolean historyKlines;
    private volatile long listedMs = Long.MIN_VALUE;
    private final AtomicInteger klinesAnswered = new AtomicInteger();
    private final Map<String, List<String>> servedKlines = new ConcurrentHashMap<>();
    private volatile int klinesAnsweredLimit = Integer.MAX_VALUE;
    /** What the klines requests past the limit get; null: no answer until the stub closes. */
    private volatile Fault klinesFailure;

    public BinanceStub() throws IOException {
        prices.put("BTCUSDT", new BigDecimal("60000.00"));
        prices.put("ETHUSDT", new BigDecimal("3000.00"));
        balances.put("USDT", new BigDecimal("10000"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return the address to give the bot as exchange.baseUrl. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code fault} for the next request to {@code path} (any method). */
    public void failNext(String path, Fault fault) {
        faults.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).add(fault);
    }

    public static Fault rateLimit(int status, long retryAfterSeconds) {
        return new Fault(status, retryAfterSeconds, "{\"code\":-1003,\"msg\":\"Too much request weight used; "
                + "current limit is 6000 request weight per 1 MINUTE.\"}");
    }

    /** The time the klines run on: which one is in progress, which are final. */
    public void clock(Clock clock) {
        this.clock = clock;
    }

    /**
     * Made-up klines depend on their open time alone, so that a period has the same values at any clock, with
     * Binance's eight decimals ({@code "60000.27000000"}); none opens before {@code listed}, as for a market Binance
     * listed then.
     */
    public void klinesAsHistory(Instant listed) {
        listedMs = listed.toEpochMilli();
        historyKlines = true;
    }

    /** After {@code answers} more klines answers, each klines request gets HTTP {@code status} until answered again. */
    public void failKlinesAfter(int answers, int status) {
        klinesFailure = new Fault(status, 0, "{\"code\":-1000,\"msg\":\"An unknown error occurred while processing the "
                + "request.\"}");
        klinesAnsweredLimit = klinesAnswered.get() + answers;
    }

    /** After {@code answers} more klines answers, klines requests get no answer until the stub closes. */
    public void holdKlinesAfter(int answers) {
        klinesFailure = null;
        klinesAnsweredLimit = klinesAnswered.get() + answers;
    }

    /** Klines requests are answered again. */
    public void answerKlines() {
        klinesAnsweredLimit = Integer.MAX_VALUE;
    }

    /** The next klines request gets HTTP {@code status} (429, 418) with a Retry-After, as Binance's rate limits. */
    public void rateLimitNextKlines(int status, long retryAfterSeconds) {
        failNext("/api/v3/klines", rateLimit(status, retryAfterSeconds));
    }

    /**
     * @param symbol such as {@code BTCUSDT}
     * @return every kline row of the symbol served so far, as Binance's JSON arrays, in order:
     *         {@code [open,"o","h","l","c","v",close,...]}
     */
    public List<String> servedKlines(String symbol) {
        return List.copyOf(servedKlines.getOrDefault(symbol, List.of()));
    }

    /** @return the klines requests so far, with their parameters */
    public List<Request> klineRequests() {
        return requests("GET", "/api/v3/klines");
    }

    public List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** Serves {@code k} as the final values of {@code symbol}'s kline opening at {@code open}, of any interval. */
    void kline(String symbol, Instant open, StubKline k) {
        klines.put(symbol + "@" + open.toEpochMilli(), k);
    }

    /** The next order fills exactly with {@code fills}, whatever amount it asked for. */
    void queueFills(StubFill... fills) {
        queuedFills.add(List.of(fills));
    }

    /** Adds an order as if placed earlier by someone; a filled one has one fill, its fee charged as set. */
    StubOrder addOrder(String symbol, String clientOrderId, String side, String quantity, String price,
                       String status) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal p = new BigDecimal(price);
        List<StubFill> fills = status.equals("FILLED") ? List.of(fill(symbol, side, p, q)) : List.of();
        StubOrder o = new StubOrder(symbol, orderIds.incrementAndGet(), clientOrderId, side,
                fills.isEmpty() ? "LIMIT" : "MARKET", "GTC", q, p, null, status, false, System.currentTimeMillis(),
                fills);
        orders.add(o);
        return o;
    }

    /** Adds an order filled earlier with exactly {@code fills}. */
    StubOrder addFilledOrder(String symbol, String clientOrderId, String side, StubFill... fills) {
        StubOrder o = filled(symbol, clientOrderId, side, List.of(fills));
        orders.add(o);
        return o;
    }

    private StubOrder filled(String symbol, String clientOrderId, String side, List<StubFill> fills) {
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        for (StubFill f : fills) {
            qty = qty.add(f.qty());
            quote = quote.add(f.price().multiply(f.qty()));
        }
        return new StubOrder(symbol, orderIds.incrementAndGet(), clientOrderId, side, "MARKET", "GTC", qty,
                fills.get(fills.size() - 1).price(), null, "FILLED", false, System.currentTimeMillis(), fills);
    }

    /** One fill at {@code price}, its fee charged as {@link #feeCharge} says. */
    private StubFill fill(String symbol, String side, BigDecimal price, BigDecimal qty) {
        BigDecimal quote = qty.multiply(price);
        String base = symbol.substring(0, symbol.length() - "USDT".length());
        return switch (feeCharge) {
            case QUOTE -> new StubFill(price, qty, quote.multiply(new BigDecimal("0.001")).setScale(8,
                    RoundingMode.UP), "USDT");
            case RECEIVED -> side.equals("BUY")
                    ? new StubFill(price, qty, qty.multiply(new BigDecimal("0.001")).setScale(8, RoundingMode.UP), base)
                    : new StubFill(price, qty, quote.multiply(new BigDecimal("0.001")).setScale(8, RoundingMode.UP),
                    "USDT");
            case BNB -> new StubFill(price, qty, quote.multiply(new BigDecimal("0.00075"))
                    .divide(BNB_PRICE, 8, RoundingMode.UP), "BNB");
        };
    }

    /** Moves the balances for {@code o}; false, changing nothing, when the account cannot pay for it. */
    private synchronized boolean settle(StubOrder o) {
        String base = o.symbol().substring(0, o.symbol().length() - "USDT".length());
        Map<String, BigDecimal> after = new java.util.HashMap<>(balances);
        boolean buy = o.side().equals("BUY");
        after.merge(buy ? "USDT" : base, (buy ? o.quote() : o.executed()).negate(), BigDecimal::add);
        after.merge(buy ? base : "USDT", buy ? o.executed() : o.quote(), BigDecimal::add);
        for (StubFill f : o.fills()) {
            after.merge(f.commissionAsset(), f.commission().negate(), BigDecimal::add);
        }
        if (after.values().stream().anyMatch(v -> v.signum() < 0)) {
            return false;
        }
        balances.putAll(after);
        return true;
    }

    /**
     * Sets {@code symbol}'s price and matches its resting orders against it: a limit buy fills at its limit when the
     * price is at or below it, a limit sell when at or above; a stop triggers when the price is at or below its stop
     * price, then fills at this price when it is at or above its limit, else rests as a limit sell at its limit.
     */
    public synchronized void movePrice(String symbol, BigDecimal price) {
        prices.put(symbol, price);
        for (StubOrder o : orders) {
            if (!o.symbol().equals(symbol) || !o.open()) {
                continue;
            }
            if (o.stopPrice() != null && !o.triggered()) {
                if (price.compareTo(o.stopPrice()) > 0) {
                    continue;
                }
                o = replace(o, o.with(o.status(), true, o.fills()));
                if (price.compareTo(o.price()) >= 0) {
                    fillResting(o, o.remaining(), price);
                }
                continue;
            }
            if (o.buy() ? price.compareTo(o.price()) <= 0 : price.compareTo(o.price()) >= 0) {
                fillResting(o, o.remaining(), o.price());
            }
        }
    }

    /** Fills {@code qty} of the open order {@code clientOrderId} at its limit price, as a counterparty would. */
    synchronized void fillPart(String clientOrderId, String qty) {
        StubOrder o = openOrder(clientOrderId);
        fillResting(o.triggered() || o.stopPrice() == null ? o : replace(o, o.with(o.status(), true, o.fills())),
                new BigDecimal(qty), o.price());
    }

    /** Cancels the open order {@code clientOrderId} as if someone did on Binance's site. */
    synchronized void cancelOnExchange(String clientOrderId) {
        cancel(openOrder(clientOrderId));
    }

    /** @return the order with this client order id as the stub holds it now */
    StubOrder order(String clientOrderId) {
        return orders.stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst().orElseThrow();
    }

    private StubOrder openOrder(String clientOrderId) {
        return orders.stream().filter(o -> o.clientOrderId().equals(clientOrderId) && o.open()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no open order " + clientOrderId));
    }

    private StubOrder replace(StubOrder was, StubOrder now) {
        orders.set(orders.indexOf(was), now);
        return now;
    }

    /**
     * A LIMIT, LIMIT_MAKER or STOP_LOSS_LIMIT order: refused as Binance refuses a post-only order that would take or
     * a stop that would trigger at once; a marketable LIMIT fills at once at the current price (as a taker); else it
     * rests, holding what it may spend when the stub settles.
     */
    private void placeResting(HttpExchange ex, Map<String, String> p) throws IOException {
        String symbol = p.get("symbol");
        String type = p.get("type");
        String side = p.get("side");
        BigDecimal qty = new BigDecimal(p.get("quantity"));
        BigDecimal limit = new BigDecimal(p.get("price"));
        BigDecimal stop = p.containsKey("stopPrice") ? new BigDecimal(p.get("stopPrice")) : null;
        StubOrder o;
        synchronized (this) {
            BigDecimal last = price(symbol);
            boolean marketable = side.equals("BUY") ? last.compareTo(limit) <= 0 : last.compareTo(limit) >= 0;
            if (type.equals("LIMIT_MAKER") && marketable) {
                send(ex, 400, WOULD_TAKE);
                return;
            }
            if (type.equals("STOP_LOSS_LIMIT") && stop.compareTo(last) >= 0) {
                send(ex, 400, WOULD_TRIGGER);
                return;
            }
            boolean fillsNow = type.equals("LIMIT") && marketable;
            o = new StubOrder(symbol, orderIds.incrementAndGet(), p.get("newClientOrderId"), side, type,
                    p.getOrDefault("timeInForce", "GTC"), qty, limit, stop, fillsNow ? "FILLED" : "NEW", false,
                    System.currentTimeMillis(), fillsNow ? List.of(fill(symbol, side, last, qty)) : List.of());
            if (settles && !(fillsNow ? settle(o) : lock(o))) {
                send(ex, 400, INSUFFICIENT_BALANCE);
                return;
            }
        }
        accepted(ex, o);
    }

    /** Sets aside what a resting order may spend: the coins of a sell, the quote of a buy at its limit. */
    private boolean lock(StubOrder o) {
        String asset = o.buy() ? "USDT" : base(o.symbol());
        BigDecimal amount = held(o, o.remaining());
        if (balances.getOrDefault(asset, BigDecimal.ZERO).compareTo(amount) < 0) {
            return false;
        }
        move(asset, amount.negate(), amount);
        return true;
    }

    private static BigDecimal held(StubOrder o, BigDecimal qty) {
        return o.buy() ? qty.multiply(o.price()) : qty;
    }

    private void move(String asset, BigDecimal free, BigDecimal held) {
        balances.merge(asset, free, BigDecimal::add);
        locked.merge(asset, held, BigDecimal::add);
    }

    private static String base(String symbol) {
        return symbol.substring(0, symbol.length() - "USDT".length());
    }

    /** One fill of a resting order at {@code price}; when settling, paid from what the order held. */
    private void fillResting(StubOrder o, BigDecimal qty, BigDecimal price) {
        StubFill f = fill(o.symbol(), o.side(), price, qty);
        List<StubFill> fills = new ArrayList<>(o.fills());
        fills.add(f);
        StubOrder now = o.with(qty.compareTo(o.remaining()) >= 0 ? "FILLED" : "PARTIALLY_FILLED", o.triggered(),
                fills);
        replace(o, now);
        if (!settles) {
            return;
        }
        BigDecimal quote = qty.multiply(price);
        if (o.buy()) {
            BigDecimal held = held(o, qty);
            move("USDT", held.subtract(quote), held.negate());
            balances.merge(base(o.symbol()), qty, BigDecimal::add);
        } else {
            move(base(o.symbol()), BigDecimal.ZERO, qty.negate());
            balances.merge("USDT", quote, BigDecimal::add);
        }
        balances.merge(f.commissionAsset(), f.commission().negate(), BigDecimal::add);
    }

    /** @return the order cancelled, what it held given back */
    private StubOrder cancel(StubOrder o) {
        StubOrder now = replace(o, o.with("CANCELED", o.triggered(), o.fills()));
        if (settles) {
            BigDecimal held = held(o, o.remaining());
            move(o.buy() ? "USDT" : base(o.symbol()), held, held.negate());
        }
        return now;
    }

    private void cancelOrder(HttpExchange ex, Map<String, String> p) throws IOException {
        StubOrder cancelled = null;
        synchronized (this) {
            for (StubOrder o : orders) {
                if (o.clientOrderId().equals(p.get("origClientOrderId")) && o.symbol().equals(p.get("symbol"))
                        && o.open()) {
                    cancelled = cancel(o);
                    break;
                }
            }
        }
        if (cancelled == null) {
            send(ex, 400, UNKNOWN_ORDER);
            return;
        }
        StubOrder o = cancelled;
        send(ex, 200, "{\"symbol\":\"" + o.symbol() + "\",\"origClientOrderId\":\"" + o.clientOrderId()
                + "\",\"orderId\":" + o.orderId() + ",\"orderListId\":-1,\"clientOrderId\":\"cancel-"
                + o.orderId() + "\",\"transactTime\":" + System.currentTimeMillis() + ",\"price\":\""
                + o.price().toPlainString() + "\",\"origQty\":\"" + o.quantity().toPlainString()
                + "\",\"executedQty\":\"" + plain(o.executed()) + "\",\"cummulativeQuoteQty\":\""
                + plain(o.quote()) + "\",\"status\":\"CANCELED\",\"timeInForce\":\"" + o.timeInForce()
                + "\",\"type\":\"" + o.type() + "\",\"side\":\"" + o.side() + "\""
                + (o.stopPrice() == null ? "" : ",\"stopPrice\":\"" + o.stopPrice().toPlainString() + "\"")
                + ",\"selfTradePreventionMode\":\"NONE\"}");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> params = new LinkedHashMap<>();
            parse(ex.getRequestURI().getRawQuery(), params);
            parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
            requests.add(new Request(ex.getRequestMethod(), path, Map.copyOf(params),
                    ex.getRequestHeaders().getFirst("X-MBX-APIKEY")));
            Deque<Fault> queued = faults.get(path);
            Fault fault = queued == null ? null : queued.poll();
            if (fault != null) {
                if (fault.retryAfterSeconds() > 0) {
                    ex.getResponseHeaders().add("Retry-After", Long.toString(fault.retryAfterSeconds()));
                }
                send(ex, fault.status(), fault.body());
                return;
            }
            switch (ex.getRequestMethod() + " " + path) {
                case "GET /api/v3/time" -> send(ex, 200, "{\"serverTime\":" + System.currentTimeMillis() + "}");
                case "GET /api/v3/exchangeInfo" -> send(ex, 200, exchangeInfo());
                case "GET /api/v3/ticker/price" -> send(ex, 200, "{\"symbol\":\"" + params.get("symbol")
                        + "\",\"price\":\"" + price(params.get("symbol")).toPlainString() + "\"}");
                case "GET /api/v3/klines" -> klines(ex, params);
                case "GET /api/v3/ticker/24hr" -> send(ex, 200, ticker24h(params.get("symbol")));
                case "POST /api/v3/order" -> {
                    if ("STOP_LOSS_LIMIT".equals(params.get("type")) && stopsToRefuse.getAndUpdate(n -> Math.max(0,
                            n - 1)) > 0) {
                        send(ex, 400, "{\"code\":-1013,\"msg\":\"Filter failure: PERCENT_PRICE_BY_SIDE\"}");
                    } else if ("MARKET".equals(params.get("type"))) {
                        placeOrder(ex, params);
                    } else {
                        placeResting(ex, params);
                    }
                }
                case "GET /api/v3/order" -> findOrder(ex, params);
                case "DELETE /api/v3/order" -> cancelOrder(ex, params);
                case "GET /api/v3/openOrders" -> send(ex, 200, "[" + String.join(",", orders.stream()
                        .filter(StubOrder::open).map(BinanceStub::orderJson).toList()) + "]");
                case "GET /api/v3/myTrades" -> send(ex, 200, trades(params));
                case "GET /api/v3/account" -> send(ex, 200, account());
                default -> send(ex, 404, "{\"code\":-1000,\"msg\":\"no such endpoint " + path + "\"}");
            }
        } catch (RuntimeException e) {
            // A stub bug shows in the test's output; the client sees a dropped connection.
            System.err.println("binance stub: " + ex.getRequestMethod() + " " + ex.getRequestURI() + ": " + e);
        }
    }

    private BigDecimal price(String symbol) {
        return prices.getOrDefault(symbol, BigDecimal.ONE);
    }

    private String ticker24h(String symbol) {
        String p = price(symbol).toPlainString();
        long now = System.currentTimeMillis();
        return "{\"symbol\":\"" + symbol + "\",\"priceChange\":\"0\",\"priceChangePercent\":\"0\","
                + "\"weightedAvgPrice\":\"" + p + "\",\"prevClosePrice\":\"" + p + "\",\"lastPrice\":\"" + p
                + "\",\"lastQty\":\"0.1\",\"bidPrice\":\"" + p + "\",\"bidQty\":\"1\",\"askPrice\":\"" + p
                + "\",\"askQty\":\"1\",\"openPrice\":\"" + p + "\",\"highPrice\":\"" + p + "\",\"lowPrice\":\""
                + p + "\",\"volume\":\"100\",\"quoteVolume\":\"6000000\",\"openTime\":" + (now - 86_400_000)
                + ",\"closeTime\":" + now + ",\"firstId\":1,\"lastId\":2,\"count\":2}";
    }

    private void placeOrder(HttpExchange ex, Map<String, String> p) throws IOException {
        String symbol = p.get("symbol");
        String cid = p.get("newClientOrderId");
        BigDecimal price = price(symbol);
        String side = p.get("side");
        List<StubFill> fills = queuedFills.poll();
        if (fills == null) {
            BigDecimal qty = p.containsKey("quoteOrderQty")
                    ? new BigDecimal(p.get("quoteOrderQty")).divide(price, 5, RoundingMode.DOWN)
                    : new BigDecimal(p.get("quantity"));
            fills = List.of(fill(symbol, side, price, qty));
        }
        StubOrder o = filled(symbol, cid, side, fills);
        if (settles && !settle(o)) {
            send(ex, 400, INSUFFICIENT_BALANCE);
            return;
        }
        accepted(ex, o);
    }

    /** Keeps {@code o} and answers with it as Binance does to a FULL response, after the set delay. */
    private void accepted(HttpExchange ex, StubOrder o) throws IOException {
        if (orderVisibleAfterMs > 0) {
            visibleAt.put(o.clientOrderId(), System.currentTimeMillis() + orderVisibleAfterMs);
        }
        orders.add(o);
        long delay = orderAnswerDelayMs;
        if (delay > 0) {
            try {
                closed.await(delay, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<String> answered = new ArrayList<>();
        int n = 0;
        for (StubFill f : o.fills()) {
            answered.add("{\"price\":\"" + f.price().toPlainString() + "\",\"qty\":\"" + f.qty().toPlainString()
                    + "\",\"commission\":\"" + f.commission().toPlainString() + "\",\"commissionAsset\":\""
                    + f.commissionAsset() + "\",\"tradeId\":" + (o.orderId() * 100 + n++) + "}");
        }
        String json = orderJson(o);
        send(ex, 200, json.substring(0, json.length() - 1) + ",\"transactTime\":" + o.time() + ",\"fills\":["
                + (answersWithoutFills ? "" : String.join(",", answered)) + "]}");
    }

    private void findOrder(HttpExchange ex, Map<String, String> p) throws IOException {
        String cid = p.get("origClientOrderId");
        for (StubOrder o : orders) {
            if (o.clientOrderId().equals(cid) && o.symbol().equals(p.get("symbol"))
                    && System.currentTimeMillis() >= visibleAt.getOrDefault(cid, 0L)) {
                send(ex, 200, orderJson(o));
                return;
            }
        }
        send(ex, 400, "{\"code\":-2013,\"msg\":\"Order does not exist.\"}");
    }

    private String trades(Map<String, String> p) {
        List<String> out = new ArrayList<>();
        for (StubOrder o : orders) {
            if (!Long.toString(o.orderId()).equals(p.get("orderId"))) {
                continue;
            }
            int n = 0;
            for (StubFill f : o.fills()) {
                out.add("{\"symbol\":\"" + o.symbol() + "\",\"id\":" + (o.orderId() * 100 + n++) + ",\"orderId\":"
                        + o.orderId() + ",\"orderListId\":-1,\"price\":\"" + f.price().toPlainString()
                        + "\",\"qty\":\"" + f.qty().toPlainString() + "\",\"quoteQty\":\""
                        + f.price().multiply(f.qty()).toPlainString() + "\",\"commission\":\""
                        + f.commission().toPlainString() + "\",\"commissionAsset\":\"" + f.commissionAsset()
                        + "\",\"time\":" + o.time() + ",\"isBuyer\":" + o.side().equals("BUY")
                        + ",\"isMaker\":false,\"isBestMatch\":true}");
            }
        }
        return "[" + String.join(",", out) + "]";
    }

    static String orderJson(StubOrder o) {
        boolean market = o.type().equals("MARKET");
        boolean stop = o.stopPrice() != null;
        return "{\"symbol\":\"" + o.symbol() + "\",\"orderId\":" + o.orderId() + ",\"orderListId\":-1,"
                + "\"clientOrderId\":\"" + o.clientOrderId() + "\",\"price\":\""
                + (market ? "0.00000000" : o.price().toPlainString()) + "\",\"origQty\":\""
                + o.quantity().toPlainString() + "\",\"executedQty\":\"" + plain(o.executed())
                + "\",\"cummulativeQuoteQty\":\"" + plain(o.quote()) + "\",\"status\":\"" + o.status() + "\","
                + "\"timeInForce\":\"" + o.timeInForce() + "\",\"type\":\"" + o.type() + "\",\"side\":\""
                + o.side() + "\",\"stopPrice\":\"" + (stop ? o.stopPrice().toPlainString() : "0.00000000")
                + "\",\"icebergQty\":\"0\",\"time\":" + o.time() + ",\"updateTime\":" + o.time()
                + ",\"isWorking\":" + (!stop || o.triggered()) + "}";
    }

    /** Zero as Binance writes an amount with nothing in it. */
    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private String account() {
        List<String> out = new ArrayList<>();
        Set<String> assets = new java.util.TreeSet<>(balances.keySet());
        assets.addAll(locked.keySet());
        for (String asset : assets) {
            out.add("{\"asset\":\"" + asset + "\",\"free\":\""
                    + balances.getOrDefault(asset, BigDecimal.ZERO).toPlainString() + "\",\"locked\":\""
                    + locked.getOrDefault(asset, BigDecimal.ZERO).toPlainString() + "\"}");
        }
        return "{\"makerCommission\":10,\"takerCommission\":10,\"buyerCommission\":0,\"sellerCommission\":0,"
                + "\"canTrade\":true,\"canWithdraw\":true,\"canDeposit\":true,\"updateTime\":0,"
                + "\"accountType\":\"SPOT\",\"balances\":[" + String.join(",", out) + "],\"permissions\":[\"SPOT\"]}";
    }

    private void klines(HttpExchange ex, Map<String, String> p) throws IOException {
        if (klinesAnswered.get() >= klinesAnsweredLimit) {
            Fault failure = klinesFailure;
            if (failure != null) {
                send(ex, failure.status(), failure.body());
                return;
            }
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        int limit = Integer.parseInt(p.getOrDefault("limit", "500"));
        if (limit < 1 || limit > 1000) {
            send(ex, 400, "{\"code\":-1130,\"msg\":\"Data sent for parameter 'limit' is not valid.\"}");
            return;
        }
        klinesAnswered.incrementAndGet();
        send(ex, 200, klines(p, limit));
    }

    private String klines(Map<String, String> p, int limit) {
        long interval = switch (p.get("interval")) {
            case "1m" -> 60_000;
            case "5m" -> 300_000;
            case "1h" -> 3_600_000;
            case "1d" -> 86_400_000;
            default -> throw new IllegalArgumentException("interval " + p.get("interval"));
        };
        long seen = clock.millis() - klineLagMs;
        long newest = seen - Math.floorMod(seen, interval);
        long last = newest;
        if (p.containsKey("endTime")) {
            long end = Long.parseLong(p.get("endTime"));
            last = Math.min(newest, end - Math.floorMod(end, interval));
        }
        long first = last - (limit - 1) * interval;
        if (p.containsKey("startTime")) {
            long start = Long.parseLong(p.get("startTime"));
            first = Math.floorDiv(start + interval - 1, interval) * interval;
        }
        if (first < listedMs) {
            first = Math.floorDiv(listedMs + interval - 1, interval) * interval;
        }
        String symbol = p.get("symbol");
        BigDecimal base = price(symbol);
        List<String> rows = new ArrayList<>();
        for (long open = first; open <= last && rows.size() < limit; open += interval) {
            if (missingKlines.contains(open)) {
                continue;
            }
            StubKline k = klines.get(symbol + "@" + open);
            if (k == null && historyKlines) {
                long n = open / interval;
                BigDecimal close = base.add(BigDecimal.valueOf(n % 97, 2)).setScale(8);
                k = new StubKline(close.subtract(BigDecimal.ONE).toPlainString(), close.add(BigDecimal.TEN)
                        .toPlainString(), close.subtract(BigDecimal.TEN).toPlainString(), close.toPlainString(),
                        BigDecimal.valueOf(n % 13 + 1, 3).setScale(8).toPlainString());
            } else if (k == null) {
                BigDecimal close = base.add(BigDecimal.valueOf((newest - open) / interval % 7));
                k = new StubKline(close.subtract(BigDecimal.ONE).toPlainString(), close.add(BigDecimal.TEN)
                        .toPlainString(), close.subtract(BigDecimal.TEN).toPlainString(), close.toPlainString(),
                        "12.5");
            }
            if (open == newest) {
                k = new StubKline(k.open(), k.open(), k.open(), k.open(), "0");
            }
            rows.add("[" + open + ",\"" + k.open() + "\",\"" + k.high() + "\",\"" + k.low() + "\",\"" + k.close()
                    + "\",\"" + k.volume() + "\"," + (open + interval - 1) + ",\"750000\",42,\"6\",\"360000\",\"0\"]");
        }
        servedKlines.computeIfAbsent(symbol, x -> new CopyOnWriteArrayList<>()).addAll(rows);
        return "[" + String.join(",", rows) + "]";
    }

    private static String exchangeInfo() {
        return "{\"timezone\":\"UTC\",\"serverTime\":" + System.currentTimeMillis() + ",\"rateLimits\":[],"
                + "\"exchangeFilters\":[],\"symbols\":[" + symbolInfo("BTCUSDT", "BTC", "0.01", "0.00001", "5")
                + "," + symbolInfo("ETHUSDT", "ETH", "0.01", "0.0001", "5") + "]}";
    }

    private static String symbolInfo(String symbol, String base, String tick, String step, String minNotional) {
        return "{\"symbol\":\"" + symbol + "\",\"status\":\"TRADING\",\"baseAsset\":\"" + base + "\","
                + "\"baseAssetPrecision\":8,\"quoteAsset\":\"USDT\",\"quotePrecision\":8,\"quoteAssetPrecision\":8,"
                + "\"orderTypes\":[\"LIMIT\",\"MARKET\"],\"icebergAllowed\":true,\"ocoAllowed\":true,"
                + "\"isSpotTradingAllowed\":true,\"isMarginTradingAllowed\":false,\"permissions\":[\"SPOT\"],"
                + "\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"" + tick + "\",\"maxPrice\":"
                + "\"1000000.00\",\"tickSize\":\"" + tick + "\"},{\"filterType\":\"LOT_SIZE\",\"minQty\":\"" + step
                + "\",\"maxQty\":\"9000.00000000\",\"stepSize\":\"" + step + "\"},{\"filterType\":\"NOTIONAL\","
                + "\"minNotional\":\"" + minNotional + "\",\"applyMinToMarket\":true,\"maxNotional\":\"9000000\","
                + "\"applyMaxToMarket\":false,\"avgPriceMins\":5}]}";
    }

    private static void parse(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
