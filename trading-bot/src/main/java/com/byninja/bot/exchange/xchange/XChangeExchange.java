package com.byninja.bot.exchange.xchange;

import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.exchange.AccountView;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.exchange.MarketData;
import com.byninja.bot.exchange.paper.PaperExecution;
import com.byninja.bot.exchange.paper.PaperWallet;
import com.byninja.bot.store.Database;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real exchange through XChange: its public prices always, and either the paper wallet ({@code mode: paper}) or
 * the real account ({@code mode: live}, Binance only) for orders. Opening it reads the markets' size rules.
 */
public final class XChangeExchange implements Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(XChangeExchange.class);

    private final MarketData marketData;
    private final Execution execution;
    private final Map<Symbol, MarketRules> rules;
    private final ExchangeHealth health;
    private final AccountView account;

    private XChangeExchange(MarketData marketData, Execution execution, Map<Symbol, MarketRules> rules,
                            ExchangeHealth health, AccountView account) {
        this.marketData = marketData;
        this.execution = execution;
        this.rules = Map.copyOf(rules);
        this.health = health;
        this.account = account;
    }

    /**
     * @param config the validated configuration
     * @param db     the bot's database, where the paper wallet lives
     * @param clock  the bot's time
     * @param alerts where exchange trouble is reported
     * @return the exchange, its markets' rules read
     * @throws ExchangeException when the exchange cannot be reached or does not list a configured market
     * @throws SQLException      when the paper wallet cannot be read
     */
    public static XChangeExchange open(BotConfig config, Database db, Clock clock, Alerts alerts)
            throws ExchangeException, SQLException {
        ExchangeSettings settings = config.exchange();
        boolean binance = settings.type().equals(ExchangeSettings.BINANCE)
                || settings.type().equals("org.knowm.xchange.binance.BinanceExchange");
        MarketSource source;
        try {
            source = binance ? new BinanceClient(settings) : new GenericClient(settings);
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            // LinkageError: an exchange module built for another xchange-core (xchange-kraken 5.2.2 on 5.2.4).
            throw new ExchangeException(ExchangeException.Kind.REFUSED, "cannot open " + settings.type() + ": "
                    + XChangeErrors.message(e), e, 0);
        }
        ExchangeHealth health = new ExchangeHealth(source.name(), settings.failureAlertAfter(), alerts);
        Calls calls = new Calls(health, new XChangeErrors(source.errorCodes()), settings.readRetries(),
                settings.retryMaxDelayMs(), Thread::sleep);
        List<Symbol> symbols = config.symbols();
        MarketSource markets = source;
        Map<Symbol, MarketRules> rules;
        try {
            rules = calls.read("market rules of " + source.name(), () -> markets.rules(symbols));
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
        XChangeMarketData marketData = new XChangeMarketData(source, calls, clock);
        if (!settings.live()) {
            LOG.info("paper trading on {}'s prices (API {}): orders fill in the paper wallet", source.name(),
                    settings.baseUrl().isEmpty() ? "default" : settings.baseUrl());
            PaperWallet wallet = new PaperWallet(config.simulator(), config.quoteCurrency(), db, clock, "PAPER");
            return new XChangeExchange(marketData, new PaperExecution(wallet, marketData, rules, clock), rules,
                    health, null);
        }
        BinanceClient client = (BinanceClient) source;
        LiveExecution live = new LiveExecution(client, calls, marketData, rules, clock);
        LOG.warn("LIVE TRADING on {} (API {}): orders are real and spend real money", source.name(),
                settings.baseUrl().isEmpty() ? "default" : settings.baseUrl());
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("event", "live_trading");
        data.put("exchange", source.name());
        alerts.alert("LIVE TRADING on " + source.name() + ": orders are real and spend real money", null, data);
        return new XChangeExchange(marketData, live, rules, health, new BinanceAccount(client, calls, live));
    }

    @Override
    public MarketData marketData() {
        return marketData;
    }

    @Override
    public Execution execution() {
        return execution;
    }

    @Override
    public Map<Symbol, MarketRules> rules() {
        return rules;
    }

    @Override
    public Optional<AccountView> account() {
        return Optional.ofNullable(account);
    }

    @Override
    public boolean buyingPaused() {
        return health.buyingPaused();
    }

    @Override
    public void close() {
        // Nothing is held open: XChange's clients open one HTTP connection per call.
    }
}
