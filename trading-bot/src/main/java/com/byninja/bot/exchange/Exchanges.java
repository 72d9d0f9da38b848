package com.byninja.bot.exchange;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.exchange.simulated.SimulatedExchange;
import com.byninja.bot.store.Database;
import java.sql.SQLException;
import java.time.Clock;

/** Opens the exchange named by {@code exchange.type}. */
public final class Exchanges {

    private Exchanges() {
    }

    /**
     * @param config the validated configuration
     * @param db     the bot's database, for exchanges that keep books locally (the simulator)
     * @param clock  the bot's time
     * @return the exchange, ready to use
     * @throws SQLException when the exchange's local books cannot be read
     */
    public static Exchange open(BotConfig config, Database db, Clock clock) throws SQLException {
        return switch (config.exchange().type()) {
            case "simulated" -> new SimulatedExchange(config.simulator(), config.symbols(), config.quoteCurrency(),
                    db, clock);
            default -> throw new IllegalArgumentException("unknown exchange " + config.exchange().type());
        };
    }
}
