package com.byninja.bot.exchange.xchange;

import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.MarketData;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real exchange's public side, opened through XChange: its client, the calls to it and their health, its markets'
 * size rules, read at start, and its prices. Paper and live trading both stand on it.
 *
 * @param <S> the client, for what live trading asks of it beyond prices
 */
public final class XChangeMarkets<S extends MarketSource> {

    /** Makes an exchange's client; it may fail as XChange's start-up does. */
    @FunctionalInterface
    public interface ClientFactory<S extends MarketSource> {
        S create() throws ClassNotFoundException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(XChangeMarkets.class);

    /**
     * How long after its end a candle with no later one is taken as final: the exchange may still add the period's
     * last trades for a second or two ({@link MarketData#closedCandlesSince} keeps it back until then).
     */
    public static final long CANDLE_SETTLE_MS = XChangeMarketData.SETTLE_MS;

    private final S client;
    private final ExchangeHealth health;
    private final Calls calls;
    private final Map<Symbol, MarketRules> rules;
    private final MarketData marketData;

    private XChangeMarkets(S client, ExchangeHealth health, Calls calls, Map<Symbol, MarketRules> rules,
                           MarketData marketData) {
        this.client = client;
        this.health = health;
        this.calls = calls;
        this.rules = Map.copyOf(rules);
        this.marketData = marketData;
    }

    /**
     * Makes the client and reads the markets' size rules, the first call of all.
     *
     * @param settings the exchange's type, address, timeouts and retries
     * @param factory  makes the client
     * @param symbols  the markets to read the rules of
     * @param clock    the bot's time
     * @param alerts   where exchange trouble is reported
     * @return the exchange, its markets' rules read
     * @throws ExchangeException when the client cannot be made, the exchange cannot be reached, or it does not list a
     *                           market
     */
    public static <S extends MarketSource> XChangeMarkets<S> open(ExchangeSettings settings, ClientFactory<S> factory,
                                                                  List<Symbol> symbols, Clock clock, Alerts alerts)
            throws ExchangeException {
        return open(settings, factory, symbols, clock, alerts, Thread::sleep);
    }

    /**
     * As {@link #open(ExchangeSettings, ClientFactory, List, Clock, Alerts)}, with the retries' waits in the hands of
     * {@code sleeper}.
     */
    public static <S extends MarketSource> XChangeMarkets<S> open(ExchangeSettings settings, ClientFactory<S> factory,
                                                                  List<Symbol> symbols, Clock clock, Alerts alerts,
                                                                  Calls.Sleeper sleeper)
            throws ExchangeException {
        S source = client(settings, factory);
        ExchangeHealth health = new ExchangeHealth(source.name(), settings.failureAlertAfter(), alerts, clock);
        Calls calls = new Calls(health, new XChangeErrors(source.errorCodes()), settings.readRetries(),
                settings.retryMaxDelayMs(), sleeper);
        Map<Symbol, MarketRules> rules;
        try {
            rules = calls.read("market rules of " + source.name(), () -> source.rules(symbols));
        } catch (ExchangeException e) {
            // The first call of all: when it cannot get through, say where it went and what to check.
            Optional<String> why = XChangeErrors.unreachable(e);
            if (why.isEmpty()) {
                throw e;
            }
            throw new ExchangeException(e.kind(), "cannot reach " + source.name() + " at " + source.apiUrl() + ": "
                    + why.get() + ". Check exchange.baseUrl and this machine's network (DNS, proxy, firewall).", e,
                    0);
        }
        rules.values().forEach(r -> LOG.info("{} {}: minimum quantity {}, step {}, price tick {}, minimum value {}",
                source.name(), r.symbol(), r.minQuantity().toPlainString(), r.quantityStep().toPlainString(),
                r.priceTick().toPlainString(), r.minNotional().toPlainString()));
        return new XChangeMarkets<>(source, health, calls, rules, new XChangeMarketData(source, calls, clock));
    }

    private static <S extends MarketSource> S client(ExchangeSettings settings, ClientFactory<S> factory)
            throws ExchangeException {
        try {
            return factory.create();
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            // LinkageError: an exchange module built for another xchange-core (xchange-kraken 5.2.2 on 5.2.4).
            throw new ExchangeException(ExchangeException.Kind.REFUSED, "cannot open " + settings.type() + ": "
                    + XChangeErrors.message(e), e, 0);
        }
    }

    /** @return the exchange's client. */
    public S client() {
        return client;
    }

    /** @return the exchange's short name, such as {@code binance}. */
    public String name() {
        return client.name();
    }

    /** @return the calls to the exchange, which retry reads and report on the exchange's health. */
    public Calls calls() {
        return calls;
    }

    /** @return each market's size and precision rules, as read at start. */
    public Map<Symbol, MarketRules> rules() {
        return rules;
    }

    /** @return the exchange's prices and candles. */
    public MarketData marketData() {
        return marketData;
    }

    /** @return whether buying waits for the exchange to answer again. */
    boolean buyingPaused() {
        return health.buyingPaused();
    }
}
