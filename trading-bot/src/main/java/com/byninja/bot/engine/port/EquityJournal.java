package com.byninja.bot.engine.port;

import com.byninja.bot.domain.EquitySample;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The bot's equity over time, sampled on the clock by the trading thread, kept across restarts. */
public interface EquityJournal {

    /** Saves a sample; one at the same instant as a saved one replaces it. */
    void saveEquity(EquitySample sample) throws SQLException;

    /** @return the samples at or after {@code since}, oldest first */
    List<EquitySample> equitySince(Instant since) throws SQLException;

    /** @return the latest sample at or before {@code at}: the equity as last written when that instant came */
    Optional<EquitySample> equityAtOrBefore(Instant at) throws SQLException;

    /** @return the earliest sample at or after {@code at} */
    Optional<EquitySample> equityAtOrAfter(Instant at) throws SQLException;
}
