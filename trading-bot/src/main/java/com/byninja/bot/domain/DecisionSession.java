package com.byninja.bot.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One life of a trader whose decisions are journaled: from a start of the bot (or of a replay) to its stop. Each
 * session reads its own history, so that a replay can rebuild the strategy's series at each restart as it was.
 *
 * @param id        its number, increasing with each start
 * @param startedAt when the trader started
 * @param truncated whether the journal's age limit has removed some of its candles, its history first: a replay then
 *                  starts it on fewer candles than it had
 */
public record DecisionSession(long id, Instant startedAt, boolean truncated) {

    public DecisionSession {
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
