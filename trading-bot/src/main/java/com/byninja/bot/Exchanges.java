package com.byninja.bot;

import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.simulated.SimulatedExchange;
import com.byninja.bot.exchange.xchange.XChangeExchange;
import com.byninja.bot.store.Database;
import java.sql.SQLException;
import java.time.Clock;

/** Opens the exchange named by {@code exchange.type}. */
public final class Exchanges {

    private Exchanges() {
    }

    /**
     * @param config the validated configuration
     * @param db     the bot's database, for exchanges that keep books locally (the simulator, the paper wallet)
     * @param clock  the bot's time
     * @param alerts where exchange trouble is reported
     * @return the exchange, ready to use
     * @throws SQLException      when the exchange's local books cannot be read
     * @throws ExchangeException when a real exchange cannot be reached at start
     */
    public static Exchange open(BotConfig config, Database db, Clock clock, Alerts alerts)
            throws SQLException, ExchangeException {
        if (config.exchange().type().equals(ExchangeSettings.SIMULATED)) {
            return new SimulatedExchange(config.simulator(), config.symbols(), config.quoteCurrency(), db, clock);
        }
        return XChangeExchange.open(config, db, clock, alerts);
    }
}
