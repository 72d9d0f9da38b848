package com.byninja.bot.engine.port;

import com.byninja.bot.domain.EquitySample;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The bot's equity over time, sampled on the clock by the trading thread, kept across restarts. */
public interface EquityJournal {

    /** Saves a sample; one at the same instant as a saved one replaces it. */
    void saveEquity(EquitySample sample) throws SQLException;

    /** @return the samples at or after {@code since}, oldest first */
    List<EquitySample> equitySince(Instant since) throws SQLException;
}
