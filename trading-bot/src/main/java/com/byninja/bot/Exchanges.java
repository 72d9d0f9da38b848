package com.byninja.bot;

import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.binance.BinanceAccount;
import com.byninja.bot.exchange.binance.BinanceClient;
import com.byninja.bot.exchange.binance.LiveExecution;
import com.byninja.bot.exchange.paper.PaperExecution;
import com.byninja.bot.exchange.paper.PaperWallet;
import com.byninja.bot.exchange.simulated.SimulatedExchange;
import com.byninja.bot.exchange.xchange.GenericClient;
import com.byninja.bot.exchange.xchange.XChangeExchange;
import com.byninja.bot.exchange.xchange.XChangeMarkets;
import com.byninja.bot.store.Database;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the exchange named by {@code exchange.type}: the simulator; Binance through its own client, paper or live; or
 * any other XChange exchange through XChange's generic API, paper only. Opening a real exchange reads its markets'
 * size rules.
 */
public final class Exchanges {

    private static final Logger LOG = LoggerFactory.getLogger(Exchanges.class);

    private Exchanges() {
    }

    /**
     * @param config the validated configuration
     * @param db     the bot's database, for exchanges that keep books locally (the simulator, the paper wallet)
     * @param clock  the bot's time
     * @param alerts where exchange trouble is reported
     * @return the exchange, ready to use
     * @throws SQLException      when the exchange's local books cannot be read
     * @throws ExchangeException when a real exchange cannot be reached at start or does not list a configured market
     */
    public static Exchange open(BotConfig config, Database db, Clock clock, Alerts alerts)
            throws SQLException, ExchangeException {
        ExchangeSettings settings = config.exchange();
        if (settings.type().equals(ExchangeSettings.SIMULATED)) {
            return new SimulatedExchange(config.simulator(), config.symbols(), config.quoteCurrency(), db, clock);
        }
        if (!settings.type().equals(ExchangeSettings.BINANCE)
                && !settings.type().equals("org.knowm.xchange.binance.BinanceExchange")) {
            // The configuration allows live trading on Binance only.
            return paper(config, XChangeMarkets.open(settings, () -> new GenericClient(settings), config.symbols(),
                    clock, alerts), db, clock);
        }
        XChangeMarkets<BinanceClient> binance = XChangeMarkets.open(settings, () -> new BinanceClient(settings),
                config.symbols(), clock, alerts);
        return settings.live() ? live(settings, binance, clock, alerts) : paper(config, binance, db, clock);
    }

    private static Exchange paper(BotConfig config, XChangeMarkets<?> markets, Database db, Clock clock)
            throws SQLException {
        LOG.info("paper trading on {}'s prices (API {}): orders fill in the paper wallet", markets.name(),
                api(config.exchange()));
        PaperWallet wallet = new PaperWallet(config.simulator(), config.quoteCurrency(), db, clock, "PAPER");
        return XChangeExchange.paper(markets, new PaperExecution(wallet, markets.marketData(), markets.rules(),
                clock));
    }

    private static Exchange live(ExchangeSettings settings, XChangeMarkets<BinanceClient> markets, Clock clock,
                                 Alerts alerts) {
        LiveExecution live = new LiveExecution(markets.client(), markets.calls(), markets.marketData(),
                markets.rules(), clock);
        LOG.warn(Alerts.ALERTED, "LIVE TRADING on {} (API {}): orders are real and spend real money", markets.name(),
                api(settings));
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("exchange", markets.name());
        alerts.raise(new Alert(AlertKind.LIVE_TRADING, "LIVE TRADING on " + markets.name()
                + ": orders are real and spend real money", null, data));
        return XChangeExchange.live(markets, live, new BinanceAccount(markets.client(), markets.calls(), live));
    }

    private static String api(ExchangeSettings settings) {
        return settings.baseUrl().isEmpty() ? "default" : settings.baseUrl();
    }
}
